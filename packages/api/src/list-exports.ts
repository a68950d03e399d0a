import { type SheetTable, toCsv, toXlsx } from '@polcenter/core';
import { CLASS_MODE_NAMES, DomainError, type Lang, type LocalizedText } from '@polcenter/domain';
import type { Context } from './context.js';
import { listClasses } from './routers/classes.js';
import { enrolmentsOfClass } from './routers/enrolment.js';

type Staff = Context & { principal: NonNullable<Context['principal']> };

/** One column of an exported list: its header in both languages and its cell. */
export interface ExportColumn<T> {
  readonly header: LocalizedText;
  readonly cell: (item: T, lang: Lang) => string | number | null;
  /** ISO dates in the items: dd/mm/yyyy in CSV, real dates in Excel. */
  readonly date?: boolean;
}

/**
 * A list the console can export: the file's name, its columns, and how to read a page of it — the
 * very function the list's own procedure runs, so an export holds exactly what the person may see.
 * A list adopts exports by adding its entry to `LIST_EXPORTS` (and one element in its page).
 */
export interface ListExport<T, F> {
  readonly fileName: LocalizedText;
  readonly columns: readonly ExportColumn<T>[];
  readonly page: (
    ctx: Staff,
    filter: F,
    cursor: string | undefined,
  ) => Promise<{ readonly items: readonly T[]; readonly nextCursor: string | null }>;
}

const define = <T, F>(spec: ListExport<T, F>) => spec;

/** Rows beyond this are refused rather than sent half: a filter narrows the list. */
export const MAX_EXPORT_ROWS = 20_000;
const PAGE = 100;

export const LIST_EXPORTS = {
  classes: define({
    fileName: { vi: 'danh-sach-lop', en: 'classes' },
    page: (ctx, filter: Omit<Parameters<typeof listClasses>[1] & object, 'cursor' | 'limit'>, cursor) =>
      listClasses(ctx, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Mã lớp', en: 'Code' }, cell: (c) => c.code },
      { header: { vi: 'Tên lớp', en: 'Title' }, cell: (c) => c.title },
      { header: { vi: 'Chương trình', en: 'Program' }, cell: (c, lang) => c.program.name[lang] },
      { header: { vi: 'Đơn vị tổ chức', en: 'Organiser' }, cell: (c) => c.organiser.name },
      { header: { vi: 'Hình thức', en: 'Mode' }, cell: (c, lang) => CLASS_MODE_NAMES[c.mode][lang] },
      { header: { vi: 'Ngày bắt đầu', en: 'Start date' }, cell: (c) => c.startDate, date: true },
      { header: { vi: 'Ngày kết thúc', en: 'End date' }, cell: (c) => c.endDate, date: true },
      { header: { vi: 'Sĩ số tối đa', en: 'Capacity' }, cell: (c) => c.capacity },
      { header: { vi: 'Đã duyệt', en: 'Approved' }, cell: (c) => c.seatsTaken },
      { header: { vi: 'Số buổi', en: 'Sessions' }, cell: (c) => c.sessionCount },
      { header: { vi: 'Tình trạng', en: 'Status' }, cell: (c, lang) => c.statusName[lang] },
    ],
  }),
  enrolments: define({
    fileName: { vi: 'ghi-danh', en: 'enrolments' },
    page: (ctx, filter: Omit<Parameters<typeof enrolmentsOfClass>[1], 'cursor' | 'limit'>, cursor) =>
      enrolmentsOfClass(ctx, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Mã lớp', en: 'Class code' }, cell: (e) => e.classCode },
      { header: { vi: 'Họ và tên', en: 'Full name' }, cell: (e) => e.personName },
      { header: { vi: 'Trạng thái', en: 'State' }, cell: (e, lang) => e.stateName[lang] },
      { header: { vi: 'Ngày đăng ký', en: 'Requested on' }, cell: (e) => e.requestedAt.slice(0, 10), date: true },
      { header: { vi: 'Điểm', en: 'Score' }, cell: (e) => e.finalScore },
      { header: { vi: 'Ghi chú', en: 'Note' }, cell: (e) => e.note },
      { header: { vi: 'Lý do', en: 'Reason' }, cell: (e) => e.decisionReason },
    ],
  }),
} as const;

export type ExportableList = keyof typeof LIST_EXPORTS;

/** A whole list as a file for the person asking: every page read, then CSV (with its BOM) or XLSX. */
export async function exportList<T, F>(
  ctx: Staff,
  spec: ListExport<T, F>,
  filter: F,
  format: 'csv' | 'xlsx',
): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const lang = ctx.lang;
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await spec.page(ctx, filter, cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (items.length > MAX_EXPORT_ROWS) {
      throw new DomainError('INPUT.INVALID', {
        vi: `Danh sách có hơn ${MAX_EXPORT_ROWS} dòng; hãy lọc bớt rồi xuất.`,
        en: `The list has more than ${MAX_EXPORT_ROWS} rows; filter it, then export.`,
      });
    }
  } while (cursor);
  const table: SheetTable = {
    headers: spec.columns.map((c) => c.header[lang]),
    rows: items.map((item) => spec.columns.map((c) => c.cell(item, lang))),
    dateColumns: new Set(spec.columns.flatMap((c, i) => (c.date ? [i] : []))),
  };
  const name = spec.fileName[lang];
  if (format === 'csv') {
    return {
      fileName: `${name}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(toCsv(table), 'utf8').toString('base64'),
      rows: items.length,
    };
  }
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await toXlsx(table, name)).toString('base64'),
    rows: items.length,
  };
}
