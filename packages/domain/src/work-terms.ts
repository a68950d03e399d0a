/**
 * The lists, names and rules of `work.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `work.ts` and build on these.
 */

/**
 * What needs doing now in a person's units (the console's start page), by kind, in the order the
 * year of a class meets them: a window about to close, people waiting for a decision, today's
 * attendance not taken, a finished class without results, passed trainees without a certificate.
 */
export const WORK_KINDS = [
  'enrolment_closing',
  'requests_waiting',
  'attendance_missing',
  'results_missing',
  'certificates_to_issue',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** An enrolment window closing today or in this many days after it is worth a reminder. */
export const ENROLMENT_CLOSING_DAYS = 7;

/** Items shown per kind unless asked otherwise; the total is always given, for "and 12 more". */
export const DEFAULT_WORK_LIMIT = 5;
export const MAX_WORK_LIMIT = 50;
