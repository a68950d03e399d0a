import {
  type OutputKind,
  type PropagandaOutputInput,
  type PropagandaOutputListInput,
  type PropagandaOutputUpdateInput,
  parseInput,
  propagandaOutputInput,
  propagandaOutputListInput,
  propagandaOutputUpdateInput,
  recordNotFoundError,
  staleRecordError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Sql } from '../kernel/sql.js';
import { assertUnit } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface PropagandaOutputView {
  readonly id: string;
  readonly unitId: string;
  readonly from: string;
  readonly to: string;
  readonly kind: OutputKind;
  readonly count: number;
  readonly note: string | null;
  readonly version: number;
}

const OUTPUT = { vi: 'số liệu tuyên truyền', en: 'propaganda output count' };
const SELECT = `SELECT id, unit_id AS "unitId", to_char(period_from, 'YYYY-MM-DD') AS "from",
                       to_char(period_to, 'YYYY-MM-DD') AS "to", kind, count, note, version
                  FROM propaganda_output`;

/**
 * Propaganda output as staff tally it (documents issued, news items, radio and loudspeaker items,
 * banners), a count per unit, kind and period. Reports count a tally whose period lies within
 * theirs (ADR 0033); each is audited and corrected on the version read.
 */
export class PropagandaOutputService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async record(actor: Actor, input: PropagandaOutputInput): Promise<PropagandaOutputView> {
    const data = parseInput(propagandaOutputInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO propaganda_output (id, unit_id, period_from, period_to, kind, count, note)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?) RETURNING id`,
        [data.unitId, data.from, data.to, data.kind, data.count, data.note ?? null],
      );
      const view = await read(tx, (row as { id: string }).id);
      await audit(tx, actor, { action: 'output.record', entity: 'propaganda_output', entityId: view.id, after: data });
      return view;
    });
  }

  async update(actor: Actor, input: PropagandaOutputUpdateInput): Promise<PropagandaOutputView> {
    const data = parseInput(propagandaOutputUpdateInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      const [locked] = await tx.execute<{ count: number; note: string | null; version: number }[]>(
        'SELECT count, note, version FROM propaganda_output WHERE id = ? FOR UPDATE',
        [data.id],
      );
      if (!locked) throw recordNotFoundError('OUTPUT.NOT_FOUND', OUTPUT, data.id);
      if (locked.version !== data.expectedVersion) {
        throw staleRecordError('OUTPUT.STALE', OUTPUT, data.expectedVersion, locked.version);
      }
      await tx.execute(
        'UPDATE propaganda_output SET count = ?, note = ?, version = version + 1, updated_at = now() WHERE id = ?',
        [data.count, data.note ?? null, data.id],
      );
      const view = await read(tx, data.id);
      await audit(tx, actor, {
        action: 'output.update',
        entity: 'propaganda_output',
        entityId: data.id,
        before: { count: locked.count, note: locked.note },
        after: { count: view.count, note: view.note },
      });
      return view;
    });
  }

  get(id: string): Promise<PropagandaOutputView> {
    return read(this.orm.em.fork(), id);
  }

  /** A unit's own tallies whose period meets the one asked, oldest first. */
  async list(input: PropagandaOutputListInput): Promise<PropagandaOutputView[]> {
    const q = parseInput(propagandaOutputListInput, input);
    return this.orm.em
      .fork()
      .execute<PropagandaOutputView[]>(
        `${SELECT} WHERE unit_id = ? AND period_from <= ?::date AND period_to >= ?::date ORDER BY period_from, kind, id`,
        [q.unitId, q.to, q.from],
      );
  }
}

async function read(tx: Sql, id: string): Promise<PropagandaOutputView> {
  const [row] = await tx.execute<PropagandaOutputView[]>(`${SELECT} WHERE id = ?`, [id]);
  if (!row) throw recordNotFoundError('OUTPUT.NOT_FOUND', OUTPUT, id);
  return row;
}
