import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `units.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `units.ts` and build on these.
 */

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
