import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, unitIdByCode } from '../../testing/index.js';
import { reportFile } from './index.js';

/**
 * The district's first half of 2022 as files, read back: the workbook cell by cell, the CSV row by
 * row. The plan and the output are the demo's (seed/story-output.ts): 12 classes and 610 trainees
 * planned for the year, 196 news items in the half.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const district = await unitIdByCode(polcenter.orm, '064');
const report = await polcenter.reports.period({ from: '2022-01-01', to: '2022-06-30', unitId: district }, 'propaganda');

test('XLSX: a sheet per section, Vietnamese headers, numbers as numbers, the plan and its % beside the actual', async () => {
  const file = await reportFile(report, 'xlsx');
  assert.is(file.fileName, 'bao-cao-064-2022-01-01-2022-06-30.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.body as unknown as ArrayBuffer);
  const names = book.worksheets.map((s) => s.name);
  assert.equal(names.slice(0, 5), [
    'Tổng hợp',
    'Theo chương trình',
    'Kết quả, xếp loại',
    'Theo đơn vị',
    'Dân tộc, giới tính',
  ]);
  assert.ok(names.includes('Sản phẩm tuyên truyền'));
  assert.ok(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n)));
  const summary = book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
  const row = (n: number) => (summary.getRow(n).values as unknown[]).slice(1);
  assert.is(summary.getCell('A1').value, 'Tổng hợp');
  assert.is(
    summary.getCell('A2').value,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 34,6% kế hoạch năm.',
  );
  assert.equal(row(3), ['Nội dung', 'Thực hiện', 'Kế hoạch', '% kế hoạch']);
  assert.equal(row(4), ['Số lớp đào tạo, bồi dưỡng', 4, 12, 33.3]);
  assert.equal(row(5), ['Số học viên', 211, 610, 34.6]);
  assert.is(summary.getColumn(4).numFmt, '0.0');
  // A figure with no plan leaves the plan cells empty, not zero.
  assert.equal(row(6).slice(0, 2), ['Học viên hoàn thành', report.training.completed]);
  assert.is(summary.getCell('C6').value, null);
  const programs = book.getWorksheet('Theo chương trình') as ExcelJS.Worksheet;
  assert.equal((programs.getRow(3).values as unknown[]).slice(1, 6), [
    'Mã',
    'Chương trình',
    'Số lớp',
    'Kế hoạch lớp',
    '% kế hoạch lớp',
  ]);
  assert.equal(
    [4, 5, 6, 7, 8, 9].map((n) => [
      programs.getCell(`A${n}`).value,
      programs.getCell(`C${n}`).value,
      programs.getCell(`F${n}`).value,
    ]),
    [
      ['BDNV', 1, 46],
      ['CNKT', 1, 55],
      ['ĐVM', 1, 52],
      // Planned for the year, none started in the half: 0 of the plan.
      ['NQ', 0, 0],
      ['NTĐ', 1, 58],
      ['SC', 0, 0],
    ],
  );
  const output = book.getWorksheet('Sản phẩm tuyên truyền') as ExcelJS.Worksheet;
  const news = output.getRows(4, 4)?.find((r) => r.getCell(1).value === 'Tin, bài');
  assert.is(news?.getCell(2).value, 196);
});

test('CSV: the heading, then each section with its header row; read back by a CSV parser', async () => {
  const file = await reportFile(report, 'csv');
  const text = file.body.toString('utf8');
  assert.ok(text.startsWith('\ufeff'));
  const rows: string[][] = parse(text.slice(1), { relax_column_count: true, skip_empty_lines: true });
  assert.equal(rows[0], ['Trung tâm Chính trị huyện Chợ Đồn']);
  assert.equal(rows[1], ['BÁO CÁO KẾT QUẢ CÔNG TÁC 06 THÁNG ĐẦU NĂM 2022']);
  const at = rows.findIndex((r) => r[0] === 'Nội dung');
  assert.equal(rows[at + 1], ['Số lớp đào tạo, bồi dưỡng', '4', '12', '33.3']);
  assert.equal(rows[at + 2], ['Số học viên', '211', '610', '34.6']);
});

test('JSON is the report itself; HTML is the print view with the national motto and the organiser', async () => {
  assert.equal(
    JSON.parse((await reportFile(report, 'json')).body.toString('utf8')),
    JSON.parse(JSON.stringify(report)),
  );
  const html = (await reportFile(report, 'html')).body.toString('utf8');
  assert.match(html, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  assert.match(html, 'Độc lập - Tự do - Hạnh phúc');
  assert.match(html, 'TRUNG TÂM CHÍNH TRỊ HUYỆN CHỢ ĐỒN');
  assert.match(html, 'Kết quả công tác 06 tháng đầu năm 2022');
  assert.not.match(html, '<script');
});

test('text from the database is escaped in print and neutralised as a formula in sheets', async () => {
  const tampered = {
    ...report,
    rapporteurs: {
      ...report.rapporteurs,
      opinionReports: {
        ...report.rapporteurs.opinionReports,
        byTopic: [{ topic: '=HYPERLINK("x")<img src=x>', reports: 1 }],
      },
    },
  };
  const html = (await reportFile(tampered, 'html')).body.toString('utf8');
  assert.not.match(html, '<img src=x>');
  assert.match(html, '&lt;img src=x&gt;');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await reportFile(tampered, 'xlsx')).body as unknown as ArrayBuffer);
  const opinion = book.getWorksheet('Dư luận xã hội') as ExcelJS.Worksheet;
  assert.is(typeof opinion.getCell('A4').value, 'string');
  assert.not.ok(String(opinion.getCell('A4').value).startsWith('='));
});

test.run();
