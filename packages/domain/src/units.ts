import { z } from 'zod';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';

/**
 * Organisation units form a tree whose levels are data, not constants: Vietnam abolished the
 * district level in 2025, and other provinces add levels of their own. These are the defaults
 * a fresh database is seeded with.
 */
export const DEFAULT_UNIT_LEVELS: readonly { code: string; rank: number; name: LocalizedText }[] = [
  { code: 'province', rank: 10, name: { vi: 'Tỉnh', en: 'Province' } },
  { code: 'district', rank: 20, name: { vi: 'Huyện', en: 'District' } },
  { code: 'commune', rank: 30, name: { vi: 'Xã, thị trấn', en: 'Commune / town' } },
  { code: 'village', rank: 40, name: { vi: 'Thôn, bản, tổ dân phố', en: 'Village / hamlet' } },
];

/** Beside the administrative tree stand party organisations, agencies and mass organisations. */
export const UNIT_KINDS = ['administrative', 'party', 'agency', 'mass'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_NAMES: Record<UnitKind, LocalizedText> = {
  administrative: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  party: { vi: 'Tổ chức Đảng', en: 'Party organisation' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  mass: { vi: 'Đoàn thể', en: 'Mass organisation' },
};

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
