import { z } from 'zod';
import type { IsoDate } from './calendar';
import { isoDate } from './dates';
import { bilingual, DomainError } from './errors';
import type { LocalizedText } from './i18n';
import { foldDiacritics } from './vietnamese';

/**
 * A person is one record however many classes they attend or rosters they sit on. Three of
 * their fields are personal data: never in public widgets, masked in lists, and a full read
 * by staff is audited.
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

const fullName = z
  .string()
  // Pasted names may come decomposed (NFD); stored names must compare equal to typed ones.
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      // One message is enough: an empty or overlong name need not also hear about letters.
      .min(1, { abort: true })
      .max(120, { abort: true })
      .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u, {
        message: bilingual({
          vi: 'Họ tên chỉ gồm chữ cái (có dấu), dấu cách, dấu nháy và gạch nối.',
          en: 'A full name holds only letters (with diacritics), spaces, apostrophes and hyphens.',
        }),
      }),
  );

const phone = z.string().transform((value, ctx) => {
  const normalised = normalisePhone(value);
  if (normalised) return normalised;
  ctx.addIssue({
    code: 'custom',
    message: bilingual({
      vi: 'Số điện thoại di động không hợp lệ (10 chữ số, ví dụ 0912 345 678).',
      en: 'Not a valid Vietnamese mobile number (10 digits, e.g. 0912 345 678).',
    }),
  });
  return z.NEVER;
});

const nationalId = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(
    z.string().regex(/^\d{12}$/, {
      message: bilingual({ vi: 'Số CCCD phải gồm đúng 12 chữ số.', en: 'A national ID (CCCD) is exactly 12 digits.' }),
    }),
  );

// Nobody now alive and enrolling was born before this; it catches 1/1/0001 from bad imports.
const birthDate = isoDate.refine((date) => date >= '1900-01-01', {
  message: bilingual({ vi: 'Năm sinh không hợp lý.', en: 'Implausible year of birth.' }),
});

const personFields = z
  .object({
    fullName,
    birthDate,
    gender: z.enum(GENDERS),
    ethnicity: z.enum(ETHNICITIES),
    unitId: z.uuid(),
    position: z.string().trim().max(200).nullish(),
    partyStatus: z.enum(PARTY_STATUSES).default('non_member'),
    /** Date admitted to the Party; required for a probationary member. */
    partyAdmittedOn: isoDate.nullish(),
    phone: phone.nullish(),
    nationalId: nationalId.nullish(),
    educationLevel: z.enum(EDUCATION_LEVELS).nullish(),
  })
  .strict();

type PartyFields = { partyStatus?: PartyStatus; partyAdmittedOn?: IsoDate | null; birthDate?: IsoDate };

function checkParty(person: PartyFields, ctx: z.RefinementCtx): void {
  if (person.partyStatus === 'probationary' && !person.partyAdmittedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['partyAdmittedOn'],
      message: bilingual({
        vi: 'Đảng viên dự bị cần có ngày kết nạp.',
        en: 'A probationary member needs the date admitted.',
      }),
    });
  }
  if (person.partyStatus === 'non_member' && person.partyAdmittedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['partyAdmittedOn'],
      message: bilingual({
        vi: 'Quần chúng không có ngày kết nạp Đảng.',
        en: 'A non-member has no date of admission to the Party.',
      }),
    });
  }
  if (person.partyAdmittedOn && person.birthDate && person.partyAdmittedOn <= person.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['partyAdmittedOn'],
      message: bilingual({
        vi: 'Ngày kết nạp phải sau ngày sinh.',
        en: 'The date admitted must come after the date of birth.',
      }),
    });
  }
}

/** A new person, as typed by staff or imported. */
export const personInput = personFields.superRefine(checkParty);
export type PersonInput = z.input<typeof personInput>;
export type ValidPersonInput = z.output<typeof personInput>;

/**
 * A change to a person: any subset of the fields. Party fields are checked together only
 * when both arrive; the service re-checks the merged record with `personInput`.
 */
export const personPatch = personFields
  .omit({ partyStatus: true })
  .extend({ partyStatus: z.enum(PARTY_STATUSES) })
  .partial()
  .strict()
  .superRefine(checkParty);
export type PersonPatch = z.input<typeof personPatch>;

/** "0912345678" → "0912***678": enough for staff to tell two people apart in a list. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '***';
  return `${phone.slice(0, 4)}***${phone.slice(-3)}`;
}

/**
 * "001088012345" → "********2345". Unlike a phone, the head of a CCCD is not harmless: its
 * first six digits encode province of birth, sex and year of birth.
 */
export function maskNationalId(id: string): string {
  if (id.length < 8) return '***';
  return `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

/** "1988-05-12" → "1988": lists show the year, which is what reports break down by. */
export function maskBirthDate(date: IsoDate): string {
  return date.slice(0, 4);
}

type Masked<T> = { [K in keyof T]: K extends PersonalField ? (T[K] extends null | undefined ? T[K] : string) : T[K] };

/** A copy of a person with every personal field masked; other fields pass through. */
export function maskPerson<T extends Partial<Record<PersonalField, string | null | undefined>>>(person: T): Masked<T> {
  const copy: Record<string, unknown> = { ...person };
  if (person.phone) copy.phone = maskPhone(person.phone);
  if (person.nationalId) copy.nationalId = maskNationalId(person.nationalId);
  if (person.birthDate) copy.birthDate = maskBirthDate(person.birthDate);
  return copy as Masked<T>;
}

/** Folded name + birth date, e.g. "nguyen van dat|1988-05-12": store it indexed to find duplicates. */
export function nameBirthKey(fullName: string, birthDate: IsoDate): string {
  return `${foldDiacritics(fullName.normalize('NFC'))}|${birthDate}`;
}

export interface DuplicateProbe {
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly nationalId?: string | null;
}

export type DuplicateReason = 'national_id' | 'name_birth';

/**
 * Why two records are probably one person, or null. The same ID is the same person; the same
 * name and birth date is very likely so, and staff confirm before merging.
 */
export function duplicateReason(a: DuplicateProbe, b: DuplicateProbe): DuplicateReason | null {
  if (a.nationalId && b.nationalId) {
    // Two different IDs are two people, whatever their names.
    return a.nationalId === b.nationalId ? 'national_id' : null;
  }
  return nameBirthKey(a.fullName, a.birthDate) === nameBirthKey(b.fullName, b.birthDate) ? 'name_birth' : null;
}

/** The existing records the candidate probably duplicates, strongest reason first. */
export function findDuplicates<T extends DuplicateProbe>(
  candidate: DuplicateProbe,
  existing: readonly T[],
): { record: T; reason: DuplicateReason }[] {
  return existing
    .map((record) => ({ record, reason: duplicateReason(candidate, record) }))
    .filter((hit): hit is { record: T; reason: DuplicateReason } => hit.reason !== null)
    .sort((x, y) => (x.reason === y.reason ? 0 : x.reason === 'national_id' ? -1 : 1));
}

/** PERSON.DUPLICATE: the service refuses a new record that matches an existing one. */
export function duplicatePersonError(existingId: string, reason: DuplicateReason): DomainError {
  const text: LocalizedText =
    reason === 'national_id'
      ? { vi: 'Đã có người mang số CCCD này.', en: 'A person with this national ID already exists.' }
      : {
          vi: 'Đã có người cùng họ tên và ngày sinh; hãy kiểm tra trước khi tạo mới.',
          en: 'A person with the same name and date of birth already exists; check before creating another.',
        };
  return new DomainError('PERSON.DUPLICATE', text, { details: { existingId, reason } });
}
