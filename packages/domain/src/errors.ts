import type { z } from 'zod';
import type { Lang, LocalizedText } from './i18n.js';

/** A problem with one input field, said in both languages. */
export interface FieldError {
  /** Dotted path of the field, e.g. `sessions.2.date`. */
  readonly field: string;
  readonly message: LocalizedText;
}

/**
 * The catalogue of domain error codes. Codes are a contract with other apps (stable, dotted
 * `AREA.REASON`); the API maps each kind to a transport status once, at the edge.
 */
export const ERROR_KINDS = {
  'INPUT.INVALID': 'invalid',
  'UNIT.NOT_FOUND': 'not_found',
  'UNIT.CODE_TAKEN': 'conflict',
  'UNIT.PARENT_INVALID': 'invalid',
  'SCHEMA.TOO_NEW': 'unavailable',
  'AUTH.REQUIRED': 'unauthorized',
  'AUTH.INVALID_CREDENTIALS': 'unauthorized',
  'AUTH.SESSION_ENDED': 'unauthorized',
  'AUTH.WRONG_PASSWORD': 'invalid',
  'AUTH.FORBIDDEN': 'forbidden',
  'AUTH.TOKEN_SCOPE': 'forbidden',
  'AUTH.TOKEN_NOT_FOUND': 'not_found',
  'USER.USERNAME_TAKEN': 'conflict',
  'RATE.LIMITED': 'rate_limited',
  'REQUEST.KEY_REUSED': 'invalid',
  'REQUEST.IN_PROGRESS': 'conflict',
  'PERSON.DUPLICATE': 'conflict',
  'CLASS.ILLEGAL_TRANSITION': 'conflict',
  'TIMETABLE.CLASH': 'conflict',
  'TIMETABLE.LECTURER_DOUBLE_BOOKED': 'conflict',
  'TIMETABLE.SESSION_NOT_FOUND': 'not_found',
  'TIMETABLE.SESSION_STALE': 'conflict',
  'TIMETABLE.SESSION_HAS_ATTENDANCE': 'conflict',
  'ENROLMENT.ILLEGAL_TRANSITION': 'conflict',
  'ENROLMENT.CLASS_NOT_OPEN': 'conflict',
  'ENROLMENT.WINDOW_CLOSED': 'conflict',
  'ENROLMENT.CLASS_FULL': 'conflict',
  'ENROLMENT.NOT_ELIGIBLE': 'forbidden',
  'ENROLMENT.ALREADY_PASSED': 'conflict',
  'ENROLMENT.SCHEDULE_CLASH': 'conflict',
  'ENROLMENT.BARRED_FROM_TEST': 'conflict',
  'CERTIFICATE.ALREADY_REVOKED': 'conflict',
  'ROSTER.NOT_FOUND': 'not_found',
  'ROSTER.TERM_TAKEN': 'conflict',
  'ROSTER.DECISION_NOT_FOUND': 'not_found',
  'ROSTER.DECISION_INVALID': 'conflict',
  'ROSTER.DECISION_NUMBER_TAKEN': 'conflict',
  'ROSTER.DECISION_ALREADY_ANNULLED': 'conflict',
  'ROSTER.STALE': 'conflict',
  'ACTIVITY.NOT_FOUND': 'not_found',
  'ACTIVITY.UNKNOWN_REFERENCE': 'invalid',
  'ACTIVITY.STALE': 'conflict',
  'CONFERENCE.SITE_IN_USE': 'conflict',
  'CONTEST.NOT_FOUND': 'not_found',
  'CONTEST.SCORE_OUT_OF_RANGE': 'invalid',
  'CONTEST.ALREADY_FINALISED': 'conflict',
  'CONTEST.LEVEL_ABOVE_OWNER': 'invalid',
  'CONTEST.NOT_A_JUDGE': 'invalid',
  'CONTEST.JUDGE_HAS_SCORES': 'conflict',
  'ASSIGNMENT.SESSION_NOT_FOUND': 'not_found',
  'ASSIGNMENT.DOUBLE_BOOKED': 'conflict',
  'OBLIGATION.CODE_TAKEN': 'conflict',
  'OBLIGATION.NOT_FOUND': 'not_found',
  'OBLIGATION.STALE': 'conflict',
  'PLAN.EXISTS': 'conflict',
  'PLAN.NOT_FOUND': 'not_found',
  'PLAN.STALE': 'conflict',
  'OUTPUT.NOT_FOUND': 'not_found',
  'OUTPUT.STALE': 'conflict',
  // People, programs, classes and unit links (issue 3: the directory and class services).
  'PERSON.NOT_FOUND': 'not_found',
  'PERSON.STALE': 'conflict',
  'PROGRAM.NOT_FOUND': 'not_found',
  'PROGRAM.CODE_TAKEN': 'conflict',
  'PROGRAM.STALE': 'conflict',
  'PROGRAM.CODE_IN_USE': 'conflict',
  'PROGRAM.TOPIC_IN_USE': 'conflict',
  'CLASS.NOT_FOUND': 'not_found',
  'CLASS.CODE_TAKEN': 'conflict',
  'CLASS.IDENTITY_FIXED': 'conflict',
  'CLASS.STALE': 'conflict',
  'CLASS.NOT_EDITABLE': 'conflict',
  'CLASS.CAPACITY_BELOW_TAKEN': 'conflict',
  'CLASS.FINISH_EMPTY': 'conflict',
  'UNIT.LINK_EXISTS': 'conflict',
  'UNIT.LINK_INVALID': 'invalid',
  // Changes of the unit tree and reference data (issue 13: units in the console).
  'UNIT.STALE': 'conflict',
  'UNIT.CHANGE_INVALID': 'invalid',
  'UNIT.IN_USE': 'conflict',
  'REFERENCE.NOT_FOUND': 'not_found',
  'REFERENCE.STALE': 'conflict',
  'REFERENCE.CODE_TAKEN': 'conflict',
  'REFERENCE.FIXED_LIST': 'conflict',
  // Enrolment lifecycle services (issue 3: enrolment, attendance, results, certificates).
  'ENROLMENT.NOT_FOUND': 'not_found',
  'ENROLMENT.NOT_SEATED': 'conflict',
  'ENROLMENT.CLASS_NOT_RUNNING': 'conflict',
  'ATTENDANCE.SESSION_NOT_FOUND': 'not_found',
  'CERTIFICATE.NOT_FOUND': 'not_found',
  'CERTIFICATE.NOT_PASSED': 'conflict',
  'CERTIFICATE.NOT_AWARDED': 'conflict',
  // People and accounts in the console (issue 13).
  'AUTH.PASSWORD_CHANGE_REQUIRED': 'forbidden',
  'USER.NOT_FOUND': 'not_found',
  'USER.LAST_ADMIN': 'conflict',
  'PERSON.MERGE_CONFLICT': 'conflict',
  'PERSON.MERGE_SAME': 'invalid',
  // Imports started from the console (import jobs).
  'IMPORT.NOT_FOUND': 'not_found',
  'IMPORT.NOT_READY': 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'unavailable'
  | 'rate_limited';
export type ErrorCode = keyof typeof ERROR_KINDS;

/**
 * Every rule the domain refuses is one of these: a stable code, a sentence in Vietnamese and
 * English, and, for bad input, the fields at fault.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly fields: readonly FieldError[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    text: LocalizedText,
    options: { fields?: readonly FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(`${code}: ${text.en}`, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.text = text;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }

  get kind(): ErrorKind {
    return ERROR_KINDS[this.code];
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * Turns zod's issues into one INPUT.INVALID error naming each field and why, in vi and en. `input`
 * is what was parsed: zod's issues do not carry the value they refused, and "required" is only
 * the right word where nothing was given.
 */
export function invalidInput(issues: readonly z.core.$ZodIssue[], input?: unknown): DomainError {
  return invalidFields(
    issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(input)',
      message: describeIssue(issue, input),
    })),
  );
}

