import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const orm = rig.polcenter.orm;
const chodon = await unitIdByCode(orm, 'TN-CHODON');
const program = await fixtureProgram(orm, 'NTĐ');
const at = (date: string) => [{ date, start: '07:30', end: '11:30' }];

/** 25 classes of one title, a day apart: more than a page of the list. */
const defence: { id: string; code: string }[] = [];
for (let i = 0; i < 25; i++) {
  const day = String(1 + i).padStart(2, '0');
  const cls = await fixtureClass(orm, { programId: program.id, unitId: chodon, sessions: at(`2027-03-${day}`) });
  await rig.sql('UPDATE training_class SET title = ? WHERE id = ?', [
    `Bồi dưỡng kiến thức quốc phòng, an ninh ${i === 16 ? 'cho dân quân thôn Khuổi Nộc' : i + 1}`,
    cls.id,
  ]);
  defence.push(cls);
}
const created = (code: string) =>
  rig.sql<{ id: string; capacity: number; status: string }>(
    'SELECT id, capacity, status FROM training_class WHERE code = ?',
    [code],
  );

test('the list: found without diacritics, newest first, 20 a page and the rest on demand; a row leads to the class’s pages', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/classes');
  const view = page.locator('pc-classes-page');
  await view.getByRole('heading', { name: 'Lớp học', level: 1 }).waitFor();
  await view.getByLabel('Tìm theo mã, tên lớp, chương trình (không cần dấu)').fill('boi duong quoc phong');
  await view.getByRole('button', { name: 'Lọc', exact: true }).click();
  await view.getByText('Đang hiển thị 20 lớp (còn nữa).').waitFor();
  const rows = view.locator('tbody tr');
  // Newest start first: the class of 25/03 heads the list.
  assert.is(await rows.first().getAttribute('data-class'), defence[24]?.id);
  await view.getByRole('button', { name: 'Xem thêm lớp' }).click();
  await view.getByText('Đang hiển thị 25 lớp.').waitFor();
  assert.is(await rows.nth(24).getAttribute('data-class'), defence[0]?.id);
  assert.is(await view.getByRole('button', { name: 'Xem thêm lớp' }).count(), 0);
  // One class by a word of its title and its number, still without diacritics.
  await view.getByLabel('Tìm theo mã, tên lớp, chương trình (không cần dấu)').fill('quoc phong khuoi noc');
  await view.getByRole('button', { name: 'Lọc', exact: true }).click();
  await view.getByText('Đang hiển thị 1 lớp.').waitFor();
  const first = defence[16] as { id: string; code: string };
  await rows
    .first()
    .getByRole('link', { name: `Lịch học ${first.code}` })
    .waitFor();
  await rows
    .first()
    .getByRole('link', { name: `Nhật ký ${first.code}` })
    .click();
  await page.getByRole('heading', { name: `Nhật ký thay đổi — ${first.code}`, level: 1 }).waitFor();
  // The class's tabs: the audit trail is the current one, and they lead to the others.
  const tabs = page.locator('pc-audit-page').getByRole('navigation', { name: 'Các trang của lớp' });
  assert.is(await tabs.getByRole('link', { name: 'Nhật ký' }).getAttribute('aria-current'), 'page');
  await tabs.getByRole('link', { name: 'Ghi danh' }).click();
  await page.getByRole('heading', { name: `Ghi danh — ${first.code}`, level: 1 }).waitFor();
  assert.is(new URL(page.url()).pathname, `/console/classes/${first.id}/enrolment`);
  // Back to the list: the search is still there, and so is its answer.
  await page.goBack();
  await page.goBack();
  await view.getByText('Đang hiển thị 1 lớp.').waitFor();
  assert.is(
    await view.getByLabel('Tìm theo mã, tên lớp, chương trình (không cần dấu)').inputValue(),
    'quoc phong khuoi noc',
  );
  await page.close();
});

