import {
  DomainError,
  formatDate,
  fromSpreadsheetText,
  IMPORT_COLUMNS,
  type ImportRow,
  importFieldOf,
  type LocalizedText,
} from '@polcenter/domain';
import { parse } from 'csv-parse/sync';

/**
 * Reading the tables staff keep — CSV saved by any spreadsheet (UTF-8, UTF-16, or Excel's
 * Vietnamese Windows code page 1258), XLSX from Excel — into rows keyed by the import's fields,
 * for the CLI and the console's upload alike. Row numbers are the spreadsheet's own (1 = its first
 * row, a title above the headers included), so a report's "dòng 12" is the row staff see as 12.
 */

export type Cell = string | number | Date | null;

export interface SheetRow {
  /** The spreadsheet's row number (1 = the first row of the file). */
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** A file's table: its header row as written, and the rows below it. */
export interface RawTable {
  readonly headers: readonly string[];
  /** The row the headers were found on (below any title rows). */
  readonly headerLine: number;
  readonly rows: readonly SheetRow[];
  /** How the file was read: `utf-8`, `utf-16le`, `windows-1258` or `xlsx`. */
  readonly encoding: string;
}

/** Files larger than this are refused before they are read (a district's roster is far smaller). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** How many rows from the top the header row is looked for in (title rows, a blank row, a note). */
const HEADER_SEARCH_ROWS = 20;

const fileError = (code: string, text: LocalizedText, cause?: unknown) =>
  new DomainError('INPUT.INVALID', text, {
    fields: [{ field: 'file', message: text }],
    details: { reason: code },
    cause,
  });

/**
 * Text of a CSV file in the encoding it was saved in. A byte-order mark decides (UTF-8, UTF-16);
 * else bytes that are valid UTF-8 are UTF-8 (legacy Vietnamese text almost never is); else it is
 * Windows-1258, what Excel writes for "CSV" on a Vietnamese Windows — its tone marks come as
 * combining characters, so the text is put in NFC like everything else the product stores.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const decode = (encoding: string, fatal = false, skip = 0) =>
    new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes.subarray(skip)).normalize('NFC');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode('utf-8', false, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', false, 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', false, 2), encoding: 'utf-16be' };
  try {
    return { text: decode('utf-8', true), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1258'), encoding: 'windows-1258' };
  }
}

/**
 * The separator a spreadsheet used: the one of `,`, `;` and tab found most often in the first
 * rows (a title row above the headers has none, so a count per file, not per first line).
 */
function guessSeparator(text: string): string {
  const sample = text
    .split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = sample.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

/** The rows of a CSV text, numbered as a spreadsheet numbers them (a quoted line break stays in its row). */
export function csvRows(text: string): SheetRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessSeparator(text),
      // A file edited in two programs may mix line ends.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileError(
      'CSV_MALFORMED',
      {
        vi: `Tệp CSV bị lỗi định dạng${line ? ` gần dòng ${line}` : ''} (thường là dấu ngoặc kép mở mà không đóng).`,
        en: `The CSV file is malformed${line ? ` near line ${line}` : ''} (usually a quote opened and never closed).`,
      },
      error,
    );
  }
  return records.map((cells, i) => ({ line: i + 1, cells }));
}

/** The first worksheet of an Excel workbook, row by row (its own row numbers). */
export async function xlsxRows(data: Uint8Array): Promise<SheetRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError(
      'XLSX_UNREADABLE',
      { vi: 'Không đọc được tệp Excel (.xlsx).', en: 'The Excel (.xlsx) file cannot be read.' },
      error,
    );
  }
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value, cell.text);
    });
    rows.push({ line: row.number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

function cellValue(value: unknown, text: string): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string };
    if (v.result !== undefined) return cellValue(v.result, text);
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC');
    if (typeof v.text === 'string') return v.text.normalize('NFC');
  }
  return text;
}

const headerText = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/**
 * The header row: of the first rows, the one naming the most columns the import reads (the
 * earliest on a tie), so a title, a date line or a blank row above the headers is stepped over.
 */
export function findHeaderRow<F extends string>(rows: readonly SheetRow[], fields: readonly F[]): number {
  let index = -1;
  let most = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const known = new Set(row.cells.map((c) => importFieldOf(headerText(c), fields)).filter((f) => f !== null)).size;
    if (known > most) {
      most = known;
      index = i;
    }
  });
  if (index < 0) {
    const expected = fields.map((f) => IMPORT_COLUMNS[f as keyof typeof IMPORT_COLUMNS]?.header ?? { vi: f, en: f });
    throw fileError('NO_KNOWN_COLUMN', {
      vi: `Không tìm thấy dòng tiêu đề cột trong ${HEADER_SEARCH_ROWS} dòng đầu; cần các cột như: ${expected.map((h) => h.vi).join(', ')}.`,
      en: `No header row in the first ${HEADER_SEARCH_ROWS} rows; expected columns such as: ${expected.map((h) => h.en).join(', ')}.`,
    });
  }
  return index;
}

