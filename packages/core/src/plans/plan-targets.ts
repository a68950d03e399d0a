import {
  DomainError,
  type LocalizedText,
  type PlanListInput,
  type PlanMeasure,
  type PlanTargetInput,
  type PlanTargetUpdateInput,
  parseInput,
  planListInput,
  planTargetInput,
  planTargetUpdateInput,
  recordNotFoundError,
  staleRecordError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import type { Sql } from '../kernel/sql.js';
import { assertUnit } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface PlanTargetView {
  readonly id: string;
  readonly unitId: string;
  readonly year: number;
  readonly measure: PlanMeasure;
  /** Null: the target for every program together (and for measures other than classes and trainees). */
  readonly programId: string | null;
  readonly programCode: string | null;
  readonly programName: LocalizedText | null;
  readonly target: number;
  /** Pass back to `update` as `expectedVersion`. */
  readonly version: number;
}

interface PlanRow {
  id: string;
  unit_id: string;
  year: number;
  measure: PlanMeasure;
  program_id: string | null;
  program_code: string | null;
  name_vi: string | null;
  name_en: string | null;
  target: number;
  version: number;
}

const PLAN = { vi: 'chỉ tiêu kế hoạch', en: 'plan target' };
const SELECT = `SELECT t.id, t.unit_id, t.year, t.measure, t.program_id, p.code AS program_code, p.name_vi, p.name_en,
                       t.target, t.version
                  FROM plan_target t LEFT JOIN program p ON p.id = t.program_id`;

const toView = (r: PlanRow): PlanTargetView => ({
  id: r.id,
  unitId: r.unit_id,
  year: r.year,
  measure: r.measure,
  programId: r.program_id,
  programCode: r.program_code,
  programName: r.name_vi === null ? null : { vi: r.name_vi, en: r.name_en ?? r.name_vi },
  target: r.target,
  version: r.version,
});

function existsError(): DomainError {
  return new DomainError(
    'PLAN.EXISTS',
    {
      vi: 'Đơn vị đã có chỉ tiêu này cho năm đó; hãy sửa chỉ tiêu đã có.',
      en: 'The unit already has this target for that year; correct the existing one.',
    },
    {
      fields: [{ field: 'measure', message: { vi: 'Chỉ tiêu đã có.', en: 'Target already set.' } }],
    },
  );
}

/**
 * The year's plan of a unit, entered by its staff: one target per measure (and per program for
 * classes and trainees). Every change is audited; a correction is made on the version read.
 */
export class PlanTargetService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async set(actor: Actor, input: PlanTargetInput): Promise<PlanTargetView> {
    const data = parseInput(planTargetInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      if (data.programId) {
        const [program] = await tx.execute<{ id: string }[]>('SELECT id FROM program WHERE id = ?', [data.programId]);
        if (!program)
          throw recordNotFoundError(
            'PROGRAM.NOT_FOUND',
            { vi: 'chương trình', en: 'program' },
            data.programId,
            'programId',
          );
      }
      const [inserted] = await tx
        .execute<{ id: string }[]>(
          `INSERT INTO plan_target (id, unit_id, year, measure, program_id, target)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?) RETURNING id`,
          [data.unitId, data.year, data.measure, data.programId ?? null, data.target],
        )
        .catch((error) => {
          if (isUniqueViolation(error, 'plan_target_unique')) throw existsError();
          throw error;
        });
      const view = await this.read(tx, (inserted as { id: string }).id);
      await audit(tx, actor, { action: 'plan.set', entity: 'plan_target', entityId: view.id, after: data });
      return view;
    });
  }

  async update(actor: Actor, input: PlanTargetUpdateInput): Promise<PlanTargetView> {
    const data = parseInput(planTargetUpdateInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      const [locked] = await tx.execute<{ target: number; version: number }[]>(
        'SELECT target, version FROM plan_target WHERE id = ? FOR UPDATE',
        [data.id],
      );
      if (!locked) throw recordNotFoundError('PLAN.NOT_FOUND', PLAN, data.id);
      if (locked.version !== data.expectedVersion) {
        throw staleRecordError('PLAN.STALE', PLAN, data.expectedVersion, locked.version);
      }
      await tx.execute('UPDATE plan_target SET target = ?, version = version + 1, updated_at = now() WHERE id = ?', [
        data.target,
        data.id,
      ]);
      const view = await this.read(tx, data.id);
      await audit(tx, actor, {
        action: 'plan.update',
        entity: 'plan_target',
        entityId: data.id,
        before: { target: locked.target },
        after: { target: view.target },
      });
      return view;
    });
  }

  async get(id: string): Promise<PlanTargetView> {
    return this.read(this.orm.em.fork(), id);
  }

  /** A unit's targets for a year, by measure then program code. */
  async list(input: PlanListInput): Promise<PlanTargetView[]> {
    const q = parseInput(planListInput, input);
    const rows = await this.orm.em
      .fork()
      .execute<PlanRow[]>(`${SELECT} WHERE t.unit_id = ? AND t.year = ? ORDER BY t.measure, p.code NULLS FIRST`, [
        q.unitId,
        q.year,
      ]);
    return rows.map(toView);
  }

  private async read(tx: Sql, id: string): Promise<PlanTargetView> {
    const [row] = await tx.execute<PlanRow[]>(`${SELECT} WHERE t.id = ?`, [id]);
    if (!row) throw recordNotFoundError('PLAN.NOT_FOUND', PLAN, id);
    return toView(row);
  }
}
