import type { EntityManager } from '@mikro-orm/postgresql';

/** Multi-row INSERTs in chunks: the demo seed writes thousands of rows in a handful of statements. */
export async function insertRows(
  tx: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  chunk = 500,
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    await tx.execute(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => placeholders).join(', ')}`,
      slice.flat(),
      'run',
    );
  }
}
