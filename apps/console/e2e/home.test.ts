import { SYSTEM_ACTOR } from '@polcenter/core';
import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import { formatDate, type IsoDate } from '@polcenter/domain';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, PASSWORD, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const orm = rig.polcenter.orm;
const chodon = await unitIdByCode(orm, 'TN-CHODON');
const namcuong = await unitIdByCode(orm, 'TN-NAMCUONG');

// The server's today (Vietnam's date): the list is about today's work.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shown = (iso: string) => formatDate(iso as IsoDate);

// One piece of each kind of work for Chợ Đồn's center: the demo's open class closes in three days
// with three nominations waiting; a running class has a session today; a finished one has no
// results for two trainees and three passed trainees without a certificate.
const [open] = await rig.sql<{ id: string; code: string }>(
  "SELECT c.id, c.code FROM training_class c JOIN program p ON p.id = c.program_id WHERE c.status = 'open' AND p.code = 'NTĐ' AND c.organiser_unit_id = ?",
  [chodon],
);
if (!open) throw new Error("the demo has no open class of Chợ Đồn's");
await rig.sql('UPDATE training_class SET enrolment_opens_on = ?, enrolment_closes_on = ? WHERE id = ?', [
  inDays(-10),
  inDays(3),
  open.id,
]);
await fixtureEnrolments(orm, open.id, await fixturePeople(orm, 3, { unitId: chodon }), 'nominated');
const program = await fixtureProgram(orm, 'NTĐ');
const running = await fixtureClass(orm, {
  programId: program.id,
  unitId: chodon,
  status: 'running',
  sessions: [{ date: today, start: '07:30', end: '11:30' }],
});
const seated = await fixtureEnrolments(orm, running.id, await fixturePeople(orm, 4, { unitId: chodon }), 'approved');
const finished = await fixtureClass(orm, {
  programId: program.id,
  unitId: chodon,
  status: 'finished',
  sessions: [{ date: inDays(-20), start: '07:30', end: '11:30' }],
});
await fixtureEnrolments(orm, finished.id, await fixturePeople(orm, 2, { unitId: chodon }), 'attending');
await fixtureEnrolments(orm, finished.id, await fixturePeople(orm, 3, { unitId: chodon }), 'passed');

// Center staff of another commune: none of this is theirs.
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'canbo.namcuong',
  displayName: 'Triệu Văn Nam',
  password: PASSWORD,
  roles: [{ role: 'center_staff', unitId: namcuong }],
});

const sectionOf = (page: Page, heading: RegExp) =>
  page.locator('pc-home-page section').filter({ has: page.getByRole('heading', { name: heading }) });

test("Chợ Đồn's center staff see each kind of work with its class, count and date, and the links lead where it is done", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  const home = page.locator('pc-home-page');
  await home.getByRole('heading', { name: 'Sắp hết hạn ghi danh (1)' }).waitFor();
  await home.getByText(`Hôm nay, ngày ${shown(today)}.`).waitFor();

  const closing = sectionOf(page, /^Sắp hết hạn ghi danh/);
  assert.match((await closing.textContent()) ?? '', `Hết hạn ngày ${shown(inDays(3))}, còn 80 chỗ`);
  const waiting = sectionOf(page, /^Đăng ký chờ duyệt/);
  assert.match((await waiting.textContent()) ?? '', '3 người chờ duyệt');
  assert.is(
    await waiting.getByRole('link', { name: new RegExp(`^${open.code}`) }).getAttribute('href'),
    `/console/classes/${open.id}/enrolment`,
  );
  const attendance = sectionOf(page, /^Buổi học hôm nay chưa điểm danh/);
  assert.match((await attendance.textContent()) ?? '', `Buổi 07:30 ngày ${shown(today)}: 4 học viên chưa điểm danh`);
  const results = sectionOf(page, /^Lớp đã kết thúc chưa có kết quả/);
  assert.match((await results.textContent()) ?? '', '2 học viên chưa có kết quả');
  assert.is(
    await results.getByRole('link', { name: new RegExp(`^${finished.code}`) }).getAttribute('href'),
    `/console/classes/${finished.id}/results`,
  );
  const certificates = sectionOf(page, /^Giấy chứng nhận cần cấp/);
  assert.match((await certificates.textContent()) ?? '', '3 học viên đạt chưa có giấy chứng nhận');
  assert.is(
    await certificates.getByRole('link', { name: new RegExp(`^${finished.code}`) }).getAttribute('href'),
    `/console/classes/${finished.id}/certificates`,
  );

  // Today's session: the link opens its attendance sheet.
  await attendance.getByRole('link', { name: new RegExp(`^${running.code}`) }).click();
  await page.waitForURL(`**/console/classes/${running.id}/attendance/${running.sessionIds[0]}`);
  await page.locator('pc-attendance-page').getByText('Đã điểm danh 0/4 học viên.').waitFor();

  // The attendance is taken meanwhile; back on the start page the list is read again.
  await rig.polcenter.attendance.recordSheet(SYSTEM_ACTOR, {
    sessionId: running.sessionIds[0] as string,
    marks: seated.map((enrolmentId) => ({ enrolmentId, mark: 'present' as const })),
  });
  await page.goBack();
  await home.getByRole('heading', { name: /^Sắp hết hạn ghi danh/ }).waitFor();
  assert.is(await sectionOf(page, /^Buổi học hôm nay chưa điểm danh/).count(), 0);
  await page.close();
});

