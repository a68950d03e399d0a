import { DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `classes.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `classes.ts` and build on these.
 */

export const CLASS_STATUSES = ['draft', 'open', 'running', 'finished', 'closed', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const CLASS_STATUS_NAMES: Record<ClassStatus, LocalizedText> = {
  draft: { vi: 'Dự kiến', en: 'Draft' },
  open: { vi: 'Đang nhận đăng ký', en: 'Open for enrolment' },
  running: { vi: 'Đang học', en: 'Running' },
  finished: { vi: 'Đã kết thúc', en: 'Finished' },
  closed: { vi: 'Đã đóng hồ sơ', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/**
 * The legal moves of a class, as data: draft → open → running → finished → closed, and
 * cancelled from any state before finished. Once finished, results and certificates exist,
 * so cancelling would orphan them.
 */
export const CLASS_TRANSITIONS: Readonly<Record<ClassStatus, readonly ClassStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['running', 'cancelled'],
  running: ['finished', 'cancelled'],
  finished: ['closed'],
  closed: [],
  cancelled: [],
};

export function canTransitionClass(from: ClassStatus, to: ClassStatus): boolean {
  return CLASS_TRANSITIONS[from].includes(to);
}

/** Throws CLASS.ILLEGAL_TRANSITION, naming both states, unless `from → to` is legal. */
export function assertClassTransition(from: ClassStatus, to: ClassStatus): void {
  if (canTransitionClass(from, to)) return;
  const a = CLASS_STATUS_NAMES[from];
  const b = CLASS_STATUS_NAMES[to];
  throw new DomainError(
    'CLASS.ILLEGAL_TRANSITION',
    {
      vi: `Không thể chuyển lớp từ trạng thái "${a.vi}" sang "${b.vi}".`,
      en: `A class cannot go from "${a.en}" to "${b.en}".`,
    },
    { details: { from, to, allowed: CLASS_TRANSITIONS[from] } },
  );
}

/** In person (*trực tiếp*), online (*trực tuyến*), or both (*kết hợp*). */
export const CLASS_MODES = ['in_person', 'online', 'hybrid'] as const;
export type ClassMode = (typeof CLASS_MODES)[number];

export const CLASS_MODE_NAMES: Record<ClassMode, LocalizedText> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp trực tiếp và trực tuyến', en: 'Hybrid' },
};

/** Seats above this are a typing slip, not a class: the largest conferences reach ~1,000. */
export const MAX_CLASS_CAPACITY = 2000;

/** ("NTĐ", 3, 2022) → "NTĐ-03/2022": the center's habit of two-digit sequence numbers. */
export function formatClassCode(programCode: string, sequence: number, year: number): string {
  return `${programCode}-${String(sequence).padStart(2, '0')}/${year}`;
}
