import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const unitId = (code: string) => unitIdByCode(polcenter.orm, code);

test('a coordinator of xã Chợ Đồn signs in and sees Phương Viên, merged into it, and its villages; not Đồng Lạc', async () => {
  // Since 01/07/2025 Phương Viên's villages are the new commune's (they moved with the merger).
  const choDon = await unitId('TN-CHODON');
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'ma.thi.hoa',
    displayName: 'Ma Thị Hoa',
    password: 'Phương Viên 2022',
    roles: [{ role: 'unit_coordinator', unitId: choDon }],
  });
  const { token, principal } = await polcenter.auth.signIn({ username: 'Ma.Thi.Hoa', password: 'Phương Viên 2022' });
  assert.match(token, /^pcs_/);
  assert.equal(principal.roles, [{ role: 'unit_coordinator', unitId: choDon }]);
  const me = await polcenter.auth.authenticate(token);
  assert.is(me?.username, 'ma.thi.hoa');
  assert.ok(await polcenter.auth.canAccessUnit(principal, choDon));
  assert.ok(await polcenter.auth.canAccessUnit(principal, await unitId('02050')));
  assert.ok(await polcenter.auth.canAccessUnit(principal, await unitId('02050-01')));
  assert.not.ok(await polcenter.auth.canAccessUnit(principal, await unitId('02029')));
  assert.not.ok(await polcenter.auth.canAccessUnit(principal, await unitId('064')));
  await polcenter.auth.signOut(token);
  assert.is(await polcenter.auth.authenticate(token), null);
});

test('a wrong password and an unknown user get the same answer', async () => {
  const wrong = await expectDomainError(
    polcenter.auth.signIn({ username: 'ma.thi.hoa', password: 'not the password' }),
  );
  const unknown = await expectDomainError(polcenter.auth.signIn({ username: 'nobody', password: 'not the password' }));
  assert.is(wrong.code, 'AUTH.INVALID_CREDENTIALS');
  assert.equal(unknown.text, wrong.text);
});

test('usernames are unique, passwords long enough, roles tied to real units', async () => {
  const taken = await expectDomainError(
    polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: 'ma.thi.hoa',
      displayName: 'Khác',
      password: 'long enough pass',
      roles: [{ role: 'admin', unitId: null }],
    }),
  );
  assert.is(taken.code, 'USER.USERNAME_TAKEN');
  const short = await expectDomainError(
    polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: 'x.y',
      displayName: 'X',
      password: 'short',
      roles: [{ role: 'admin', unitId: null }],
    }),
  );
  assert.equal(
    short.fields.map((f) => f.field),
    ['password'],
  );
  const noUnit = await expectDomainError(
    polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: 'a.b',
      displayName: 'A',
      password: 'long enough pass',
      roles: [{ role: 'unit_coordinator', unitId: '00000000-0000-4000-8000-000000000000' }],
    }),
  );
  assert.is(noUnit.code, 'INPUT.INVALID');
  const rows = await polcenter.orm.em
    .fork()
    .execute<{ n: number }[]>("SELECT count(*)::int AS n FROM app_user WHERE username IN ('x.y', 'a.b')");
  assert.equal(rows, [{ n: 0 }]);
});

test('an admin may see every unit; an API token authenticates like a session', async () => {
  const admin = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'admin',
    displayName: 'Quản trị',
    password: 'a long admin password',
    roles: [{ role: 'admin', unitId: null }],
  });
  assert.ok(await polcenter.auth.canAccessUnit(admin, await unitId('02029')));
  const { token } = await polcenter.auth.createApiToken(SYSTEM_ACTOR, admin.userId, { label: 'cổng thông tin' });
  assert.match(token, /^pca_/);
  const principal = await polcenter.auth.authenticate(token);
  assert.is(principal?.userId, admin.userId);
  assert.equal(principal?.token?.scope, { readOnly: false, areas: null });
  assert.is(await polcenter.auth.authenticate(`${token}x`), null);
});

const days = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / 86_400_000);
const adminId = async () => (await polcenter.auth.userIdOf('admin')) as string;

test('an API token lasts 90 days unless asked otherwise, a year at most; it has a label and a scope', async () => {
  const userId = await adminId();
  const plain = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'cổng xã' });
  assert.is(days(plain.expiresAt), 90);
  assert.equal([plain.label, plain.scopeText, plain.status], ['cổng xã', 'full', 'active']);
  const scoped = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, {
    label: 'báo cáo',
    scope: 'Enrolment, classes',
    expiresInDays: 365,
  });
  assert.equal(scoped.scope, { readOnly: false, areas: ['classes', 'enrolment'] });
  assert.is(days(scoped.expiresAt), 365);
  const tooLong = await expectDomainError(
    polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'mãi mãi', expiresInDays: 366 }),
  );
  assert.equal(
    tooLong.fields.map((f) => f.field),
    ['expiresInDays'],
  );
  const badScope = await expectDomainError(
    polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'x', scope: 'enrolment,nothing' }),
  );
  assert.match(badScope.fields[0]?.message.vi ?? '', 'Không có khu vực: nothing');
  const noLabel = await expectDomainError(polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: ' ' }));
  assert.equal(
    noLabel.fields.map((f) => f.field),
    ['label'],
  );
});

