import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter, unitIdByCode } from '@polcenter/core/testing';
import type { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context.js';
import { createCaller } from '../root.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

/** A caller as the HTTP layer makes one: the token checked, the principal and reach from it. */
async function callerWith(token: string) {
  const check = await polcenter.auth.check(token);
  const signedIn = check && 'principal' in check ? check : null;
  return createCaller(
    createContextInner({
      polcenter,
      principal: signedIn?.principal ?? null,
      reach: signedIn?.reach ?? null,
      token,
      lang: 'vi',
      session: { ended: check && 'ended' in check ? check.ended : undefined },
    }),
  );
}
const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (e: TRPCError & { cause?: { code?: string } }) => `${e.code} ${e.cause?.code ?? ''}`.trim(),
  );

await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'quantri',
  displayName: 'Nông Văn Quản',
  password: 'mat-khau-quan-tri',
  roles: [{ role: 'admin', unitId: null }],
});
const adminToken = (await polcenter.auth.signIn({ username: 'quantri', password: 'mat-khau-quan-tri' })).token;
const admin = await callerWith(adminToken);
const phuongVien = await unitIdByCode(polcenter.orm, '02050');

test('a temporary password signs in to change it and nothing else; then the account works', async () => {
  const { account, temporaryPassword } = await admin.accounts.create({
    username: 'ma.thi.hoa',
    displayName: 'Ma Thị Hoa',
    roles: [{ role: 'unit_coordinator', unitId: phuongVien }],
  });
  const { token } = await polcenter.auth.signIn({ username: 'ma.thi.hoa', password: temporaryPassword });
  const hoa = await callerWith(token);
  assert.is((await hoa.auth.me()).mustChangePassword, true);
  assert.is(await codeOf(hoa.people.search({ query: 'hoa' })), 'FORBIDDEN AUTH.PASSWORD_CHANGE_REQUIRED');
  await hoa.auth.changePassword({ currentPassword: temporaryPassword, newPassword: 'Phương Viên 2026' });
  const after = await callerWith(token);
  assert.is(await codeOf(after.people.search({ query: 'hoa' })), 'ok');
  assert.is((await admin.accounts.get({ userId: account.id })).mustChangePassword, false);
});

test('an account disabled by an administrator: its open session is refused at the next call as ended', async () => {
  const { account, temporaryPassword } = await admin.accounts.create({
    username: 'lam.van.tuan',
    displayName: 'Lâm Văn Tuấn',
    roles: [{ role: 'center_staff', unitId: phuongVien }],
  });
  const { token } = await polcenter.auth.signIn({ username: 'lam.van.tuan', password: temporaryPassword });
  await (await callerWith(token)).auth.changePassword({
    currentPassword: temporaryPassword,
    newPassword: 'mat-khau-moi-2026',
  });
  assert.is(await codeOf((await callerWith(token)).auth.me()), 'ok');
  await admin.accounts.setActive({ userId: account.id, active: false });
  assert.is(await codeOf((await callerWith(token)).auth.me()), 'UNAUTHORIZED AUTH.SESSION_ENDED');
  // Enabled again, the old session stays ended: only a new sign-in works.
  await admin.accounts.setActive({ userId: account.id, active: true });
  assert.is(await codeOf((await callerWith(token)).auth.me()), 'UNAUTHORIZED AUTH.SESSION_ENDED');
});

test.run();
