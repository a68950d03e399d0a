import { SYSTEM_ACTOR } from '@polcenter/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole, widerThanTheWindow } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const [unit] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
const unitId = unit?.id as string;
const cookiesOf = async () => rig.browser.context.cookies(`${rig.url}/trpc/`);

test('an admin disables an account: its open session is refused at the next call', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, undefined, '/accounts');
  const view = page.locator('pc-accounts-page');
  await view.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('nong.thi.mai');
  await view.getByLabel('Họ và tên').fill('Nông Thị Mai');
  await view.getByLabel('Vai trò', { exact: true }).selectOption('center_staff');
  await view.getByLabel('Đơn vị', { exact: true }).selectOption(unitId);
  await view.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const temporary = (await view.locator('code[data-temporary]').textContent())?.trim() ?? '';
  assert.match(temporary, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const admin = await cookiesOf();

  // Mai signs in with the temporary password: she must change it before anything else.
  await page.context().clearCookies();
  await page.goto(`${rig.url}/console/people`);
  await page.getByLabel('Tên đăng nhập').fill('nong.thi.mai');
  await page.getByLabel(/^Mật khẩu$/).fill(temporary);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới').fill('mat-khau-cua-mai-2026');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('pc-people-page').getByRole('heading', { name: 'Cá nhân' }).waitFor();
  const mai = await cookiesOf();

  // The administrator disables her account from its page.
  await page.context().clearCookies();
  await page.context().addCookies(admin);
  await page.goto(`${rig.url}/console/accounts`);
  await page.locator('pc-accounts-page').getByRole('link', { name: 'nong.thi.mai' }).click();
  const account = page.locator('pc-account-page');
  await account.getByRole('cell').first().waitFor();
  assert.is(await account.locator('tr[data-session]').count(), 1, 'her open session is listed');
  await account.getByRole('button', { name: 'Khoá tài khoản' }).click();
  await account.getByText('Đã khoá tài khoản.').waitFor();
  await account.getByText('Không có phiên nào đang mở.').waitFor();

  // Her open session, at its next call, is refused; the console says so on the sign-in page.
  await page.context().clearCookies();
  await page.context().addCookies(mai);
  await page.goto(`${rig.url}/console/people`);
  await page.getByRole('alert').getByText('Phiên làm việc đã kết thúc').waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Đăng nhập' }).isVisible());
  const session = mai.find((c) => c.name === 'pc_session');
  const replay = await fetch(`${rig.url}/trpc/auth.me`, { headers: { cookie: `pc_session=${session?.value}` } });
  assert.is(replay.status, 401);
  await page.close();
});

test('people: found without diacritics, personal data shown only for a reason (audited), edited, and two records merged with both shown first', async () => {
  const base = { gender: 'male' as const, ethnicity: 'tay' as const, unitId, birthDate: '1979-09-02' };
  const first = await rig.polcenter.people.create(SYSTEM_ACTOR, {
    ...base,
    fullName: 'Lộc Văn Thượng',
    phone: '0912345678',
    nationalId: '006079001234',
  });
  const second = await rig.polcenter.people.create(
    SYSTEM_ACTOR,
    { ...base, fullName: 'Lộc Văn Thượng', position: 'Trưởng thôn' },
    { allowDuplicateOfId: first.id },
  );
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/people');
  const list = page.locator('pc-people-page');
  await list.getByLabel('Tìm theo họ tên (không cần dấu)').fill('loc van thuong');
  await list.getByRole('button', { name: 'Tìm', exact: true }).click();
  // The list before the search may hold more people: wait for the search's answer, two rows.
  await list.locator('tr[data-person]').nth(2).waitFor({ state: 'detached' });
  await list.locator('tr[data-person]').nth(1).waitFor();
  assert.is(await list.locator('tr[data-person]').count(), 2);
  assert.ok(await list.getByText('********1234').isVisible(), 'the national ID masked in the list');

  await page.goto(`${rig.url}/console/people/${first.id}`);
  const person = page.locator('pc-person-page');
  await person.getByRole('heading', { name: 'Lộc Văn Thượng' }).waitFor();
  assert.is(await person.locator('[data-field=nationalId]').textContent(), '********1234');
  await person.getByLabel('Lý do xem thông tin cá nhân').fill('xem');
  await person.getByRole('button', { name: 'Hiện đầy đủ' }).click();
  await person.locator('#f-reason-error').waitFor();
  await person.getByLabel('Lý do xem thông tin cá nhân').fill('Đối chiếu hồ sơ dự thi');
  await person.getByRole('button', { name: 'Hiện đầy đủ' }).click();
  await person.locator('[data-field=nationalId]', { hasText: '006079001234' }).waitFor();
  assert.is(await person.locator('[data-field=phone]').textContent(), '0912345678');
  await person.locator('tr[data-action="person.read_full"]', { hasText: 'Đối chiếu hồ sơ dự thi' }).waitFor();

  // Edit: a field refused in Vietnamese under it, then saved.
  await person.getByRole('link', { name: 'Sửa hồ sơ' }).click();
  const form = page.locator('pc-person-form-page');
  await form.getByLabel('Điện thoại').fill('12345');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.getByText('Số điện thoại di động không hợp lệ').waitFor();
  await form.getByLabel('Điện thoại').fill('');
  await form.getByLabel('Chức vụ').fill('Bí thư chi bộ');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await person.locator('tr[data-action="person.update"]').waitFor();
  assert.match((await person.locator('tr[data-action="person.update"]').textContent()) ?? '', 'Bí thư chi bộ');

  // Duplicates: the group found, the survivor picked, both records shown before the merge.
  await page.goto(`${rig.url}/console/people/duplicates`);
  const dups = page.locator('pc-duplicates-page');
  const group = dups.locator('li[data-group]', { hasText: 'Lộc Văn Thượng' });
  await group.getByRole('radio').first().waitFor();
  await group.getByRole('radio').first().check();
  await group.getByRole('button', { name: 'Gộp…' }).click();
  const dialog = dups.getByRole('dialog', { name: 'Gộp hai hồ sơ?' });
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', 'Trưởng thôn');
  assert.match((await dialog.textContent()) ?? '', 'Bí thư chi bộ');
  await dialog.getByRole('button', { name: 'Gộp hồ sơ' }).click();
  await dups.getByText('Đã gộp hồ sơ.').waitFor();
  const left = await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE id IN (?, ?)', [
    first.id,
    second.id,
  ]);
  assert.is(left[0]?.n, 1);
  await page.close();
});

