import { z } from 'zod';
import { DomainError, type ErrorCode } from './errors.js';
import type { LocalizedText } from './i18n.js';

/**
 * Refusals shared by every kind of record: an id that names nothing, and an edit made on a copy
 * someone else has changed since it was read. Each kind keeps its own stable code.
 */

/** A record named by its id; a malformed id is bad input, not a missing record. */
export const recordRef = z.object({ id: z.uuid() }).strict();

/** A record's version number, as its `integer` column holds it. */
export const versionNumber = z.number().int().min(1).max(2_147_483_647);

/** Which version of a record an edit was made on (optimistic locking). */
export const recordVersion = z
  .object({
    id: z.uuid(),
    version: versionNumber,
  })
  .strict();

/** `what` in both languages, lower case: `{ vi: 'chương trình', en: 'program' }`. */
export function recordNotFoundError(code: ErrorCode, what: LocalizedText, id: string, field = 'id'): DomainError {
  return new DomainError(
    code,
    { vi: `Không tìm thấy ${what.vi} ${id}.`, en: `No ${what.en} ${id}.` },
    {
      fields: [{ field, message: { vi: `Không tìm thấy ${what.vi}.`, en: `No such ${what.en}.` } }],
      details: { id },
    },
  );
}

/**
 * Two staff opened the same record; the second to save would silently undo the first's edit.
 * They reload and apply their change again.
 */
export function staleRecordError(code: ErrorCode, what: LocalizedText, expected: number, actual: number): DomainError {
  return new DomainError(
    code,
    {
      vi: `${capitalise(what.vi)} đã được người khác sửa sau khi bạn mở; hãy tải lại rồi sửa lại.`,
      en: `The ${what.en} was changed by someone else after you opened it; reload and edit again.`,
    },
    {
      fields: [{ field: 'version', message: { vi: 'Phiên bản đã cũ.', en: 'Stale version.' } }],
      details: { expected, actual },
    },
  );
}

/** The code is already used by another record of the kind. */
export function codeTakenError(code: ErrorCode, what: LocalizedText, value: string): DomainError {
  return new DomainError(
    code,
    {
      vi: `Mã ${what.vi} "${value}" đã được dùng.`,
      en: `The ${what.en} code "${value}" is already taken.`,
    },
    { fields: [{ field: 'code', message: { vi: 'Mã đã được dùng.', en: 'Code already taken.' } }] },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * INPUT.INVALID for one field, when only the database can tell (a topic the program lacks, a
 * site the class does not have): the same shape as a schema's refusal.
 */
export function invalidFieldError(field: string, message: LocalizedText): DomainError {
  return new DomainError(
    'INPUT.INVALID',
    { vi: `Dữ liệu không hợp lệ ở: ${field}.`, en: `Invalid input in: ${field}.` },
    { fields: [{ field, message }] },
  );
}

/**
 * A public code (a unit's `064`, a program's `NTĐ`) that names nothing: said with the code, in
 * the field that carried it, so an embedding page's author sees their typo.
 */
export function codeNotFoundError(code: ErrorCode, what: LocalizedText, value: string, field: string): DomainError {
  const text = { vi: `Không tìm thấy ${what.vi} mã "${value}".`, en: `No ${what.en} has the code "${value}".` };
  return new DomainError(code, text, { fields: [{ field, message: text }], details: { code: value } });
}

/** A value outside a list that lives in the database (unit levels…): the list is in the message. */
export function notOneOfError(
  field: string,
  what: LocalizedText,
  value: string,
  accepted: readonly string[],
): DomainError {
  const list = accepted.join(', ');
  return invalidFieldError(field, {
    vi: `Không có ${what.vi} "${value}"; chỉ có: ${list}.`,
    en: `There is no ${what.en} "${value}"; use one of: ${list}.`,
  });
}
