import type { AddressInfo } from 'node:net';
import { defaultLimits, RateLimiter } from '@polcenter/api';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpServer } from './http-server';

// The transport, over real HTTP: CORS, form-post refusal, limits, error shapes, bearer auth.
const polcenter = await createTestPolCenter({ demo: true });
const PORTAL = 'https://chodon.backan.gov.vn';
const server = createHttpServer({
  polcenter,
  allowedOrigins: [PORTAL],
  limits: { ...defaultLimits(), signIn: new RateLimiter(3, 60_000) },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
test.after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await polcenter.close();
});

await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'nong.van.tuan',
  displayName: 'Nông Văn Tuấn',
  password: 'trung tâm chính trị',
  roles: [{ role: 'admin', unitId: null }],
});

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const listUrl = `${base}/trpc/units.list?input=${encodeURIComponent(JSON.stringify({ underCode: '064', at: '2022-06-01' }))}`;

test('an allowed portal origin gets CORS headers naming it; any other origin gets none', async () => {
  const allowed = await fetch(listUrl, { headers: { origin: PORTAL } });
  assert.is(allowed.status, 200);
  assert.is(allowed.headers.get('access-control-allow-origin'), PORTAL);
  const other = await fetch(listUrl, { headers: { origin: 'https://evil.example' } });
  assert.is(other.headers.get('access-control-allow-origin'), null);
  const preflight = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'OPTIONS',
    headers: {
      origin: PORTAL,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  assert.is(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', 'authorization');
  const refused = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example' },
  });
  assert.is(refused.status, 403);
});

test('a cross-site form post never reaches a procedure', async () => {
  const form = await fetch(`${base}/trpc/auth.signOut`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'a=1',
  });
  assert.is(form.status, 415);
  const foreign = await fetch(`${base}/trpc/auth.signOut`, {
    ...json({}),
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
  });
  assert.is(foreign.status, 403);
});

test('bad input is a 400 with the domain code and the field, in the caller’s language', async () => {
  const url = `${base}/trpc/units.list?input=${encodeURIComponent(JSON.stringify({ at: '31/02/2022' }))}`;
  const vi = await fetch(url);
  assert.is(vi.status, 400);
  const body = (await vi.json()) as {
    error: { message: string; data: { domainCode: string; fields: { field: string }[] } };
  };
  assert.is(body.error.data.domainCode, 'INPUT.INVALID');
  assert.equal(
    body.error.data.fields.map((f) => f.field),
    ['at'],
  );
  assert.match(body.error.message, 'Dữ liệu không hợp lệ');
  const en = (await (await fetch(url, { headers: { 'accept-language': 'en' } })).json()) as {
    error: { message: string };
  };
  assert.match(en.error.message, 'Invalid input');
});

test('batches are capped and bodies are limited', async () => {
  const eleven = Array.from({ length: 11 }, () => 'system.health').join(',');
  const batch = await fetch(`${base}/trpc/${eleven}?batch=1&input=${encodeURIComponent('{}')}`);
  assert.is(batch.status, 400);
  const ten = Array.from({ length: 10 }, () => 'system.health').join(',');
  assert.is((await fetch(`${base}/trpc/${ten}?batch=1&input=${encodeURIComponent('{}')}`)).status, 200);
  const huge = await fetch(`${base}/trpc/auth.signIn`, json({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }));
  assert.is(huge.status, 413);
});

test('staff sign in with a bearer token; no token, no staff data', async () => {
  const signIn = await fetch(
    `${base}/trpc/auth.signIn`,
    json({ username: 'nong.van.tuan', password: 'trung tâm chính trị' }),
  );
  assert.is(signIn.status, 200);
  const { token } = ((await signIn.json()) as { result: { data: { token: string } } }).result.data;
  const me = await fetch(`${base}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });
  assert.is(
    ((await me.json()) as { result: { data: { displayName: string } } }).result.data.displayName,
    'Nông Văn Tuấn',
  );
  const anonymous = await fetch(`${base}/trpc/auth.me`);
  assert.is(anonymous.status, 401);
});

test('repeated sign-in guesses get 429 with Retry-After', async () => {
  const guess = () => fetch(`${base}/trpc/auth.signIn`, json({ username: 'victim', password: 'guess' }));
  for (let i = 0; i < 3; i++) assert.is((await guess()).status, 401);
  const limited = await guess();
  assert.is(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('the embed script is cached briefly, the hashed code it loads for a year', async () => {
  const entry = await fetch(`${base}/widgets/pc-widgets.js`);
  assert.is(entry.headers.get('cache-control'), 'public, max-age=300');
  const chunk = /["'](\.\/chunks\/[^"']+)["']/.exec(await entry.text())?.[1] ?? '';
  const code = await fetch(new URL(chunk, `${base}/widgets/`));
  assert.is(code.status, 200);
  assert.is(code.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const again = await fetch(`${base}/widgets/pc-widgets.js`, {
    headers: { 'if-none-match': entry.headers.get('etag') ?? '' },
  });
  assert.is(again.status, 304);
  assert.is((await fetch(`${base}/widgets/../package.json`)).status, 404);
});

test('unknown paths are 404, health is always 200, readiness checks the database', async () => {
  assert.is((await fetch(`${base}/nope`)).status, 404);
  assert.is((await fetch(`${base}/healthz`)).status, 200);
  assert.is((await fetch(`${base}/readyz`)).status, 200);
});

test.run();
