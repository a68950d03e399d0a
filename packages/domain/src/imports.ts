import { CLASS_MODE_NAMES, CLASS_MODES, CLASS_STATUS_NAMES, CLASS_STATUSES } from './classes-terms.js';
import { ENROLMENT_STATE_NAMES, ENROLMENT_STATES } from './enrolment-terms.js';
import { DEFAULT_GRADING_SCALE } from './grading-terms.js';
import type { LocalizedText } from './i18n.js';
import {
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  ETHNICITY_NAMES,
  GENDER_NAMES,
  GENDERS,
  PARTY_STATUS_NAMES,
  PARTY_STATUSES,
} from './person-fields.js';
import { foldDiacritics } from './vietnamese.js';

/**
 * Columns of the files staff import (people, enrolments) and export: each has a field name, the
 * Vietnamese header an export writes, and the other headers an import accepts (compared with
 * diacritics, case and spacing ignored, so "HỌ VÀ TÊN", "Họ và tên" and "ho va ten" are one).
 */
export interface ImportColumn<F extends string = string> {
  readonly field: F;
  readonly header: LocalizedText;
  readonly aliases: readonly string[];
}

export const PERSON_IMPORT_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'unitCode',
  'position',
  'partyStatus',
  'partyAdmittedOn',
  'educationLevel',
  'phone',
  'nationalId',
] as const;
export type PersonImportField = (typeof PERSON_IMPORT_FIELDS)[number];

export const ENROLMENT_IMPORT_FIELDS = [
  'classCode',
  'nationalId',
  'fullName',
  'birthDate',
  'unitCode',
  'note',
  // A past class's results (a class of 2022 and how each trainee ended): rows into a finished class.
  'state',
  'classification',
  'finalScore',
] as const;
export type EnrolmentImportField = (typeof ENROLMENT_IMPORT_FIELDS)[number];

/** One row of an imported file: the line it came from (1 = the header) and its cells by field. */
export interface ImportRow<F extends string = string> {
  readonly line: number;
  readonly values: Partial<Record<F, string>>;
}

export const IMPORT_COLUMNS: Readonly<Record<PersonImportField | EnrolmentImportField, ImportColumn>> = {
  fullName: { field: 'fullName', header: { vi: 'Họ và tên', en: 'Full name' }, aliases: ['họ tên', 'tên', 'name'] },
  birthDate: {
    field: 'birthDate',
    header: { vi: 'Ngày sinh', en: 'Date of birth' },
    aliases: ['ngày tháng năm sinh', 'sinh ngày', 'birth date', 'dob'],
  },
  gender: { field: 'gender', header: { vi: 'Giới tính', en: 'Gender' }, aliases: ['phái', 'sex'] },
  ethnicity: { field: 'ethnicity', header: { vi: 'Dân tộc', en: 'Ethnicity' }, aliases: [] },
  unitCode: {
    field: 'unitCode',
    header: { vi: 'Mã đơn vị', en: 'Unit code' },
    aliases: ['đơn vị', 'unit', 'đơn vị cử', 'mã đơn vị cử'],
  },
  position: { field: 'position', header: { vi: 'Chức vụ', en: 'Position' }, aliases: ['chức danh'] },
  partyStatus: {
    field: 'partyStatus',
    header: { vi: 'Đảng viên', en: 'Party status' },
    aliases: ['đảng tịch', 'tình trạng đảng viên'],
  },
  partyAdmittedOn: {
    field: 'partyAdmittedOn',
    header: { vi: 'Ngày vào Đảng', en: 'Date admitted to the Party' },
    aliases: ['ngày kết nạp', 'ngày kết nạp đảng', 'party admitted on'],
  },
  educationLevel: {
    field: 'educationLevel',
    header: { vi: 'Trình độ học vấn', en: 'Education' },
    aliases: ['trình độ', 'học vấn', 'education level'],
  },
  phone: { field: 'phone', header: { vi: 'Điện thoại', en: 'Phone' }, aliases: ['số điện thoại', 'sđt', 'sdt'] },
  nationalId: {
    field: 'nationalId',
    header: { vi: 'Số CCCD', en: 'National ID' },
    aliases: ['cccd', 'căn cước', 'số căn cước', 'căn cước công dân', 'cmnd', 'national id number'],
  },
  classCode: { field: 'classCode', header: { vi: 'Mã lớp', en: 'Class code' }, aliases: ['lớp', 'class'] },
  note: { field: 'note', header: { vi: 'Ghi chú', en: 'Note' }, aliases: [] },
  state: {
    field: 'state',
    header: { vi: 'Trạng thái', en: 'State' },
    aliases: ['kết quả', 'kết quả học tập', 'result'],
  },
  classification: {
    field: 'classification',
    header: { vi: 'Xếp loại', en: 'Classification' },
    aliases: ['loại', 'xếp loại học tập', 'grade'],
  },
  finalScore: {
    field: 'finalScore',
    header: { vi: 'Điểm', en: 'Score' },
    aliases: ['điểm tổng kết', 'điểm thu hoạch', 'điểm bài thu hoạch', 'final score'],
  },
};

