import { exportValue, formatDate, IMPORT_COLUMNS, spreadsheetText } from '@polcenter/domain';
import type { ExportTable } from './exports.js';

/** What a file of a list holds: headers, rows of cells, and which columns are dates (ISO in the rows). */
export interface SheetTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly dateColumns: ReadonlySet<number>;
}

const needsQuotes = /[",;\r\n]|^\s|\s$/;

/**
 * CSV as Excel reads it: a UTF-8 BOM (else Vietnamese letters come out garbled), CRLF line ends,
 * dates dd/mm/yyyy, and no cell a spreadsheet would run as a formula.
 */
export function toCsv(table: SheetTable): string {
  const cell = (value: string | number | null, column: number) => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const text = spreadsheetText(table.dateColumns.has(column) ? formatDate(value) : value);
    return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [table.headers.map((h) => cell(h, -1)), ...table.rows.map((r) => r.map(cell))].map((r) => r.join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * The same table as an Excel workbook of one sheet: dates as Excel dates shown dd/mm/yyyy, numbers
 * as numbers, and text as text — a CCCD keeps its leading zeros, and text that looks like a formula
 * is neutralised as in CSV, since a sheet is often saved on as CSV and reopened.
 */
export async function toXlsx(table: SheetTable, sheetName: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names with []:*?/\ and longer than 31 characters.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(table.headers.map(spreadsheetText)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((value, column) => {
        if (value === null || typeof value === 'number') return value;
        // Excel dates are calendar days, which exceljs writes from UTC midnight.
        if (table.dateColumns.has(column)) return new Date(`${value}T00:00:00Z`);
        return spreadsheetText(value);
      }),
    );
  }
  table.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, header.length + 2));
    if (table.dateColumns.has(i)) column.numFmt = 'dd/mm/yyyy';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXTRA_HEADERS: Record<string, string> = {
  state: 'Trạng thái',
  classification: 'Xếp loại',
  code: 'Mã lớp',
  programCode: 'Mã chương trình',
  title: 'Tên lớp',
  organiserUnitCode: 'Đơn vị tổ chức',
  mode: 'Hình thức',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  capacity: 'Sĩ số tối đa',
  seatsTaken: 'Đã nhận',
  status: 'Tình trạng lớp',
};
const DATE_FIELDS = new Set(['birthDate', 'partyAdmittedOn', 'startDate', 'endDate']);

/** An export's cells: Vietnamese headers, codes as their Vietnamese names — what the imports read back. */
export function exportSheet(table: ExportTable): SheetTable {
  const headers = table.fields.map(
    (f) => IMPORT_COLUMNS[f as keyof typeof IMPORT_COLUMNS]?.header.vi ?? EXTRA_HEADERS[f] ?? f,
  );
  const rows = table.rows.map((row) =>
    table.fields.map((f) => {
      const value = row[f] ?? null;
      if (value === null || typeof value === 'number' || DATE_FIELDS.has(f)) return value;
      return exportValue(f, value);
    }),
  );
  const dateColumns = new Set(table.fields.flatMap((f, i) => (DATE_FIELDS.has(f) ? [i] : [])));
  return { headers, rows, dateColumns };
}
