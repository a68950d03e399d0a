import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter, fixturePeople, fixtureProgram, fixtureUnit } from '@polcenter/core/testing';
import type { ListExportInput, Role } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callerWithRole } from './test-callers.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const orm = polcenter.orm;
const sql = (text: string, params: unknown[] = []) => orm.em.fork().execute(text, params);

// A district with two communes; each commune keeps its people and records its own briefings.
const district = await fixtureUnit(orm, 'Huyện Chợ Đồn');
const ours = await fixtureUnit(orm, 'Xã Phương Viên');
const theirs = await fixtureUnit(orm, 'Xã Bằng Lãng');
await sql('UPDATE unit SET parent_id = ? WHERE id IN (?, ?)', [district, ours, theirs]);
await fixturePeople(orm, 3, { fullName: 'Lục Văn Phương', unitId: ours });
await fixturePeople(orm, 2, { fullName: 'Ma Thị Bằng', unitId: theirs });
const [ourPresenter] = await fixturePeople(orm, 1, { fullName: 'Hà Thị Viên', unitId: ours });
const [theirPresenter] = await fixturePeople(orm, 1, { fullName: 'Nông Văn Lãng', unitId: theirs });
for (const [unitId, presenter, topic] of [
  [ours, ourPresenter, 'Nghị quyết Đại hội XIII ở Phương Viên'],
  [theirs, theirPresenter, 'Chỉ thị 17 ở Bằng Lãng'],
] as const) {
  await polcenter.activities.recordBriefing(SYSTEM_ACTOR, {
    date: '2022-05-10',
    unitId,
    topic,
    directive: 'Chỉ thị 17-CT/TW',
    audience: [
      { ethnicity: 'tay', gender: 'female', count: 30 },
      { ethnicity: 'dao', gender: 'male', count: 12 },
    ],
    presenterIds: [presenter as string],
  });
}
// One routine and one sensitive opinion report in our commune.
for (const [topic, sensitivity] of [
  ['Giá phân bón', 'routine'],
  ['Tranh chấp đất rừng', 'sensitive'],
] as const) {
  await polcenter.activities.recordOpinionReport(SYSTEM_ACTOR, {
    date: '2022-06-01',
    unitId: ours,
    topic,
    summary: 'Bà con phản ánh tại buổi họp thôn.',
    sensitivity,
    reporterIds: [ourPresenter as string],
  });
}

const callerWith = (role: Role, unitId: string | null) => callerWithRole(polcenter, role, unitId);

/** The CSV's lines below the header, the BOM and line ends taken off. */
async function csvRows(api: Awaited<ReturnType<typeof callerWith>>, input: Omit<ListExportInput, 'format'>) {
  const file = await api.exports.list({ ...input, format: 'csv' } as ListExportInput);
  const lines = Buffer.from(file.base64, 'base64')
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.is(file.rows, lines.length - 1);
  return { header: lines[0] ?? '', rows: lines.slice(1) };
}

const period = { from: '2022-01-01', to: '2022-12-31' };

test("a commune coordinator's people export holds their commune's people only, personal fields as the list masks them", async () => {
  const coordinator = await callerWith('unit_coordinator', ours);
  const { header, rows } = await csvRows(coordinator, { list: 'people', filter: { query: '' } });
  assert.ok(header.startsWith('Họ và tên,Năm sinh,Giới tính,Dân tộc,Đơn vị'), header);
  assert.is(rows.length, 4);
  assert.ok(
    rows.every((r) => !r.includes('Bằng Lãng') && !r.includes('Ma Thị Bằng')),
    rows.join('\n'),
  );
  // The district's staff see both communes.
  const staff = await callerWith('center_staff', district);
  assert.is((await csvRows(staff, { list: 'people', filter: { query: '' } })).rows.length, 7);
});

