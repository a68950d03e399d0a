import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serverRuntimeFolders, staleBuild } from './server-build.js';

/** A package folder with `files` (path → seconds ago it was last written). */
function folder(files: Record<string, number>): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-build-'));
  const now = Date.now() / 1000;
  for (const [file, ago] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
    utimesSync(path.join(dir, file), now - ago, now - ago);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a build newer than every module it was built from stands for the source', () => {
  const pkg = folder({ 'src/index.ts': 60, 'src/a/b.ts': 60, 'dist/index.js': 10, 'dist/a/b.js': 10 });
  try {
    assert.is(staleBuild([pkg.dir]), null);
  } finally {
    pkg.remove();
  }
});

test('a module edited after the build, or never built, sends the tests to the source', () => {
  const edited = folder({ 'src/index.ts': 60, 'src/a/b.ts': 5, 'dist/index.js': 10, 'dist/a/b.js': 10 });
  const added = folder({ 'src/index.ts': 60, 'src/new.ts': 60, 'dist/index.js': 10 });
  const none = folder({ 'src/index.ts': 60 });
  try {
    assert.match(staleBuild([edited.dir]) ?? '', /b\.ts changed after its build$/);
    assert.match(staleBuild([added.dir]) ?? '', /new\.ts is not built$/);
    assert.match(staleBuild([none.dir]) ?? '', /index\.ts is not built$/);
  } finally {
    for (const pkg of [edited, added, none]) pkg.remove();
  }
});

test('tests and test helpers, which the build leaves out, do not count', () => {
  const pkg = folder({
    'src/index.ts': 60,
    'src/index.test.ts': 1,
    'src/testing.ts': 1,
    'src/testing/x.ts': 1,
    'dist/index.js': 10,
  });
  try {
    assert.is(staleBuild([pkg.dir]), null);
  } finally {
    pkg.remove();
  }
});

test('the server runs the build of itself and of the workspace libraries it imports', () => {
  const names = serverRuntimeFolders().map((dir) => path.relative(path.join(dir, '../..'), dir));
  assert.equal(names.sort(), ['apps/server', 'packages/api', 'packages/core', 'packages/domain', 'packages/postgres']);
});

test.run();
