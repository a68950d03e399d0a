import { SYSTEM_ACTOR } from '@polcenter/core';
import { fixturePeople, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nominateAndApproveAll, PASSWORD, printedQrLink, signIn, startConsole, typeScores } from './testing.js';

// The life of one class as the center's staff live it, every step through the console's pages and
// nothing behind its back: create the class, its timetable and lecturer, open enrolment, nominate
// 12 people of the commune into 10 seats, approve, take attendance, type scores, compute results,
// finish the class, issue certificates and check one on the portal by its QR code. The other pages'
// own tests look at each step's corners; this one proves the steps join up.

const rig = await startConsole();
test.after(() => rig.stop());

const orm = rig.polcenter.orm;
const chodon = await unitIdByCode(orm, 'TN-CHODON');
const program = await fixtureProgram(orm, 'NTĐ'); // a paper, pass at 5, 20 % absence allowed, a certificate
const trainees = Array.from({ length: 12 }, (_, i) => `Hà Thị Thủy ${String(i + 1).padStart(2, '0')}`);
for (const fullName of trainees) await fixturePeople(orm, 1, { fullName, unitId: chodon });
await fixturePeople(orm, 1, { fullName: 'Ma Văn Giảng', unitId: chodon });
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'dieuphoi.namcuong',
  displayName: 'Lường Văn Cường',
  password: PASSWORD,
  roles: [{ role: 'unit_coordinator', unitId: await unitIdByCode(orm, 'TN-NAMCUONG') }],
});

const CODE = 'NTĐ-07/2026';
let classId = '';
const at = (path = '') => `/console/classes/${classId}${path}`;
const stateCounts = () =>
  rig.sql<{ state: string; n: number }>(
    'SELECT state, count(*)::int AS n FROM enrolment WHERE class_id = ? GROUP BY state ORDER BY state',
    [classId],
  );

/** Moves the class on from its page, confirming in the dialog, and waits for the new status. */
async function moveTo(page: Page, name: string, status: string): Promise<void> {
  await page.goto(`${rig.url}${at()}`);
  const view = page.locator('pc-class-page');
  await view.getByRole('button', { name: `Chuyển sang "${name}"` }).click();
  await view.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await view.locator(`[data-status=${status}]`).waitFor();
}

let staff: Page;
test.before(async () => {
  staff = await rig.page();
  await signIn(staff, rig.url, rig.users.staff, undefined, '/classes/new');
});

test('create the class', async () => {
  const view = staff.locator('pc-class-new-page');
  await view.getByRole('heading', { name: 'Mở lớp mới', level: 1 }).waitFor();
  await view.getByLabel('Chương trình').selectOption({ label: `${program.code} · Bồi dưỡng nhận thức về Đảng` });
  await view.getByLabel('Mã lớp').fill(CODE);
  await view.getByLabel('Tên lớp').fill('Lớp bồi dưỡng nhận thức về Đảng, xã Chợ Đồn');
  await view.getByLabel('Ngày khai giảng').fill('06/04/2026');
  await view.getByLabel('Ngày bế giảng').fill('07/04/2026');
  await view.getByLabel('Số chỗ (sức chứa)').fill('10');
  await view.getByLabel('Địa điểm học').fill('Hội trường Đảng ủy xã Chợ Đồn');
  await view.getByRole('button', { name: 'Tạo lớp' }).click();
  await staff.getByRole('heading', { name: `Lớp — ${CODE}`, level: 1 }).waitFor();
  classId = new URL(staff.url()).pathname.split('/').at(-1) as string;
  const [row] = await rig.sql<{ status: string; capacity: number }>(
    'SELECT status, capacity FROM training_class WHERE id = ?',
    [classId],
  );
  assert.equal(row, { status: 'draft', capacity: 10 });
});

test('its timetable: two mornings, a lecturer found without diacritics', async () => {
  await staff.goto(`${rig.url}${at('/timetable')}`);
  const view = staff.locator('pc-timetable-page');
  for (const day of ['06/04/2026', '07/04/2026']) {
    await view.getByRole('button', { name: 'Thêm buổi học' }).click();
    await view.getByLabel('Ngày (dd/mm/yyyy)').fill(day);
    await view.getByLabel('Buổi', { exact: true }).selectOption('morning');
    await view.getByRole('button', { name: 'Thêm buổi', exact: true }).click();
    await view.locator('tbody tr').getByText(day).waitFor();
  }
  await view.getByRole('button', { name: 'Phân công 06/04/2026 07:30–11:30' }).click();
  await view.getByLabel('Tìm người theo tên (không cần dấu)').fill('ma van giang');
  await view.getByRole('button', { name: 'Tìm', exact: true }).click();
  await view.getByRole('button', { name: 'Phân công Ma Văn Giảng' }).click();
  await view.locator('tbody tr').first().getByText('Ma Văn Giảng').waitFor();
  const sessions = await rig.sql<{ date: string }>(
    'SELECT date::text FROM class_session WHERE class_id = ? ORDER BY date',
    [classId],
  );
  assert.equal(
    sessions.map((s) => s.date),
    ['2026-04-06', '2026-04-07'],
  );
});

