import { SYSTEM_ACTOR } from '@polcenter/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const [unit] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");

/** Signs in over HTTP as another app or another browser would: the session's bearer token. */
async function sessionOf(username: string, password: string): Promise<string> {
  const answer = await fetch(`${rig.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.is(answer.status, 200, `${username} signs in`);
  return ((await answer.json()) as { result: { data: { token: string } } }).result.data.token;
}
const statusOf = async (token: string) =>
  (await fetch(`${rig.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } })).status;

test('an administrator revokes one session and one API token on the account’s page, then issues a temporary password the user must change', async () => {
  const user = await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'ma.van.tuan',
    displayName: 'Ma Văn Tuấn',
    password: PASSWORD,
    roles: [{ role: 'center_staff', unitId: unit?.id ?? null }],
  });
  const [office, home] = [await sessionOf('ma.van.tuan', PASSWORD), await sessionOf('ma.van.tuan', PASSWORD)];
  const api = await rig.polcenter.auth.createApiToken(SYSTEM_ACTOR, user.userId, {
    label: 'Cổng thông tin xã',
    scope: 'read',
    expiresInDays: 30,
  });
  assert.equal(await Promise.all([statusOf(office), statusOf(home), statusOf(api.token)]), [200, 200, 200]);

  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, undefined, '/accounts');
  await page.locator('pc-accounts-page').getByRole('link', { name: 'ma.van.tuan' }).click();
  const account = page.locator('pc-account-page');
  await account.locator('tr[data-session]').first().waitFor();
  assert.is(await account.locator('tr[data-session]').count(), 2, 'both open sessions are listed');

  // One session revoked: that one is refused at its next call, the other goes on.
  await account.getByRole('button', { name: 'Thu hồi 1' }).click();
  await account.getByText('Đã thu hồi.').waitFor();
  await account.locator('tr[data-session]').nth(1).waitFor({ state: 'detached' });
  const after = await Promise.all([statusOf(office), statusOf(home)]);
  assert.equal([...after].sort(), [200, 401], 'exactly one of the two sessions ends');

  // The API token, by its label: refused at once, and listed as revoked.
  await account.getByRole('button', { name: 'Thu hồi Cổng thông tin xã' }).click();
  await account.getByText('Đã thu hồi', { exact: true }).waitFor();
  assert.is(await statusOf(api.token), 401);

  // A temporary password: the remaining session ends, the old password no longer signs in, and the
  // new one leads to the change of password before anything else.
  await account.getByRole('button', { name: 'Cấp mật khẩu tạm thời mới' }).click();
  const temporary = (await account.locator('code[data-temporary]').textContent())?.trim() ?? '';
  assert.match(temporary, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  assert.equal(await Promise.all([statusOf(office), statusOf(home)]), [401, 401]);
  const old = await fetch(`${rig.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ma.van.tuan', password: PASSWORD }),
  });
  assert.is(old.status, 401, 'the old password is refused');

  await page.context().clearCookies();
  await page.goto(`${rig.url}/console/classes`);
  await page.getByLabel('Tên đăng nhập').fill('ma.van.tuan');
  await page.getByLabel(/^Mật khẩu$/).fill(temporary);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-cua-tuan');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('pc-classes-page').getByRole('heading', { level: 1 }).waitFor();
  await page.close();
});

test.run();
