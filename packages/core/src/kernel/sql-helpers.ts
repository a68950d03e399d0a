import type { EntityManager } from '@mikro-orm/postgresql';
import { unknownReferenceError } from '@polcenter/domain';

/**
 * Checks that every person named exists and share-locks them (a concurrent delete cannot slip
 * in before commit); returns their names. Throws ACTIVITY.UNKNOWN_REFERENCE naming the field.
 */
export async function peopleNamed(
  tx: EntityManager,
  ids: readonly string[],
  field: (index: number) => string,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.execute<{ id: string; full_name: string }[]>(
    'SELECT id, full_name FROM person WHERE id = ANY(?::uuid[]) FOR SHARE',
    [pgArray(unique)],
  );
  const names = new Map(rows.map((r) => [r.id, r.full_name]));
  const missing = ids.findIndex((id) => !names.has(id));
  if (missing >= 0) throw unknownReferenceError(field(missing), ids[missing] as string);
  return names;
}

/** Throws ACTIVITY.UNKNOWN_REFERENCE when the unit does not exist. */
export async function assertUnit(tx: EntityManager, id: string, field: string): Promise<string> {
  const [row] = await tx.execute<{ name: string }[]>('SELECT name FROM unit WHERE id = ? FOR SHARE', [id]);
  if (!row) throw unknownReferenceError(field, id);
  return row.name;
}

/** `2022-03-14` for a SQL date column. */
export const isoCol = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${alias}`;

export const today = () => new Date().toISOString().slice(0, 10);

/** A uuid[] parameter as PostgreSQL's array text (the driver would spread a JS array). */
export const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** A list of our own constants (states, kinds) as an SQL `IN` list: `('a', 'b')`. Never user input. */
export const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