test('create: a field refused by the API is said under it; corrected, the class is made once, even after a lost answer and a reload', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/classes/new');
  const view = page.locator('pc-class-new-page');
  await view.getByRole('heading', { name: 'Mở lớp mới', level: 1 }).waitFor();
  await view.getByLabel('Chương trình').selectOption({ label: `${program.code} · Bồi dưỡng nhận thức về Đảng` });
  await view.getByLabel('Mã lớp').fill('NTĐ-41/2027');
  await view.getByLabel('Tên lớp').fill('Lớp nhận thức về Đảng, xã Bằng Lãng');
  await view.getByLabel('Ngày khai giảng').fill('14/04/2027');
  await view.getByLabel('Ngày bế giảng').fill('10/04/2027');
  await view.getByLabel('Số chỗ (sức chứa)').fill('45');
  await view.getByLabel('Địa điểm học').fill('Hội trường UBND xã Bằng Lãng');
  await view.getByRole('button', { name: 'Tạo lớp' }).click();
  const endError = view.locator('#f-endDate-error');
  await endError.waitFor();
  assert.is(await endError.textContent(), 'Ngày bế giảng không được trước ngày khai giảng.');
  assert.is(await view.getByLabel('Ngày bế giảng').getAttribute('aria-invalid'), 'true');
  assert.equal(await created('NTĐ-41/2027'), []);

  // The answer to the corrected form is lost on the way back: the class is made, the page does not know.
  let lost = false;
  await page.route('**/trpc/classes.create**', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await view.getByLabel('Ngày bế giảng').fill('18/04/2027');
  await view.getByRole('button', { name: 'Tạo lớp' }).click();
  await view.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' }).waitFor();
  assert.is((await created('NTĐ-41/2027')).length, 1);
  // A reload brings the form back with its key: sent again, it is answered, not made twice.
  await page.reload();
  await view.getByText('Đã khôi phục bản nhập chưa hoàn tất').waitFor();
  assert.is(await view.getByLabel('Mã lớp').inputValue(), 'NTĐ-41/2027');
  assert.is(await view.getByLabel('Ngày bế giảng').inputValue(), '18/04/2027');
  await view.getByRole('button', { name: 'Tạo lớp' }).click();
  const [made] = await created('NTĐ-41/2027');
  await page.getByRole('heading', { name: 'Lớp — NTĐ-41/2027', level: 1 }).waitFor();
  assert.is(new URL(page.url()).pathname, `/console/classes/${made?.id}`);
  assert.is((await created('NTĐ-41/2027')).length, 1);
  assert.is(made?.capacity, 45);
  // Done: the next visit starts from an empty form.
  await page.goto(`${rig.url}/console/classes/new`);
  await view.getByLabel('Mã lớp').waitFor();
  assert.is(await view.getByLabel('Mã lớp').inputValue(), '');
  await page.close();
});

test('edit: a capacity under the approved count is refused with the reason under the field, in either language; then saved', async () => {
  const cls = await fixtureClass(orm, {
    programId: program.id,
    unitId: chodon,
    capacity: 10,
    sessions: at('2027-05-10'),
  });
  await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 6, { unitId: chodon }), 'approved');
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, `/classes/${cls.id}/edit`);
  const view = page.locator('pc-class-edit-page');
  const capacity = view.getByLabel('Số chỗ (sức chứa)');
  await capacity.waitFor();
  assert.is(await capacity.inputValue(), '10');
  assert.is(await view.getByLabel('Ngày khai giảng').inputValue(), '10/05/2027');
  await capacity.fill('5');
  await view.getByLabel('Tên lớp').fill('Lớp nhận thức về Đảng, thôn Nà Pẻn');
  await view.getByLabel('Địa điểm học').fill('Nhà văn hóa thôn Nà Pẻn');
  await view.getByRole('button', { name: 'Lưu thay đổi' }).click();
  const reason = view.locator('#f-capacity-error');
  await reason.waitFor();
  assert.is(await reason.textContent(), 'Lớp đã duyệt 6 học viên; sức chứa không được nhỏ hơn 6.');
  assert.equal(await created(cls.code), [{ id: cls.id, capacity: 10, status: 'open' }]);
  await page.getByRole('button', { name: 'English' }).click();
  await view
    .locator('#f-capacity-error')
    .getByText('6 trainees are already approved; the capacity cannot be below 6.')
    .waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await capacity.fill('8');
  await view.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await view.getByText('Đã lưu thay đổi.').waitFor();
  assert.is((await created(cls.code))[0]?.capacity, 8);
  const [audit] = await rig.sql<{ before: { capacity: number }; after: { capacity: number; title: string } }>(
    "SELECT before, after FROM audit_log WHERE entity_id = ? AND action = 'class.update'",
    [cls.id],
  );
  assert.is(audit?.before.capacity, 10);
  assert.is(audit?.after.capacity, 8);
  assert.is(audit?.after.title, 'Lớp nhận thức về Đảng, thôn Nà Pẻn');
  await page.close();
});

