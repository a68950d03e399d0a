import { z } from 'zod';
import { ATTENDANCE_MARKS } from './attendance-terms.js';
import { CLASS_STATUS_NAMES, type ClassStatus } from './classes-terms.js';
import { isoDate } from './dates.js';
import { ENROLMENT_STATE_NAMES, ENROLMENT_STATES, type EnrolmentState } from './enrolment-terms.js';
import { DomainError } from './errors.js';
import { recordNotFoundError } from './lookups.js';
import { pageFields } from './paging.js';
import { text } from './text.js';

/**
 * Inputs and refusals of the enrolment services beyond the ones of `enrolment.ts`: listing a
 * class's enrolments, one attendance mark, computing results, issuing certificates.
 */

/** A class's enrolments a page at a time, in order of request, optionally of some states only. */
export const enrolmentListInput = z
  .object({
    classId: z.uuid(),
    states: z.array(z.enum(ENROLMENT_STATES)).min(1).max(ENROLMENT_STATES.length).optional(),
    ...pageFields,
  })
  .strict();
export type EnrolmentListInput = z.input<typeof enrolmentListInput>;

/** One trainee's mark for one session (a whole sheet is `attendanceSheetInput`). */
export const attendanceMarkInput = z
  .object({
    sessionId: z.uuid(),
    enrolmentId: z.uuid(),
    mark: z.enum(ATTENDANCE_MARKS),
    note: text(500, { min: 0, multiline: true }).nullish(),
  })
  .strict();
export type AttendanceMarkInput = z.input<typeof attendanceMarkInput>;

/** A whole class, for computing results or issuing its certificates. */
export const classWorkInput = z.object({ classId: z.uuid(), issuedOn: isoDate.optional() }).strict();
export type ClassWorkInput = z.input<typeof classWorkInput>;

/** One trainee's certificate; the issue date defaults to today and fixes the numbering year. */
export const certificateIssueInput = z.object({ enrolmentId: z.uuid(), issuedOn: isoDate.optional() }).strict();
export type CertificateIssueInput = z.input<typeof certificateIssueInput>;

export function enrolmentNotFoundError(id: string, field = 'enrolmentId'): DomainError {
  return recordNotFoundError('ENROLMENT.NOT_FOUND', { vi: 'ghi danh', en: 'enrolment' }, id, field);
}

export function certificateNotFoundError(id: string, field = 'certificateId'): DomainError {
  return recordNotFoundError('CERTIFICATE.NOT_FOUND', { vi: 'giấy chứng nhận', en: 'certificate' }, id, field);
}

export function attendanceSessionNotFoundError(id: string, field = 'sessionId'): DomainError {
  return recordNotFoundError('ATTENDANCE.SESSION_NOT_FOUND', { vi: 'buổi học', en: 'session' }, id, field);
}

/** ENROLMENT.NOT_SEATED: attendance and scores are kept only for trainees holding a seat. */
export function notSeatedError(state: EnrolmentState, field = 'enrolmentId'): DomainError {
  const name = ENROLMENT_STATE_NAMES[state];
  return new DomainError(
    'ENROLMENT.NOT_SEATED',
    {
      vi: `Học viên không có chỗ trong lớp (trạng thái: ${name.vi.toLowerCase()}).`,
      en: `The trainee holds no seat in the class (state: ${name.en.toLowerCase()}).`,
    },
    {
      fields: [{ field, message: { vi: 'Không phải học viên của lớp.', en: 'Not a trainee of the class.' } }],
      details: { state },
    },
  );
}

/** ENROLMENT.CLASS_NOT_RUNNING: attendance, scores and results belong to a running or finished class. */
export function classNotRunningError(status: ClassStatus): DomainError {
  const name = CLASS_STATUS_NAMES[status];
  return new DomainError(
    'ENROLMENT.CLASS_NOT_RUNNING',
    {
      vi: `Lớp chưa học hoặc đã đóng hồ sơ (trạng thái: ${name.vi.toLowerCase()}).`,
      en: `The class is not running or finished (status: ${name.en.toLowerCase()}).`,
    },
    { details: { status } },
  );
}

/** CERTIFICATE.NOT_PASSED: only a passed trainee gets a certificate. */
export function certificateNotPassedError(state: EnrolmentState): DomainError {
  const name = ENROLMENT_STATE_NAMES[state];
  return new DomainError(
    'CERTIFICATE.NOT_PASSED',
    {
      vi: `Chỉ cấp giấy chứng nhận cho học viên hoàn thành khóa học (trạng thái: ${name.vi.toLowerCase()}).`,
      en: `Certificates go only to trainees who passed (state: ${name.en.toLowerCase()}).`,
    },
    { details: { state } },
  );
}

/** CERTIFICATE.NOT_AWARDED: the program ends without a certificate (attendance-only updates). */
export function certificateNotAwardedError(programCode: string): DomainError {
  return new DomainError(
    'CERTIFICATE.NOT_AWARDED',
    {
      vi: `Chương trình ${programCode} không cấp giấy chứng nhận.`,
      en: `The program ${programCode} awards no certificate.`,
    },
    { details: { program: programCode } },
  );
}