test('enrolment opens; 12 people of the commune nominated into 10 seats, approved: 10 in, 2 waiting', async () => {
  await moveTo(staff, 'Đang nhận đăng ký', 'open');
  await staff.goto(`${rig.url}${at('/enrolment')}`);
  const view = staff.locator('pc-enrolment-page');
  await view.getByText('Còn 10/10 chỗ').waitFor();
  assert.is(await nominateAndApproveAll(staff, 'ha thi thuy', 12), 12);
  await view.getByText('Còn 0/10 chỗ').waitFor();
  assert.equal(await stateCounts(), [
    { state: 'approved', n: 10 },
    { state: 'waitlisted', n: 2 },
  ]);
});

test('the class runs: attendance of both sessions by keyboard (the last trainee misses the second)', async () => {
  await moveTo(staff, 'Đang học', 'running');
  const sessions = await rig.sql<{ id: string }>('SELECT id FROM class_session WHERE class_id = ? ORDER BY date', [
    classId,
  ]);
  for (const [n, session] of sessions.entries()) {
    await staff.goto(`${rig.url}${at(`/attendance/${session.id}`)}`);
    const rows = staff.locator('pc-attendance-page tbody tr');
    await rows.nth(9).waitFor();
    await rows.first().locator('input').first().focus();
    for (let i = 0; i < 10; i++) await staff.keyboard.press(n === 1 && i === 9 ? 'k' : 'c');
    await staff.getByText('Mọi dấu đã được lưu.').waitFor({ timeout: 30_000 });
  }
  const [marks] = await rig.sql<{ present: number; absent: number }>(
    `SELECT count(*) FILTER (WHERE a.mark = 'present')::int AS present, count(*) FILTER (WHERE a.mark = 'absent')::int AS absent
       FROM attendance a JOIN class_session s ON s.id = a.session_id WHERE s.class_id = ?`,
    [classId],
  );
  assert.equal(marks, { present: 19, absent: 1 });
});

test('scores and results by the program’s rules; the class finishes', async () => {
  await staff.goto(`${rig.url}${at('/results')}`);
  const view = staff.locator('pc-results-page');
  await typeScores(staff, ['8,5', '4', '7', '7', '7', '7', '7', '7', '7']);
  await view.getByRole('button', { name: 'Tính kết quả theo quy định của chương trình' }).click();
  await view.getByText('Đã tính kết quả.').waitFor();
  const outcomes = await rig.sql<{ state: string; n: number }>(
    "SELECT state, count(*)::int AS n FROM enrolment WHERE class_id = ? AND state <> 'waitlisted' GROUP BY state ORDER BY state",
    [classId],
  );
  assert.equal(outcomes, [
    { state: 'failed', n: 1 },
    { state: 'incomplete', n: 1 },
    { state: 'passed', n: 8 },
  ]);
  await moveTo(staff, 'Đã kết thúc', 'finished');
});

test('certificates for the 8 who passed; the printed page’s QR code verifies on the portal', async () => {
  await staff.goto(`${rig.url}${at('/certificates')}`);
  const view = staff.locator('pc-certificates-page');
  await view.getByRole('button', { name: 'Cấp cho mọi học viên đạt' }).click();
  await view.getByText('Đã cấp 8 giấy chứng nhận.').waitFor();
  const rows = view.locator('tbody tr');
  await rows.nth(7).waitFor();
  const link = await printedQrLink(rig, staff, rows.first());
  assert.ok(link?.startsWith(`${rig.url}/?code=`), `the QR code opens this server's portal: ${link}`);
  const portal = await rig.page();
  await portal.goto(link as string);
  await portal.locator('pc-certificate-check h2').getByText('Giấy chứng nhận hợp lệ').waitFor();
  await portal.close();
});

test('a coordinator of another commune cannot see the class: not in their list, not found by its address or the API', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'dieuphoi.namcuong', undefined, '/classes');
  const list = page.locator('pc-classes-page');
  await list.getByLabel('Tìm theo mã, tên lớp, chương trình (không cần dấu)').fill('NTĐ-07/2026');
  await list.getByRole('button', { name: 'Lọc', exact: true }).click();
  await list.getByText('Không có lớp nào phù hợp.').waitFor();
  const status = await page.evaluate(async (id) => {
    const input = encodeURIComponent(JSON.stringify({ id }));
    return (await fetch(`/trpc/classes.get?input=${input}`)).status;
  }, classId);
  assert.is(status, 404);
  await page.goto(`${rig.url}${at('/enrolment')}`);
  // The page says the class is not found, and offers nothing to do with it.
  await page.locator('pc-enrolment-page [role=alert]').getByText('Không tìm thấy lớp').waitFor();
  assert.is(await page.locator('pc-enrolment-page form').count(), 0, 'no nomination form for a class not found');
  assert.is(await page.getByText(CODE).count(), 0, 'the class code is nowhere on the page');
  await page.close();
});

test.run();
