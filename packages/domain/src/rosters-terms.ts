import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `rosters.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `rosters.ts` and build on these.
 */

/**
 * Levels are data: Regulation 973-QĐ/BTGTW (2021) has central, province and district rapporteurs
 * and grassroots propagandists; some provinces also keep commune rapporteurs. These are the
 * defaults; a roster may name any level code.
 */
export const DEFAULT_ROSTER_LEVELS: readonly {
  readonly code: string;
  readonly rank: number;
  readonly name: LocalizedText;
  /** What a member is called at this level. */
  readonly memberTitle: LocalizedText;
}[] = [
  {
    code: 'central',
    rank: 10,
    name: { vi: 'Báo cáo viên Trung ương', en: 'Central rapporteurs' },
    memberTitle: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  },
  {
    code: 'province',
    rank: 20,
    name: { vi: 'Báo cáo viên cấp tỉnh', en: 'Provincial rapporteurs' },
    memberTitle: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  },
  {
    code: 'district',
    rank: 30,
    name: { vi: 'Báo cáo viên cấp huyện', en: 'District rapporteurs' },
    memberTitle: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  },
  {
    code: 'commune',
    rank: 40,
    name: { vi: 'Báo cáo viên cấp xã', en: 'Commune rapporteurs' },
    memberTitle: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  },
  {
    code: 'grassroots',
    rank: 50,
    name: { vi: 'Tuyên truyền viên cơ sở', en: 'Grassroots propagandists' },
    memberTitle: { vi: 'Tuyên truyền viên', en: 'Propagandist' },
  },
];

/**
 * What a decision does. `establish` sets the whole roster (everyone not in it leaves);
 * `add`, `remove`, `transfer` and `reappoint` change the people they list (*kiện toàn*);
 * `annul` cancels an earlier decision entered by mistake or revoked — history is never deleted.
 */
export const ROSTER_DECISION_KINDS = ['establish', 'add', 'remove', 'transfer', 'reappoint', 'annul'] as const;
export type RosterDecisionKind = (typeof ROSTER_DECISION_KINDS)[number];

export const ROSTER_DECISION_KIND_NAMES: Record<RosterDecisionKind, LocalizedText> = {
  establish: { vi: 'Thành lập, công nhận danh sách', en: 'Establish the roster' },
  add: { vi: 'Bổ sung', en: 'Add members' },
  remove: { vi: 'Thôi tham gia', en: 'Remove members' },
  transfer: { vi: 'Điều chuyển', en: 'Transfer members' },
  reappoint: { vi: 'Công nhận lại', en: 'Re-appoint members' },
  annul: { vi: 'Hủy bỏ quyết định', en: 'Annul a decision' },
};

/**
 * What one line of a decision does to one person. A consolidation decision (*kiện toàn*) often
 * adds some people and removes others at once, so each line carries its own change; it defaults
 * to the decision's kind.
 * - `add`: joins the roster (listed again: fields and position are updated);
 * - `reappoint`: joins again, or stays with new fields/position (membership continues);
 * - `remove`: leaves the roster;
 * - `transfer`: leaves this roster and joins `toRosterId` (another unit's or level's roster);
 *   a transfer to the same roster just changes fields/position.
 */
export const ROSTER_CHANGES = ['add', 'remove', 'transfer', 'reappoint'] as const;
export type RosterChange = (typeof ROSTER_CHANGES)[number];
