import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { type DomainError, TOKEN_AREAS } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextFromHeaders, defaultLimits } from './context.js';
import { appRouter, createCaller } from './root.js';

/**
 * API token scopes at the tRPC boundary. The procedures are enumerated from the router itself, so
 * a mutation added later is covered without anyone remembering to list it here.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const admin = await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'quan.tri',
  displayName: 'Quản trị',
  password: 'a long test password',
  roles: [{ role: 'admin', unitId: null }],
});
const district = (await polcenter.units.findByCode('064'))?.id as string;
const staff = await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'can.bo',
  displayName: 'Cán bộ',
  password: 'a long test password',
  roles: [{ role: 'center_staff', unitId: district }],
});

/** A caller exactly as the HTTP server builds one: from the `Authorization` header. */
const callerWith = async (token: string, lang = 'vi') =>
  createCaller(
    await createContextFromHeaders(
      polcenter,
      { authorization: `Bearer ${token}`, 'accept-language': lang },
      { clientKey: 'test', limits: defaultLimits() },
    ),
  );
const tokenFor = async (userId: string, scope: string, label = scope) =>
  (await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label, scope })).token;

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription' } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).map(
  ([path, p]) => ({ path, type: p._def.type }),
);
/** Whatever the caller and the procedure make of it; what matters is whether the scope refused. */
async function call(api: ReturnType<typeof createCaller>, path: string): Promise<string> {
  const [area, name] = path.split('.') as [string, string];
  const fn = (api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[area]?.[name];
  if (!fn) throw new Error(`no procedure ${path}`);
  try {
    // An empty input: the scope is checked before the input is read, so a refusal is never an input error.
    await fn({});
    return 'passed';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (error.cause as DomainError | undefined)?.code === 'AUTH.TOKEN_SCOPE' ? 'scope' : 'passed';
  }
}

test('the areas a token may name are exactly the routers of the API', () => {
  const routers = [...new Set(procedures.map((p) => p.path.split('.')[0]))].sort();
  assert.equal(routers, [...TOKEN_AREAS].sort());
});

test('a read-only token is refused every mutation, and no query', async () => {
  const api = await callerWith(await tokenFor(admin.userId, 'read'));
  const problems: string[] = [];
  const mutations = procedures.filter((p) => p.type === 'mutation');
  assert.ok(mutations.length > 40, `only ${mutations.length} mutations found`);
  for (const { path, type } of procedures) {
    // Signing out gives the token up, which never widens anything.
    const expected = type === 'mutation' && path !== 'auth.signOut' ? 'scope' : 'passed';
    const actual = await call(api, path);
    if (actual !== expected) problems.push(`${path} (${type}): expected ${expected}, got ${actual}`);
  }
  assert.equal(problems, []);
});

test('an area token reaches its areas only, queries and mutations alike', async () => {
  const api = await callerWith(await tokenFor(admin.userId, 'enrolment,classes'));
  const problems: string[] = [];
  for (const { path } of procedures) {
    const inArea = ['enrolment', 'classes'].includes(path.split('.')[0] as string);
    const expected = inArea || path === 'auth.me' || path === 'auth.signOut' ? 'passed' : 'scope';
    const actual = await call(api, path);
    if (actual !== expected) problems.push(`${path}: expected ${expected}, got ${actual}`);
  }
  assert.equal(problems, []);
});

test('a read-only area token: queries of its areas only', async () => {
  const api = await callerWith(await tokenFor(admin.userId, 'read:people'));
  const problems: string[] = [];
  for (const { path, type } of procedures) {
    const allowed = path === 'auth.me' || path === 'auth.signOut' || (path.startsWith('people.') && type === 'query');
    const actual = await call(api, path);
    if (actual !== (allowed ? 'passed' : 'scope')) problems.push(`${path}: got ${actual}`);
  }
  assert.equal(problems, []);
});

test('the refusal is a 403 that says why, in the caller’s language', async () => {
  const token = await tokenFor(admin.userId, 'read');
  const input = { code: 'TEST-01', name: 'Thôn Thử', level: 'village' as const, parentId: district };
  for (const lang of ['vi', 'en']) {
    const error = await (await callerWith(token, lang)).units.create(input).catch((e: unknown) => e);
    assert.instance(error, TRPCError);
    assert.is((error as TRPCError).code, 'FORBIDDEN');
    const cause = (error as TRPCError).cause as DomainError;
    assert.is(cause.code, 'AUTH.TOKEN_SCOPE');
    assert.match(cause.text.vi, 'chỉ được đọc dữ liệu');
    assert.match(cause.text.en, 'read-only');
  }
  const areaError = await (await callerWith(await tokenFor(admin.userId, 'enrolment'))).people
    .search({})
    .catch((e: unknown) => e);
  assert.match(((areaError as TRPCError).cause as DomainError).text.vi, 'chỉ dùng được cho khu vực enrolment');
});

test('an expired or revoked token is no sign-in: protected procedures answer UNAUTHORIZED', async () => {
  const created = await polcenter.auth.createApiToken(SYSTEM_ACTOR, admin.userId, { label: 'tạm' });
  assert.is((await (await callerWith(created.token)).auth.me()).username, 'quan.tri');
  await polcenter.orm.em
    .fork()
    .execute("UPDATE auth_token SET expires_at = now() - interval '1 minute' WHERE id = ?", [created.id]);
  const expired = await (await callerWith(created.token)).auth.me().catch((e: unknown) => e);
  assert.is((expired as TRPCError).code, 'UNAUTHORIZED');

  const other = await polcenter.auth.createApiToken(SYSTEM_ACTOR, admin.userId, { label: 'thu hồi' });
  const session = await polcenter.auth.signIn({ username: 'quan.tri', password: 'a long test password' });
  await (await callerWith(session.token)).auth.revokeToken({ id: other.id });
  const revoked = await (await callerWith(other.token)).people.search({}).catch((e: unknown) => e);
  assert.is((revoked as TRPCError).code, 'UNAUTHORIZED');
});

test('tokens through the API: the secret once; staff list and revoke their own, admins everyone’s', async () => {
  const session = await polcenter.auth.signIn({ username: 'can.bo', password: 'a long test password' });
  const api = await callerWith(session.token);
  const created = await api.auth.createToken({ label: 'phần mềm điểm danh', scope: 'read', expiresInDays: 30 });
  assert.match(created.token, /^pca_/);
  assert.equal([created.scopeText, created.status], ['read', 'active']);
  const mine = await api.auth.tokens();
  assert.equal(
    mine.map((t) => t.label),
    ['phần mềm điểm danh'],
  );
  assert.not.match(JSON.stringify(mine), /pca_|hash/i);

  const adminApi = await callerWith(
    (await polcenter.auth.signIn({ username: 'quan.tri', password: 'a long test password' })).token,
  );
  const everyone = await adminApi.auth.tokens();
  assert.ok(everyone.some((t) => t.id === created.id && t.username === 'can.bo'));
  assert.ok(everyone.some((t) => t.username === 'quan.tri'));

  const adminToken = everyone.find((t) => t.username === 'quan.tri' && t.status === 'active');
  const notFound = await api.auth.revokeToken({ id: adminToken?.id as string }).catch((e: unknown) => e);
  assert.is((notFound as TRPCError).code, 'NOT_FOUND');
  assert.is((await api.auth.revokeToken({ id: created.id })).status, 'revoked');
  assert.is((await api.auth.tokens())[0]?.status, 'revoked');
});

test('a token creating tokens: never wider than itself', async () => {
  const api = await callerWith(await tokenFor(staff.userId, 'auth,enrolment'));
  const wider = await api.auth.createToken({ label: 'rộng', scope: 'full' }).catch((e: unknown) => e);
  assert.is((wider as TRPCError).code, 'FORBIDDEN');
  assert.is(((wider as TRPCError).cause as DomainError).code, 'AUTH.TOKEN_SCOPE');
  const narrower = await api.auth.createToken({ label: 'hẹp', scope: 'read:enrolment' });
  assert.equal(narrower.scope, { readOnly: true, areas: ['enrolment'] });
  // A read-only token creates nothing at all: making a token is a change.
  const readOnly = await callerWith(await tokenFor(staff.userId, 'read'));
  const refused = await readOnly.auth.createToken({ label: 'x', scope: 'read' }).catch((e: unknown) => e);
  assert.is(((refused as TRPCError).cause as DomainError).code, 'AUTH.TOKEN_SCOPE');
});

test('sign-in sessions keep working: full reach, signing out ends them', async () => {
  const session = await polcenter.auth.signIn({ username: 'quan.tri', password: 'a long test password' });
  const api = await callerWith(session.token);
  assert.is((await api.auth.me()).token?.kind, 'session');
  const unit = await api.units.create({ code: 'TEST-02', name: 'Thôn Hai', level: 'village', parentId: district });
  assert.is(unit.code, 'TEST-02');
  await api.auth.signOut();
  const after = await (await callerWith(session.token)).auth.me().catch((e: unknown) => e);
  assert.is((after as TRPCError).code, 'UNAUTHORIZED');
});

test.run();
