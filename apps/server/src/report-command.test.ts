import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migratedDatabase } from '@polcenter/core/testing';
import { runCli } from '@polcenter/testing/server-process';
import ExcelJS from 'exceljs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

/** `polcenter report`: the period report from the command line, to stdout or a file beside the user. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-report-test-'));
const db = await migratedDatabase({ demo: true });
test.after(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  runCli(['report', ...args], { DATABASE_URL: db.url, POLCENTER_LANG: 'vi' }, '', 180_000, dir);
const half = ['--from', '2022-01-01', '--to', '30/06/2022'];

test('JSON on stdout: the district’s first half of 2022, the article’s figures', async () => {
  const result = await cli(['--unit', '064', ...half, '--format', 'json']);
  assert.is(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.is(report.training.classes.actual, 4);
  assert.is(report.training.trainees.actual, 211);
  assert.is(
    report.sentences.training.vi,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 34,6% kế hoạch năm.',
  );
});

test('a relative --out lands in the folder the command was typed in; its extension names the format', async () => {
  const result = await cli(['--unit', 'TN-CHODON', ...half, '--out', 'xa-cho-don.xlsx']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, 'xa-cho-don.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path.join(dir, 'xa-cho-don.xlsx')) as unknown as ArrayBuffer);
  const summary = book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
  assert.match(String(summary.getCell('A2').value), /^06 tháng đầu năm 2022, Đảng ủy xã Chợ Đồn đã mở 00 lớp/);
  const html = await cli(['--unit', '19', ...half, '--format', 'html', '--out', 'tinh.html']);
  assert.is(html.code, 0, html.stderr);
  assert.match(readFileSync(path.join(dir, 'tinh.html'), 'utf8'), 'TRƯỜNG CHÍNH TRỊ TỈNH THÁI NGUYÊN');
});

test('mistakes are told in Vietnamese, naming what is wrong; nothing is written', async () => {
  const format = await cli(['--unit', '064', ...half, '--format', 'pdf']);
  assert.is(format.code, 2);
  assert.match(format.stderr, 'Dạng báo cáo không hợp lệ: pdf');
  const unit = await cli(['--unit', 'KHONG-CO', ...half, '--out', 'khong.csv']);
  assert.is.not(unit.code, 0);
  assert.match(unit.stderr, 'KHONG-CO');
  assert.match(unit.stderr, '--unit');
  const dates = await cli(['--unit', '064', '--from', '2022-06-30', '--to', '2022-01-01', '--out', 'sai.csv']);
  assert.is.not(dates.code, 0);
  assert.match(dates.stderr, 'Ngày cuối phải sau ngày đầu');
  const xlsx = await cli(['--unit', '064', ...half, '--format', 'xlsx']);
  assert.is(xlsx.code, 2);
  assert.equal(
    ['khong.csv', 'sai.csv'].filter((f) => {
      try {
        readFileSync(path.join(dir, f));
        return true;
      } catch {
        return false;
      }
    }),
    [],
  );
});

test.run();
