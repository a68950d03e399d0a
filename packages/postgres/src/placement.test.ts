import { execFileSync } from 'node:child_process';
import { existsSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findPostgresBinaries } from './binaries.js';
import { startEmbeddedPostgres } from './embedded-server.js';
import { SetupError } from './setup-error.js';
import { select, throwawayFolders } from './testing.js';

// What these tests reproduce exists only as root: PostgreSQL then runs as the `postgres` user,
// which cannot enter a folder only root may (root's home, a `mktemp -d` folder). CI runs as root.
const asRoot = process.getuid?.() === 0;
const skip = (name: string) => console.log(`  skipped (needs root, as CI runs): ${name}`);

const { folder, removeAfter } = throwawayFolders('polcenter-locked-');

/** A fresh `mktemp -d` folder: mode 700, so only root may pass through it. */
function lockedFolder(): string {
  const locked = folder();
  assert.is(statSync(locked).mode & 0o777, 0o700);
  return locked;
}

test('as root, data inside a folder only root may enter is kept where postgres can reach it, and found again', async () => {
  if (!asRoot) return skip('data in a locked folder');
  const dir = path.join(lockedFolder(), 'polcenter', '.data');
  const notes: string[] = [];
  const first = await startEmbeddedPostgres({ dir, log: (line) => notes.push(line.en) });
  removeAfter(path.dirname(first.cluster));
  try {
    assert.ok(first.created);
    assert.match(first.cluster, /^\/var\/lib\/polcenter\/data\/polcenter-[0-9a-f]{10}\/pg$/);
    assert.is(readlinkSync(path.join(dir, 'pg')), first.cluster);
    assert.match(notes.join('\n'), `the PostgreSQL data lives in ${first.cluster}`);
    // The password stays with root, in the folder PolCenter was given.
    assert.is(statSync(path.join(dir, 'password')).uid, 0);
    await select(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$Bản Thi$$)');
  } finally {
    await first.stop();
  }

  const second = await startEmbeddedPostgres({ dir });
  try {
    assert.not.ok(second.created);
    assert.is(second.cluster, first.cluster);
    assert.equal(await select(second.url, 'SELECT v FROM kept'), [{ v: 'Bản Thi' }]);
  } finally {
    await second.stop();
  }
});

test('as root, binaries inside a folder only root may enter run from the cache; a throwaway server leaves nothing', async () => {
  if (!asRoot) return skip('binaries in a locked folder');
  const locked = lockedFolder();
  const installed = findPostgresBinaries();
  // A clone under a locked folder: its node_modules (hard links, as pnpm makes them) and its data.
  const home = path.join(locked, 'node_modules', 'native');
  execFileSync('mkdir', ['-p', path.dirname(home)]);
  execFileSync('sh', ['-c', 'cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"', 'sh', installed.home, home]);
  const dir = path.join(locked, '.data');

  const server = await startEmbeddedPostgres({ dir, ephemeral: true, binaries: { home, build: installed.build } });
  const relocated = path.dirname(server.cluster);
  try {
    const [bin] = await select(server.adminUrl, "SELECT setting FROM pg_config WHERE name = 'BINDIR'");
    assert.is(bin.setting, `/var/lib/polcenter/postgres/${installed.build}/bin`);
    assert.equal(await select(server.url, 'SELECT 1 AS one'), [{ one: 1 }]);
  } finally {
    await server.stop();
  }
  assert.not.ok(existsSync(dir), 'the throwaway data folder should be gone');
  assert.not.ok(existsSync(relocated), 'the relocated throwaway cluster should be gone');
});

test('as root, a data folder the operator named that postgres cannot reach is refused with what to do', async () => {
  if (!asRoot) return skip('an unreachable POLCENTER_DATA_DIR');
  const locked = lockedFolder();
  const dir = path.join(locked, 'data');
  const error = await startEmbeddedPostgres({ dir, explicitDir: true }).catch((e: unknown) => e);
  assert.instance(error, SetupError);
  assert.is((error as SetupError).code, 'DATA_DIR_UNREACHABLE');
  assert.match((error as SetupError).sentence.vi, `${locked} (quyền 700, chủ root) chặn đường`);
  assert.match((error as SetupError).sentence.vi, 'hãy đặt POLCENTER_DATA_DIR ở nơi người dùng đó vào được');
  assert.match((error as SetupError).sentence.en, `cannot reach the data folder ${dir}`);
  assert.not.ok(existsSync(path.join(dir, 'pg')), 'nothing should be placed elsewhere');
});

test.run();
