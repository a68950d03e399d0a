import { DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `enrolment.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `enrolment.ts` and build on these.
 */

export const ENROLMENT_STATES = [
  'nominated',
  'requested',
  'waitlisted',
  'approved',
  'attending',
  'passed',
  'failed',
  'incomplete',
  'withdrawn',
  'rejected',
] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

export const ENROLMENT_STATE_NAMES: Record<EnrolmentState, LocalizedText> = {
  nominated: { vi: 'Được cử đi học', en: 'Nominated' },
  requested: { vi: 'Đã đăng ký', en: 'Requested' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  attending: { vi: 'Đang học', en: 'Attending' },
  passed: { vi: 'Hoàn thành', en: 'Passed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
  incomplete: { vi: 'Không đủ điều kiện hoàn thành', en: 'Incomplete' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  rejected: { vi: 'Không được duyệt', en: 'Rejected' },
};

/**
 * The legal moves, as data. Results may be changed into one another because a corrected score
 * or attendance mark recomputes them; withdrawn and rejected are final (a new request makes a
 * new enrolment).
 */
export const ENROLMENT_TRANSITIONS: Readonly<Record<EnrolmentState, readonly EnrolmentState[]>> = {
  nominated: ['approved', 'waitlisted', 'rejected', 'withdrawn'],
  requested: ['approved', 'waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['approved', 'rejected', 'withdrawn'],
  approved: ['attending', 'withdrawn'],
  attending: ['passed', 'failed', 'incomplete', 'withdrawn'],
  passed: ['failed', 'incomplete'],
  failed: ['passed', 'incomplete'],
  incomplete: ['passed', 'failed'],
  withdrawn: [],
  rejected: [],
};

/** Waiting for a decision or a seat: they hold none yet. */
export const AWAITING_STATES = ['nominated', 'requested', 'waitlisted'] as const satisfies readonly EnrolmentState[];

/**
 * States that occupy one of the class's seats. Results keep theirs: the seat was used, and
 * counts of a finished class must still add up.
 */
export const SEAT_HOLDING_STATES = [
  'approved',
  'attending',
  'passed',
  'failed',
  'incomplete',
] as const satisfies readonly EnrolmentState[];

/**
 * Holding or awaiting a seat: everything but withdrawn and rejected. A person has at most one
 * active enrolment per class — the database's partial unique index uses this list.
 */
export const ACTIVE_STATES = [...AWAITING_STATES, ...SEAT_HOLDING_STATES] as const;

export const RESULT_STATES = ['passed', 'failed', 'incomplete'] as const satisfies readonly EnrolmentState[];

const member = (list: readonly EnrolmentState[]) => (state: EnrolmentState) => list.includes(state);
export const isActiveEnrolment = member(ACTIVE_STATES);
export const holdsSeat = member(SEAT_HOLDING_STATES);

/** True when the move gives up a seat: the service then promotes the first on the waitlist. */
export function freesSeat(from: EnrolmentState, to: EnrolmentState): boolean {
  return holdsSeat(from) && !holdsSeat(to);
}

/** True when the move takes a seat: the service must claim it under the capacity lock. */
export function takesSeat(from: EnrolmentState, to: EnrolmentState): boolean {
  return !holdsSeat(from) && holdsSeat(to);
}

export function canTransitionEnrolment(from: EnrolmentState, to: EnrolmentState): boolean {
  return ENROLMENT_TRANSITIONS[from].includes(to);
}

/** Throws ENROLMENT.ILLEGAL_TRANSITION, naming both states, unless `from → to` is legal. */
export function assertEnrolmentTransition(from: EnrolmentState, to: EnrolmentState): void {
  if (canTransitionEnrolment(from, to)) return;
  const a = ENROLMENT_STATE_NAMES[from];
  const b = ENROLMENT_STATE_NAMES[to];
  throw new DomainError(
    'ENROLMENT.ILLEGAL_TRANSITION',
    {
      vi: `Không thể chuyển ghi danh từ "${a.vi}" sang "${b.vi}".`,
      en: `An enrolment cannot go from "${a.en}" to "${b.en}".`,
    },
    { details: { from, to, allowed: ENROLMENT_TRANSITIONS[from] } },
  );
}
