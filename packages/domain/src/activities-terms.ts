import type { Role } from './auth-terms.js';
import type { LocalizedText } from './i18n.js';
import type { Ethnicity, Gender } from './person-fields.js';

/**
 * The lists, names and rules of `activities.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `activities.ts` and build on these.
 */

export const BRIEFING_MODES = ['in_person', 'online', 'hybrid', 'loudspeaker'] as const;
export type BriefingMode = (typeof BRIEFING_MODES)[number];

export const BRIEFING_MODE_NAMES: Record<BriefingMode, LocalizedText> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp', en: 'Hybrid' },
  loudspeaker: { vi: 'Qua loa truyền thanh', en: 'Village loudspeaker' },
};

export const SENSITIVITIES = ['routine', 'sensitive', 'complex'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const SENSITIVITY_NAMES: Record<Sensitivity, LocalizedText> = {
  routine: { vi: 'Bình thường', en: 'Routine' },
  sensitive: { vi: 'Nhạy cảm', en: 'Sensitive' },
  complex: { vi: 'Phức tạp', en: 'Complex' },
};

export const OPINION_STATUSES = ['open', 'forwarded', 'resolved', 'closed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_NAMES: Record<OpinionStatus, LocalizedText> = {
  open: { vi: 'Đang theo dõi', en: 'Open' },
  forwarded: { vi: 'Đã chuyển cơ quan chức năng', en: 'Forwarded' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/**
 * Who may read an opinion report: routine ones every staff role that sees the unit; sensitive
 * and complex ones only the propaganda department (and admins).
 */
export type OpinionAudience = 'staff' | 'propaganda';

export function opinionAudience(sensitivity: Sensitivity): OpinionAudience {
  return sensitivity === 'routine' ? 'staff' : 'propaganda';
}

/** Whether a holder of these roles may read a report of that sensitivity (unit scope aside). */
export function mayReadOpinionReport(roles: readonly Role[], sensitivity: Sensitivity): boolean {
  if (roles.includes('admin') || roles.includes('propaganda_staff')) return true;
  return opinionAudience(sensitivity) === 'staff' && roles.length > 0;
}

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type ConferenceAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** The directive grassroots briefings are held under, offered when none is typed. */
export const ORAL_PROPAGANDA_DIRECTIVE = 'Chỉ thị 17-CT/TW';

/** How many of a briefing's audience were of one people and one gender. */
export interface AudienceGroup {
  readonly ethnicity: Ethnicity;
  readonly gender: Gender;
  readonly count: number;
}

export function audienceTotal(groups: readonly AudienceGroup[]): number {
  return groups.reduce((sum, g) => sum + g.count, 0);
}
