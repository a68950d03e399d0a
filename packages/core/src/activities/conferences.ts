import {
  type ActivityRangeInput,
  activityNotFoundError,
  activityRangeInput,
  type ConferenceAttendanceInput,
  type ConferenceAttendanceStatus,
  type ConferenceInput,
  type ConferenceSitesInput,
  conferenceAttendanceInput,
  conferenceInput,
  conferenceSitesInput,
  idInput,
  parseInput,
  searchWords,
  siteInUseError,
  unknownReferenceError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { assertUnit, isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import { wordsStartingWords } from '../kernel/word-search.js';
import type { Orm } from '../orm.js';

export interface ConferenceSiteView {
  readonly id: string;
  readonly name: string;
  readonly unitId: string | null;
  /** People counted there (named or not), when counted. */
  readonly headcount: number | null;
  /** Named attendees marked present there. */
  readonly present: number;
}

export interface ConferenceAttendee {
  readonly personId: string;
  readonly fullName: string;
  readonly status: ConferenceAttendanceStatus;
  readonly siteId: string | null;
}

/** A conference and who is named as attending it (in the Vietnamese order of names). */
export interface ConferenceDetail extends ConferenceView {
  readonly attendees: readonly ConferenceAttendee[];
}

export interface ConferenceView {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly rosterId: string | null;
  readonly ownerUnitName: string;
  readonly mode: string;
  readonly sites: readonly ConferenceSiteView[];
  /** The sites' headcounts added up (sites without one count their named attendees present). */
  readonly headcount: number;
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
}

/** Conferences of a roster's rapporteurs, their sites and who attended. */
export class Conferences {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async createConference(actor: Actor, input: ConferenceInput): Promise<ConferenceDetail> {
    const data = parseInput(conferenceInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.ownerUnitId, 'ownerUnitId');
      if (data.rosterId) {
        const [r] = await tx.execute('SELECT 1 FROM roster WHERE id = ?', [data.rosterId]);
        if (!r) throw unknownReferenceError('rosterId', data.rosterId);
      }
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO conference (id, date, title, owner_unit_id, roster_id, mode) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.title, data.ownerUnitId, data.rosterId ?? null, data.mode],
      );
      const conferenceId = (row as { id: string }).id;
      for (const [i, site] of data.sites.entries()) {
        if (site.unitId) await assertUnit(tx, site.unitId, `sites.${i}.unitId`);
        await tx.execute(
          'INSERT INTO conference_site (id, conference_id, name, unit_id, headcount) VALUES (gen_random_uuid(), ?, ?, ?, ?)',
          [conferenceId, site.name, site.unitId ?? null, site.headcount ?? null],
          'run',
        );
      }
      await audit(tx, actor, {
        action: 'conference.create',
        entity: 'conference',
        entityId: conferenceId,
        after: data,
      });
      return conferenceId;
    });
    return this.conference(id);
  }

  /** Records (or corrects) attendance; each person once per conference. */
  async recordAttendance(actor: Actor, input: ConferenceAttendanceInput): Promise<ConferenceDetail> {
    const data = parseInput(conferenceAttendanceInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [c] = await tx.execute('SELECT 1 FROM conference WHERE id = ? FOR UPDATE', [data.conferenceId]);
      if (!c) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, data.conferenceId);
      await peopleNamed(
        tx,
        data.entries.map((e) => e.personId),
        (i) => `entries.${i}.personId`,
      );
      for (const [i, entry] of data.entries.entries()) {
        let siteId: string | null = null;
        if (entry.site) {
          const [site] = await tx.execute<{ id: string }[]>(
            'SELECT id FROM conference_site WHERE conference_id = ? AND name = ?',
            [data.conferenceId, entry.site],
          );
          if (!site) throw unknownReferenceError(`entries.${i}.site`, entry.site);
          siteId = site.id;
        }
        await tx.execute(
          `INSERT INTO conference_attendance (conference_id, person_id, status, site_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (conference_id, person_id) DO UPDATE SET status = excluded.status, site_id = excluded.site_id`,
          [data.conferenceId, entry.personId, entry.status, siteId],
          'run',
        );
      }
      await audit(tx, actor, {
        action: 'conference.attendance',
        entity: 'conference',
        entityId: data.conferenceId,
        after: data.entries,
      });
    });
    return this.conference(data.conferenceId);
  }

  /**
   * Sets a conference's sites as listed: kept ones (by id) renamed and recounted, new ones added,
   * the rest removed — refused while a named attendee was there. Locked, so two editors queue.
   */
  async updateSites(actor: Actor, input: ConferenceSitesInput): Promise<ConferenceDetail> {
    const data = parseInput(conferenceSitesInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [c] = await tx.execute('SELECT 1 FROM conference WHERE id = ? FOR UPDATE', [data.conferenceId]);
      if (!c) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, data.conferenceId);
      const before = await tx.execute<{ id: string; name: string; unit_id: string | null; headcount: number | null }[]>(
        'SELECT id, name, unit_id, headcount FROM conference_site WHERE conference_id = ? ORDER BY name',
        [data.conferenceId],
      );
      for (const [i, site] of data.sites.entries()) {
        if (site.id && !before.some((b) => b.id === site.id)) throw unknownReferenceError(`sites.${i}.id`, site.id);
        if (site.unitId) await assertUnit(tx, site.unitId, `sites.${i}.unitId`);
      }
      const kept = new Set(data.sites.flatMap((s) => (s.id ? [s.id] : [])));
      for (const gone of before.filter((b) => !kept.has(b.id))) {
        const [used] = await tx.execute('SELECT 1 FROM conference_attendance WHERE site_id = ? LIMIT 1', [gone.id]);
        if (used) throw siteInUseError(gone.name);
        await tx.execute('DELETE FROM conference_site WHERE id = ?', [gone.id], 'run');
      }
      // Names are unique per conference: a rename onto a kept site's old name must not collide midway.
      for (const site of data.sites.filter((s) => s.id))
        await tx.execute("UPDATE conference_site SET name = '#' || id WHERE id = ?", [site.id], 'run');
      for (const site of data.sites) {
        await tx.execute(
          site.id
            ? 'UPDATE conference_site SET name = ?, unit_id = ?, headcount = ? WHERE id = ?'
            : 'INSERT INTO conference_site (id, conference_id, name, unit_id, headcount) VALUES (gen_random_uuid(), ?, ?, ?, ?)',
          site.id
            ? [site.name, site.unitId ?? null, site.headcount ?? null, site.id]
            : [data.conferenceId, site.name, site.unitId ?? null, site.headcount ?? null],
          'run',
        );
      }
      await audit(tx, actor, {
        action: 'conference.sites',
        entity: 'conference',
        entityId: data.conferenceId,
        before,
        after: data.sites,
      });
    });
    return this.conference(data.conferenceId);
  }

  async conference(id: string): Promise<ConferenceDetail> {
    parseInput(idInput, id);
    const [view] = await this.conferenceQuery('c.id = ?', [id]);
    if (!view) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, id);
    const attendees = await this.orm.em
      .fork()
      .getConnection()
      .execute<ConferenceAttendee[]>(
        `SELECT a.person_id AS "personId", p.full_name AS "fullName", a.status, a.site_id AS "siteId"
           FROM conference_attendance a JOIN person p ON p.id = a.person_id
          WHERE a.conference_id = ? ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu"`,
        [id],
      );
    return { ...view, attendees };
  }

  /** Conferences in a period, oldest first; `unitId`: owned by that unit; `search`: words of the title or a site. */
  async conferences(input: ActivityRangeInput): Promise<ConferenceView[]> {
    const q = parseInput(activityRangeInput, input);
    const search = wordsStartingWords(
      `concat_ws(' ', c.title, (SELECT string_agg(s.name, ' ') FROM conference_site s WHERE s.conference_id = c.id))`,
      searchWords(q.search),
    );
    return this.conferenceQuery(
      `c.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND c.owner_unit_id = ?' : ''} ${search.where.map((w) => `AND ${w}`).join(' ')}`,
      [q.from, q.to, ...(q.unitId ? [q.unitId] : []), ...search.params],
    );
  }

  private conferenceQuery(where: string, params: unknown[]): Promise<ConferenceView[]> {
    return this.orm.em
      .fork()
      .getConnection()
      .execute<ConferenceView[]>(
        `WITH site AS (
           SELECT s.id, s.conference_id, s.name, s.unit_id, s.headcount,
                  (SELECT count(*)::int FROM conference_attendance a WHERE a.site_id = s.id AND a.status = 'present') AS present
             FROM conference_site s
         )
         SELECT c.id, ${isoCol('c.date', 'date')}, c.title, c.owner_unit_id AS "ownerUnitId", ou.name AS "ownerUnitName",
                c.roster_id AS "rosterId", c.mode,
                coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'unitId', s.unit_id, 'headcount', s.headcount,
                                                            'present', s.present) ORDER BY s.name COLLATE "vi-x-icu")
                            FROM site s WHERE s.conference_id = c.id), '[]') AS sites,
                coalesce((SELECT sum(coalesce(s.headcount, s.present))::int FROM site s WHERE s.conference_id = c.id), 0)
                  + (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'present' AND a.site_id IS NULL)
                  AS headcount,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'present') AS present,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'excused') AS excused,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'absent') AS absent
           FROM conference c JOIN unit ou ON ou.id = c.owner_unit_id WHERE ${where} ORDER BY c.date, c.id`,
        params,
      );
  }
}
