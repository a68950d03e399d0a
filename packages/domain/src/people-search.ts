import { z } from 'zod';
import { isoDate } from './dates.js';
import { pageFields } from './paging.js';
import { text } from './text.js';

/** Finding people: words of a name, diacritics ignored, optionally within a unit and below it. */
export const personSearchInput = z
  .object({
    /** "nguyen van" finds "Nguyễn Văn Đạt": each word must start a word of the name. */
    query: text(120, { min: 0 }).default(''),
    /** Only people of this unit and the units below it. */
    unitId: z.uuid().optional(),
    ...pageFields,
  })
  .strict()
  .default({ query: '', limit: 20 });
export type PersonSearchInput = z.input<typeof personSearchInput>;

/** Who might already be on file, before a new record is typed in full. */
export const duplicateCandidateInput = z
  .object({
    fullName: text(120),
    birthDate: isoDate,
    nationalId: text(40)
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^\d{12}$/))
      .nullish(),
  })
  .strict();
export type DuplicateCandidateInput = z.input<typeof duplicateCandidateInput>;
