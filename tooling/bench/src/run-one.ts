import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFigure } from './index.js';

/**
 * Child side of the runner: `node --import tsx run-one.ts <bench file> <result file>`.
 * Loads one bench file, runs it, checks what it returns and writes the figures as JSON. The
 * figures go through a file rather than stdout, so a bench (or a server it starts) may print.
 */
async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: run-one.ts <bench file> <result file>');
  const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { ids?: unknown; default?: unknown };
  const ids = mod.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new Error('the bench file must export `ids`, an array of figure ids');
  }
  if (typeof mod.default !== 'function') {
    throw new Error('the bench file must export a default async function returning Figure[]');
  }
  const figures: unknown = await mod.default();
  if (!Array.isArray(figures) || !figures.every(isFigure)) {
    throw new Error('the bench returned something else than an array of figures {id, value, unit, …}');
  }
  const undeclared = figures.filter((f) => !ids.includes(f.id)).map((f) => f.id);
  if (undeclared.length) throw new Error(`figures not listed in \`ids\`: ${undeclared.join(', ')}`);
  writeFileSync(out, JSON.stringify(figures));
}

try {
  await main();
  // Exit explicitly: a pool or timer a bench forgot must not hang the whole run. Exit hooks still
  // run, which is what stops a throwaway embedded PostgreSQL.
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
