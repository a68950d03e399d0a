import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPolCenter, seedDemo } from '@polcenter/core';
import { startEmbeddedPostgres } from '@polcenter/postgres';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpServer } from './http-server';

// A database of its own that the test can kill and restart under a running server.
const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-resilience-'));
let database = await startEmbeddedPostgres({ dir });
const port = database.port;
const polcenter = await createPolCenter({ databaseUrl: database.url, poolSize: 5 });
await seedDemo(polcenter.orm);
const server = createHttpServer({ polcenter });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

test.after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await polcenter.close();
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

const units = () =>
  fetch(`${base}/trpc/units.list?input=${encodeURIComponent('{"underCode":"064","at":"2022-06-01"}')}`);

async function eventually(check: () => Promise<boolean>, seconds: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (await check()) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${seconds} s`);
}

test('killed backends: requests fail cleanly (never a 500) and the pool recovers by itself', async () => {
  assert.is((await units()).status, 200);
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'polcenter' AND pid <> pg_backend_pid()",
  );
  await admin.end();
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await units()).status);
  assert.ok(
    statuses.every((s) => s === 200 || s === 503),
    `statuses: ${statuses}`,
  );
  await eventually(async () => (await units()).status === 200, 5);
});

test('a database restart: 503 while it is down, readiness says so, and service resumes', async () => {
  await database.stop();
  const down = await units();
  assert.is(down.status, 503);
  const body = (await down.json()) as { error: { data: { domainCode: string }; message: string } };
  assert.is(body.error.data.domainCode, 'DATABASE.UNAVAILABLE');
  assert.not.match(body.error.message, 'ECONNREFUSED');
  assert.is((await fetch(`${base}/readyz`)).status, 503);
  assert.is((await fetch(`${base}/healthz`)).status, 200);

  database = await startEmbeddedPostgres({ dir, port });
  const seconds = await eventually(async () => (await units()).status === 200, 10);
  assert.ok(seconds < 10);
  assert.is((await fetch(`${base}/readyz`)).status, 200);
});

test.run();
