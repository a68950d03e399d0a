import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page } from '@polcenter/domain';
import { encodeCursor } from '../kernel/cursor.js';

/** A unit and every unit within it (`unit_within`: below it, or carried on by it), as a subquery (one parameter: the unit id). */
export const SCOPE_UNITS = `WITH RECURSIVE down AS (SELECT id FROM unit WHERE id = ? UNION SELECT w.id FROM unit_within w JOIN down ON w.parent_id = down.id) SELECT id FROM down`;

/** A `scope` CTE of a unit and every unit within it today (first parameter: the unit id). */
export function scopeCte(unitId: string | undefined): string {
  return unitId
    ? `WITH RECURSIVE scope AS (SELECT id FROM unit WHERE id = ? UNION SELECT w.id FROM unit_within w JOIN scope s ON w.parent_id = s.id)`
    : '';
}

/**
 * The `scope` CTE of a list of a period: a unit and everything within it as the tree stood on the
 * period's last day (`unit_within_on`, ADR 0040: each unit under the parent it had then, plus the
 * units it carries on and what lay under them). So Phương Viên's list of 2024 keeps its villages,
 * which moved to xã Chợ Đồn on 01/07/2025, and xã Chợ Đồn's list of 2022 shows Phương Viên's.
 * Parameters: the period's last day, then the root's id or code (none for `roots`: every tree of
 * that day).
 */
export function scopeAtCte(root: 'id' | 'code' | 'roots'): string {
  const start =
    root === 'roots'
      ? 'SELECT u.id FROM unit u WHERE NOT EXISTS (SELECT 1 FROM within w WHERE w.id = u.id)'
      : `SELECT id FROM unit WHERE ${root} = ?`;
  return `WITH RECURSIVE within AS MATERIALIZED (SELECT parent_id, id FROM unit_within_on(?::date)),
    scope AS (${start} UNION SELECT w.id FROM within w JOIN scope s ON w.parent_id = s.id)`;
}

export async function linkPeople(
  tx: EntityManager,
  table: string,
  column: string,
  id: string,
  people: readonly string[],
) {
  const unique = [...new Set(people)];
  await tx.execute(
    `INSERT INTO ${table} (${column}, person_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`,
    unique.flatMap((p) => [id, p]),
    'run',
  );
}

/** One more row than asked tells whether there is a next page; its key is the last row shown. */
export function toPage<T extends { id: string; date: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.date, last.id]) : null };
}
