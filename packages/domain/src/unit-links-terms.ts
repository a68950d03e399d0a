import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `unit-links.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `unit-links.ts` and build on these.
 */

/**
 * When the map changes, old units are not rewritten: links say which units carried them on and
 * from when, so a 2022 report still rolls up to the units of 2026.
 */
export const UNIT_LINK_KINDS = ['merge', 'split', 'rename', 'transfer'] as const;
export type UnitLinkKind = (typeof UNIT_LINK_KINDS)[number];

export const UNIT_LINK_KIND_NAMES: Record<UnitLinkKind, LocalizedText> = {
  merge: { vi: 'Sáp nhập', en: 'Merger' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  transfer: { vi: 'Điều chuyển một phần', en: 'Partial transfer' },
};
