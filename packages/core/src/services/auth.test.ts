import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../actor';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const unitId = (code: string) => unitIdByCode(polcenter.orm, code);

test('a coordinator of Phương Viên signs in and sees Phương Viên and its villages, not Đồng Lạc', async () => {
  const phuongVien = await unitId('02050');
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'ma.thi.hoa',
    displayName: 'Ma Thị Hoa',
    password: 'Phương Viên 2022',
    roles: [{ role: 'unit_coordinator', unitId: phuongVien }],
  });
  const { token, principal } = await polcenter.auth.signIn({ username: 'Ma.Thi.Hoa', password: 'Phương Viên 2022' });
  assert.match(token, /^pcs_/);
  assert.equal(principal.roles, [{ role: 'unit_coordinator', unitId: phuongVien }]);
  const me = await polcenter.auth.authenticate(token);
  assert.is(me?.username, 'ma.thi.hoa');
  assert.ok(await polcenter.auth.canAccessUnit(principal, phuongVien));
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
  const { token } = await polcenter.auth.createApiToken(SYSTEM_ACTOR, admin.userId, 'cổng thông tin');
  assert.match(token, /^pca_/);
  assert.is((await polcenter.auth.authenticate(token))?.userId, admin.userId);
  assert.is(await polcenter.auth.authenticate(`${token}x`), null);
});

test.run();
