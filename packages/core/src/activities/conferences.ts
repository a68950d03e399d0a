import {
  type ActivityRangeInput,
  activityNotFoundError,
  activityRangeInput,
  type ConferenceAttendanceInput,
  type ConferenceInput,
  conferenceAttendanceInput,
  conferenceInput,
  idInput,
  parseInput,
  unknownReferenceError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { assertUnit, isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface ConferenceView {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly rosterId: string | null;
  readonly mode: string;
  readonly sites: readonly string[];
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
}

/** Conferences of a roster's rapporteurs, their sites and who attended. */
export class Conferences {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async createConference(actor: Actor, input: ConferenceInput): Promise<ConferenceView> {
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
          'INSERT INTO conference_site (id, conference_id, name, unit_id) VALUES (gen_random_uuid(), ?, ?, ?) ON CONFLICT DO NOTHING',
          [conferenceId, site.name, site.unitId ?? null],
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
  async recordAttendance(actor: Actor, input: ConferenceAttendanceInput): Promise<ConferenceView> {
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

  async conference(id: string): Promise<ConferenceView> {
    parseInput(idInput, id);
    const [view] = await this.conferenceQuery('c.id = ?', [id]);
    if (!view) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, id);
    return view;
  }

  async conferences(input: ActivityRangeInput): Promise<ConferenceView[]> {
    const q = parseInput(activityRangeInput, input);
    return this.conferenceQuery(`c.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND c.owner_unit_id = ?' : ''}`, [
      q.from,
      q.to,
      ...(q.unitId ? [q.unitId] : []),
    ]);
  }

  private conferenceQuery(where: string, params: unknown[]): Promise<ConferenceView[]> {
    return this.orm.em
      .fork()
      .getConnection()
      .execute<ConferenceView[]>(
        `SELECT c.id, ${isoCol('c.date', 'date')}, c.title, c.owner_unit_id AS "ownerUnitId", c.roster_id AS "rosterId", c.mode,
                coalesce((SELECT json_agg(s.name ORDER BY s.name) FROM conference_site s WHERE s.conference_id = c.id), '[]') AS sites,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'present') AS present,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'excused') AS excused,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'absent') AS absent
           FROM conference c WHERE ${where} ORDER BY c.date, c.id`,
        params,
      );
  }
}