test("briefings: the commune's own, with the audience by ethnic group, never the other commune's", async () => {
  const coordinator = await callerWith('unit_coordinator', ours);
  const { rows } = await csvRows(coordinator, { list: 'briefings', filter: { ...period } });
  assert.is(rows.length, 1);
  assert.match(rows[0] ?? '', /^10\/05\/2022,Xã Phương Viên,,Nghị quyết Đại hội XIII ở Phương Viên,/);
  assert.match(rows[0] ?? '', /,Chỉ thị 17-CT\/TW,Trực tiếp,42,"Dao nam: 12; Tày nữ: 30",Hà Thị Viên,$/);
  // Naming the other commune is refused, not answered empty.
  try {
    await csvRows(coordinator, { list: 'briefings', filter: { ...period, unitId: theirs } });
    assert.unreachable('another commune named');
  } catch (error) {
    assert.instance(error, TRPCError);
    assert.is((error as TRPCError).code, 'FORBIDDEN');
  }
});

test('opinion reports: the sensitive one only in the propaganda department’s file', async () => {
  const staff = await callerWith('center_staff', ours);
  const seen = await csvRows(staff, { list: 'opinionReports', filter: { ...period } });
  assert.equal(
    seen.rows.map((r) => r.split(',')[2]),
    ['Giá phân bón'],
  );
  const propaganda = await callerWith('propaganda_staff', district);
  const all = await csvRows(propaganda, { list: 'opinionReports', filter: { ...period } });
  assert.equal(all.rows.map((r) => r.split(',')[2]).sort(), ['Giá phân bón', 'Tranh chấp đất rừng']);
});

test('accounts and the audit log are for administrators; their files in Excel have dates as dates', async () => {
  const staff = await callerWith('center_staff', district);
  for (const list of ['accounts', 'audit'] as const) {
    try {
      await csvRows(staff, { list, filter: {} });
      assert.unreachable(list);
    } catch (error) {
      assert.is((error as TRPCError).code, 'FORBIDDEN', list);
    }
  }
  const admin = await callerWith('admin', null);
  const file = await admin.exports.list({ list: 'accounts', filter: {}, format: 'xlsx' });
  assert.is(file.fileName, 'tai-khoan.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.equal(sheet.getRow(1).values, [
    undefined,
    'Tên đăng nhập',
    'Họ và tên',
    'Vai trò',
    'Đang hoạt động',
    'Phải đổi mật khẩu',
    'Ngày tạo',
    'Hoạt động lần cuối',
  ]);
  assert.is(sheet.rowCount, file.rows + 1);
  assert.ok(sheet.getCell('F2').value instanceof Date, 'created on: a date');
  // Each opinion report recorded above is in the log, its entry's values as JSON.
  const audit = await csvRows(admin, { list: 'audit', filter: { entity: 'opinion_report' } });
  assert.is(audit.rows.length, 2, audit.rows.join('\n'));
});

test('conferences, contests, units, programs and rosters export as their lists show them', async () => {
  const admin = await callerWith('admin', null);
  const units = await csvRows(admin, { list: 'units', filter: { under: district } });
  assert.equal(units.rows.map((r) => r.split(',')[1]).sort(), ['Xã Bằng Lãng', 'Xã Phương Viên']);
  assert.ok(
    units.rows.every((r) => r.split(',')[4] === 'Huyện Chợ Đồn'),
    units.rows.join('\n'),
  );
  const program = await fixtureProgram(orm, 'NTĐ');
  const programs = await admin.exports.list({ list: 'programs', filter: {}, format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(programs.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.is(sheet.getCell('A1').value, 'Mã');
  assert.is(sheet.getCell('A2').value, program.code);
  assert.is(typeof sheet.getCell('E2').value, 'number', 'periods: a number');
  for (const list of ['conferences', 'contests'] as const) {
    assert.is((await csvRows(admin, { list, filter: { ...period } })).rows.length, 0, list);
  }
  assert.is((await csvRows(admin, { list: 'rosters', filter: {} })).rows.length, 0);
});

test.run();
