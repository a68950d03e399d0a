import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const [unit] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = '02020'");
const [staff] = await rig.sql<{ id: string }>("SELECT id FROM app_user WHERE username = 'canbo.chodon'");
const actor = { id: staff?.id ?? null, label: 'Hoàng Thị Lan' };
// A record changed by the commune's staff: created, then its position and phone edited.
const person = await rig.polcenter.people.create(actor, {
  fullName: 'Lò Thị Nhật Ký',
  birthDate: '1991-04-05',
  gender: 'female',
  ethnicity: 'tay',
  unitId: unit?.id as string,
  position: 'Chi hội trưởng',
});
await rig.polcenter.people.update(actor, person.id, person.version, {
  position: 'Bí thư chi đoàn',
  phone: '0912345678',
});

// Enough of the log for two pages: 55 people added from a file by another account.
const FAMILY = ['Hà', 'Lò', 'Ma', 'Nông', 'Triệu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Lâm', 'Minh', 'Nam', 'Phúc'];
const filed = await rig.polcenter.imports.people(
  { id: null, label: 'Triệu Văn Nhập' },
  Array.from({ length: 55 }, (_, i) => ({
    line: i + 2,
    values: {
      fullName: `${FAMILY[i % 5]} Văn ${GIVEN[Math.floor(i / 5)]}`,
      birthDate: '01/01/1990',
      gender: 'Nam',
      ethnicity: 'Dao',
      unitCode: '02020',
    },
  })),
);
if (filed.created !== 55) throw new Error(JSON.stringify(filed.errors.slice(0, 3)));

test('administrators search the log by who, what, record and days; a change reads before → after in words', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký hệ thống' }).click();
  await page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
  const view = page.locator('pc-audit-log-page');
  const rows = view.locator('pc-audit-trail tbody tr');
  await rows.first().waitFor();
  // Everything first, newest first, 50 a page.
  assert.is(await rows.count(), 50);
  await view.getByRole('button', { name: 'Xem cũ hơn' }).click();
  await rows.nth(50).waitFor();

  // Who, without diacritics, and what: one edit, each changed field before → after, the phone masked.
  await view.getByLabel('Người thực hiện').fill('hoang lan');
  await view.getByLabel('Việc').selectOption('person.update');
  await view.getByRole('button', { name: 'Tìm' }).click();
  await view.locator('pc-audit-trail tbody tr[data-action="person.update"]').waitFor();
  assert.is(await rows.count(), 1);
  const edit = (await rows.first().textContent()) ?? '';
  assert.match(edit, 'Sửa cá nhân');
  assert.match(edit, 'Hoàng Thị Lan');
  assert.match(edit, 'Chức vụ: Chi hội trưởng → Bí thư chi đoàn');
  assert.match(edit, 'Điện thoại: — → •••••••678');
  assert.not.match(edit, '0912345678');

  // Every action on the record, newest first: the edit, then its creation with the values given.
  await view.getByLabel('Việc').selectOption('');
  await view.getByLabel('Người thực hiện').fill('');
  await view.getByLabel('Mã bản ghi').fill(person.id);
  await view.getByRole('button', { name: 'Tìm' }).click();
  await view.locator('pc-audit-trail tbody tr[data-action="person.create"]').waitFor();
  assert.equal(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))), [
    'person.update',
    'person.create',
  ]);
  assert.match((await rows.nth(1).textContent()) ?? '', 'Giới tính: Nữ');
  assert.match((await rows.nth(1).textContent()) ?? '', 'Ngày sinh: 05/04/1991');

  // Days: nothing happened on the first of January 2000.
  await view.getByLabel('Từ ngày').fill('2000-01-01');
  await view.getByLabel('Đến ngày').fill('2000-01-01');
  await view.getByRole('button', { name: 'Tìm' }).click();
  await view.getByText('Chưa có thay đổi nào.').waitFor();

  // A malformed id is refused in words, not with a stack.
  await view.getByLabel('Từ ngày').fill('');
  await view.getByLabel('Đến ngày').fill('');
  await view.getByLabel('Mã bản ghi').fill('không-phải-mã');
  await view.getByRole('button', { name: 'Tìm' }).click();
  await view.getByRole('alert').waitFor();
  await page.close();
});

test('center staff have no audit log: no menu entry, and the API refuses it', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  await page.getByRole('navigation').getByRole('link', { name: 'Lớp học' }).waitFor();
  assert.is(await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký hệ thống' }).count(), 0);
  await page.goto(`${rig.url}/console/audit`);
  await page.locator('pc-audit-log-page pc-audit-trail').getByRole('alert').waitFor();
  await page.close();
});

test('the audit log page: no serious or critical accessibility violation, usable at 360 px', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, rig.users.admin, undefined, '/audit');
  await page.locator('pc-audit-log-page pc-audit-trail tbody tr').first().waitFor();
  assert.equal(await accessibilityViolations(page), []);
  assert.not.ok(await overflowsSideways(page));
  await page.close();
});

test.run();
