import { checkDate, type FieldCheck, type IsoDate } from './calendar.js';
import type { LocalizedText } from './i18n.js';

/**
 * A person's fields and the rules for each, as plain functions: the zod schemas (`personInput`,
 * `selfRegistrationInput`) are built on them, and a widget checks a form as it is typed with the
 * very same rules without loading zod (which would triple the embed's size). No zod here.
 */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_NAMES: Record<Gender, LocalizedText> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

/**
 * The peoples met in Chợ Đồn and around it; reports break trainees down by these. `other`
 * keeps the list short without refusing anyone (Vietnam recognises 54 peoples).
 */
export const ETHNICITIES = ['kinh', 'tay', 'dao', 'nung', 'hmong', 'san_chay', 'hoa', 'other'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

export const ETHNICITY_NAMES: Record<Ethnicity, LocalizedText> = {
  kinh: { vi: 'Kinh', en: 'Kinh' },
  tay: { vi: 'Tày', en: 'Tày' },
  dao: { vi: 'Dao', en: 'Dao' },
  nung: { vi: 'Nùng', en: 'Nùng' },
  hmong: { vi: "H'Mông (Mông)", en: 'Hmong' },
  san_chay: { vi: 'Sán Chay', en: 'San Chay' },
  hoa: { vi: 'Hoa', en: 'Hoa (Chinese)' },
  other: { vi: 'Dân tộc khác', en: 'Other' },
};

/** Quần chúng, đảng viên dự bị, đảng viên chính thức: eligibility for most programs turns on it. */
export const PARTY_STATUSES = ['non_member', 'probationary', 'full_member'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const PARTY_STATUS_NAMES: Record<PartyStatus, LocalizedText> = {
  non_member: { vi: 'Quần chúng', en: 'Non-member' },
  probationary: { vi: 'Đảng viên dự bị', en: 'Probationary party member' },
  full_member: { vi: 'Đảng viên chính thức', en: 'Full party member' },
};

/**
 * Highest education finished, in increasing order: eligibility compares positions in this
 * list (Regulation 57-QĐ/TW: *sơ cấp* needs lower-secondary school finished).
 */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'college',
  'university',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LEVEL_NAMES: Record<EducationLevel, LocalizedText> = {
  none: { vi: 'Chưa qua đào tạo', en: 'No formal schooling' },
  primary: { vi: 'Tiểu học', en: 'Primary school' },
  lower_secondary: { vi: 'Trung học cơ sở', en: 'Lower-secondary school' },
  upper_secondary: { vi: 'Trung học phổ thông', en: 'Upper-secondary school' },
  vocational: { vi: 'Trung cấp', en: 'Vocational diploma' },
  college: { vi: 'Cao đẳng', en: 'College' },
  university: { vi: 'Đại học', en: 'University' },
  master: { vi: 'Thạc sĩ', en: "Master's degree" },
  doctorate: { vi: 'Tiến sĩ', en: 'Doctorate' },
};

/** True when `level` is at least `minimum` in EDUCATION_LEVELS order. */
export function educationAtLeast(level: EducationLevel, minimum: EducationLevel): boolean {
  return EDUCATION_LEVELS.indexOf(level) >= EDUCATION_LEVELS.indexOf(minimum);
}

/** The fields that are personal data (Decree 13/2023): masked in lists, never public. */
export const PERSONAL_FIELDS = ['nationalId', 'phone', 'birthDate'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

const MOBILE = /^0[35789]\d{8}$/;

/**
 * "+84 912 345 678", "84912345678", "0912.345.678" → "0912345678"; null when it is not a
 * Vietnamese mobile number (10 digits since the 2018 renumbering).
 */
export function normalisePhone(typed: string): string | null {
  let digits = typed.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return MOBILE.test(digits) ? digits : null;
}

const pass = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
const fail = (message: LocalizedText): FieldCheck<never> => ({ ok: false, message });

/** What a required field says when left empty (as the schemas' generic message does). */
export const REQUIRED_FIELD: LocalizedText = { vi: 'Bắt buộc phải có.', en: 'Required.' };

export const FULL_NAME_MAX = 120;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

/** Letters with diacritics, spaces, apostrophes (H'Mai) and hyphens; pasted NFD text is composed. */
export function checkFullName(typed: string): FieldCheck {
  // Pasted names may come decomposed (NFD); stored names must compare equal to typed ones.
  const value = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!value) return fail({ vi: 'Không được để trống.', en: 'Must not be empty.' });
  if (value.length > FULL_NAME_MAX) {
    return fail({ vi: `Dài quá ${FULL_NAME_MAX} ký tự.`, en: `Longer than ${FULL_NAME_MAX} characters.` });
  }
  if (!NAME.test(value)) {
    return fail({
      vi: 'Họ tên chỉ gồm chữ cái (có dấu), dấu cách, dấu nháy và gạch nối.',
      en: 'A full name holds only letters (with diacritics), spaces, apostrophes and hyphens.',
    });
  }
  return pass(value);
}

/** A CCCD is 12 digits; spaces typed between groups are dropped. */
export function checkNationalId(typed: string): FieldCheck {
  const value = typed.replace(/\s/g, '');
  if (/^\d{12}$/.test(value)) return pass(value);
  return fail({ vi: 'Số CCCD phải gồm đúng 12 chữ số.', en: 'A national ID (CCCD) is exactly 12 digits.' });
}

/** A Vietnamese mobile number however it is written, stored as its 10 digits. */
export function checkPhone(typed: string): FieldCheck {
  const value = normalisePhone(typed);
  if (value) return pass(value);
  return fail({
    vi: 'Số điện thoại di động không hợp lệ (10 chữ số, ví dụ 0912 345 678).',
    en: 'Not a valid Vietnamese mobile number (10 digits, e.g. 0912 345 678).',
  });
}

// Nobody now alive and enrolling was born before this; it catches 1/1/0001 from bad imports.
const EARLIEST_BIRTH = '1900-01-01';

export function checkBirthDate(typed: string): FieldCheck<IsoDate> {
  const date = checkDate(typed);
  if (!date.ok || date.value >= EARLIEST_BIRTH) return date;
  return fail({ vi: 'Năm sinh không hợp lý.', en: 'Implausible year of birth.' });
}

export interface PartyFields {
  readonly partyStatus?: PartyStatus | undefined;
  readonly partyAdmittedOn?: IsoDate | null | undefined;
  readonly birthDate?: IsoDate | null | undefined;
}

/**
 * What is wrong with the date admitted to the Party, or null: a probationary member needs it, a
 * non-member has none, and it comes after the birth date.
 */
export function checkPartyAdmission(person: PartyFields): LocalizedText | null {
  if (person.partyStatus === 'probationary' && !person.partyAdmittedOn) {
    return { vi: 'Đảng viên dự bị cần có ngày kết nạp.', en: 'A probationary member needs the date admitted.' };
  }
  if (person.partyStatus === 'non_member' && person.partyAdmittedOn) {
    return { vi: 'Quần chúng không có ngày kết nạp Đảng.', en: 'A non-member has no date of admission to the Party.' };
  }
  if (person.partyAdmittedOn && person.birthDate && person.partyAdmittedOn <= person.birthDate) {
    return { vi: 'Ngày kết nạp phải sau ngày sinh.', en: 'The date admitted must come after the date of birth.' };
  }
  return null;
}
