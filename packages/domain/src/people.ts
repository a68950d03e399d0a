import { z } from 'zod';
import type { IsoDate } from './calendar.js';
import { checkedString, isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import {
  checkBirthDate,
  checkFullName,
  checkNationalId,
  checkPartyAdmission,
  checkPhone,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  PARTY_STATUSES,
  type PartyFields,
  type PersonalField,
} from './person-fields.js';
import { text } from './text.js';
import { foldDiacritics } from './vietnamese.js';

/**
 * A person is one record however many classes they attend or rosters they sit on. Three of
 * their fields are personal data: never in public widgets, masked in lists, and a full read
 * by staff is audited.
 */

const fullName = checkedString(checkFullName);
const phone = checkedString(checkPhone);
const nationalId = checkedString(checkNationalId);
const birthDate = checkedString(checkBirthDate);

const personFields = z
  .object({
    fullName,
    birthDate,
    gender: z.enum(GENDERS),
    ethnicity: z.enum(ETHNICITIES),
    unitId: z.uuid(),
    position: text(200, { min: 0 }).nullish(),
    partyStatus: z.enum(PARTY_STATUSES).default('non_member'),
    /** Date admitted to the Party; required for a probationary member. */
    partyAdmittedOn: isoDate.nullish(),
    phone: phone.nullish(),
    nationalId: nationalId.nullish(),
    educationLevel: z.enum(EDUCATION_LEVELS).nullish(),
  })
  .strict();

function checkParty(person: PartyFields, ctx: z.RefinementCtx): void {
  const problem = checkPartyAdmission(person);
  if (problem) ctx.addIssue({ code: 'custom', path: ['partyAdmittedOn'], message: bilingual(problem) });
}

/** A new person, as typed by staff or imported. */
export const personInput = personFields.superRefine(checkParty);
export type PersonInput = z.input<typeof personInput>;
export type ValidPersonInput = z.output<typeof personInput>;

/**
 * A stored person re-checked whole after a change. A record made before a field was required (an
 * import without a birth date) may keep it missing until someone fills it in, so the change that
 * corrects anything else is not refused for it; a field once given cannot be emptied (the patch
 * does not take null for it).
 */
export const personRecordInput = personFields
  .extend({
    birthDate: birthDate.nullish(),
    gender: z.enum(GENDERS).nullish(),
    ethnicity: z.enum(ETHNICITIES).nullish(),
    unitId: z.uuid().nullish(),
  })
  .superRefine(checkParty);
export type ValidPersonRecord = z.output<typeof personRecordInput>;

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

/**
 * Seeing a person's personal fields unmasked: staff say why (the reason is kept in the audit log
 * with the read), at least a few words.
 */
export const personRevealInput = z.object({ id: z.uuid(), reason: text(300, { min: 5 }) }).strict();
export type PersonRevealInput = z.input<typeof personRevealInput>;

/** A person's own audit trail, newest first, a page at a time (`before`: the last entry's id). */
export const personHistoryInput = z
  .object({
    id: z.uuid(),
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type PersonHistoryInput = z.input<typeof personHistoryInput>;