const headerKey = (text: string) =>
  foldDiacritics(text)
    .replace(/\(.*\)/g, '')
    .replace(/[^a-z0-9 ]/g, '')
    .trim();

/**
 * The field a column header names among `fields` (the field name itself, its Vietnamese or English
 * header, or an alias), or null for a column the import does not know.
 */
export function importFieldOf<F extends string>(header: string, fields: readonly F[]): F | null {
  const key = headerKey(header);
  if (!key) return null;
  for (const field of fields) {
    const column = IMPORT_COLUMNS[field as PersonImportField];
    const names = column ? [field, column.header.vi, column.header.en, ...column.aliases] : [field];
    if (names.some((name) => headerKey(name) === key || name.toLowerCase() === header.trim().toLowerCase())) {
      return field;
    }
  }
  return null;
}

/** Fields whose values are codes: files carry their Vietnamese names, and imports read either. */
const CODED: Partial<Record<string, { codes: readonly string[]; names: Record<string, LocalizedText> }>> = {
  gender: { codes: GENDERS, names: GENDER_NAMES },
  ethnicity: { codes: ETHNICITIES, names: ETHNICITY_NAMES },
  partyStatus: { codes: PARTY_STATUSES, names: PARTY_STATUS_NAMES },
  educationLevel: { codes: EDUCATION_LEVELS, names: EDUCATION_LEVEL_NAMES },
  state: { codes: ENROLMENT_STATES, names: ENROLMENT_STATE_NAMES },
  status: { codes: CLASS_STATUSES, names: CLASS_STATUS_NAMES },
  mode: { codes: CLASS_MODES, names: CLASS_MODE_NAMES },
  classification: {
    codes: DEFAULT_GRADING_SCALE.map((band) => band.code),
    names: Object.fromEntries(DEFAULT_GRADING_SCALE.map((band) => [band.code, band.name])),
  },
};

// Spellings seen in real rosters beyond the names the product shows.
const EXTRA_NAMES: Record<string, Record<string, string>> = {
  gender: { nu: 'female', f: 'female', m: 'male' },
  ethnicity: { mong: 'hmong', hmong: 'hmong', "h'mong": 'hmong', 'san chay': 'san_chay', khac: 'other' },
  partyStatus: {
    'quan chung': 'non_member',
    'du bi': 'probationary',
    'chinh thuc': 'full_member',
    'dang vien': 'full_member',
    'dang vien du bi': 'probationary',
    'dang vien chinh thuc': 'full_member',
  },
  educationLevel: { thcs: 'lower_secondary', thpt: 'upper_secondary', 'trung hoc': 'upper_secondary' },
};

/**
 * A cell as the domain schemas read it: coded fields accept the Vietnamese or English name
 * ("Nữ", "Tày", "Đảng viên dự bị") as well as the code; an empty cell is absent. An unknown name
 * passes through unchanged, so the schema names what is allowed.
 */
export function importValue(field: string, raw: string | undefined): string | undefined {
  const value = raw?.normalize('NFC').trim();
  if (!value) return undefined;
  const coded = CODED[field];
  if (!coded) return value;
  if (coded.codes.includes(value)) return value;
  const folded = foldDiacritics(value);
  for (const code of coded.codes) {
    const name = coded.names[code];
    if (name && (foldDiacritics(name.vi) === folded || foldDiacritics(name.en) === folded)) return code;
    if (foldDiacritics(code.replace('_', ' ')) === folded) return code;
  }
  return EXTRA_NAMES[field]?.[folded] ?? value;
}

/** The name of a coded value (`gender`, `state`, `status`…) in both languages, or undefined for a field without codes. */
export function codeName(field: string, code: string): LocalizedText | undefined {
  return CODED[field]?.names[code];
}

/**
 * Why a cell of a coded field is refused, naming what is accepted by its names in each language
 * (`Nữ`, `Tày`…) rather than by its codes; null when the cell reads as a code, or the field has none.
 */
export function importValueProblem(field: string, raw: string | undefined): LocalizedText | null {
  const coded = CODED[field];
  const value = raw?.normalize('NFC').trim();
  if (!coded || !value) return null;
  const read = importValue(field, value);
  if (read !== undefined && coded.codes.includes(read)) return null;
  const names = (lang: 'vi' | 'en') => coded.codes.map((code) => coded.names[code]?.[lang] ?? code).join(', ');
  return {
    vi: `Không nhận ra "${value}"; dùng một trong: ${names('vi')}.`,
    en: `"${value}" is not recognised; use one of: ${names('en')}.`,
  };
}

/** A coded value as an export writes it: its Vietnamese name, which `importValue` reads back. */
export function exportValue(field: string, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  const name = CODED[field]?.names[code];
  return name ? name.vi : code;
}

/**
 * A text cell as a spreadsheet may safely open it (OWASP's CSV injection rule): text beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a formula, so it gets a leading
 * apostrophe, which spreadsheets show as "this is text". Text that already begins with apostrophes
 * before such a character gets one more, so `fromSpreadsheetText` undoes exactly this.
 */
export function spreadsheetText(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell of a file we may have written: the apostrophe `spreadsheetText` added is taken off. */
export function fromSpreadsheetText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
