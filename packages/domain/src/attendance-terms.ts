import type { Lang, LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `attendance.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `attendance.ts` and build on these.
 */

/** Present, absent with leave (*có phép*), absent without leave (*không phép*). */
export const ATTENDANCE_MARKS = ['present', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const ATTENDANCE_MARK_NAMES: Record<AttendanceMark, LocalizedText> = {
  present: { vi: 'Có mặt', en: 'Present' },
  excused: { vi: 'Vắng có phép', en: 'Absent with leave' },
  absent: { vi: 'Vắng không phép', en: 'Absent without leave' },
};

/** Missing more than this share of a class's periods bars a trainee from the test (configurable). */
export const DEFAULT_MAX_ABSENCE_RATIO = 0.2;

export interface AttendanceSummary {
  readonly totalPeriods: number;
  readonly presentPeriods: number;
  readonly excusedPeriods: number;
  readonly absentPeriods: number;
  /** Periods of sessions with no mark yet (not taken, or still to come). */
  readonly unmarkedPeriods: number;
  /** Excused plus absent: leave excuses the absence, not the missed teaching. */
  readonly missedPeriods: number;
  /** missedPeriods / totalPeriods, 0 for a class without periods. */
  readonly missedRatio: number;
}

/**
 * Sums one trainee's attendance over a class's sessions, weighted by each session's periods
 * (*tiết*): missing a five-period morning weighs more than a two-period evening.
 */
export function summariseAttendance(
  sessions: readonly { readonly id: string; readonly periods: number }[],
  marks: Readonly<Record<string, AttendanceMark | undefined>> | ReadonlyMap<string, AttendanceMark>,
): AttendanceSummary {
  const markOf = (id: string) => (marks instanceof Map ? marks.get(id) : (marks as Record<string, AttendanceMark>)[id]);
  const sums = { present: 0, excused: 0, absent: 0, unmarked: 0 };
  for (const session of sessions) {
    const mark: AttendanceMark | 'unmarked' = markOf(session.id) ?? 'unmarked';
    sums[mark] += session.periods;
  }
  const totalPeriods = sums.present + sums.excused + sums.absent + sums.unmarked;
  const missedPeriods = sums.excused + sums.absent;
  return {
    totalPeriods,
    presentPeriods: sums.present,
    excusedPeriods: sums.excused,
    absentPeriods: sums.absent,
    unmarkedPeriods: sums.unmarked,
    missedPeriods,
    missedRatio: totalPeriods === 0 ? 0 : missedPeriods / totalPeriods,
  };
}

/**
 * True when the trainee missed more than the allowed share of periods. Exactly at the limit
 * is still allowed ("more than 20 %"); the tolerance stops 0.29 × 100 = 28.999… from barring
 * someone who missed exactly 29 %.
 */
export function isBarredFromTest(
  summary: Pick<AttendanceSummary, 'missedPeriods' | 'totalPeriods'>,
  maxAbsenceRatio: number = DEFAULT_MAX_ABSENCE_RATIO,
): boolean {
  return summary.missedPeriods > maxAbsenceRatio * summary.totalPeriods + 1e-9;
}

/** The ratio as people read it: 0.2 → "20%", 0.1667 → "16,7%" (Vietnamese) or "16.7%". */
export function formatRatio(ratio: number, lang: Lang = 'vi'): string {
  const percent = String(Math.round(ratio * 1000) / 10);
  return `${lang === 'vi' ? percent.replace('.', ',') : percent}%`;
}
