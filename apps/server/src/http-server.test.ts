import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sharedLimits } from '@polcenter/api';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { collectedLog } from '@polcenter/testing/log-scan';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpServer } from './http-server.js';
import { jsonLogger } from './logger.js';

// The transport, over real HTTP: CORS, form-post refusal, limits, error shapes, bearer auth.
const polcenter = await createTestPolCenter({ demo: true });
const PORTAL = 'https://chodon.backan.gov.vn';
const log = collectedLog();
const server = createHttpServer({
  polcenter,
  logger: jsonLogger('debug', log.write),
  allowedOrigins: [PORTAL],
  limits: sharedLimits(polcenter, { signIn: { points: 3, seconds: 60 }, signInFailures: { points: 6, seconds: 60 } }),
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
test.after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await polcenter.close();
  log.assertClean();
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
/** One request as a browser sends it, the answer's bytes as they came over the wire (fetch decodes). */
function raw(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject)
      .end();
  });
}
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const decode = (answer: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;
const varies = (answer: { headers: http.IncomingHttpHeaders }) =>
  String(answer.headers.vary ?? '')
    .split(',')
    .map((field) => field.trim().toLowerCase());

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
  // A value of the wrong type is not "required": the field was there.
  const typed = await fetch(`${base}/trpc/units.list?input=${encodeURIComponent(JSON.stringify({ at: 20220601 }))}`);
  const wrong = (await typed.json()) as { error: { data: { fields: { field: string; message: { vi: string } }[] } } };
  assert.equal(wrong.error.data.fields, [
    { field: 'at', message: { vi: 'Sai kiểu dữ liệu: cần một chuỗi ký tự.', en: 'Wrong type: expected text.' } },
  ]);
});

/** An error answer as every client reads it: tRPC's envelope, PolCenter's data, both languages. */
interface Refusal {
  error: {
    code: number;
    message: string;
    data: { code: string; httpStatus: number; domainCode: string; text: { vi: string; en: string } };
  };
}

