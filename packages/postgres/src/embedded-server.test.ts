import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cachedBinaries, findPostgresBinaries, postgresOf } from './binaries.js';
import { startEmbeddedPostgres } from './embedded-server.js';
import { isAlive, waitForExit } from './processes.js';
import { SetupError } from './setup-error.js';
import { blockedSteps, postgresUser, stateFolder } from './system-user.js';
import { select, throwawayFolders } from './testing.js';

const { folder } = throwawayFolders('polcenter-pg-test-');

test('a persistent server keeps its data across restarts and needs its password', async () => {
  const dir = folder();
  const first = await startEmbeddedPostgres({ dir });
  assert.ok(first.created);
  await select(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$Chợ Đồn$$)');
  await first.stop();
  const second = await startEmbeddedPostgres({ dir });
  assert.not.ok(second.created);
  assert.equal(await select(second.url, 'SELECT v FROM kept'), [{ v: 'Chợ Đồn' }]);
  const noPassword = second.url.replace(/:[^:@/]+@/, '@');
  const refused = await select(noPassword, 'SELECT 1').catch((e: Error) => e);
  assert.instance(refused, Error);
  await second.stop();
});

test('a postgres left running by a killed run is stopped, and the next start succeeds', async () => {
  const dir = folder();
  const server = await startEmbeddedPostgres({ dir });
  await server.stop();
  // Start the cluster by hand, detached and tied to nothing: what a `kill -9` of an owner that
  // had no parent-death signal would leave behind.
  // As root, from the binaries the server itself runs: in a clone `postgres` cannot reach (a mode-700
  // folder), those of the shared cache (see placement.ts).
  const runAs = postgresUser();
  const installed = findPostgresBinaries();
  const blocked = runAs && blockedSteps(runAs, [postgresOf(installed)])[0];
  const postgres = postgresOf(blocked ? await cachedBinaries(installed, await stateFolder('postgres')) : installed);
  const ids = runAs ?? {};
  const orphan = spawn(
    postgres,
    ['-D', path.join(dir, 'pg'), '-p', String(await freePort()), '-c', 'unix_socket_directories='],
    {
      detached: true,
      stdio: 'ignore',
      ...ids,
    },
  );
  orphan.unref();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.ok(orphan.pid && isAlive(orphan.pid), 'the orphan should be running');
  const notes: string[] = [];
  const next = await startEmbeddedPostgres({ dir, log: (line) => notes.push(line.en) });
  assert.match(notes.join('\n'), `pid ${orphan.pid}`);
  assert.ok(await waitForExit(orphan.pid ?? 0, 1000), 'the orphan should be gone');
  assert.equal(await select(next.url, 'SELECT 1 AS one'), [{ one: 1 }]);
  await next.stop();
});

test('a folder owned by another live PolCenter process is refused', async () => {
  const dir = folder();
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  writeFileSync(path.join(dir, 'owner.pid'), String(other.pid));
  try {
    const error = await startEmbeddedPostgres({ dir }).catch((e: unknown) => e);
    assert.instance(error, SetupError);
    assert.is((error as SetupError).code, 'DATA_DIR_IN_USE');
  } finally {
    other.kill();
  }
});

test('data of another PostgreSQL major version is refused with what to do', async () => {
  const dir = folder();
  mkdirSync(path.join(dir, 'pg'));
  writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '14\n');
  const error = await startEmbeddedPostgres({ dir }).catch((e: unknown) => e);
  assert.is((error as SetupError).code, 'CLUSTER_VERSION');
  assert.match((error as SetupError).sentence.vi, 'PostgreSQL 14');
});

test('a requested port that is taken is named', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  try {
    const error = await startEmbeddedPostgres({ dir: folder(), port, ephemeral: true }).catch((e: unknown) => e);
    assert.is((error as SetupError).code, 'PG_PORT_IN_USE');
    assert.match((error as SetupError).sentence.en, `Port ${port}`);
  } finally {
    blocker.close();
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.run();
