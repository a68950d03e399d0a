import { type Lang, spreadsheetText } from '@polcenter/domain';
import { toCsv } from '../../imports/sheets.js';
import type { PeriodReport } from '../period-report.js';
import { reportHeading, reportTables } from './report-tables.js';

/**
 * The report as one CSV: the heading, then each section — its name, its sentence, its header row and
 * rows — with a blank line between, as the list exports write CSV (a BOM, CRLF, no formulas).
 */
export function reportCsv(report: PeriodReport, lang: Lang = 'vi'): string {
  const heading = reportHeading(report, lang);
  const none = new Set<number>();
  const block = (headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
    toCsv({ headers, rows, dateColumns: none }).replace(/^\ufeff/, '');
  const parts = [
    block([heading.organiser], [[heading.title], [heading.period]]),
    ...reportTables(report, lang).map((t) =>
      [block([t.title], t.sentence ? [[t.sentence]] : []), block(t.headers, t.rows)].join(''),
    ),
  ];
  return `\ufeff${parts.join('\r\n')}`;
}

/** Where a section's table starts on its sheet: row 1 its name, row 2 its sentence, row 3 the headers. */
export const SHEET_HEADER_ROW = 3;

/**
 * The report as a workbook: a sheet per section named for it, Vietnamese headers, numbers as
 * numbers (a percent with one decimal), the plan and its % beside every planned figure.
 */
export async function reportXlsx(report: PeriodReport, lang: Lang = 'vi'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const heading = reportHeading(report, lang);
  workbook.title = `${heading.title} – ${heading.organiser}`;
  workbook.creator = 'PolCenter';
  const used = new Set<string>();
  for (const table of reportTables(report, lang)) {
    // Excel refuses []:*?/\ in sheet names and more than 31 characters; names must differ.
    let name = table.title.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 29)}-${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.getCell(1, 1).value = spreadsheetText(table.title);
    sheet.getCell(1, 1).font = { bold: true, size: 13 };
    if (table.sentence) sheet.getCell(2, 1).value = spreadsheetText(table.sentence);
    const header = sheet.getRow(SHEET_HEADER_ROW);
    table.headers.forEach((h, i) => {
      header.getCell(i + 1).value = spreadsheetText(h);
    });
    header.font = { bold: true };
    table.rows.forEach((row, r) => {
      const line = sheet.getRow(SHEET_HEADER_ROW + 1 + r);
      row.forEach((value, c) => {
        line.getCell(c + 1).value = typeof value === 'string' ? spreadsheetText(value) : value;
      });
    });
    table.headers.forEach((h, i) => {
      const column = sheet.getColumn(i + 1);
      const longest = Math.max(h.length, ...table.rows.map((row) => String(row[i] ?? '').length));
      column.width = Math.min(50, Math.max(10, longest + 2));
      if (table.percentColumns?.has(i)) column.numFmt = '0.0';
    });
    sheet.views = [{ state: 'frozen', ySplit: SHEET_HEADER_ROW }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
