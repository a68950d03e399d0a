import { checkDate, type FieldCheck, type IsoDate } from './calendar.js';
import type { LocalizedText } from './i18n.js';
import {
  checkBirthDate,
  checkFullName,
  checkNationalId,
  checkPartyAdmission,
  checkPhone,
  EDUCATION_LEVELS,
  type EducationLevel,
  ETHNICITIES,
  type Ethnicity,
  GENDERS,
  type Gender,
  PARTY_STATUSES,
  type PartyStatus,
  REQUIRED_FIELD,
} from './person-fields.js';

/**
 * The portal's registration form, checked field by field with the rules `selfRegistrationInput`
 * is built on, without zod: a widget calls it as the visitor types. The server checks again with
 * the schema, so the two can only disagree if this file and the schema stop sharing their rules.
 */

export const NATIONAL_ID_FOR_PORTAL: LocalizedText = {
  vi: 'Cần số CCCD để đăng ký qua cổng thông tin.',
  en: 'A national ID is needed to register through the portal.',
};

/** The form's fields, as typed (every value a string; an empty one is "not given"). */
export const REGISTRATION_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'unitId',
  'nationalId',
  'phone',
  'partyStatus',
  'partyAdmittedOn',
  'educationLevel',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type RegistrationForm = Readonly<Record<RegistrationField, string>>;

/** The person part of a self-registration, ready to send. */
export interface RegistrationPerson {
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly gender: Gender;
  readonly ethnicity: Ethnicity;
  readonly unitId: string;
  readonly nationalId: string;
  readonly phone: string | null;
  readonly partyStatus: PartyStatus;
  readonly partyAdmittedOn: IsoDate | null;
  readonly educationLevel: EducationLevel | null;
}

export type RegistrationProblems = Partial<Record<RegistrationField, LocalizedText>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHOOSE: LocalizedText = { vi: 'Hãy chọn một mục trong danh sách.', en: 'Please choose one from the list.' };

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Checks a filled form: the person to send, or the problem with each field at fault (in both
 * languages). Optional fields left empty are null.
 */
export function checkRegistrationForm(
  form: RegistrationForm,
):
  | { readonly person: RegistrationPerson; readonly problems: null }
  | { readonly person: null; readonly problems: RegistrationProblems } {
  const problems: RegistrationProblems = {};
  const given = (field: RegistrationField) => form[field].trim() !== '';
  const required = <T>(
    field: RegistrationField,
    check: (typed: string) => FieldCheck<T>,
    missing = REQUIRED_FIELD,
  ): T | null => {
    if (!given(field)) {
      problems[field] = missing;
      return null;
    }
    const result = check(form[field]);
    if (result.ok) return result.value;
    problems[field] = result.message;
    return null;
  };
  const choice = <T extends string>(field: RegistrationField, list: readonly T[]): T | null =>
    required(field, (typed) => (oneOf(list, typed) ? { ok: true, value: typed } : { ok: false, message: CHOOSE }));

  const fullName = required('fullName', checkFullName);
  const birthDate = required('birthDate', checkBirthDate);
  const gender = choice('gender', GENDERS);
  const ethnicity = choice('ethnicity', ETHNICITIES);
  const unitId = required('unitId', (typed) =>
    UUID.test(typed) ? { ok: true, value: typed } : { ok: false, message: CHOOSE },
  );
  const nationalId = required('nationalId', checkNationalId, NATIONAL_ID_FOR_PORTAL);
  const phone = given('phone') ? required('phone', checkPhone) : null;
  const partyStatus = given('partyStatus') ? choice('partyStatus', PARTY_STATUSES) : 'non_member';
  const partyAdmittedOn = given('partyAdmittedOn') ? required<IsoDate>('partyAdmittedOn', checkDate) : null;
  const educationLevel = given('educationLevel') ? choice('educationLevel', EDUCATION_LEVELS) : null;
  if (!problems.partyAdmittedOn && partyStatus) {
    const party = checkPartyAdmission({ partyStatus, partyAdmittedOn, birthDate: birthDate ?? undefined });
    if (party) problems.partyAdmittedOn = party;
  }
  if (Object.keys(problems).length > 0) return { person: null, problems };
  return {
    person: {
      fullName: fullName as string,
      birthDate: birthDate as IsoDate,
      gender: gender as Gender,
      ethnicity: ethnicity as Ethnicity,
      unitId: unitId as string,
      nationalId: nationalId as string,
      phone,
      partyStatus: partyStatus as PartyStatus,
      partyAdmittedOn,
      educationLevel,
    },
    problems: null,
  };
}
