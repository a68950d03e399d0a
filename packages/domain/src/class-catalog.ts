import { z } from 'zod';
import { CLASS_STATUSES } from './classes-terms.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { pageFields } from './paging.js';
import { text } from './text.js';
import { sessionInput } from './timetable.js';

/** What the public catalog of open classes may be filtered by. */
export const classCatalogInput = z
  .object({
    programId: z.uuid().optional(),
    /** Classes organised by this unit or any unit below it… */
    organiserUnitId: z.uuid().optional(),
    /** …or by the unit with this code (stable public codes suit embedded widgets). */
    organiserCode: text(40).optional(),
    /** …or of the program with this code (`NTĐ`…). */
    programCode: text(20).optional(),
    /** Where trainees sit: `in_person` (a hall) or `online` (a site); hybrid classes are both. */
    mode: z.enum(['in_person', 'online']).optional(),
    /** Words that start words of the code, title, program, venue or organiser; diacritics and case ignored. */
    search: text(100, { min: 0 }).optional(),
    /** Classes running on some day between `from` and `to` (both inclusive). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageFields,
  })
  .strict()
  .refine((c) => !c.from || !c.to || c.from <= c.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
  })
  .default({ limit: 20 });
export type ClassCatalogInput = z.input<typeof classCatalogInput>;
export type ValidCatalogInput = z.output<typeof classCatalogInput>;

export const classTransitionInput = z
  .object({
    classId: z.uuid(),
    to: z.enum(CLASS_STATUSES),
    /** The version the caller saw; a change made since is refused rather than overwritten. */
    expectedVersion: versionNumber.optional(),
    /** Finishing a class that seated nobody is refused (CLASS.FINISH_EMPTY) unless this says it is meant. */
    confirmEmpty: z.boolean().optional(),
  })
  .strict();
export type ClassTransitionInput = z.input<typeof classTransitionInput>;

export const addSessionsInput = z.object({ sessions: z.array(sessionInput).min(1).max(500) }).strict();
export type AddSessionsInput = z.input<typeof addSessionsInput>;

/** CLASS.NOT_EDITABLE: the timetable of a finished, closed or cancelled class is history. */
export function classNotEditableError(status: string, statusName: LocalizedText): DomainError {
  return new DomainError(
    'CLASS.NOT_EDITABLE',
    {
      vi: `Lớp đang ở trạng thái "${statusName.vi}"; không thể sửa lịch học.`,
      en: `The class is "${statusName.en}"; its timetable can no longer change.`,
    },
    { details: { status } },
  );
}
