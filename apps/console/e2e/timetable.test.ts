import { SYSTEM_ACTOR } from '@polcenter/core';
import { fixturePeople, unitIdByCode } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const { polcenter } = rig;
const chodon = await unitIdByCode(polcenter.orm, 'TN-CHODON');
const program = await polcenter.programs.getByCode('NTĐ');
const topic1 = program.topics.find((t) => t.number === 1);
const [thanh, hoa, trainee] = [
  ...(await fixturePeople(polcenter.orm, 1, { fullName: 'Lục Văn Thành', unitId: chodon })),
  ...(await fixturePeople(polcenter.orm, 1, { fullName: 'Đinh Thị Hoa', unitId: chodon })),
  ...(await fixturePeople(polcenter.orm, 1, { fullName: 'Triệu Văn Hải', unitId: chodon })),
] as [string, string, string];

const newClass = (code: string, sessions: { date: string; part: 'morning' | 'afternoon'; topicNumber: number }[]) =>
  polcenter.classes.create(SYSTEM_ACTOR, {
    code,
    programId: program.id,
    organiserUnitId: chodon,
    mode: 'hybrid',
    venue: 'Hội trường Trung tâm',
    sites: [{ name: 'Điểm cầu xã Bằng Lãng' }],
    capacity: 30,
    startDate: '2026-03-16',
    endDate: '2026-03-20',
    sessions: sessions.map((s) => ({ ...s, periods: 4 })),
  });
/** Another class, where Đinh Thị Hoa already teaches on the afternoon of 17/03/2026. */
const other = await newClass('NTĐ-41/2026', [{ date: '2026-03-17', part: 'afternoon', topicNumber: 2 }]);
await polcenter.assignments.assign(SYSTEM_ACTOR, { sessionId: other.sessions[0]?.id as string, personId: hoa });
/** The class whose timetable the tests edit: one morning already taught, with attendance taken. */
const cls = await newClass('NTĐ-42/2026', [{ date: '2026-03-16', part: 'morning', topicNumber: 1 }]);
await polcenter.classes.transition(SYSTEM_ACTOR, cls.id, 'open');
const enrolment = await polcenter.enrolment.request(SYSTEM_ACTOR, { classId: cls.id, personId: trainee });
await polcenter.enrolment.approve(SYSTEM_ACTOR, enrolment.id);
await polcenter.classes.transition(SYSTEM_ACTOR, cls.id, 'running');
await polcenter.attendance.recordSheet(SYSTEM_ACTOR, {
  sessionId: cls.sessions[0]?.id as string,
  marks: [{ enrolmentId: enrolment.id, mark: 'present' }],
});
const address = `/classes/${cls.id}/timetable`;
const sessionsOf = (classId: string) =>
  rig.sql<{ id: string; date: string; start: string; end: string; periods: number; topic_number: number | null }>(
    `SELECT id, date::text, to_char(start_time, 'HH24:MI') AS start, to_char(end_time, 'HH24:MI') AS "end", periods, topic_number
       FROM class_session WHERE class_id = ? ORDER BY date, start_time`,
    [classId],
  );

test('the timetable lists sessions by date and time, with the topic of the program; adding one by a double click adds it once', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  const first = view.locator('tbody tr').first();
  await first.getByText('16/03/2026').waitFor();
  assert.match((await first.textContent()) ?? '', '07:30–11:30');
  assert.match((await first.textContent()) ?? '', `1. ${topic1?.title.vi}`);
  assert.match((await first.textContent()) ?? '', 'Đã điểm danh 1 học viên');

  await view.getByRole('button', { name: 'Thêm buổi học' }).click();
  await view.getByLabel('Ngày (dd/mm/yyyy)').fill('17/03/2026');
  await view.getByLabel('Buổi', { exact: true }).selectOption('afternoon');
  await view.getByLabel('Chuyên đề').selectOption('2');
  await view.getByLabel('Điểm cầu').selectOption('Điểm cầu xã Bằng Lãng');
  await view.getByRole('button', { name: 'Thêm buổi', exact: true }).dblclick();
  await view.getByText('Đã thêm buổi học.').waitFor();
  await view.locator('tbody tr').nth(1).getByText('13:30–17:00').waitFor();
  const rows = await sessionsOf(cls.id);
  assert.equal(
    rows.map((r) => [r.date, r.start, r.end, r.topic_number]),
    [
      ['2026-03-16', '07:30', '11:30', 1],
      ['2026-03-17', '13:30', '17:00', 2],
    ],
  );
  assert.match((await view.locator('tbody tr').nth(1).textContent()) ?? '', 'Điểm cầu xã Bằng Lãng');
  await page.close();
});

