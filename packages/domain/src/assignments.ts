import { z } from 'zod';
import { ASSIGNMENT_ROLES } from './assignments-terms.js';
import { DomainError } from './errors.js';
import { text } from './text.js';
import { describeSession, type SessionTime } from './timetable.js';

/**
 * Teaching assignments: a lecturer or rapporteur is assigned to class sessions. No one is in two
 * places at once — clashes are by time of day (the morning and the afternoon of one day do not
 * clash) — unless staff explicitly override, which is recorded with its reason.
 */

export const assignmentInput = z
  .object({
    sessionId: z.uuid(),
    personId: z.uuid(),
    role: z.enum(ASSIGNMENT_ROLES).default('lecturer'),
    /** Assign despite a clash; the reason is kept in the assignment and the audit log. */
    override: z
      .object({ reason: text(500, { min: 5, multiline: true }) })
      .strict()
      .optional(),
  })
  .strict();
export type AssignmentInput = z.input<typeof assignmentInput>;

/** The session a new assignment clashes with, as the error names it. */
export interface ClashingSession extends SessionTime {
  readonly sessionId: string;
  readonly classId: string;
  readonly classCode: string;
  readonly title: string | null;
}

/** ASSIGNMENT.DOUBLE_BOOKED: the person already teaches at that time, in the named session. */
export function doubleBookedError(personName: string, personId: string, clash: ClashingSession): DomainError {
  const when = describeSession(clash);
  const what = clash.title ? ` (${clash.title})` : '';
  return new DomainError(
    'ASSIGNMENT.DOUBLE_BOOKED',
    {
      vi: `${personName} đã được phân công buổi ${when.vi} của lớp ${clash.classCode}${what}, trùng giờ.`,
      en: `${personName} is already assigned to the ${when.en} session of class ${clash.classCode}${what}, at the same time.`,
    },
    {
      fields: [{ field: 'personId', message: { vi: 'Trùng lịch giảng.', en: 'Double-booked.' } }],
      details: {
        personId,
        sessionId: clash.sessionId,
        classId: clash.classId,
        classCode: clash.classCode,
        date: clash.date,
        startTime: clash.startTime ?? null,
        endTime: clash.endTime ?? null,
      },
    },
  );
}

export function sessionNotFoundError(sessionId: string): DomainError {
  return new DomainError(
    'ASSIGNMENT.SESSION_NOT_FOUND',
    { vi: `Không tìm thấy buổi học ${sessionId}.`, en: `Class session ${sessionId} not found.` },
    { fields: [{ field: 'sessionId', message: { vi: 'Không tìm thấy.', en: 'Not found.' } }] },
  );
}
