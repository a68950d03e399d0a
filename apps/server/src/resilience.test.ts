import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPolCenter, SYSTEM_ACTOR, seedDemo } from '@polcenter/core';
import { startEmbeddedPostgres } from '@polcenter/postgres';
import { collectedLog } from '@polcenter/testing/log-scan';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpServer } from './http-server.js';
import { jsonLogger } from './logger.js';

// A database of its own that the test can kill and restart under a running server.
const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-resilience-'));
let database = await startEmbeddedPostgres({ dir });
const port = database.port;
const polcenter = await createPolCenter({ databaseUrl: database.url, poolSize: 5 });
await seedDemo(polcenter.orm);
await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'can.bo',
  displayName: 'Cán bộ',
  password: 'mật khẩu thật dài',
  roles: [{ role: 'admin', unitId: null }],
});
const { token } = await polcenter.auth.signIn({ username: 'can.bo', password: 'mật khẩu thật dài' });
const tokenHash = createHash('sha256').update(token).digest('hex');
// The log must never carry the token, nor its hash (what the token check's SQL would quote).
const log = collectedLog([token, tokenHash]);
const server = createHttpServer({ polcenter, logger: jsonLogger('debug', log.write) });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

test.after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await polcenter.close();
  await database.stop();
  log.assertClean();
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
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await units());
  const statuses = answers.map((a) => a.status);
  assert.ok(
    statuses.every((s) => s === 200 || s === 503),
    `statuses: ${statuses}`,
  );
  for (const answer of answers.filter((a) => a.status === 503)) assert.is(answer.headers.get('retry-after'), '5');
  await eventually(async () => (await units()).status === 200, 5);
});

test('a database restart: 503 while it is down, readiness says so, and service resumes', async () => {
  await database.stop();
  const down = await units();
  assert.is(down.status, 503);
  const body = (await down.json()) as { error: { data: { domainCode: string }; message: string } };
  assert.is(body.error.data.domainCode, 'DATABASE.UNAVAILABLE');
  assert.not.match(body.error.message, 'ECONNREFUSED');
  assert.is(down.headers.get('retry-after'), '5');
  const ready = await fetch(`${base}/readyz`);
  assert.is(ready.status, 503);
  assert.is(ready.headers.get('retry-after'), '5');
  assert.is((await fetch(`${base}/healthz`)).status, 200);

  // A signed-in caller: the token cannot even be checked. Still a 503 in their language, not a 500.
  for (const [lang, sentence] of [
    ['vi', 'Cơ sở dữ liệu tạm thời không truy cập được'],
    ['en', 'The database is temporarily unavailable'],
  ] as const) {
    const me = await fetch(`${base}/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
    });
    assert.is(me.status, 503);
    assert.is(me.headers.get('retry-after'), '5');
    const error = ((await me.json()) as { error: { message: string; data: { domainCode: string } } }).error;
    assert.is(error.data.domainCode, 'DATABASE.UNAVAILABLE');
    assert.match(error.message, sentence);
  }
  const signedInMutation = await fetch(`${base}/trpc/auth.signOut`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.is(signedInMutation.status, 503);
  // The log says which request failed and how, with nothing of the token.
  const failed = log.entries().filter((entry) => entry.message === 'procedure failed' && entry.path === 'auth.me');
  assert.ok(failed.length >= 2);
  assert.is(failed[0]?.level, 'warn');
  assert.is(failed[0]?.status, 503);
  assert.type(failed[0]?.requestId, 'string');
  assert.type(failed[0]?.code, 'string');
  log.assertClean();

  database = await startEmbeddedPostgres({ dir, port });
  const seconds = await eventually(async () => (await units()).status === 200, 10);
  assert.ok(seconds < 10);
  assert.is((await fetch(`${base}/readyz`)).status, 200);
});

test('a pool with no connection to lend: a 503 within the acquire timeout, not a hang or a 500', async () => {
  const small = await createPolCenter({ databaseUrl: database.url, poolSize: 1, acquireTimeoutMs: 300 });
  const busy = createHttpServer({ polcenter: small, logger: jsonLogger('debug', log.write) });
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const knex = small.orm.em.getConnection().getKnex().client as unknown as {
    acquireConnection(): Promise<unknown>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const held = await knex.acquireConnection();
  try {
    const answer = await fetch(`http://127.0.0.1:${(busy.address() as AddressInfo).port}/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.is(answer.status, 503);
    assert.is(answer.headers.get('retry-after'), '5');
    const line = log.entries().findLast((entry) => entry.message === 'procedure failed');
    assert.equal([line?.level, line?.status, line?.path], ['warn', 503, 'auth.me']);
  } finally {
    await knex.releaseConnection(held);
    await new Promise((resolve) => busy.close(resolve));
    await small.close();
  }
});

test.run();
