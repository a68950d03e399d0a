import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cachedBinaries, findPostgresBinaries, postgresOf } from './binaries.js';

test('the installed binaries are named by their build', () => {
  const installed = findPostgresBinaries();
  assert.match(installed.build, new RegExp(`^\\d+\\.\\d+\\.\\d+.*-${process.platform}-${process.arch}$`));
  assert.ok(statSync(postgresOf(installed)).isFile());
});

test('a cache of the binaries is complete, shares the files where it can, and survives two starts racing', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bin-cache-'));
  try {
    const installed = findPostgresBinaries();
    const [one, two] = await Promise.all([cachedBinaries(installed, root), cachedBinaries(installed, root)]);
    assert.equal(one, two);
    assert.is(one.home, path.join(root, installed.build));
    assert.equal(readdirSync(root), [installed.build], 'no scratch folder is left behind');
    const version = execFileSync(postgresOf(one), ['--version'], { encoding: 'utf8' });
    assert.match(version, /^postgres \(PostgreSQL\) 18\./);
    const same = statSync(postgresOf(one)).dev === statSync(postgresOf(installed)).dev;
    if (same) assert.is(statSync(postgresOf(one)).ino, statSync(postgresOf(installed)).ino, 'a hard link, not a copy');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
