import { z } from 'zod';
import { DomainError } from './errors.js';
import { versionNumber } from './lookups.js';
import { text } from './text.js';
import { describeSession, type SessionTime, sessionInput } from './timetable.js';

/**
 * Changing a timetable after it was made: one session edited or removed. Each session carries a
 * version, so an edit made on a stale screen is refused instead of silently undoing another's.
 */

/** Why staff book someone despite a clash; kept on the record and in the audit log. */
export const overrideInput = z.object({ reason: text(500, { min: 5, multiline: true }) }).strict();

export const updateSessionInput = z
  .object({
    sessionId: z.uuid(),
    /** The session's version as the editor saw it. */
    version: versionNumber,
    /**
     * The session as it should be. `lecturerId` left out keeps the lecturer named on it; null
     * clears it. Everyone teaching the session is checked for a clash at its new time.
     */
    session: sessionInput,
    /** Save despite a lecturer's clash (ASSIGNMENT.DOUBLE_BOOKED); audited with the reason. */
    override: overrideInput.optional(),
  })
  .strict();
export type UpdateSessionInput = z.input<typeof updateSessionInput>;

export const removeSessionInput = z.object({ sessionId: z.uuid(), version: versionNumber }).strict();
export type RemoveSessionInput = z.input<typeof removeSessionInput>;

/** TIMETABLE.SESSION_HAS_ATTENDANCE: marks were taken in the session; removing it would lose them. */
export function sessionHasAttendanceError(session: SessionTime, marks: number): DomainError {
  const when = describeSession(session);
  return new DomainError(
    'TIMETABLE.SESSION_HAS_ATTENDANCE',
    {
      vi: `Buổi ${when.vi} đã được điểm danh (${marks} học viên); không thể xoá buổi đã điểm danh.`,
      en: `The ${when.en} session already has attendance (${marks} trainee${marks === 1 ? '' : 's'}); a session with attendance cannot be removed.`,
    },
    {
      fields: [{ field: 'sessionId', message: { vi: 'Buổi đã điểm danh.', en: 'Attendance taken.' } }],
      details: { marks },
    },
  );
}

/** TIMETABLE.SESSION_NOT_FOUND */
export function timetableSessionNotFoundError(sessionId: string): DomainError {
  return new DomainError(
    'TIMETABLE.SESSION_NOT_FOUND',
    { vi: `Không tìm thấy buổi học ${sessionId}.`, en: `No class session ${sessionId}.` },
    { fields: [{ field: 'sessionId', message: { vi: 'Không tìm thấy buổi học.', en: 'No such session.' } }] },
  );
}

/** TIMETABLE.SESSION_STALE: someone changed the session after the editor opened it. */
export function sessionStaleError(expected: number, actual: number): DomainError {
  return new DomainError(
    'TIMETABLE.SESSION_STALE',
    {
      vi: 'Buổi học đã được người khác sửa sau khi bạn mở; hãy tải lại rồi sửa lại.',
      en: 'The session was changed by someone else after you opened it; reload and edit again.',
    },
    {
      fields: [{ field: 'version', message: { vi: 'Phiên bản đã cũ.', en: 'Stale version.' } }],
      details: { expected, actual },
    },
  );
}
