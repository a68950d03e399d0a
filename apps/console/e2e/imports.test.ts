import { demoOpenClass } from '@polcenter/core/testing';
import { windows1258 } from '@polcenter/testing/legacy-encoding';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await rig.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0]?.n ?? 0;

const FAMILY = ['Hà', 'Lò', 'Ma', 'Nông', 'Triệu', 'Hoàng'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Minh'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dung', 'Giang', 'Hải', 'Khuyên', 'Lâm', 'Mai', 'Nga'];
/** 300 people of the commune, each with a national ID: a roster as a district keeps it. */
const roster = Array.from({ length: 300 }, (_, i) => ({
  name: `${FAMILY[i % 6]} ${MIDDLE[Math.floor(i / 6) % 5]} ${GIVEN[Math.floor(i / 30)]}`,
  birth: new Date(Date.UTC(1980 + (i % 20), i % 12, 1 + (i % 27))),
  nationalId: `0061${String(90_000_000 + i).padStart(8, '0')}`,
}));

/** Chooses what to import and the file, uploads it, and waits for the preview. */
async function upload(page: Page, kind: RegExp, file: { name: string; mimeType: string; buffer: Buffer }) {
  const view = page.locator('pc-import-page');
  await view.getByLabel(kind).check();
  await view.getByLabel('Tệp (.xlsx hoặc .csv)').setInputFiles(file);
  await view.getByRole('button', { name: 'Tải lên và xem trước' }).click();
  await view.getByRole('heading', { name: new RegExp(`Xem trước: ${file.name.replace('.', '\\.')}`) }).waitFor();
  return view;
}

/** The `done/total` of every answer about the job the page asked for, in order. */
function progressSeen(page: Page): { done: number; total: number; state: string }[] {
  const seen: { done: number; total: number; state: string }[] = [];
  page.on('response', async (response) => {
    if (!/\/trpc\/imports\.(job|start)/.test(response.url())) return;
    try {
      const body = (await response.json()) as { result?: { data?: { done: number; total: number; state: string } } }[];
      const job = (Array.isArray(body) ? body[0] : body)?.result?.data;
      if (job) seen.push({ done: job.done, total: job.total, state: job.state });
    } catch {
      // Not an answer with a job (a refusal): nothing to record.
    }
  });
  return seen;
}

