import type { RouterOutputs } from '@polcenter/client';
import type { ExpertiseField, Lang, LocalizedText, Role } from '@polcenter/domain';
import { referenceName, referenceRank } from '../reference-names.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
export const BASE = '/console';

export type RosterView = RouterOutputs['rosters']['get'];

/** Who reads rosters, members and shortfalls (the API's STAFF of the rosters and obligations routers). */
export const ROSTER_READERS: readonly Role[] = ['propaganda_staff', 'center_staff', 'unit_coordinator'];
/** Who records decisions and corrects rosters: the owner unit's propaganda department. */
export const ROSTER_KEEPERS: readonly Role[] = ['propaganda_staff'];

/** A level's name as the reference data name it (an administrator may rename or add levels). */
export function levelName(level: string | null, lang: Lang): string {
  if (level === null) return lang === 'vi' ? 'Mọi cấp' : 'Every level';
  return referenceName('roster_level', level, lang);
}

/** The order levels are shown in: the reference data's (central first, grassroots last). */
export function levelRank(level: string | null): number {
  return level === null ? Number.MAX_SAFE_INTEGER : referenceRank('roster_level', level);
}

export function termOf(r: { termStartYear: number; termEndYear: number }): string {
  return `${r.termStartYear}–${r.termEndYear}`;
}

/** "Báo cáo viên cấp huyện · Huyện Chợ Đồn · 2020–2025" — a roster named in one line. */
export function rosterTitle(r: RosterView, lang: Lang): string {
  return `${r.name ?? levelName(r.level, lang)} · ${r.ownerUnitName} · ${termOf(r)}`;
}

export function fieldNames(fields: readonly ExpertiseField[], lang: Lang): string {
  return fields.map((f) => referenceName('expertise_field', f, lang)).join(', ');
}

/** Today in the browser's calendar, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const TERM_WORD: LocalizedText = { vi: 'Nhiệm kỳ', en: 'Term' };