test('edit: a code typed wrong and the mode are corrected while nobody is enrolled; after the first enrolment they are refused under the field', async () => {
  const cls = await fixtureClass(orm, {
    programId: program.id,
    unitId: chodon,
    status: 'draft',
    sessions: at('2027-07-05'),
  });
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, `/classes/${cls.id}/edit`);
  const view = page.locator('pc-class-edit-page');
  const code = view.getByLabel('Mã lớp');
  await code.waitFor();
  assert.is(await code.inputValue(), cls.code);
  await code.fill('ntđ-77/2027');
  await view.getByLabel('Hình thức học').selectOption({ label: 'Kết hợp trực tiếp và trực tuyến' });
  await view.getByRole('button', { name: 'Thêm điểm cầu' }).click();
  await view.getByLabel('Tên điểm cầu 1').fill('Điểm cầu xã Nam Cường');
  await view.getByLabel('Địa điểm học').fill('Hội trường Trung tâm');
  await view.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await view.getByText('Đã lưu thay đổi.').waitFor();
  const [saved] = await rig.sql<{ code: string; mode: string }>('SELECT code, mode FROM training_class WHERE id = ?', [
    cls.id,
  ]);
  assert.equal(saved, { code: 'NTĐ-77/2027', mode: 'hybrid' });

  await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 1, { unitId: chodon }), 'nominated');
  await page.reload();
  await code.fill('NTĐ-78/2027');
  await view.getByRole('button', { name: 'Lưu thay đổi' }).click();
  const reason = view.locator('#f-code-error');
  await reason.waitFor();
  assert.is(await reason.textContent(), 'Lớp đã có 1 người ghi danh; không thể đổi mã lớp nữa.');
  assert.equal((await rig.sql<{ code: string }>('SELECT code FROM training_class WHERE id = ?', [cls.id]))[0], {
    code: 'NTĐ-77/2027',
  });
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('status: each move is confirmed in a dialog naming it; finishing a class without trainees warns and asks again', async () => {
  const cls = await fixtureClass(orm, {
    programId: program.id,
    unitId: chodon,
    status: 'draft',
    sessions: at('2027-06-07'),
  });
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, `/classes/${cls.id}`);
  const view = page.locator('pc-class-page');
  await view.getByRole('button', { name: 'Chuyển sang "Đang nhận đăng ký"' }).click();
  const dialog = view.getByRole('dialog');
  await dialog
    .getByRole('heading', { name: `Chuyển lớp ${cls.code} từ "Dự kiến" sang "Đang nhận đăng ký"?` })
    .waitFor();
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Thôi' }).click();
  assert.is((await created(cls.code))[0]?.status, 'draft');
  await view.getByRole('button', { name: 'Chuyển sang "Đang nhận đăng ký"' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await view.locator('[data-status=open]').waitFor();
  await view.getByRole('button', { name: 'Chuyển sang "Đang học"' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await view.locator('[data-status=running]').waitFor();

  await view.getByRole('button', { name: 'Chuyển sang "Đã kết thúc"' }).click();
  await dialog.getByText('Lớp chưa có học viên nào được duyệt.').waitFor();
  // Confirming without ticking the acknowledgement does not send it.
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  assert.is((await created(cls.code))[0]?.status, 'running');
  await dialog.getByLabel('Tôi hiểu lớp không có học viên và vẫn muốn kết thúc lớp').check();
  assert.equal(await accessibilityViolations(page), []);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await view.locator('[data-status=finished]').waitFor();
  assert.is((await created(cls.code))[0]?.status, 'finished');
  await page.close();
});

test('the class pages at 360 px: no serious accessibility violation, nothing wider than the screen', async () => {
  const cls = await fixtureClass(orm, { programId: program.id, unitId: chodon, sessions: at('2027-07-05') });
  for (const [path, heading] of [
    ['/classes', 'Lớp học'],
    ['/classes/new', 'Mở lớp mới'],
    [`/classes/${cls.id}`, `Lớp — ${cls.code}`],
    [`/classes/${cls.id}/edit`, `Sửa thông tin lớp — ${cls.code}`],
  ] as const) {
    const page = await rig.page(360);
    await signIn(page, rig.url, rig.users.staff, undefined, path);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.locator('tbody tr, form, dl').first().waitFor();
    assert.equal(await accessibilityViolations(page), [], path);
    assert.not.ok(await overflowsSideways(page), `${path}: nothing wider than 360 px`);
    await page.close();
  }
});

test.run();