test('an expired token and a revoked token are no token at all', async () => {
  const userId = await adminId();
  const expiring = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'hết hạn' });
  assert.ok(await polcenter.auth.authenticate(expiring.token));
  await polcenter.orm.em
    .fork()
    .execute("UPDATE auth_token SET expires_at = now() - interval '1 second' WHERE id = ?", [expiring.id]);
  assert.is(await polcenter.auth.authenticate(expiring.token), null);

  const revoked = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'thu hồi' });
  assert.ok(await polcenter.auth.authenticate(revoked.token));
  const view = await polcenter.auth.revokeApiToken(SYSTEM_ACTOR, revoked.id, userId);
  assert.is(view.status, 'revoked');
  assert.is(await polcenter.auth.authenticate(revoked.token), null);
  // Revoking again changes nothing and says so calmly.
  assert.is((await polcenter.auth.revokeApiToken(SYSTEM_ACTOR, revoked.id)).status, 'revoked');

  const listed = await polcenter.auth.listApiTokens({ userId });
  const byId = new Map(listed.map((t) => [t.id, t.status]));
  assert.equal([byId.get(expiring.id), byId.get(revoked.id)], ['expired', 'revoked']);
  // A list never carries a secret or its hash.
  const text = JSON.stringify(listed);
  assert.not.match(text, /pca_|token_?hash/i);
  const [{ hash } = { hash: '' }] = await polcenter.orm.em
    .fork()
    .execute<{ hash: string }[]>('SELECT token_hash AS hash FROM auth_token WHERE id = ?', [revoked.id]);
  assert.not.ok(text.includes(hash));
});

test("someone else's token cannot be revoked by its id: it is not found", async () => {
  const owner = await adminId();
  const other = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'nguoi.khac',
    displayName: 'Người khác',
    password: 'another long password',
    roles: [{ role: 'lecturer', unitId: await unitId('064') }],
  });
  const token = await polcenter.auth.createApiToken(SYSTEM_ACTOR, owner, { label: 'của admin' });
  const refused = await expectDomainError(polcenter.auth.revokeApiToken(SYSTEM_ACTOR, token.id, other.userId));
  assert.is(refused.code, 'AUTH.TOKEN_NOT_FOUND');
  assert.ok(await polcenter.auth.authenticate(token.token));
  assert.equal(await polcenter.auth.listApiTokens({ userId: other.userId }), []);
});

test('a token makes only narrower tokens than itself, which cannot outlive it', async () => {
  const userId = await adminId();
  const parent = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, {
    label: 'tích hợp ghi danh',
    scope: 'enrolment,classes,auth',
    expiresInDays: 10,
  });
  const madeWith = (await polcenter.auth.authenticate(parent.token))?.token;
  assert.ok(madeWith);
  for (const scope of ['full', 'read', 'enrolment,people']) {
    const wider = await expectDomainError(
      polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'rộng hơn', scope }, madeWith),
    );
    assert.is(wider.code, 'AUTH.TOKEN_SCOPE', scope);
    assert.match(wider.text.vi, 'rộng hơn mã đang dùng');
  }
  const child = await polcenter.auth.createApiToken(
    SYSTEM_ACTOR,
    userId,
    { label: 'chỉ đọc ghi danh', scope: 'read:enrolment', expiresInDays: 365 },
    madeWith,
  );
  assert.equal(child.scope, { readOnly: true, areas: ['enrolment'] });
  assert.is(child.expiresAt, parent.expiresAt);
  const readOnly = (await polcenter.auth.authenticate(child.token))?.token;
  const writer = await expectDomainError(
    polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'ghi', scope: 'enrolment' }, readOnly),
  );
  assert.is(writer.code, 'AUTH.TOKEN_SCOPE');
});

test('a sign-in session is a token of its own: full scope, twelve hours', async () => {
  const { token, expiresAt } = await polcenter.auth.signIn({ username: 'admin', password: 'a long admin password' });
  const principal = await polcenter.auth.authenticate(token);
  assert.equal(principal?.token?.scope, { readOnly: false, areas: null });
  assert.is(principal?.token?.kind, 'session');
  assert.is(Math.round((Date.parse(expiresAt) - Date.now()) / 3_600_000), 12);
  assert.equal(await polcenter.auth.listApiTokens({ tokenId: principal?.token?.id }), []);
});

