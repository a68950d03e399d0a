import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDate, fromSpreadsheetText, type ImportRow, importFieldOf, spreadsheetText } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';

/**
 * Reading the tables staff keep (CSV from any spreadsheet, XLSX from Excel) and writing CSV that
 * Excel opens with the Vietnamese intact. Line numbers are the file's own (1 = the header line),
 * so a report's "dòng 12" is the row staff see as 12 in their spreadsheet.
 */

type Cell = string | number | Date | null;

export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly Cell[] }[];
}

/** RFC 4180 CSV, UTF-8 with or without a BOM, `,` or `;` between fields (whichever the header uses). */
export function parseCsv(text: string): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = guessSeparator(body);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) {
    throw new SetupError('FILE.CSV_UNCLOSED_QUOTE', {
      vi: `Tệp CSV có dấu ngoặc kép mở từ dòng ${recordLine} mà không đóng.`,
      en: `The CSV file has a quote opened on line ${recordLine} that is never closed.`,
    });
  }
  if (fieldStarted || field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }
  const [header, ...rows] = records;
  return { headers: header?.cells ?? [], rows };
}

function guessSeparator(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (sep: string) => first.split(sep).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** The first worksheet of an Excel workbook. */
export async function parseXlsx(data: Buffer): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new SetupError(
      'FILE.XLSX_UNREADABLE',
      { vi: 'Không đọc được tệp Excel (.xlsx).', en: 'The Excel (.xlsx) file cannot be read.' },
      { cause: error },
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const rows: { line: number; cells: Cell[] }[] = [];
  let headers: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value, cell.text);
    });
    if (!headers) headers = cells.map((c) => (c === null ? '' : String(c)));
    else rows.push({ line: row.number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { headers: headers ?? [], rows };
}

function cellValue(value: unknown, text: string): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string };
    if (v.result !== undefined) return cellValue(v.result, text);
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return text;
}

/** A file by its extension: `.csv` or `.xlsx`. */
export async function readTable(file: string): Promise<RawTable> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    throw new SetupError('FILE.KIND', {
      vi: `Chỉ nhập được tệp .csv hoặc .xlsx, không phải "${path.basename(file)}".`,
      en: `Only .csv and .xlsx files can be imported, not "${path.basename(file)}".`,
    });
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    throw new SetupError(
      'FILE.UNREADABLE',
      { vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` },
      { cause: error },
    );
  }
  return ext === '.csv' ? parseCsv(data.toString('utf8')) : parseXlsx(data);
}

/** Excel turns "006190000001" into the number 6190000001 and "0912345678" into 912345678. */
function cellText(field: string, cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    // Excel dates are calendar days; exceljs gives them as UTC midnight.
    return formatDate(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const digits = Number.isInteger(cell) ? String(cell) : String(cell);
    if (field === 'nationalId' && /^\d{9,11}$/.test(digits)) return digits.padStart(12, '0');
    if (field === 'phone' && /^\d{9}$/.test(digits)) return `0${digits}`;
    return digits;
  }
  // Our own exports put an apostrophe before text a spreadsheet would run as a formula.
  return fromSpreadsheetText(cell);
}

export interface MappedRows<F extends string> {
  readonly rows: ImportRow<F>[];
  /** Headers that name no field the import reads. */
  readonly ignored: readonly string[];
}

/** Rows keyed by the fields their headers name; blank rows are left out. */
export function mapRows<F extends string>(table: RawTable, fields: readonly F[]): MappedRows<F> {
  const columns = table.headers.map((h) => importFieldOf(h, fields));
  const ignored = table.headers.filter((h, i) => h.trim() !== '' && columns[i] === null);
  if (!columns.some((c) => c !== null)) {
    throw new SetupError('FILE.NO_KNOWN_COLUMN', {
      vi: `Dòng đầu của tệp không có cột nào quen thuộc; cần các cột như: ${fields.join(', ')}.`,
      en: `The file's first line names no known column; expected columns such as: ${fields.join(', ')}.`,
    });
  }
  const rows: ImportRow<F>[] = [];
  for (const row of table.rows) {
    const values: Partial<Record<F, string>> = {};
    let any = false;
    columns.forEach((field, i) => {
      if (!field) return;
      const text = cellText(field, row.cells[i] ?? null);
      if (text !== undefined && text.trim() !== '') {
        values[field] = text;
        any = true;
      }
    });
    if (any) rows.push({ line: row.line, values });
  }
  return { rows, ignored };
}

const needsQuotes = /[",;\r\n]|^\s|\s$/;

/** What an export holds: headers, rows of cells, and which columns are dates (ISO in the rows). */
export interface SheetTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly dateColumns: ReadonlySet<number>;
}

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
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
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
