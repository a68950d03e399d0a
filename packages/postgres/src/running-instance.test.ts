import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmbeddedPostgres } from './embedded-server.js';
import { findRunningInstance, INSTANCE_FILE } from './running-instance.js';
import { select, throwawayFolders } from './testing.js';

const { folder } = throwawayFolders('polcenter-instance-test-');

async function whoAmI(url: string): Promise<string> {
  return (await select(url, 'SELECT current_database() AS db'))[0].db;
}

test('a shared server is found through its folder, with a URL that signs in; a private one is not', async () => {
  const dir = folder();
  const shared = await startEmbeddedPostgres({ dir, shared: true });
  try {
    const found = await findRunningInstance(dir);
    assert.ok(found, 'the running shared server should be found');
    assert.is(found.pid, process.pid);
    assert.is(found.port, shared.port);
    assert.is(await whoAmI(found.url), 'polcenter');
    // No secret in the state file: the password stays in its own file.
    const password = readFileSync(path.join(dir, 'password'), 'utf8').trim();
    assert.not.match(readFileSync(path.join(dir, INSTANCE_FILE), 'utf8'), password);
  } finally {
    await shared.stop();
  }
  assert.not.ok(existsSync(path.join(dir, INSTANCE_FILE)), 'a stopped server leaves no state file');
  assert.is(await findRunningInstance(dir), undefined);

  const alone = await startEmbeddedPostgres({ dir });
  try {
    assert.is(await findRunningInstance(dir), undefined);
  } finally {
    await alone.stop();
  }
});

test('the state file of a killed server misleads nobody: a dead owner, a reused pid, a lost lock', async () => {
  const dir = folder();
  const server = await startEmbeddedPostgres({ dir, shared: true });
  const file = path.join(dir, INSTANCE_FILE);
  const record = JSON.parse(readFileSync(file, 'utf8'));
  try {
    // The owner was killed: its pid now names no process (a child that has exited).
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(path.join(dir, 'owner.pid'), String(deadPid));
    writeFileSync(file, JSON.stringify({ ...record, pid: deadPid }));
    assert.is(await findRunningInstance(dir), undefined, 'dead owner');

    // The pid was given to another process since (here: ours, started at another time).
    writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    writeFileSync(file, JSON.stringify({ ...record, pidStartedAt: '1' }));
    assert.is(await findRunningInstance(dir), undefined, 'reused pid');

    // Another process claimed the folder since.
    writeFileSync(path.join(dir, 'owner.pid'), String(deadPid));
    writeFileSync(file, JSON.stringify(record));
    assert.is(await findRunningInstance(dir), undefined, 'lost lock');

    // Its PostgreSQL is gone.
    writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    writeFileSync(file, JSON.stringify({ ...record, postgresPid: deadPid }));
    assert.is(await findRunningInstance(dir), undefined, 'postgres gone');

    writeFileSync(file, JSON.stringify(record));
    assert.ok(await findRunningInstance(dir), 'the true record is found again');
  } finally {
    await server.stop();
  }
  // A later start (not shared) removes a state file left behind.
  writeFileSync(file, JSON.stringify(record));
  const next = await startEmbeddedPostgres({ dir });
  try {
    assert.not.ok(existsSync(file));
  } finally {
    await next.stop();
  }
});

test.run();
