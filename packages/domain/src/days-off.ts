import type { IsoDate } from './calendar.js';
import type { LocalizedText } from './i18n.js';

/**
 * Days nobody calls a meeting, a class session or a village briefing: Sundays, the Tết break and
 * the fixed public holidays (Labour Code 2019, art. 112). Tết follows the lunar calendar, so its
 * first day is a table, not a formula (Vietnam's calendar, UTC+7, as published).
 */
const TET_FIRST_DAY: Readonly<Record<number, IsoDate>> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/**
 * The Tết break as offices keep it: from three days before New Year's day to the fifth day after
 * (2022: 29/01–06/02, as the government's notice set it).
 */
const TET_BEFORE = 3;
const TET_AFTER = 5;

/** Fixed public holidays (month-day): New Year, Reunification, Labour Day, National Day. */
const FIXED_HOLIDAYS: Readonly<Record<string, LocalizedText>> = {
  '01-01': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  '04-30': { vi: 'ngày Giải phóng miền Nam', en: 'Reunification Day' },
  '05-01': { vi: 'ngày Quốc tế Lao động', en: 'Labour Day' },
  '09-02': { vi: 'Quốc khánh', en: 'National Day' },
};

function shift(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Tết break a date falls in, if any: `{ from, to }` of that lunar year's break. */
export function tetBreak(iso: IsoDate): { readonly from: IsoDate; readonly to: IsoDate } | undefined {
  const year = Number(iso.slice(0, 4));
  // Early in January the break may belong to nothing; late in the year, to the next one (never).
  const first = TET_FIRST_DAY[year];
  if (!first) return undefined;
  const from = shift(first, -TET_BEFORE);
  const to = shift(first, TET_AFTER);
  return iso >= from && iso <= to ? { from, to } : undefined;
}

/**
 * Why no meeting may be held on this day, or undefined when it is a day for one. Years outside the
 * Tết table are judged on Sundays and fixed holidays only.
 */
export function dayOffReason(iso: IsoDate): LocalizedText | undefined {
  if (new Date(`${iso}T00:00:00Z`).getUTCDay() === 0) return { vi: 'Chủ nhật', en: 'a Sunday' };
  const tet = tetBreak(iso);
  if (tet) return { vi: 'nghỉ Tết Nguyên đán', en: 'the Tết holiday' };
  return FIXED_HOLIDAYS[iso.slice(5)];
}

/** The first day from `iso` on (itself included) that is not a day off. */
export function nextMeetingDay(iso: IsoDate): IsoDate {
  let day = iso;
  while (dayOffReason(day)) day = shift(day, 1);
  return day;
}
