import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page } from '@polcenter/domain';
import { encodeCursor } from '../kernel/cursor.js';

/** A unit and every unit within it (`unit_within`: below it, or carried on by it), as a subquery (one parameter: the unit id). */
export const SCOPE_UNITS = `WITH RECURSIVE down AS (SELECT id FROM unit WHERE id = ? UNION SELECT w.id FROM unit_within w JOIN down ON w.parent_id = down.id) SELECT id FROM down`;

/** A `scope` CTE of a unit and every unit within it (first parameter: the unit id). */
export function scopeCte(unitId: string | undefined): string {
  return unitId
    ? `WITH RECURSIVE scope AS (SELECT id FROM unit WHERE id = ? UNION SELECT w.id FROM unit_within w JOIN scope s ON w.parent_id = s.id)`
    : '';
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