function tableOf<F extends string>(rows: readonly SheetRow[], fields: readonly F[], encoding: string): RawTable {
  const index = findHeaderRow(rows, fields);
  const header = rows[index] as SheetRow;
  return {
    headers: header.cells.map(headerText),
    headerLine: header.line,
    rows: rows.slice(index + 1),
    encoding,
  };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOleCompound = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * A file staff chose, by its content more than its name: an Excel workbook (`.xlsx`, a zip), or
 * a CSV text. Old binary Excel (`.xls`), other zips and binary files are refused with a sentence
 * saying what to do.
 */
export async function readImportTable<F extends string>(
  data: Uint8Array,
  fileName: string,
  fields: readonly F[],
): Promise<RawTable> {
  const name = fileName.toLowerCase();
  if (data.byteLength === 0) {
    throw fileError('EMPTY', { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  }
  if (data.byteLength > MAX_IMPORT_BYTES) {
    throw fileError('TOO_LARGE', {
      vi: `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia theo đơn vị.`,
      en: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it by unit.`,
    });
  }
  if (isOleCompound(data) || name.endsWith('.xls')) {
    throw fileError('XLS', {
      vi: 'Tệp Excel 97–2003 (.xls) không đọc được; trong Excel chọn Lưu thành → Sổ làm việc Excel (.xlsx) hoặc CSV.',
      en: 'Excel 97–2003 files (.xls) cannot be read; in Excel use Save As → Excel Workbook (.xlsx) or CSV.',
    });
  }
  if (isZip(data)) {
    if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) throw wrongKind(fileName);
    return tableOf(await xlsxRows(data), fields, 'xlsx');
  }
  if (name.endsWith('.xlsx')) {
    throw fileError('XLSX_UNREADABLE', {
      vi: 'Tệp có đuôi .xlsx nhưng không phải sổ làm việc Excel.',
      en: 'The file is named .xlsx but is not an Excel workbook.',
    });
  }
  if (!name.endsWith('.csv') && !name.endsWith('.txt')) throw wrongKind(fileName);
  const { text, encoding } = decodeText(data);
  // A NUL in text that is not UTF-16 means a binary file (a picture, a PDF) named .csv.
  if (text.includes('\u0000')) throw wrongKind(fileName);
  return tableOf(csvRows(text), fields, encoding);
}

function wrongKind(fileName: string): DomainError {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return fileError('KIND', {
    vi: `Chỉ nhập được tệp .csv hoặc .xlsx, không phải "${base}".`,
    en: `Only .csv and .xlsx files can be imported, not "${base}".`,
  });
}

/** Excel turns "006190000001" into the number 6190000001 and "0912345678" into 912345678. */
function cellText(field: string, cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    // Excel dates are calendar days; exceljs gives them as UTC midnight.
    return formatDate(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const digits = String(cell);
    if (field === 'nationalId' && /^\d{9,11}$/.test(digits)) return digits.padStart(12, '0');
    if (field === 'phone' && /^\d{9}$/.test(digits)) return `0${digits}`;
    return digits;
  }
  // Our own exports put an apostrophe before text a spreadsheet would run as a formula.
  return fromSpreadsheetText(cell);
}

/** A column of the file: its header as the person wrote it, and the field it was read as. */
export interface FileColumn<F extends string = string> {
  readonly header: string;
  readonly field: F | null;
}

export interface MappedRows<F extends string> {
  readonly rows: ImportRow<F>[];
  /** Every column of the header row, in order. */
  readonly columns: readonly FileColumn<F>[];
  /** Headers that name no field the import reads. */
  readonly ignored: readonly string[];
}

/** Rows keyed by the fields their headers name; blank rows are left out. */
export function mapRows<F extends string>(table: RawTable, fields: readonly F[]): MappedRows<F> {
  const taken = new Set<F>();
  // A second column naming a field already read is ignored (and named), not merged.
  const columns: FileColumn<F>[] = table.headers.map((header) => {
    const field = importFieldOf(header, fields);
    if (!field || taken.has(field)) return { header, field: null };
    taken.add(field);
    return { header, field };
  });
  const ignored = columns.filter((c) => c.header !== '' && c.field === null).map((c) => c.header);
  const rows: ImportRow<F>[] = [];
  for (const row of table.rows) {
    const values: Partial<Record<F, string>> = {};
    let any = false;
    columns.forEach(({ field }, i) => {
      if (!field) return;
      const text = cellText(field, row.cells[i] ?? null);
      if (text !== undefined && text.trim() !== '') {
        values[field] = text;
        any = true;
      }
    });
    if (any) rows.push({ line: row.line, values });
  }
  return { rows, columns, ignored };
}

/**
 * The header a report names a field by: the file's own text for a column it has, else the
 * column's Vietnamese (or English) header, which is what the person would add.
 */
export function columnHeaderOf(field: string, columns: readonly FileColumn[], lang: 'vi' | 'en' = 'vi'): string {
  const own = columns.find((c) => c.field === field);
  if (own) return own.header;
  const known = IMPORT_COLUMNS[field as keyof typeof IMPORT_COLUMNS];
  if (known) return known.header[lang];
  return field === '(row)' ? (lang === 'vi' ? '(cả dòng)' : '(whole row)') : field;
}
