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
  // The new moon fell at 23:07 in Vietnam (UTC+7) on 02/02, already 03/02 in China (UTC+8).
  2030: '2030-02-02',
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
 * The Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month), for the
 * years of the Tết table: until 2026 as published, later years computed as Tết's are (the same
 * computation gives back 2019–2026). Other years are judged without it.
 */
const HUNG_KINGS_DAY: Readonly<Record<number, IsoDate>> = {
  2019: '2019-04-14',
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
  2031: '2031-04-01',
  2032: '2032-04-19',
  2033: '2033-04-09',
  2034: '2034-04-28',
  2035: '2035-04-17',
};
const HUNG_KINGS: LocalizedText = { vi: 'Giỗ Tổ Hùng Vương', en: "the Hùng Kings' Commemoration" };

/**
 * National Day is two days since 2021 (Labour Code 2019, art. 112): 02/09 and a day next to it,
 * before or after, that the government names each year. The years whose notice is known; other
 * years are judged with 02/09 alone.
 */
const NATIONAL_DAY_SECOND: Readonly<Record<number, IsoDate>> = {
  2021: '2021-09-03',
  2022: '2022-09-01',
  2023: '2023-09-01',
  2024: '2024-09-03',
  2025: '2025-09-01',
};

const weekday = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** A year's public holidays outside the Tết break, by date. */
function holidays(year: number): Map<IsoDate, LocalizedText> {
  const days = new Map<IsoDate, LocalizedText>();
  for (const [monthDay, name] of Object.entries(FIXED_HOLIDAYS)) days.set(`${year}-${monthDay}`, name);
  const hung = HUNG_KINGS_DAY[year];
  if (hung) days.set(hung, HUNG_KINGS);
  const second = NATIONAL_DAY_SECOND[year];
  if (second) days.set(second, FIXED_HOLIDAYS['09-02'] as LocalizedText);
  return days;
}

/**
 * Days off in lieu (Labour Code 2019, art. 111): a holiday that falls on a Saturday or a Sunday,
 * when offices do not work, gives the next working day off (11/04/2022 for the Hùng Kings' day on
 * Sunday 10/04; 02/05 and 03/05/2022 for 30/04 and 01/05, a Saturday and a Sunday).
 */
function inLieu(year: number): Map<IsoDate, LocalizedText> {
  const days = holidays(year);
  const taken = new Map<IsoDate, LocalizedText>();
  for (const [day, name] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (weekday(day) !== 0 && weekday(day) !== 6) continue;
    let off = shift(day, 1);
    while (weekday(off) === 0 || weekday(off) === 6 || days.has(off) || taken.has(off) || tetBreak(off)) {
      off = shift(off, 1);
    }
    taken.set(off, { vi: `nghỉ bù ${name.vi}`, en: `a day off in lieu of ${name.en}` });
  }
  return taken;
}

const inLieuByYear = new Map<number, Map<IsoDate, LocalizedText>>();

/**
 * Why no meeting may be held on this day, or undefined when it is a day for one: a Sunday, the Tết
 * break, a public holiday, or a day off in lieu of one. Years outside the Tết table are judged
 * without the break, years outside the Hùng Kings' table without that day.
 */
export function dayOffReason(iso: IsoDate): LocalizedText | undefined {
  if (weekday(iso) === 0) return { vi: 'Chủ nhật', en: 'a Sunday' };
  const tet = tetBreak(iso);
  if (tet) return { vi: 'nghỉ Tết Nguyên đán', en: 'the Tết holiday' };
  const year = Number(iso.slice(0, 4));
  const holiday = holidays(year).get(iso);
  if (holiday) return holiday;
  // No holiday falls late in December, so a year's days in lieu stay within it.
  let lieu = inLieuByYear.get(year);
  if (!lieu) {
    lieu = inLieu(year);
    inLieuByYear.set(year, lieu);
  }
  return lieu.get(iso);
}

/** The first day from `iso` on (itself included) that is not a day off. */
export function nextMeetingDay(iso: IsoDate): IsoDate {
  let day = iso;
  while (dayOffReason(day)) day = shift(day, 1);
  return day;
}
