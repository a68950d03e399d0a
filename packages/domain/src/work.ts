import { z } from 'zod';

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

export const workTodoInput = z
  .object({ limit: z.number().int().min(1).max(MAX_WORK_LIMIT).default(DEFAULT_WORK_LIMIT) })
  .strict();
export type WorkTodoInput = z.input<typeof workTodoInput>;