/** The value at a zod issue's path in what was parsed (undefined where there is none). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod's type names as a person reads them. */
const TYPE_NAMES: Readonly<Record<string, LocalizedText>> = {
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'đúng/sai (true/false)', en: 'true or false' },
  object: { vi: 'một đối tượng JSON ({…})', en: 'a JSON object ({…})' },
  array: { vi: 'một danh sách ([…])', en: 'a list ([…])' },
  date: { vi: 'một ngày', en: 'a date' },
};

/** INPUT.INVALID naming each field at fault. */
export function invalidFields(fields: readonly FieldError[]): DomainError {
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return new DomainError(
    'INPUT.INVALID',
    { vi: `Dữ liệu không hợp lệ ở: ${names}.`, en: `Invalid input in: ${names}.` },
    { fields },
  );
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): LocalizedText {
  // Schemas give their own bilingual message as JSON where the generic one would be vague.
  if (issue.message.startsWith('{')) {
    try {
      const parsed = JSON.parse(issue.message) as LocalizedText;
      if (parsed.vi && parsed.en) return parsed;
    } catch {
      // fall through to the generic messages
    }
  }
  switch (issue.code) {
    case 'invalid_type': {
      const given = issue.input !== undefined ? issue.input : valueAt(input, issue.path);
      if (given === undefined || given === null) return { vi: 'Bắt buộc phải có.', en: 'Required.' };
      const name = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      return { vi: `Sai kiểu dữ liệu: cần ${name.vi}.`, en: `Wrong type: expected ${name.en}.` };
    }
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? { vi: 'Không được để trống.', en: 'Must not be empty.' }
          : { vi: `Cần ít nhất ${issue.minimum} ký tự.`, en: `Needs at least ${issue.minimum} characters.` }
        : issue.origin === 'array'
          ? { vi: `Cần ít nhất ${issue.minimum} mục.`, en: `Needs at least ${issue.minimum} items.` }
          : { vi: `Phải từ ${issue.minimum} trở lên.`, en: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      return issue.origin === 'string'
        ? { vi: `Dài quá ${issue.maximum} ký tự.`, en: `Longer than ${issue.maximum} characters.` }
        : issue.origin === 'array'
          ? { vi: `Nhiều hơn ${issue.maximum} mục.`, en: `More than ${issue.maximum} items.` }
          : { vi: `Không được lớn hơn ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
    case 'invalid_format':
      return { vi: `Sai định dạng (${issue.format}).`, en: `Wrong format (${issue.format}).` };
    case 'invalid_value':
      return {
        vi: `Giá trị không được chấp nhận; cho phép: ${issue.values.join(', ')}.`,
        en: `Value not allowed; expected one of: ${issue.values.join(', ')}.`,
      };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được biết: ${issue.keys.join(', ')}.`,
        en: `Unknown fields: ${issue.keys.join(', ')}.`,
      };
    default:
      return { vi: 'Giá trị không hợp lệ.', en: issue.message || 'Invalid value.' };
  }
}

/** A zod custom-issue message carrying both languages (see describeIssue). */
export function bilingual(text: LocalizedText): string {
  return JSON.stringify(text);
}

/** Parses input with a schema; on failure throws INPUT.INVALID naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error.issues, input);
  return result.data;
}
