import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const { accounts, auth } = polcenter;
const phuongVien = await unitIdByCode(polcenter.orm, '02050');
const dongLac = await unitIdByCode(polcenter.orm, '02029');
const root = await auth.createUser(SYSTEM_ACTOR, {
  username: 'quantri.goc',
  displayName: 'Nông Văn Quản',
  password: 'mat-khau-quan-tri',
  roles: [{ role: 'admin', unitId: null }],
});
const admin = { id: root.userId, label: root.displayName };

test('create: a temporary password shown once, which signs in only to be changed', async () => {
  const { account, temporaryPassword } = await accounts.create(admin, {
    username: 'Ma.Thi.Hoa',
    displayName: 'Ma Thị Hoa',
    roles: [{ role: 'unit_coordinator', unitId: phuongVien }],
  });
  assert.is(account.username, 'ma.thi.hoa');
  assert.ok(account.mustChangePassword);
  assert.equal(
    account.roles.map((r) => [r.role, r.unitName]),
    [['unit_coordinator', 'Xã Phương Viên']],
  );
  assert.match(temporaryPassword, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  const signedIn = await auth.signIn({ username: 'ma.thi.hoa', password: temporaryPassword });
  assert.is(signedIn.principal.mustChangePassword, true);
  await auth.changePassword(
    { id: account.id, label: account.displayName },
    account.id,
    { currentPassword: temporaryPassword, newPassword: 'Phương Viên 2026' },
    signedIn.principal.token?.id,
  );
  const check = await auth.check(signedIn.token);
  assert.ok(check && 'principal' in check && check.principal.mustChangePassword === false);
  assert.is((await accounts.get(account.id)).mustChangePassword, false);
  const taken = await expectDomainError(
    accounts.create(admin, {
      username: 'ma.thi.hoa',
      displayName: 'X',
      roles: [{ role: 'lecturer', unitId: dongLac }],
    }),
  );
  assert.is(taken.code, 'USER.USERNAME_TAKEN');
  assert.is(taken.fields[0]?.field, 'username');
});

test('roles per unit: a non-admin role needs a unit, an admin none; replaced whole, in force at the next call', async () => {
  const { account, temporaryPassword } = await accounts.create(admin, {
    username: 'lam.van.tuan',
    displayName: 'Lâm Văn Tuấn',
    roles: [{ role: 'lecturer', unitId: phuongVien }],
  });
  const missing = await expectDomainError(
    accounts.setRoles(admin, { userId: account.id, roles: [{ role: 'center_staff', unitId: null }] }),
  );
  assert.is(missing.code, 'INPUT.INVALID');
  assert.is(missing.fields[0]?.field, 'roles.0.unitId');
  assert.match(missing.fields[0]?.message.vi ?? '', 'phải gắn với một đơn vị');
  const unknown = await expectDomainError(
    accounts.setRoles(admin, {
      userId: account.id,
      roles: [{ role: 'center_staff', unitId: '00000000-0000-4000-8000-000000000000' }],
    }),
  );
  assert.is(unknown.fields[0]?.field, 'roles.0.unitId');

  const { token } = await auth.signIn({ username: 'lam.van.tuan', password: temporaryPassword });
  const updated = await accounts.setRoles(admin, {
    userId: account.id,
    roles: [
      { role: 'center_staff', unitId: dongLac },
      { role: 'lecturer', unitId: phuongVien },
    ],
  });
  assert.equal(
    updated.roles.map((r) => r.role),
    ['center_staff', 'lecturer'],
  );
  const check = await auth.check(token);
  assert.ok(check && 'principal' in check);
  assert.ok(check && 'reach' in check && check.reach.reaches(dongLac, ['center_staff']));
});

test('disable: every session and API token of the account is refused at its next call, and stays so when enabled again', async () => {
  const { account, temporaryPassword } = await accounts.create(admin, {
    username: 'hoang.thi.lan',
    displayName: 'Hoàng Thị Lan',
    roles: [{ role: 'center_staff', unitId: phuongVien }],
  });
  const actor = { id: account.id, label: account.displayName };
  const first = await auth.signIn({ username: 'hoang.thi.lan', password: temporaryPassword });
  await auth.changePassword(
    actor,
    account.id,
    { currentPassword: temporaryPassword, newPassword: 'mat-khau-moi-2026' },
    first.principal.token?.id,
  );
  const second = await auth.signIn({ username: 'hoang.thi.lan', password: 'mat-khau-moi-2026' });
  const api = await auth.createApiToken(actor, account.id, { label: 'báo cáo', expiresInDays: 30 });
  assert.is((await accounts.sessions(account.id)).length, 2);

  const disabled = await accounts.setActive(admin, account.id, false);
  assert.is(disabled.active, false);
  for (const token of [first.token, second.token, api.token])
    assert.equal(await auth.check(token), { ended: 'revoked' });
  await expectDomainError(auth.signIn({ username: 'hoang.thi.lan', password: 'mat-khau-moi-2026' }));
  assert.equal(await accounts.sessions(account.id), []);

  await accounts.setActive(admin, account.id, true);
  assert.equal(await auth.check(first.token), { ended: 'revoked' }, 'old sessions do not come back');
  assert.ok(
    await auth.authenticate((await auth.signIn({ username: 'hoang.thi.lan', password: 'mat-khau-moi-2026' })).token),
  );
  const [log] = await polcenter.orm.em
    .fork()
    .execute<{ after: { tokensRevoked: number } }[]>(
      "SELECT after FROM audit_log WHERE action = 'user.disable' AND entity_id = ?",
      [account.id],
    );
  assert.is(log?.after.tokensRevoked, 3);
});

test('an administrator cannot disable themselves or drop their own admin role, nor the last other admin', async () => {
  assert.is((await expectDomainError(accounts.setActive(admin, root.userId, false))).code, 'USER.LAST_ADMIN');
  assert.is(
    (
      await expectDomainError(
        accounts.setRoles(admin, { userId: root.userId, roles: [{ role: 'lecturer', unitId: phuongVien }] }),
      )
    ).code,
    'USER.LAST_ADMIN',
  );
  const other = await accounts.create(admin, {
    username: 'quantri.hai',
    displayName: 'Quản trị hai',
    roles: [{ role: 'admin', unitId: null }],
  });
  // The other admin may be disabled by this one (one active admin remains)…
  await accounts.setActive(admin, other.account.id, false);
  // …and the other, disabled, cannot act; this one remains the last and cannot be disabled by anyone.
  const byOther = await expectDomainError(accounts.setActive({ id: other.account.id, label: 'x' }, root.userId, false));
  assert.is(byOther.code, 'USER.LAST_ADMIN');
});

test('reset: a new temporary password; the sessions end, API tokens stay; the next sign-in must change it', async () => {
  const { account, temporaryPassword } = await accounts.create(admin, {
    username: 'trieu.van.binh',
    displayName: 'Triệu Văn Bình',
    roles: [{ role: 'lecturer', unitId: dongLac }],
  });
  const actor = { id: account.id, label: account.displayName };
  const session = await auth.signIn({ username: 'trieu.van.binh', password: temporaryPassword });
  await auth.changePassword(actor, account.id, {
    currentPassword: temporaryPassword,
    newPassword: 'quen-mat-roi-2026',
  });
  const api = await auth.createApiToken(actor, account.id, { label: 'lịch', expiresInDays: 30 });
  const reset = await accounts.resetPassword(admin, account.id);
  assert.not.equal(reset.temporaryPassword, temporaryPassword);
  assert.equal(await auth.check(session.token), { ended: 'revoked' });
  assert.ok(await auth.authenticate(api.token));
  await expectDomainError(auth.signIn({ username: 'trieu.van.binh', password: 'quen-mat-roi-2026' }));
  const again = await auth.signIn({ username: 'trieu.van.binh', password: reset.temporaryPassword });
  assert.is(again.principal.mustChangePassword, true);
});

test('sessions and tokens listed per account, and one revoked by an administrator is refused next', async () => {
  const { account, temporaryPassword } = await accounts.create(admin, {
    username: 'be.thi.hanh',
    displayName: 'Bế Thị Hạnh',
    roles: [{ role: 'lecturer', unitId: dongLac }],
  });
  const a = await auth.signIn({ username: 'be.thi.hanh', password: temporaryPassword });
  const b = await auth.signIn({ username: 'be.thi.hanh', password: temporaryPassword });
  const sessions = await accounts.sessions(account.id);
  assert.equal(sessions.map((s) => s.id).sort(), [a.principal.token?.id, b.principal.token?.id].sort());
  await accounts.revoke(admin, account.id, a.principal.token?.id as string);
  assert.equal(await auth.check(a.token), { ended: 'revoked' });
  assert.ok(await auth.authenticate(b.token));
  // Another account's token through this account: not found, nothing revoked.
  const stranger = await expectDomainError(accounts.revoke(admin, root.userId, b.principal.token?.id as string));
  assert.is(stranger.code, 'AUTH.TOKEN_NOT_FOUND');
  assert.ok(await auth.authenticate(b.token));
});

test('list: by username, found by name without diacritics', async () => {
  const found = await accounts.list({ query: 'hoang lan' });
  assert.equal(
    found.map((a) => a.username),
    ['hoang.thi.lan'],
  );
  const all = await accounts.list();
  assert.equal(
    all.map((a) => a.username),
    [...all.map((a) => a.username)].sort(),
  );
});

test('two administrators disabling each other at the same moment: one succeeds, one active administrator remains', async () => {
  const make = async (username: string) =>
    (await accounts.create(admin, { username, displayName: username, roles: [{ role: 'admin', unitId: null }] }))
      .account;
  const x = await make('quantri.x');
  const y = await make('quantri.y');
  const asX = { id: x.id, label: 'X' };
  const asY = { id: y.id, label: 'Y' };
  await accounts.setActive(asX, root.userId, false);
  const outcomes = await Promise.allSettled([
    accounts.setActive(asX, y.id, false),
    accounts.setActive(asY, x.id, false),
  ]);
  const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code?: string }).code)).sort();
  assert.equal(codes, ['USER.LAST_ADMIN', 'ok']);
  const activeAdmins = (await accounts.list()).filter((a) => a.active && a.roles.some((r) => r.role === 'admin'));
  assert.is(activeAdmins.length, 1);
  await accounts.setActive({ id: activeAdmins[0]?.id ?? null, label: 'last' }, root.userId, true);
});

test.run();