test('the list is read again when the tab comes back into view', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  const home = page.locator('pc-home-page');
  await home.getByRole('heading', { name: 'Lớp đã kết thúc chưa có kết quả (1)' }).waitFor();
  // Someone computes the results meanwhile (here: the database says so), and the tab is shown again.
  await rig.sql("UPDATE enrolment SET state = 'passed' WHERE class_id = ? AND state = 'attending'", [finished.id]);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await sectionOf(page, /^Lớp đã kết thúc chưa có kết quả/).waitFor({ state: 'detached' });
  await home.getByText('5 học viên đạt chưa có giấy chứng nhận', { exact: false }).waitFor();
  await page.close();
});

test('the page speaks English when switched, dates still dd/mm/yyyy', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  const home = page.locator('pc-home-page');
  await home.getByRole('heading', { name: /^Đăng ký chờ duyệt/ }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await home.getByRole('heading', { name: 'Requests waiting for approval (1)' }).waitFor();
  await home.getByText(`Closes on ${shown(inDays(3))}, 80 seat(s) left`).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await home.getByRole('heading', { name: 'Đăng ký chờ duyệt (1)' }).waitFor();
  await page.close();
});

test('with work on it: no serious or critical accessibility violation, usable at 360 px', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, rig.users.staff);
  await page
    .locator('pc-home-page')
    .getByRole('heading', { name: /^Giấy chứng nhận cần cấp/ })
    .waitFor();
  assert.equal(await accessibilityViolations(page), []);
  assert.not.ok(await overflowsSideways(page), 'nothing wider than 360 px');
  await page.close();
});

test("another commune's center staff see none of it: nothing to do", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'canbo.namcuong');
  const home = page.locator('pc-home-page');
  await home.getByText('Không có việc cần làm').waitFor();
  assert.is(await home.locator('section').count(), 0);
  assert.is(await home.getByText(open.code).count(), 0);
  await page.close();
});

test('beyond the first five of a kind, one click shows them all', async () => {
  // Six finished classes without results (the earlier one has its results by now): one more than
  // the page first shows of a kind.
  const more: string[] = [];
  for (let i = 0; i < 6; i++) {
    const cls = await fixtureClass(orm, {
      programId: program.id,
      unitId: chodon,
      status: 'finished',
      sessions: [{ date: inDays(-30 - i), start: '07:30', end: '11:30' }],
    });
    await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 1, { unitId: chodon }), 'attending');
    more.push(cls.code);
  }
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  const results = sectionOf(page, /^Lớp đã kết thúc chưa có kết quả/);
  await page.getByRole('heading', { name: 'Lớp đã kết thúc chưa có kết quả (6)' }).waitFor();
  assert.is(await results.getByRole('link').count(), 5);
  await results.getByRole('button', { name: 'Xem thêm 1 việc khác' }).click();
  await results.getByRole('button').waitFor({ state: 'detached' });
  assert.is(await results.getByRole('link').count(), 6);
  for (const code of more) await results.getByRole('link', { name: new RegExp(`^${code}`) }).waitFor();
  await page.close();
});

test.run();
