import { createPolCenter, type PolCenter } from '@polcenter/core';
import { type DatabaseUse, openDatabase } from '../database.js';
import type { Output } from '../output.js';
import type { Settings } from '../settings.js';

/**
 * Opens the database and the library (migrated) for a one-off command, and closes both after.
 * On the embedded database, a running server's PostgreSQL is used as it runs (see `openDatabase`).
 */
export async function withLibrary<T>(
  settings: Settings,
  out: Output,
  run: (polcenter: PolCenter) => Promise<T>,
  use: Exclude<DatabaseUse, 'serve'> = 'share',
): Promise<T> {
  const db = await openDatabase(settings, (line) => out.note(line), use);
  try {
    const polcenter = await createPolCenter({ databaseUrl: db.url });
    try {
      return await run(polcenter);
    } finally {
      await polcenter.close();
    }
  } finally {
    await db.close();
  }
}
