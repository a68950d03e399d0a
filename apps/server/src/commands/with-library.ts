import { createPolCenter, type PolCenter } from '@polcenter/core';
import { openDatabase } from '../database.js';
import type { Output } from '../output.js';
import type { Settings } from '../settings.js';

/** Opens the database and the library (migrated) for a one-off command, and closes both after. */
export async function withLibrary<T>(
  settings: Settings,
  out: Output,
  run: (polcenter: PolCenter) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(settings, (line) => out.note(line));
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