test('every refusal, tRPC’s own and the guard’s, has one shape and a sentence in the caller’s language', async () => {
  const refusal = async (answer: Response, status: number, domainCode: string) => {
    assert.is(answer.status, status, domainCode);
    const body = (await answer.json()) as Refusal;
    assert.is(body.error.data.domainCode, domainCode);
    assert.is(body.error.data.httpStatus, status);
    assert.type(body.error.code, 'number');
    return body.error;
  };
  const broken = await refusal(await fetch(`${base}/trpc/units.list?input=%7B`), 400, 'BAD_REQUEST');
  assert.is(broken.message, 'Không đọc được yêu cầu: dữ liệu gửi lên không phải JSON hợp lệ hoặc sai dạng.');
  assert.match(broken.data.text.en, 'The request could not be read: ');
  const english = await refusal(
    await fetch(`${base}/trpc/units.list?input=%7B`, { headers: { 'accept-language': 'en' } }),
    400,
    'BAD_REQUEST',
  );
  assert.match(english.message, /^The request could not be read: .*JSON/);
  const missing = await refusal(await fetch(`${base}/trpc/nope.nope`), 404, 'NOT_FOUND');
  assert.is(missing.message, 'API không có chức năng "nope.nope".');
  const query = await refusal(await fetch(`${base}/trpc/units.list`, json({})), 405, 'METHOD_NOT_SUPPORTED');
  assert.match(query.message, 'chức năng đọc dùng GET');
  const eleven = Array.from({ length: 11 }, () => 'system.health').join(',');
  const batch = await refusal(await fetch(`${base}/trpc/${eleven}?batch=1&input=%7B%7D`), 400, 'BAD_REQUEST');
  assert.is(batch.message, 'Quá nhiều lệnh gọi gộp trong một yêu cầu.');
  const huge = json({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
  const big = await refusal(await fetch(`${base}/trpc/auth.signIn`, huge), 413, 'PAYLOAD_TOO_LARGE');
  assert.is(big.message, 'Yêu cầu quá lớn.');
  // Refused before tRPC: another method, another content type, another site; same shape.
  const deleted = await fetch(`${base}/trpc/units.list`, { method: 'DELETE' });
  assert.is(deleted.headers.get('allow'), 'GET, POST, OPTIONS');
  await refusal(deleted, 405, 'METHOD_NOT_SUPPORTED');
  const plain = await refusal(
    await fetch(`${base}/trpc/auth.signOut`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  );
  assert.is(plain.message, 'Yêu cầu thay đổi dữ liệu phải gửi dạng application/json.');
  const foreign = await refusal(
    await fetch(`${base}/trpc/auth.signOut`, {
      ...json({}),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'accept-language': 'en' },
    }),
    403,
    'CROSS_SITE',
  );
  assert.is(foreign.message, 'Cross-site requests from this origin are not allowed.');
  assert.is(foreign.data.text.vi, 'Không nhận yêu cầu từ trang web này.');
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

test('an API token over HTTP: made once, read-only refused with a 403 that says why, revoked is a 401', async () => {
  const signIn = await fetch(
    `${base}/trpc/auth.signIn`,
    json({ username: 'nong.van.tuan', password: 'trung tâm chính trị' }),
  );
  const session = ((await signIn.json()) as { result: { data: { token: string } } }).result.data.token;
  const as = (token: string, lang = 'vi') => ({ authorization: `Bearer ${token}`, 'accept-language': lang });
  const made = await fetch(`${base}/trpc/auth.createToken`, {
    ...json({ label: 'cổng thông tin xã', scope: 'read', expiresInDays: 30 }),
    headers: { 'content-type': 'application/json', ...as(session) },
  });
  assert.is(made.status, 200);
  const created = ((await made.json()) as { result: { data: { id: string; token: string } } }).result.data;
  const reading = await fetch(listUrl, { headers: as(created.token) });
  assert.is(reading.status, 200);
  const change = (lang: string) =>
    fetch(`${base}/trpc/units.create`, {
      ...json({ code: 'HTTP-01', name: 'Thôn Mạng', level: 'village' }),
      headers: { 'content-type': 'application/json', ...as(created.token, lang) },
    });
  for (const [lang, words] of [
    ['vi', 'chỉ được đọc dữ liệu'],
    ['en', 'read-only'],
  ] as const) {
    const refused = await change(lang);
    assert.is(refused.status, 403);
    const body = (await refused.json()) as { error: { message: string; data: { domainCode: string } } };
    assert.is(body.error.data.domainCode, 'AUTH.TOKEN_SCOPE');
    assert.match(body.error.message, words);
  }
  const list = await fetch(`${base}/trpc/auth.tokens`, { headers: as(session) });
  assert.not.match(await list.text(), 'pca_');
  const revoke = await fetch(`${base}/trpc/auth.revokeToken`, {
    ...json({ id: created.id }),
    headers: { 'content-type': 'application/json', ...as(session) },
  });
  assert.is(revoke.status, 200);
  assert.is((await fetch(`${base}/trpc/auth.me`, { headers: as(created.token) })).status, 401);
});

test('repeated sign-in guesses get 429 with Retry-After', async () => {
  const guess = () => fetch(`${base}/trpc/auth.signIn`, json({ username: 'victim', password: 'guess' }));
  for (let i = 0; i < 3; i++) assert.is((await guess()).status, 401);
  const limited = await guess();
  assert.is(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('password spraying (one guess for each of many usernames) is slowed per address like brute force', async () => {
  // Six failed sign-ins per address and minute here; the three guesses above were failures too.
  const statuses = [];
  for (const username of ['hoang.thi.mai', 'ly.van.thang', 'nong.thi.hoa', 'ha.van.minh', 'trieu.van.an']) {
    statuses.push((await fetch(`${base}/trpc/auth.signIn`, json({ username, password: 'Matkhau@2026' }))).status);
  }
  assert.equal(statuses, [401, 401, 401, 429, 429]);
  const rightPassword = await fetch(
    `${base}/trpc/auth.signIn`,
    json({ username: 'nong.van.tuan', password: 'trung tâm chính trị' }),
  );
  assert.is(rightPassword.status, 429, 'the address waits, whoever signs in from it');
  assert.ok(Number(rightPassword.headers.get('retry-after')) > 0);
  // The windows end, as they would after a minute: the tests below sign in from this address too.
  await polcenter.orm.em.fork().execute('DELETE FROM rate_limit');
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

/** The URL of the hashed chunk the embed script imports. */
async function chunkUrl(): Promise<string> {
  const entry = await (await fetch(`${base}/widgets/pc-widgets.js`)).text();
  return new URL(/["'](\.\/chunks\/[^"']+)["']/.exec(entry)?.[1] ?? '', `${base}/widgets/`).toString();
}

test('the widget code is public: any page may load it, with no credentials (CORS *, cross-origin resource)', async () => {
  for (const url of [`${base}/widgets/pc-widgets.js`, await chunkUrl()]) {
    const answer = await raw(url, { origin: 'https://any-portal.example', ...BROWSER });
    assert.is(answer.status, 200);
    assert.is(answer.headers['access-control-allow-origin'], '*');
    assert.is(answer.headers['access-control-allow-credentials'], undefined);
    assert.is(answer.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.is(answer.headers['x-content-type-options'], 'nosniff');
    // `*` whatever the Origin: the answer does not depend on it, so it does not vary by it.
    assert.not.ok(varies(answer).includes('origin'));
  }
});

test('the widget bundle goes brotli or gzip as the browser takes it, each with its own ETag, once compressed', async () => {
  const url = await chunkUrl();
  const plain = await raw(url);
  assert.is(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.length > 50_000, `${plain.body.length} bytes`);
  const br = await raw(url, BROWSER);
  const gzip = await raw(url, { 'accept-encoding': 'gzip' });
  assert.is(br.headers['content-encoding'], 'br');
  assert.is(gzip.headers['content-encoding'], 'gzip');
  for (const answer of [plain, br, gzip]) {
    assert.ok(varies(answer).includes('accept-encoding'));
    assert.is(answer.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.is(Number(answer.headers['content-length']), answer.body.length);
    assert.equal(decode(answer), plain.body);
  }
  assert.ok(br.body.length < gzip.body.length && gzip.body.length < plain.body.length / 2);
  assert.is(new Set([plain, br, gzip].map((answer) => answer.headers.etag)).size, 3);
  // Compressed once: the same bytes again, and a revalidation of each encoding by its own tag.
  assert.equal((await raw(url, BROWSER)).body, br.body);
  assert.is((await raw(url, { ...BROWSER, 'if-none-match': String(br.headers.etag) })).status, 304);
  const stale = await raw(url, { ...BROWSER, 'if-none-match': String(gzip.headers.etag) });
  assert.is(stale.status, 200);
  const head = await raw(url, BROWSER, 'HEAD');
  assert.is(head.headers['content-length'], String(br.body.length));
  assert.is(head.headers['content-encoding'], 'br');
  assert.is(head.body.length, 0);
  const notModified = await raw(url, { 'accept-encoding': 'gzip', 'if-none-match': `W/${gzip.headers.etag}` });
  assert.is(notModified.status, 304);
  assert.is(notModified.headers['content-encoding'], 'gzip');
  assert.is(notModified.body.length, 0);
});

test('the 39-byte embed script is sent as it is: too small to gain from compression', async () => {
  const entry = await raw(`${base}/widgets/pc-widgets.js`, BROWSER);
  assert.is(entry.headers['content-encoding'], undefined);
  assert.not.ok(varies(entry).includes('accept-encoding'));
  assert.is(entry.headers['cache-control'], 'public, max-age=300');
});

test('the portal page: compressed, never framed, scripts and calls to this server only', async () => {
  const page = await raw(`${base}/`, BROWSER);
  assert.is(page.status, 200);
  assert.is(page.headers['content-encoding'], 'br');
  assert.match(decode(page).toString(), '<pc-class-catalog>');
  const policy = String(page.headers['content-security-policy']);
  assert.match(policy, "frame-ancestors 'none'");
  assert.match(policy, "script-src 'self'");
  assert.match(policy, "object-src 'none'");
  assert.is(page.headers['x-content-type-options'], 'nosniff');
  assert.is(page.headers['cache-control'], 'no-cache');
  assert.is(page.headers['access-control-allow-origin'], undefined);
  assert.is((await raw(`${base}/`, { ...BROWSER, 'if-none-match': String(page.headers.etag) })).status, 304);
});

test('API answers: compressed when worth it, Vary by Origin and Accept-Encoding whoever asks', async () => {
  const classes = `${base}/trpc/classes.catalog?input=${encodeURIComponent(JSON.stringify({}))}`;
  for (const origin of [PORTAL, 'https://evil.example', undefined]) {
    const answer = await raw(classes, { ...BROWSER, ...(origin && { origin }) });
    assert.is(answer.status, 200, decode(answer).toString());
    assert.is(answer.headers['content-encoding'], 'br');
    assert.ok(varies(answer).includes('origin'), String(answer.headers.vary));
    assert.ok(varies(answer).includes('accept-encoding'), String(answer.headers.vary));
    assert.is(answer.headers['access-control-allow-origin'], origin === PORTAL ? PORTAL : undefined);
    assert.is(answer.headers['cross-origin-resource-policy'], 'same-origin');
    assert.ok(JSON.parse(decode(answer).toString()).result.data.items.length > 0);
  }
  const gzip = await raw(classes, { 'accept-encoding': 'gzip' });
  assert.is(gzip.headers['content-encoding'], 'gzip');
  assert.is((await raw(classes)).headers['content-encoding'], undefined);
  // A small answer goes as it is, with its length: a compression stream per answer costs more than
  // it saves (the catalog above is over the 1 KB threshold).
  const small = await raw(`${base}/trpc/system.health`, BROWSER);
  assert.is(small.status, 200);
  assert.is(small.headers['content-encoding'], undefined);
  assert.is(Number(small.headers['content-length']), small.body.length);
  assert.ok(small.body.length < 1024);
  assert.ok(varies(small).includes('accept-encoding'), String(small.headers.vary));
  // The guard's own answers vary by Origin too.
  const refused = await raw(`${base}/trpc/auth.signIn`, { origin: 'https://evil.example' }, 'OPTIONS');
  assert.is(refused.status, 403);
  assert.ok(varies(refused).includes('origin'));
});

test('an answer to a signed-in request is never stored; public answers may be', async () => {
  const signIn = await fetch(
    `${base}/trpc/auth.signIn`,
    json({ username: 'nong.van.tuan', password: 'trung tâm chính trị' }),
  );
  assert.is(signIn.headers.get('cache-control'), 'no-store');
  const { token } = ((await signIn.json()) as { result: { data: { token: string } } }).result.data;
  for (const path of ['auth.me', 'units.list?input=%7B%7D']) {
    const answer = await fetch(`${base}/trpc/${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.is(answer.status, 200);
    assert.is(answer.headers.get('cache-control'), 'no-store');
  }
  const wrong = await fetch(`${base}/trpc/auth.me`, { headers: { authorization: 'Bearer pca_wrong' } });
  assert.is(wrong.headers.get('cache-control'), 'no-store');
  assert.is((await fetch(listUrl)).headers.get('cache-control'), null);
});

test('every answer says nosniff: API, refusals, health, static files, 404s', async () => {
  const answers = await Promise.all([
    raw(listUrl),
    raw(`${base}/trpc/auth.signOut`, { 'content-type': 'text/plain' }, 'POST'),
    raw(`${base}/trpc/auth.signIn`, { origin: PORTAL }, 'OPTIONS'),
    raw(`${base}/healthz`),
    raw(`${base}/widgets/pc-widgets.js`),
    raw(`${base}/`),
    raw(`${base}/nope`),
    raw(`${base}/widgets/nope.js`),
  ]);
  for (const answer of answers) assert.is(answer.headers['x-content-type-options'], 'nosniff');
});

test('unknown paths are 404, health is always 200, readiness checks the database', async () => {
  assert.is((await fetch(`${base}/nope`)).status, 404);
  assert.is((await fetch(`${base}/healthz`)).status, 200);
  assert.is((await fetch(`${base}/readyz`)).status, 200);
});

test('a client that leaves halfway through its body is no failure: nothing logged, the server goes on', async () => {
  const { port } = server.address() as AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /trpc/auth.signIn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"user',
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.is((await fetch(`${base}/healthz`)).status, 200);
  const failed = log.entries().filter((entry) => entry.message === 'request failed');
  assert.equal(failed, []);
  log.assertClean();
});

test('a statement that fails: a 500 revealing nothing; its log line has the request id and codes, no SQL', async () => {
  // units.list runs through MikroORM, which inlines the values ('064') into the SQL text it sends
  // and into the error it throws.
  await polcenter.orm.em.fork().execute('ALTER TABLE unit RENAME COLUMN name TO name_gone');
  try {
    const response = await fetch(listUrl);
    assert.is(response.status, 500);
    const body = await response.text();
    assert.not.match(body, 'name_gone');
    assert.not.match(body.toLowerCase(), 'select');
    const requestId = response.headers.get('x-request-id');
    const line = log.entries().find((entry) => entry.message === 'procedure failed' && entry.requestId === requestId);
    assert.ok(line, JSON.stringify(log.entries().slice(-3)));
    assert.equal([line?.level, line?.path, line?.status, line?.code], ['error', 'units.list', 500, '42703']);
    assert.is(line?.error, 'DatabaseError', JSON.stringify(line));
    assert.not.match(JSON.stringify(line), '064');
    log.assertClean();
  } finally {
    await polcenter.orm.em.fork().execute('ALTER TABLE unit RENAME COLUMN name_gone TO name');
  }
});

test.run();
