import { readFile } from 'node:fs/promises';
import { demoOpenClass } from '@polcenter/core/testing';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

/** Clicks a download button and reads the file the browser saved. */
async function download(page: Page, scope: string, button: string): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(scope).getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), data: await readFile((await file.path()) as string) };
}

test('the classes list as CSV and Excel: the filtered list, every page, Vietnamese intact', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, undefined, '/classes?status=closed');
  const rows = page.locator('pc-classes-page tbody tr');
  await rows.first().waitFor();
  // What the list shows an administrator: every closed class (the story's of 2022), as the library lists them.
  const seen = await rig.polcenter.classes.list({ all: true }, { status: 'closed', limit: 100 });
  assert.is(seen.nextCursor, null);
  const n = seen.items.length;
  assert.ok(n > 0);
  const csv = await download(page, 'pc-classes-page pc-export-buttons', 'Tải CSV');
  assert.is(csv.name, 'danh-sach-lop.csv');
  const text = csv.data.toString('utf8');
  assert.ok(text.startsWith('\ufeffMã lớp,Tên lớp,Chương trình,Đơn vị tổ chức,Hình thức'), text.slice(0, 80));
  const lines = text.trimEnd().split('\r\n');
  assert.is(lines.length, n + 1, 'every closed class, one line each, one line each');
  assert.ok(
    lines.slice(1).every((l) => l.endsWith(',Đã đóng hồ sơ')),
    lines[1],
  );
  assert.match(lines[1] ?? '', /\d\d\/\d\d\/\d{4}/);

  const xlsx = await download(page, 'pc-classes-page pc-export-buttons', 'Tải Excel');
  assert.is(xlsx.name, 'danh-sach-lop.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.is(sheet.getCell('A1').value, 'Mã lớp');
  assert.is(sheet.rowCount, n + 1);
  assert.ok(sheet.getCell('F2').value instanceof Date, 'start dates are dates');
  assert.is(sheet.getCell('K2').value, 'Đã đóng hồ sơ');
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('a class’s enrolments as CSV, for its center staff', async () => {
  const open = await demoOpenClass(rig.polcenter.orm, 'NTĐ');
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, `/classes/${open.id}/enrolment`);
  await page.locator('pc-enrolment-page pc-export-buttons').waitFor();
  const csv = await download(page, 'pc-enrolment-page pc-export-buttons', 'Tải CSV');
  assert.is(csv.name, 'ghi-danh.csv');
  const [{ n }] = (await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM enrolment WHERE class_id = ?', [
    open.id,
  ])) as [{ n: number }];
  const lines = csv.data.toString('utf8').trimEnd().split('\r\n');
  assert.ok(lines[0]?.startsWith('\ufeffMã lớp,Họ và tên,Trạng thái'), lines[0]);
  assert.is(lines.length, n + 1);
  await page.close();
});

test("briefings as Excel for a commune's center staff: the period and unit the page shows, dates as dates, audiences as numbers", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/briefings?from=2022-01-01&to=2022-12-31');
  await page.locator('pc-briefings-page tbody tr').first().waitFor();
  // What the list holds for this person: their own commune's briefings of 2022, every page of them.
  const [staff] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
  const expected: { date: string; audienceSize: number }[] = [];
  let cursor: string | undefined;
  do {
    const next = await rig.polcenter.activities.briefings({
      from: '2022-01-01',
      to: '2022-12-31',
      unitId: staff?.id,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    expected.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  assert.ok(expected.length > 0, 'the demo has briefings in 2022');
  const xlsx = await download(page, 'pc-briefings-page pc-export-buttons', 'Tải Excel');
  assert.is(xlsx.name, 'sinh-hoat-bao-cao-vien.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.equal((sheet.getRow(1).values as unknown[]).slice(1, 4), ['Ngày', 'Đơn vị', 'Địa điểm']);
  assert.is(sheet.rowCount, expected.length + 1, 'every briefing of the period, every page');
  const first = sheet.getCell('A2').value;
  assert.ok(first instanceof Date, 'a date');
  assert.is((first as Date).toISOString().slice(0, 10), expected[0]?.date);
  assert.is(sheet.getCell('H2').value, expected[0]?.audienceSize, 'the audience: a number');
  await page.getByText(`Đã tải ${expected.length} dòng.`).waitFor();
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test.run();
