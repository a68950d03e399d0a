import { z } from 'zod';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import { text } from './text.js';
import { UNIT_KINDS } from './units-terms.js';

const name = text(200);

/** A unit's code: letters, digits and . _ / - (GSO's `064`, `TN-CHODON`). */
export const unitCode = text(40).regex(/^[\p{L}\p{N}._/-]+$/u, {
  message: bilingual({
    vi: 'Mã chỉ gồm chữ, số và các dấu . _ / -',
    en: 'A code holds only letters, digits and . _ / -',
  }),
});

export const unitInput = z
  .object({
    code: unitCode,
    name,
    level: text(40),
    kind: z.enum(UNIT_KINDS).default('administrative'),
    parentId: z.uuid().nullish(),
    validFrom: isoDate.nullish(),
    validTo: isoDate.nullish(),
  })
  .strict()
  .refine((unit) => !unit.validFrom || !unit.validTo || unit.validFrom <= unit.validTo, {
    path: ['validTo'],
    message: bilingual({
      vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
      en: 'The end of validity must come after its start.',
    }),
  });

export type UnitInput = z.input<typeof unitInput>;
export type ValidUnitInput = z.output<typeof unitInput>;

export const unitListInput = z
  .object({
    /** Units valid on this date; today when absent. */
    at: isoDate.optional(),
    /** Only the descendants (not the unit itself) of the unit with this id… */
    under: z.uuid().optional(),
    /** …or with this code (stable public codes such as GSO's `064`, handy in embedded widgets). */
    underCode: text(40).optional(),
    level: text(40).optional(),
  })
  .strict()
  .default({});

export type UnitListInput = z.input<typeof unitListInput>;
