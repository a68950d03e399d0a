import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `timetable.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `timetable.ts` and build on these.
 */

export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const DAY_PART_NAMES: Record<DayPart, LocalizedText> = {
  morning: { vi: 'Sáng', en: 'Morning' },
  afternoon: { vi: 'Chiều', en: 'Afternoon' },
  evening: { vi: 'Tối', en: 'Evening' },
};

/** Times as `HH:MM`, 24-hour. */
export type DayPartTimes = Readonly<Record<DayPart, { readonly start: string; readonly end: string }>>;

/** Office hours of a district center (configurable: summer and winter hours differ by province). */
export const DEFAULT_DAY_PART_TIMES: DayPartTimes = {
  morning: { start: '07:30', end: '11:30' },
  afternoon: { start: '13:30', end: '17:00' },
  evening: { start: '18:30', end: '21:00' },
};
