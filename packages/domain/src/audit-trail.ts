import { z } from 'zod';
import { isoDate } from './dates.js';
import { pageFields } from './paging.js';
import { text } from './text.js';

/**
 * Reading the audit log: by record, by kind of record, by who acted (an account's id, or words of
 * the name, username or label, diacritics optional), by what was done (an action such as
 * `person.update`, or every action on a kind of record: `person`) and by dates (Vietnam's calendar
 * days, both ends included); newest first.
 */
export const auditTrailInput = z
  .object({
    entity: text(40).optional(),
    entityId: z.uuid().optional(),
    actorId: z.uuid().optional(),
    actor: text(100).optional(),
    action: text(60).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Entries older than this id (the previous page's last). */
    before: z.number().int().positive().optional(),
    limit: pageFields.limit,
  })
  .strict();
export type AuditTrailInput = z.input<typeof auditTrailInput>;

/** The audit trail of one class and everything in it (its timetable, enrolments, marks, certificates). */
export const classAuditInput = z
  .object({
    classId: z.uuid(),
    /** Entries older than this id (the previous page's last). */
    before: z.number().int().positive().optional(),
    limit: pageFields.limit,
  })
  .strict();
export type ClassAuditInput = z.input<typeof classAuditInput>;

/** The audit trail of one program: its creation and every edit of its rules, newest first. */
export const programAuditInput = z
  .object({
    programId: z.uuid(),
    /** Entries older than this id (the previous page's last). */
    before: z.number().int().positive().optional(),
    limit: pageFields.limit,
  })
  .strict();
export type ProgramAuditInput = z.input<typeof programAuditInput>;