test('an XLSX with a title row above the headers: preview, dry run, then the import, with the server’s progress', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH CÁN BỘ, ĐẢNG VIÊN XÃ NĂM 2022']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số CCCD', 'Đơn vị']);
  roster.forEach((p, i) => {
    sheet.addRow([
      i + 1,
      p.name,
      p.birth,
      i % 2 ? 'Nam' : 'Nữ',
      ['Tày', 'Dao', 'Kinh'][i % 3],
      p.nationalId,
      'TN-CHODON',
    ]);
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const before = await count('person');

  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  await page.getByRole('navigation').getByRole('link', { name: 'Nhập dữ liệu' }).click();
  await page.getByRole('heading', { name: 'Nhập dữ liệu từ tệp', level: 1 }).waitFor();
  const view = await upload(page, /Danh sách cá nhân/, {
    name: 'danh-sach-2022.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  // The headers were found on row 2, under the title; each column says what it is read as.
  await view.getByText('Tiêu đề cột ở dòng 2; sổ làm việc Excel.').waitFor();
  await view.getByText('300 dòng dữ liệu.').waitFor();
  const readAs = async (field: string) =>
    (await view.locator(`tr[data-field="${field}"] td`).allTextContents()).map((t) => t.trim());
  assert.equal(await readAs(''), ['STT', 'Bỏ qua']);
  assert.equal(await readAs('unitCode'), ['Đơn vị', 'Mã đơn vị']);
  assert.equal(await readAs('birthDate'), ['Ngày sinh', 'Ngày sinh']);
  const first = (await view.locator('table.preview tbody tr').first().textContent()) ?? '';
  assert.match(first, roster[0]?.name ?? '');
  assert.match(first, '01/01/1980');
  assert.ok(await page.getByRole('heading', { name: /Xem trước/ }).isVisible());
  assert.equal(await accessibilityViolations(page), [], 'the preview');

  const seen = progressSeen(page);
  await view.getByRole('button', { name: 'Chạy thử (kiểm tra, chưa ghi)' }).click();
  await view.getByText('Tất cả các dòng hợp lệ: sẽ thêm 300 người, bỏ qua 0 đã có.').waitFor();
  assert.is(await count('person'), before, 'the dry run wrote nothing');
  await view.getByRole('button', { name: 'Nhập 300 người' }).click();
  await view.getByText('Đã nhập 300 người từ 300 dòng; bỏ qua 0 đã có.').waitFor();
  assert.is(await count('person'), before + 300);
  assert.is(await count('person', 'national_id = ?', [roster[299]?.nationalId]), 1);
  // The bar followed the job as the server wrote it: never backwards, ending at every row.
  const writing = seen.filter((s) => s.state === 'importing' || s.state === 'done');
  assert.ok(writing.length >= 2, JSON.stringify(seen));
  assert.equal(writing.at(-1), { done: 300, total: 300, state: 'done' });
  for (let i = 1; i < writing.length; i++) {
    assert.ok((writing[i]?.done ?? 0) >= (writing[i - 1]?.done ?? 0), JSON.stringify(writing));
  }
  assert.is(await count('audit_log', "action = 'import.people'"), 1);
  await page.close();
});

test('a CSV saved by Excel in Windows-1258 nominates people to a class, Vietnamese intact', async () => {
  const open = await demoOpenClass(rig.polcenter.orm, 'NTĐ');
  const chosen = roster.slice(0, 3);
  const csv = [
    `DANH SÁCH CỬ ĐI HỌC LỚP ${open.code}`,
    'Mã lớp,Số CCCD,Họ và tên,Ghi chú',
    ...chosen.map((p) => `${open.code},${p.nationalId},${p.name},Chi bộ thôn Nà Pài cử`),
  ].join('\r\n');
  const before = await count('enrolment', 'class_id = ?', [open.id]);
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/imports');
  const view = await upload(page, /Ghi danh vào lớp/, {
    name: 'cu-di-hoc.csv',
    mimeType: 'text/csv',
    buffer: windows1258(csv),
  });
  await view.getByText('Tiêu đề cột ở dòng 2; CSV mã Windows-1258 (Excel tiếng Việt).').waitFor();
  assert.match((await view.locator('table.preview tbody tr').first().textContent()) ?? '', 'Chi bộ thôn Nà Pài cử');
  await view.getByRole('button', { name: 'Chạy thử (kiểm tra, chưa ghi)' }).click();
  await view.getByText('Tất cả các dòng hợp lệ: sẽ thêm 3 ghi danh, bỏ qua 0 đã có.').waitFor();
  await view.getByRole('button', { name: 'Nhập 3 ghi danh' }).click();
  await view.getByText('Đã nhập 3 ghi danh từ 3 dòng; bỏ qua 0 đã có.').waitFor();
  assert.is(await count('enrolment', 'class_id = ?', [open.id]), before + 3);
  const notes = await rig.sql<{ note: string }>(
    'SELECT DISTINCT note FROM enrolment WHERE class_id = ? AND note IS NOT NULL',
    [open.id],
  );
  assert.ok(
    notes.some((n) => n.note === 'Chi bộ thôn Nà Pài cử'),
    JSON.stringify(notes),
  );
  await page.close();
});

test('a class of 2022 with its results, from an XLSX: its trainees as they ended', async () => {
  const [cls] = await rig.sql<{ id: string; seats_taken: number }>(
    "SELECT id, seats_taken FROM training_class WHERE code = 'NTĐ-01/2022'",
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kết quả');
  sheet.addRow(['KẾT QUẢ LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG NTĐ-01/2022']);
  sheet.addRow(['Mã lớp', 'Số CCCD', 'Họ và tên', 'Kết quả', 'Xếp loại', 'Điểm']);
  const past = roster.slice(10, 13);
  sheet.addRow(['NTĐ-01/2022', past[0]?.nationalId, past[0]?.name, 'Hoàn thành', 'Giỏi', 8.5]);
  sheet.addRow(['NTĐ-01/2022', past[1]?.nationalId, past[1]?.name, 'Hoàn thành', null, '7,0']);
  sheet.addRow(['NTĐ-01/2022', past[2]?.nationalId, past[2]?.name, 'Không đạt', 'Không đạt', 4]);
  // The class was the old district center's (unit 064, before 2025): an administrator brings it in.
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, undefined, '/imports');
  const view = await upload(page, /Ghi danh vào lớp/, {
    name: 'ket-qua-2022.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await view.getByText('Tiêu đề cột ở dòng 2; sổ làm việc Excel.').waitFor();
  await view.getByRole('button', { name: 'Chạy thử (kiểm tra, chưa ghi)' }).click();
  await view.getByText('Tất cả các dòng hợp lệ: sẽ thêm 3 ghi danh, bỏ qua 0 đã có.').waitFor();
  await view.getByRole('button', { name: 'Nhập 3 ghi danh' }).click();
  await view.getByText('Đã nhập 3 ghi danh từ 3 dòng; bỏ qua 0 đã có.').waitFor();
  const stored = await rig.sql<{ state: string; classification: string; score: number }>(
    `SELECT e.state, e.classification, e.final_score::float8 AS score FROM enrolment e JOIN person p ON p.id = e.person_id
      WHERE e.class_id = ? AND p.national_id IN (SELECT jsonb_array_elements_text(?::jsonb)) ORDER BY p.national_id`,
    [cls?.id, JSON.stringify(past.map((p) => p.nationalId))],
  );
  assert.equal(stored, [
    { state: 'passed', classification: 'excellent', score: 8.5 },
    { state: 'passed', classification: 'good', score: 7 },
    { state: 'failed', classification: 'fail', score: 4 },
  ]);
  const [after] = await rig.sql<{ seats_taken: number }>('SELECT seats_taken FROM training_class WHERE id = ?', [
    cls?.id,
  ]);
  assert.is(after?.seats_taken, (cls?.seats_taken ?? 0) + 3);
  await page.close();
});

test('a file with two bad rows is refused with both rows and reasons, under the file’s headers; nothing is written', async () => {
  const csv = [
    'STT;HỌ VÀ TÊN;Sinh ngày;Giới tính;Dân tộc;Đơn vị',
    '1;Lò Văn Một;05/03/1990;Nam;Tày;TN-CHODON',
    '2;Ma Thị Hai;31/02/1984;Nữ;Dao;TN-CHODON',
    '3;Nông Văn Ba;01/01/1991;Nam;Tày;TN-CHODON',
    '4;Hà Thị Bốn;01/01/1992;Nữ;Mán;TN-CHODON',
  ].join('\n');
  const before = await count('person');
  const page = await rig.page(360);
  await signIn(page, rig.url, rig.users.staff, undefined, '/imports');
  assert.equal(await accessibilityViolations(page), [], 'the choice of file');
  assert.not.ok(await overflowsSideways(page));
  const view = await upload(page, /Danh sách cá nhân/, {
    name: 'co-loi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${csv}`, 'utf8'),
  });
  await view.getByRole('button', { name: 'Chạy thử (kiểm tra, chưa ghi)' }).click();
  await view.getByText('2 dòng có lỗi (2 lỗi). Không ghi gì vào cơ sở dữ liệu. Sửa tệp rồi tải lên lại.').waitFor();
  const rows = await view
    .locator('table.problems tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
  assert.is(rows.length, 2);
  assert.equal(rows[0]?.slice(0, 2), ['3', 'Sinh ngày']);
  assert.match(rows[0]?.[2] ?? '', '31/02/1984');
  assert.equal(rows[1]?.slice(0, 2), ['5', 'Dân tộc']);
  assert.match(rows[1]?.[2] ?? '', 'Không nhận ra "Mán"; dùng một trong: Kinh, Tày, Dao');
  assert.is(await view.getByRole('button', { name: /^Nhập \d+/ }).count(), 0, 'no import offered');
  assert.is(await count('person'), before);
  assert.equal(await accessibilityViolations(page), [], 'the report');
  assert.not.ok(await overflowsSideways(page));

  // English: the same report in the reader's language.
  await page.getByRole('button', { name: 'English' }).click();
  await view.getByText('2 rows have problems (2 in all). Nothing was written.', { exact: false }).waitFor();
  await page.close();
});

test('a file that is not a table is refused at upload with what to do', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, '/imports');
  const view = page.locator('pc-import-page');
  await view.getByLabel(/Tệp \(\.xlsx hoặc \.csv\)|File \(\.xlsx or \.csv\)/).setInputFiles({
    name: 'cu.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
  await view.getByRole('button', { name: /Tải lên và xem trước|Upload and preview/ }).click();
  await view.getByRole('alert').filter({ hasText: 'Excel 97–2003' }).waitFor();
  await page.close();
});

test.run();