test('a sign-in unused for 30 minutes ends as idle, one past its 12 hours as expired, a signed-out one as revoked; API tokens have no idle limit', async () => {
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'be.van.an',
    displayName: 'Bế Văn An',
    password: 'Bằng Lũng 2026',
    roles: [{ role: 'center_staff', unitId: await unitId('064') }],
  });
  const sql = (text: string, values: unknown[]) => polcenter.orm.em.fork().execute(text, values, 'run');
  const hashOf = "encode(sha256(convert_to(?, 'UTF8')), 'hex')";
  const session = () => polcenter.auth.signIn({ username: 'be.van.an', password: 'Bằng Lũng 2026' });

  const idle = await session();
  assert.ok(await polcenter.auth.check(idle.token).then((c) => c && 'principal' in c));
  await sql(`UPDATE auth_token SET last_used_at = now() - interval '29 minutes' WHERE token_hash = ${hashOf}`, [
    idle.token,
  ]);
  assert.ok(await polcenter.auth.authenticate(idle.token), 'used 29 minutes ago: still on');
  await sql(`UPDATE auth_token SET last_used_at = now() - interval '31 minutes' WHERE token_hash = ${hashOf}`, [
    idle.token,
  ]);
  assert.equal(await polcenter.auth.check(idle.token), { ended: 'idle' });
  assert.is(await polcenter.auth.authenticate(idle.token), null);

  const old = await session();
  await sql(`UPDATE auth_token SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashOf}`, [old.token]);
  assert.equal(await polcenter.auth.check(old.token), { ended: 'expired' });

  const gone = await session();
  await polcenter.auth.signOut(gone.token);
  assert.equal(await polcenter.auth.check(gone.token), { ended: 'revoked' });
  assert.is(await polcenter.auth.check('pcs_not-a-token-of-ours'), null);

  const userId = (await polcenter.auth.userIdOf('be.van.an')) as string;
  const api = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'Cổng xã', scope: 'read' });
  await sql(`UPDATE auth_token SET last_used_at = now() - interval '10 days' WHERE token_hash = ${hashOf}`, [
    api.token,
  ]);
  assert.ok(await polcenter.auth.authenticate(api.token), 'an API token is not idle-limited');
});

test('changing one’s password needs the current one, ends the other sign-ins and keeps the one it was made from and API tokens', async () => {
  const userId = (await polcenter.auth.userIdOf('be.van.an')) as string;
  const here = await polcenter.auth.signIn({ username: 'be.van.an', password: 'Bằng Lũng 2026' });
  const there = await polcenter.auth.signIn({ username: 'be.van.an', password: 'Bằng Lũng 2026' });
  const api = await polcenter.auth.createApiToken(SYSTEM_ACTOR, userId, { label: 'Báo cáo', scope: 'read' });
  const actor = { id: userId, label: 'Bế Văn An' };

  const wrong = await expectDomainError(
    polcenter.auth.changePassword(actor, userId, {
      currentPassword: 'đoán thử mà thôi',
      newPassword: 'Chợ Đồn 2027 mới',
    }),
  );
  assert.is(wrong.code, 'AUTH.WRONG_PASSWORD');
  assert.equal(
    wrong.fields.map((f) => f.field),
    ['currentPassword'],
  );
  const short = await expectDomainError(
    polcenter.auth.changePassword(actor, userId, { currentPassword: 'Bằng Lũng 2026', newPassword: 'ngắn' }),
  );
  assert.equal(
    short.fields.map((f) => f.field),
    ['newPassword'],
  );
  assert.ok(await polcenter.auth.authenticate(there.token), 'a refused change ends nothing');

  await polcenter.auth.changePassword(
    actor,
    userId,
    { currentPassword: 'Bằng Lũng 2026', newPassword: 'Chợ Đồn 2027 mới' },
    here.principal.token?.id,
  );
  assert.ok(await polcenter.auth.authenticate(here.token));
  assert.equal(await polcenter.auth.check(there.token), { ended: 'revoked' });
  assert.ok(await polcenter.auth.authenticate(api.token));
  await expectDomainError(polcenter.auth.signIn({ username: 'be.van.an', password: 'Bằng Lũng 2026' }));
  assert.ok(await polcenter.auth.signIn({ username: 'be.van.an', password: 'Chợ Đồn 2027 mới' }));
  const [row] = await polcenter.orm.em
    .fork()
    .execute<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password' AND entity_id = ?",
      [userId],
    );
  assert.is(row?.n, 1);
});

test.run();
