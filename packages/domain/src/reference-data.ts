import { z } from 'zod';
import { bilingual } from './errors.js';
import { versionNumber } from './lookups.js';
import { REFERENCE_LISTS } from './reference-data-terms.js';
import { text } from './text.js';

/** An entry to save: with `version` an edit of the entry read, without it a new entry. */
export const referenceValueInput = z
  .object({
    list: z.enum(REFERENCE_LISTS),
    code: text(40).regex(/^[a-z0-9_]+$/, {
      message: bilingual({
        vi: 'Mã chỉ gồm chữ thường không dấu, số và dấu _ (ví dụ: muong).',
        en: 'A code holds only lower-case letters without accents, digits and _ (e.g. muong).',
      }),
    }),
    rank: z.number().int().min(0).max(100_000),
    nameVi: text(100),
    nameEn: text(100),
    version: versionNumber.optional(),
  })
  .strict();
export type ReferenceValueInput = z.input<typeof referenceValueInput>;