test('a session outside the class dates is refused under the date field, in Vietnamese', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  await view.getByRole('button', { name: 'Thêm buổi học' }).click();
  await view.getByLabel('Ngày (dd/mm/yyyy)').fill('30/03/2026');
  await view.getByRole('button', { name: 'Thêm buổi', exact: true }).click();
  await view.locator('#f-sessions-0-date-error').getByText('Buổi học nằm ngoài thời gian của lớp.').waitFor();
  assert.is((await sessionsOf(cls.id)).length, 2);
  await page.close();
});

test('editing a session moves it to other times; the change is audited before and after', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  await view.getByRole('button', { name: 'Sửa 17/03/2026 13:30–17:00' }).click();
  await view.getByLabel('Buổi', { exact: true }).selectOption('');
  await view.getByLabel('Giờ bắt đầu (HH:MM)').fill('14:00');
  await view.getByLabel('Giờ kết thúc (HH:MM)').fill('16:00');
  await view.getByLabel('Số tiết').fill('3');
  await view.getByRole('button', { name: 'Lưu buổi học' }).click();
  await view.getByText('Đã lưu buổi học.').waitFor();
  await view.locator('tbody tr').nth(1).getByText('14:00–16:00').waitFor();
  const moved = (await sessionsOf(cls.id))[1];
  assert.equal([moved?.start, moved?.end, moved?.periods], ['14:00', '16:00', 3]);
  const [entry] = await rig.sql<{ before: { startTime: string }; after: { startTime: string } }>(
    "SELECT before, after FROM audit_log WHERE action = 'class.update_session' AND entity_id = ?",
    [cls.id],
  );
  assert.equal([entry?.before.startTime, entry?.after.startTime], ['13:30', '14:00']);
  await page.close();
});

test('lecturers: one found without diacritics is assigned; a double-booked one is warned about, assigned anyway with a reason that is recorded and shown, then unassigned', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  const row = view.locator('tbody tr').nth(1);
  await view.getByRole('button', { name: 'Phân công 17/03/2026 14:00–16:00' }).click();
  await view.getByLabel('Tìm người theo tên (không cần dấu)').fill('luc van thanh');
  await view.getByRole('button', { name: 'Tìm', exact: true }).click();
  await view.getByRole('button', { name: 'Phân công Lục Văn Thành' }).click();
  await row.getByText('Lục Văn Thành').waitFor();

  await view.getByLabel('Tìm người theo tên (không cần dấu)').fill('dinh thi hoa');
  await view.getByRole('button', { name: 'Tìm', exact: true }).click();
  await view.getByRole('button', { name: 'Phân công Đinh Thị Hoa' }).click();
  const warning = view.locator('[data-clash]');
  await warning.waitFor();
  const said = (await warning.textContent()) ?? '';
  assert.match(said, 'Trùng lịch giảng');
  assert.match(said, 'Đinh Thị Hoa đã được phân công buổi 17/03/2026 13:30–17:00 của lớp NTĐ-41/2026');
  assert.is(
    (await rig.sql('SELECT 1 FROM teaching_assignment WHERE person_id = ?', [hoa])).length,
    1,
    'nothing written',
  );
  const reason = 'Lớp NTĐ-41 học trực tuyến, chị Hoa giảng cả hai nơi';
  await warning.getByLabel('Lý do (bắt buộc)').fill(reason);
  await warning.getByRole('button', { name: 'Vẫn phân công' }).click();
  await row.getByText(`Phân công dù trùng lịch — lý do: ${reason}`).waitFor();
  const [assignment] = await rig.sql<{ id: string; override_reason: string }>(
    'SELECT a.id, a.override_reason FROM teaching_assignment a JOIN class_session s ON s.id = a.session_id WHERE s.class_id = ? AND a.person_id = ?',
    [cls.id, hoa],
  );
  assert.is(assignment?.override_reason, reason);
  const [audited] = await rig.sql<{ after: { overrideReason: string; clashesWith: { classCode: string } } }>(
    "SELECT after FROM audit_log WHERE action = 'assignment.override' AND entity_id = ?",
    [assignment?.id],
  );
  assert.is(audited?.after.overrideReason, reason);
  assert.is(audited?.after.clashesWith.classCode, 'NTĐ-41/2026');

  await row.getByRole('button', { name: 'Bỏ phân công Lục Văn Thành 17/03/2026 14:00–16:00' }).click();
  await view.getByText('Đã bỏ phân công.').waitFor();
  assert.is((await rig.sql('SELECT 1 FROM teaching_assignment WHERE person_id = ?', [thanh])).length, 0);
  for (let i = 0; i < 50 && (await row.getByText('Lục Văn Thành').count()) > 0; i++) await page.waitForTimeout(100);
  assert.is(await row.getByText('Lục Văn Thành').count(), 0);
  await page.close();
});

