import { z } from 'zod';
import { CLASS_STATUSES } from './classes-terms.js';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import { pageFields } from './paging.js';
import { text } from './text.js';
import { foldDiacritics } from './vietnamese.js';

/**
 * The staff's list of classes (`classes.list`): every class of the units a person works for —
 * organised by one of them, a unit below, or a unit above — newest first, a page at a time.
 */
export const classListInput = z
  .object({
    status: z.enum(CLASS_STATUSES).optional(),
    programId: z.uuid().optional(),
    /** Classes organised by this unit or a unit below it (within the caller's reach). */
    organiserUnitId: z.uuid().optional(),
    /** Classes running on some day of this year… */
    year: z.number().int().min(1990).max(2100).optional(),
    /** …or between these dates (both inclusive). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Words that start words of the code, title or program name; diacritics and case ignored. */
    search: text(100, { min: 0 }).optional(),
    ...pageFields,
  })
  .strict()
  .refine((c) => !c.from || !c.to || c.from <= c.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
  })
  .default({ limit: 20 });
export type ClassListInput = z.input<typeof classListInput>;
export type ValidClassListInput = z.output<typeof classListInput>;

/**
 * The words of a search as the folded text holds them: diacritics and case dropped, and a code's
 * `-`, `/` and `.` read as spaces, so "03/2022" and "ntd-03" find "NTĐ-03/2022".
 */
export function searchWords(query: string | undefined): string[] {
  return foldDiacritics((query ?? '').replace(/[-/.]/g, ' '))
    .split(' ')
    .filter(Boolean);
}
