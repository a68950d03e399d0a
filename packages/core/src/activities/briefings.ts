import {
  type ActivityRangeInput,
  activityRangeInput,
  type BriefingInput,
  type BriefingMode,
  briefingInput,
  type Page,
  parseInput,
  type ValidActivityRange,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor } from '../kernel/cursor.js';
import { assertUnit, isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { linkPeople, scopeCte, toPage } from './activity-sql.js';

export interface BriefingView {
  readonly id: string;
  readonly date: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly topic: string;
  readonly resolution: string | null;
  readonly audienceSize: number;
  readonly mode: BriefingMode;
  readonly presenters: readonly { readonly personId: string; readonly fullName: string }[];
}

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
        `INSERT INTO briefing (id, date, unit_id, topic, resolution, audience_size, mode, note)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.unitId, data.topic, data.resolution ?? null, data.audienceSize, data.mode, data.note ?? null],
      );
      const briefingId = (row as { id: string }).id;
      await linkPeople(tx, 'briefing_person', 'briefing_id', briefingId, data.presenterIds);
      await audit(tx, actor, { action: 'briefing.record', entity: 'briefing', entityId: briefingId, after: data });
      return briefingId;
    });
    const [view] = await this.briefingRows(
      parseInput(activityRangeInput, { from: '1900-01-01', to: '9999-12-31' }),
      id,
    );
    return view as BriefingView;
  }

  /** Briefings in a period (and unit), oldest first, a page at a time. */
  async briefings(input: ActivityRangeInput): Promise<Page<BriefingView>> {
    const q = parseInput(activityRangeInput, input);
    return toPage(await this.briefingRows(q, undefined, q.cursor), q.limit);
  }

  private async briefingRows(q: ValidActivityRange, onlyId?: string, cursor?: string): Promise<BriefingView[]> {
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<(Omit<BriefingView, 'date'> & { date: string })[]>(
        `${scopeCte(q.unitId)}
         SELECT b.id, ${isoCol('b.date', 'date')}, b.unit_id AS "unitId", u.name AS "unitName", b.topic, b.resolution,
                b.audience_size AS "audienceSize", b.mode,
                (SELECT json_agg(json_build_object('personId', p.id, 'fullName', p.full_name) ORDER BY p.given_name COLLATE "vi-x-icu")
                   FROM briefing_person bp JOIN person p ON p.id = bp.person_id WHERE bp.briefing_id = b.id) AS presenters
           FROM briefing b JOIN unit u ON u.id = b.unit_id
          WHERE b.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND b.unit_id IN (SELECT id FROM scope)' : ''}
            ${onlyId ? 'AND b.id = ?' : ''} ${after ? 'AND (b.date, b.id) > (?::date, ?::uuid)' : ''}
          ORDER BY b.date, b.id
          LIMIT ${q.limit + 1}`,
        [...(q.unitId ? [q.unitId] : []), q.from, q.to, ...(onlyId ? [onlyId] : []), ...(after ?? [])],
      );
    return rows;
  }
}
