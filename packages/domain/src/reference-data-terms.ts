import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `reference-data.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `reference-data.ts` and build on these.
 */

/**
 * The reference data a fresh installation needs before anything else (ADR 0029): rows written by
 * a migration, edited by administrators. Open lists take new codes (a province adds a unit level
 * or a roster level, and every service checks a level against its table); fixed lists are lists
 * the code keys on (reports break trainees down by ethnic group, a program's kind picks its
 * defaults), so only their names and order change.
 */
export const REFERENCE_LISTS = ['unit_level', 'roster_level', 'program_kind', 'expertise_field', 'ethnicity'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

export const OPEN_REFERENCE_LISTS: readonly ReferenceList[] = ['unit_level', 'roster_level'];

export const REFERENCE_LIST_NAMES: Record<ReferenceList, LocalizedText> = {
  unit_level: { vi: 'Cấp đơn vị', en: 'Unit levels' },
  roster_level: { vi: 'Cấp báo cáo viên', en: 'Roster levels' },
  program_kind: { vi: 'Loại chương trình', en: 'Program kinds' },
  expertise_field: { vi: 'Lĩnh vực chuyên môn', en: 'Fields of expertise' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnic groups' },
};

/** One entry of a list: its code never changes once made; names and order do. */
export interface ReferenceValue {
  readonly list: ReferenceList;
  readonly code: string;
  readonly rank: number;
  readonly name: LocalizedText;
  readonly version: number;
}