test('a new person: a refusal under its field in Vietnamese, then in English after a language switch; then created', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/people/new');
  const form = page.locator('pc-person-form-page');
  await form.getByLabel('Họ và tên').fill('Ma Thị Dịu');
  await form.getByLabel('Ngày sinh').fill('31/02/1990');
  await form.getByLabel('Giới tính').selectOption('female');
  await form.getByLabel('Dân tộc').selectOption('dao');
  await form.getByLabel('Đơn vị').selectOption(unitId);
  await form.getByRole('button', { name: 'Thêm', exact: true }).click();
  const error = form.locator('#f-birthDate-error');
  await error.waitFor();
  const vi = (await error.textContent()) ?? '';
  await page.getByRole('button', { name: 'English' }).click();
  await form.getByRole('button', { name: 'Create', exact: true }).waitFor();
  const en = (await error.textContent()) ?? '';
  assert.not.equal(vi, en, 'the reason follows the language');
  await form.getByLabel('Date of birth').fill('28/02/1990');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await page.locator('pc-person-page').getByRole('heading', { name: 'Ma Thị Dịu' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  const [row] = await rig.sql<{ birth_date: string }>(
    "SELECT birth_date::text AS birth_date FROM person WHERE full_name = 'Ma Thị Dịu'",
  );
  assert.is(row?.birth_date, '1990-02-28');
  await page.close();
});

test('the people and accounts pages: no serious or critical axe violation, no sideways scroll at 360 px', async () => {
  const [someone] = (await rig.polcenter.people.search({ query: '', limit: 1 }, { withinUnits: [unitId] })).items;
  const [account] = await rig.sql<{ id: string }>("SELECT id FROM app_user WHERE username = 'canbo.chodon'");
  const pages = [
    [rig.users.staff, '/people', 'pc-people-page'],
    [rig.users.staff, `/people/${someone?.id}`, 'pc-person-page'],
    [rig.users.staff, `/people/${someone?.id}/edit`, 'pc-person-form-page'],
    [rig.users.staff, '/people/new', 'pc-person-form-page'],
    [rig.users.staff, '/people/duplicates', 'pc-duplicates-page'],
    [rig.users.admin, '/accounts', 'pc-accounts-page'],
    [rig.users.admin, `/accounts/${account?.id}`, 'pc-account-page'],
  ] as const;
  const page = await rig.page(360);
  const problems: string[] = [];
  let signedInAs = '';
  for (const [user, path, tag] of pages) {
    if (user !== signedInAs) {
      await signIn(page, rig.url, user, undefined, path);
      signedInAs = user;
    } else {
      await page.goto(`${rig.url}/console${path}`);
    }
    await page.locator(tag).locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    problems.push(...(await accessibilityViolations(page)).map((v) => `${path}: ${v}`));
    if (await overflowsSideways(page)) {
      problems.push(`${path}: scrolls sideways at 360 px (${(await widerThanTheWindow(page)).join(', ')})`);
    }
  }
  assert.equal(problems, []);
  await page.close();
});

test.run();
