import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityRangeInput,
  type AudienceGroup,
  activityNotFoundError,
  activityRangeInput,
  type BriefingInput,
  type BriefingMode,
  type BriefingUpdateInput,
  briefingInput,
  briefingStaleError,
  briefingUpdateInput,
  idInput,
  type Page,
  parseInput,
  searchWords,
  type ValidActivityRange,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor } from '../kernel/cursor.js';
import { assertUnit, isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import { wordsStartingWords } from '../kernel/word-search.js';
import type { Orm } from '../orm.js';
import { linkPeople, scopeAtCte, toPage } from './activity-sql.js';

export interface BriefingView {
  readonly id: string;
  readonly date: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly place: string | null;
  readonly topic: string;
  readonly resolution: string | null;
  readonly directive: string | null;
  readonly audienceSize: number;
  /** The audience by people and gender, when it was counted so (empty otherwise). */
  readonly audience: readonly AudienceGroup[];
  readonly mode: BriefingMode;
  readonly note: string | null;
  readonly presenters: readonly { readonly personId: string; readonly fullName: string }[];
  readonly version: number;
}

const BRIEFING = { vi: 'buổi tuyên truyền', en: 'Briefing' };

/** Briefings: a rapporteur (or several) speaking to an audience of a unit on a topic. */
export class Briefings {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async recordBriefing(actor: Actor, input: BriefingInput): Promise<BriefingView> {
    const data = parseInput(briefingInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      await peopleNamed(tx, data.presenterIds, (i) => `presenterIds.${i}`);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO briefing (id, date, unit_id, place, topic, resolution, directive, audience_size, mode, note)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          data.date,
          data.unitId,
          data.place ?? null,
          data.topic,
          data.resolution ?? null,
          data.directive ?? null,
          data.audienceSize,
          data.mode,
          data.note ?? null,
        ],
      );
      const briefingId = (row as { id: string }).id;
      await linkPeople(tx, 'briefing_person', 'briefing_id', briefingId, data.presenterIds);
      await writeAudience(tx, briefingId, data.audience);
      await audit(tx, actor, { action: 'briefing.record', entity: 'briefing', entityId: briefingId, after: data });
      return briefingId;
    });
    return this.briefing(id);
  }

  /**
   * Corrects a briefing on the version read: every field, presenters and audience replaced, in one
   * transaction; a briefing someone saved since is refused (`ACTIVITY.STALE`), never overwritten.
   */
  async updateBriefing(actor: Actor, input: BriefingUpdateInput): Promise<BriefingView> {
    const data = parseInput(briefingUpdateInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [before] = await tx.execute<Record<string, unknown>[]>(
        `SELECT ${isoCol('date', 'date')}, unit_id AS "unitId", place, topic, resolution, directive,
                audience_size AS "audienceSize", mode, note, version
           FROM briefing WHERE id = ? FOR UPDATE`,
        [data.id],
      );
      if (!before) throw activityNotFoundError(BRIEFING, data.id);
      if (before.version !== data.version) throw briefingStaleError();
      await assertUnit(tx, data.unitId, 'unitId');
      await peopleNamed(tx, data.presenterIds, (i) => `presenterIds.${i}`);
      await tx.execute(
        `UPDATE briefing SET date = ?, unit_id = ?, place = ?, topic = ?, resolution = ?, directive = ?, audience_size = ?,
                mode = ?, note = ?, updated_at = now(), version = version + 1
          WHERE id = ?`,
        [
          data.date,
          data.unitId,
          data.place ?? null,
          data.topic,
          data.resolution ?? null,
          data.directive ?? null,
          data.audienceSize,
          data.mode,
          data.note ?? null,
          data.id,
        ],
        'run',
      );
      await tx.execute('DELETE FROM briefing_person WHERE briefing_id = ?', [data.id], 'run');
      await linkPeople(tx, 'briefing_person', 'briefing_id', data.id, data.presenterIds);
      await tx.execute('DELETE FROM briefing_audience WHERE briefing_id = ?', [data.id], 'run');
      await writeAudience(tx, data.id, data.audience);
      const { id: _id, version: _version, ...after } = data;
      await audit(tx, actor, { action: 'briefing.update', entity: 'briefing', entityId: data.id, before, after });
    });
    return this.briefing(data.id);
  }

  async briefing(id: string): Promise<BriefingView> {
    parseInput(idInput, id);
    const [view] = await this.briefingRows(
      parseInput(activityRangeInput, { from: '1900-01-01', to: '9999-12-31' }),
      id,
    );
    if (!view) throw activityNotFoundError(BRIEFING, id);
    return view;
  }

  /** Briefings in a period (and unit, and search words), oldest first, a page at a time. */
  async briefings(input: ActivityRangeInput): Promise<Page<BriefingView>> {
    const q = parseInput(activityRangeInput, input);
    return toPage(await this.briefingRows(q, undefined, q.cursor), q.limit);
  }

  private async briefingRows(q: ValidActivityRange, onlyId?: string, cursor?: string): Promise<BriefingView[]> {
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const words = searchWords(q.search);
    // Presenters' names are searched too: "who briefed in Bản Cuôn" is asked by name.
    const search = wordsStartingWords(
      `concat_ws(' ', b.topic, b.resolution, b.directive, b.place, u.name,
         (SELECT string_agg(p.full_name, ' ') FROM briefing_person bp JOIN person p ON p.id = bp.person_id WHERE bp.briefing_id = b.id))`,
      words,
    );
    return this.orm.em
      .fork()
      .getConnection()
      .execute<BriefingView[]>(
        `${q.unitId ? scopeAtCte('id') : ''}
         SELECT b.id, ${isoCol('b.date', 'date')}, b.unit_id AS "unitId", u.name AS "unitName", b.place, b.topic, b.resolution,
                b.directive, b.audience_size AS "audienceSize", b.mode, b.note, b.version,
                coalesce((SELECT json_agg(json_build_object('personId', p.id, 'fullName', p.full_name) ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu")
                   FROM briefing_person bp JOIN person p ON p.id = bp.person_id WHERE bp.briefing_id = b.id), '[]') AS presenters,
                coalesce((SELECT json_agg(json_build_object('ethnicity', a.ethnicity, 'gender', a.gender, 'count', a.count) ORDER BY a.ethnicity, a.gender)
                   FROM briefing_audience a WHERE a.briefing_id = b.id), '[]') AS audience
           FROM briefing b JOIN unit u ON u.id = b.unit_id
          WHERE b.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND b.unit_id IN (SELECT id FROM scope)' : ''}
            ${search.where.map((w) => `AND ${w}`).join(' ')}
            ${onlyId ? 'AND b.id = ?' : ''} ${after ? 'AND (b.date, b.id) > (?::date, ?::uuid)' : ''}
          ORDER BY b.date, b.id
          LIMIT ${q.limit + 1}`,
        [
          ...(q.unitId ? [q.to, q.unitId] : []),
          q.from,
          q.to,
          ...search.params,
          ...(onlyId ? [onlyId] : []),
          ...(after ?? []),
        ],
      );
  }
}

async function writeAudience(tx: EntityManager, briefingId: string, groups: readonly AudienceGroup[]): Promise<void> {
  if (groups.length === 0) return;
  await tx.execute(
    `INSERT INTO briefing_audience (briefing_id, ethnicity, gender, count) VALUES ${groups.map(() => '(?, ?, ?, ?)').join(', ')}`,
    groups.flatMap((g) => [briefingId, g.ethnicity, g.gender, g.count]),
    'run',
  );
}
