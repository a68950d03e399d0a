import {
  type ActivityRangeInput,
  activityNotFoundError,
  activityRangeInput,
  idInput,
  type OpinionAudience,
  type OpinionReportInput,
  type OpinionReportUpdateInput,
  type OpinionStatus,
  opinionAudience,
  opinionReportInput,
  opinionReportUpdateInput,
  type Page,
  parseInput,
  type Sensitivity,
  searchWords,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor } from '../kernel/cursor.js';
import { assertUnit, isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import { wordsStartingWords } from '../kernel/word-search.js';
import type { Orm } from '../orm.js';
import { linkPeople, scopeAtCte, toPage } from './activity-sql.js';

export interface OpinionReportView {
  readonly id: string;
  readonly date: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly topic: string;
  readonly summary: string;
  readonly sensitivity: Sensitivity;
  /** Who may read it: `staff` (routine) or only the `propaganda` department. The API filters on it. */
  readonly visibleTo: OpinionAudience;
  readonly followUp: string | null;
  readonly status: OpinionStatus;
  readonly reporters: readonly { readonly personId: string; readonly fullName: string }[];
  readonly version: number;
}

/** The viewer of opinion reports: `propaganda` sees all, `staff` only routine ones. */
export interface OpinionFilter extends ActivityRangeInput {
  readonly viewer: OpinionAudience;
}

/** Public-opinion reports; sensitive ones are read by the propaganda department only. */
export class OpinionReports {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async recordOpinionReport(actor: Actor, input: OpinionReportInput): Promise<OpinionReportView> {
    const data = parseInput(opinionReportInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      await peopleNamed(tx, data.reporterIds, (i) => `reporterIds.${i}`);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO opinion_report (id, date, unit_id, topic, summary, sensitivity, follow_up, status)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.unitId, data.topic, data.summary, data.sensitivity, data.followUp ?? null, data.status],
      );
      const reportId = (row as { id: string }).id;
      await linkPeople(tx, 'opinion_report_person', 'report_id', reportId, data.reporterIds);
      await audit(tx, actor, { action: 'opinion.record', entity: 'opinion_report', entityId: reportId, after: data });
      return reportId;
    });
    return this.opinionReport(id);
  }

  async updateOpinionReport(actor: Actor, input: OpinionReportUpdateInput): Promise<OpinionReportView> {
    const data = parseInput(opinionReportUpdateInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [before] = await tx.execute<{ status: string; follow_up: string | null; sensitivity: string }[]>(
        'SELECT status, follow_up, sensitivity FROM opinion_report WHERE id = ? FOR UPDATE',
        [data.id],
      );
      if (!before) throw activityNotFoundError({ vi: 'báo cáo dư luận', en: 'Opinion report' }, data.id);
      await tx.execute(
        `UPDATE opinion_report SET status = coalesce(?, status), sensitivity = coalesce(?, sensitivity),
                follow_up = CASE WHEN ? THEN ? ELSE follow_up END, updated_at = now(), version = version + 1
          WHERE id = ?`,
        [data.status ?? null, data.sensitivity ?? null, data.followUp !== undefined, data.followUp ?? null, data.id],
        'run',
      );
      await audit(tx, actor, {
        action: 'opinion.update',
        entity: 'opinion_report',
        entityId: data.id,
        before,
        after: data,
      });
    });
    return this.opinionReport(data.id);
  }

  async opinionReport(id: string): Promise<OpinionReportView> {
    parseInput(idInput, id);
    const [view] = await this.opinionQuery({ from: '1900-01-01', to: '9999-12-31', viewer: 'propaganda' }, id);
    if (!view) throw activityNotFoundError({ vi: 'báo cáo dư luận', en: 'Opinion report' }, id);
    return view;
  }

  /** Opinion reports in a period (and unit) the viewer may read, oldest first, a page at a time. */
  async opinionReports(filter: OpinionFilter): Promise<Page<OpinionReportView>> {
    const { viewer, ...range } = filter;
    const q = parseInput(activityRangeInput, range);
    return toPage(await this.opinionQuery({ ...q, viewer }, undefined, q.cursor), q.limit);
  }

  private async opinionQuery(filter: OpinionFilter, onlyId?: string, cursor?: string): Promise<OpinionReportView[]> {
    const { viewer, ...range } = filter;
    const q = parseInput(activityRangeInput, range);
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const search = wordsStartingWords("concat_ws(' ', r.topic, r.summary, u.name)", searchWords(q.search));
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<Omit<OpinionReportView, 'visibleTo'>[]>(
        `${q.unitId ? scopeAtCte('id') : ''}
         SELECT r.id, ${isoCol('r.date', 'date')}, r.unit_id AS "unitId", u.name AS "unitName", r.topic, r.summary,
                r.sensitivity, r.follow_up AS "followUp", r.status,
                r.version,
                coalesce((SELECT json_agg(json_build_object('personId', p.id, 'fullName', p.full_name) ORDER BY p.given_name COLLATE "vi-x-icu")
                   FROM opinion_report_person rp JOIN person p ON p.id = rp.person_id WHERE rp.report_id = r.id), '[]') AS reporters
           FROM opinion_report r JOIN unit u ON u.id = r.unit_id
          WHERE r.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND r.unit_id IN (SELECT id FROM scope)' : ''}
            ${viewer === 'propaganda' ? '' : "AND r.sensitivity = 'routine'"} ${search.where.map((w) => `AND ${w}`).join(' ')}
            ${onlyId ? 'AND r.id = ?' : ''}
            ${after ? 'AND (r.date, r.id) > (?::date, ?::uuid)' : ''}
          ORDER BY r.date, r.id
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
    return rows.map((r) => ({ ...r, visibleTo: opinionAudience(r.sensitivity) }));
  }
}