test("an edit moving a session onto a lecturer's other class is warned about; saved anyway with a reason, shown on the assignment", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  await view.getByRole('button', { name: 'Sửa 17/03/2026 14:00–16:00' }).click();
  await view.getByLabel('Giờ bắt đầu (HH:MM)').fill('13:30');
  await view.getByRole('button', { name: 'Lưu buổi học' }).click();
  const warning = view.locator('[data-clash]');
  await warning.waitFor();
  assert.match(
    (await warning.textContent()) ?? '',
    'Đinh Thị Hoa đã được phân công buổi 17/03/2026 13:30–17:00 của lớp NTĐ-41/2026',
  );
  assert.is((await sessionsOf(cls.id))[1]?.start, '14:00', 'nothing written');
  const reason = 'Dời giờ theo lịch hội trường, chị Hoa vẫn giảng trực tuyến';
  await warning.getByLabel('Lý do (bắt buộc)').fill(reason);
  await warning.getByRole('button', { name: 'Vẫn lưu' }).click();
  const row = view.locator('tbody tr').nth(1);
  await row.getByText('13:30–16:00').waitFor();
  await row.getByText(`Phân công dù trùng lịch — lý do: ${reason}`).waitFor();
  await page.close();
});

test('a session with attendance cannot be removed: the reason is said in Vietnamese; one without is removed', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  await view.getByRole('button', { name: 'Xoá 16/03/2026 07:30–11:30' }).click();
  await view.getByRole('button', { name: 'Xoá buổi này' }).click();
  await view
    .getByRole('alert')
    .getByText('Buổi 16/03/2026 07:30–11:30 đã được điểm danh (1 học viên); không thể xoá buổi đã điểm danh.')
    .waitFor();
  assert.is((await sessionsOf(cls.id)).length, 2);

  await view.getByRole('button', { name: 'Xoá 17/03/2026 13:30–16:00' }).click();
  await view.getByRole('button', { name: 'Xoá buổi này' }).click();
  await view.getByText('Đã xoá buổi học.').waitFor();
  await view.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
  assert.equal(
    (await sessionsOf(cls.id)).map((s) => s.date),
    ['2026-03-16'],
  );
  const [entry] = await rig.sql<{ before: { startTime: string; assignments: { overrideReason: string }[] } }>(
    "SELECT before FROM audit_log WHERE action = 'class.remove_session' AND entity_id = ?",
    [cls.id],
  );
  assert.is(entry?.before.startTime, '13:30');
  assert.ok(entry?.before.assignments[0]?.overrideReason);
  await page.close();
});

test('the timetable page in English; no serious or critical accessibility violation with a panel open; usable at 360 px', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, rig.users.staff, undefined, address);
  const view = page.locator('pc-timetable-page');
  await view.getByRole('heading', { name: /^Lịch học/, level: 1 }).waitFor();
  await view.getByRole('button', { name: 'Phân công 16/03/2026 07:30–11:30' }).click();
  await view.getByLabel('Tìm người theo tên (không cần dấu)').waitFor();
  assert.equal(await accessibilityViolations(page), []);
  assert.not.ok(await overflowsSideways(page), 'nothing wider than 360 px');
  await page.getByRole('button', { name: 'English' }).click();
  await view.getByRole('heading', { name: /^Timetable/, level: 1 }).waitFor();
  await view.getByRole('heading', { name: 'Assign a lecturer — session of 16/03/2026 07:30–11:30' }).waitFor();
  await page.close();
});

test.run();
