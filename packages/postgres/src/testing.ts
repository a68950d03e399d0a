import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { test } from 'uvu';

/**
 * Throwaway folders for one test file: `folder()` makes one under the temp folder (mode 700, as
 * `mktemp -d` does), and everything made — or handed to `removeAfter` — is removed after the
 * file's tests. Call it at the top of the file, before `test.run()`.
 */
export function throwawayFolders(prefix: string): { folder(): string; removeAfter(path: string): void } {
  const paths: string[] = [];
  test.after(() => {
    for (const p of paths) rmSync(p, { recursive: true, force: true });
  });
  return {
    folder() {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      paths.push(dir);
      return dir;
    },
    removeAfter(p: string) {
      paths.push(p);
    },
  };
}

/** Runs one statement on a fresh connection and returns its rows. */
export async function select(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
