import { z } from 'zod';
import { formatDate, type IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';
import {
  DAY_PART_NAMES,
  DAY_PARTS,
  type DayPart,
  type DayPartTimes,
  DEFAULT_DAY_PART_TIMES,
} from './timetable-terms.js';

/**
 * A class's timetable is a list of sessions (*buổi*). Most are given by half-day — morning or
 * afternoon — and some by explicit times (an evening conference, a two-hour online briefing).
 * Two sessions clash only when their times of day overlap on the same date: the morning and
 * the afternoon of one day do not.
 */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "07:30" → 450 minutes after midnight. */
export function parseTime(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 450 → "07:30". */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** What timing needs of a session; entities and inputs both fit. */
export interface SessionTime {
  readonly date: IsoDate;
  readonly part?: DayPart | null;
  readonly startTime?: string | null;
  readonly endTime?: string | null;
}

/** A session's place in time: a date and the half-open range [start, end) in minutes. */
export interface TimeRange {
  readonly date: IsoDate;
  readonly start: number;
  readonly end: number;
}

/** Explicit times win over the half-day; a session with neither is a programming error. */
export function sessionRange(session: SessionTime, times: DayPartTimes = DEFAULT_DAY_PART_TIMES): TimeRange {
  if (session.startTime && session.endTime) {
    return { date: session.date, start: parseTime(session.startTime), end: parseTime(session.endTime) };
  }
  if (session.part) {
    const part = times[session.part];
    return { date: session.date, start: parseTime(part.start), end: parseTime(part.end) };
  }
  throw new RangeError(`A session on ${session.date} has neither a half-day nor start and end times.`);
}

/** True when the session has a usable time: a half-day, or valid start and end times in order. */
export function hasValidTime(session: SessionTime): boolean {
  if (session.startTime || session.endTime) {
    return (
      !session.part &&
      TIME.test(session.startTime ?? '') &&
      TIME.test(session.endTime ?? '') &&
      parseTime(session.endTime ?? '') > parseTime(session.startTime ?? '')
    );
  }
  return Boolean(session.part);
}

function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

/** True when the two sessions share some minute; touching ends (11:30 and 11:30) do not clash. */
export function sessionsOverlap(a: SessionTime, b: SessionTime, times: DayPartTimes = DEFAULT_DAY_PART_TIMES): boolean {
  return rangesOverlap(sessionRange(a, times), sessionRange(b, times));
}

function byTime<T extends SessionTime>(sessions: readonly T[], times: DayPartTimes) {
  return sessions
    .map((session) => ({ session, range: sessionRange(session, times) }))
    .sort((x, y) =>
      x.range.date < y.range.date ? -1 : x.range.date > y.range.date ? 1 : x.range.start - y.range.start,
    );
}

/**
 * The earliest pair of clashing sessions between two lists — one person's classes and the
 * class they ask to join, or two classes sharing a lecturer — or null when none clash.
 */
export function findClash<A extends SessionTime, B extends SessionTime>(
  first: readonly A[],
  second: readonly B[],
  times: DayPartTimes = DEFAULT_DAY_PART_TIMES,
): { first: A; second: B } | null {
  const secondByDate = new Map<IsoDate, { session: B; range: TimeRange }[]>();
  for (const entry of byTime(second, times)) {
    const list = secondByDate.get(entry.range.date) ?? [];
    list.push(entry);
    secondByDate.set(entry.range.date, list);
  }
  for (const a of byTime(first, times)) {
    const hit = secondByDate.get(a.range.date)?.find((b) => rangesOverlap(a.range, b.range));
    if (hit) return { first: a.session, second: hit.session };
  }
  return null;
}

/** The earliest pair of sessions in one list that overlap each other, or null. */
export function findSelfClash<T extends SessionTime>(
  sessions: readonly T[],
  times: DayPartTimes = DEFAULT_DAY_PART_TIMES,
): { first: T; second: T } | null {
  const sorted = byTime(sessions, times);
  // Sorted by start, so the latest-ending session seen so far on that date is the only one
  // the next session can clash with first.
  let open: { session: T; range: TimeRange } | undefined;
  for (const entry of sorted) {
    if (open && rangesOverlap(open.range, entry.range)) return { first: open.session, second: entry.session };
    if (!open || open.range.date !== entry.range.date || entry.range.end > open.range.end) open = entry;
  }
  return null;
}

/** The first pair of sessions that put one lecturer in two places at once, or null. */
export function findLecturerDoubleBooking<T extends SessionTime & { readonly lecturerId?: string | null }>(
  sessions: readonly T[],
  times: DayPartTimes = DEFAULT_DAY_PART_TIMES,
): { lecturerId: string; first: T; second: T } | null {
  const byLecturer = new Map<string, T[]>();
  for (const session of sessions) {
    if (!session.lecturerId) continue;
    const list = byLecturer.get(session.lecturerId) ?? [];
    list.push(session);
    byLecturer.set(session.lecturerId, list);
  }
  let earliest: { lecturerId: string; first: T; second: T; range: TimeRange } | null = null;
  for (const [lecturerId, list] of byLecturer) {
    const clash = findSelfClash(list, times);
    if (!clash) continue;
    const range = sessionRange(clash.first, times);
    if (
      !earliest ||
      range.date < earliest.range.date ||
      (range.date === earliest.range.date && range.start < earliest.range.start)
    ) {
      earliest = { lecturerId, ...clash, range };
    }
  }
  return earliest && { lecturerId: earliest.lecturerId, first: earliest.first, second: earliest.second };
}

/** "sáng 14/03/2022" / "morning of 14/03/2022", or with explicit times "14/03/2022 19:00–21:00". */
export function describeSession(session: SessionTime): LocalizedText {
  const date = formatDate(session.date);
  if (session.startTime && session.endTime) {
    const span = `${session.startTime}–${session.endTime}`;
    return { vi: `${date} ${span}`, en: `${date} ${span}` };
  }
  const part = session.part ? DAY_PART_NAMES[session.part] : null;
  return part
    ? { vi: `${part.vi.toLowerCase()} ${date}`, en: `${part.en.toLowerCase()} of ${date}` }
    : { vi: date, en: date };
}

/** TIMETABLE.LECTURER_DOUBLE_BOOKED: the lecturer already teaches at that time. */
export function lecturerDoubleBookedError(lecturerId: string, session: SessionTime): DomainError {
  const when = describeSession(session);
  return new DomainError(
    'TIMETABLE.LECTURER_DOUBLE_BOOKED',
    {
      vi: `Giảng viên đã có lịch giảng vào ${when.vi}.`,
      en: `The lecturer is already teaching on the ${when.en}.`,
    },
    { details: { lecturerId, date: session.date } },
  );
}

/** TIMETABLE.CLASH: two sessions of one timetable overlap. */
export function timetableClashError(first: SessionTime, second: SessionTime): DomainError {
  const a = describeSession(first);
  const b = describeSession(second);
  return new DomainError(
    'TIMETABLE.CLASH',
    { vi: `Buổi học ${a.vi} trùng giờ với buổi ${b.vi}.`, en: `The session on the ${a.en} overlaps the ${b.en}.` },
    { details: { first, second } },
  );
}

const time = text(5).regex(TIME, {
  message: bilingual({ vi: 'Giờ theo dạng HH:MM (ví dụ 07:30).', en: 'A time as HH:MM (e.g. 07:30).' }),
});

export const sessionInput = z
  .object({
    date: isoDate,
    part: z.enum(DAY_PARTS).nullish(),
    startTime: time.nullish(),
    endTime: time.nullish(),
    /** The program topic (*chuyên đề*) taught, by its number. */
    topicNumber: z.number().int().min(1).max(200).nullish(),
    title: text(300).nullish(),
    /** Periods (*tiết*) taught; attendance is weighed by them. A half-day holds 4–5. */
    periods: z.number().int().min(1).max(12),
    lecturerId: z.uuid().nullish(),
    site: text(200).nullish(),
  })
  .strict()
  .superRefine((session, ctx) => {
    const hasTimes = Boolean(session.startTime || session.endTime);
    if (session.part && hasTimes) {
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: bilingual({
          vi: 'Chọn buổi (sáng/chiều/tối) hoặc giờ bắt đầu và kết thúc, không cả hai.',
          en: 'Give either a half-day or start and end times, not both.',
        }),
      });
    } else if (!session.part && !(session.startTime && session.endTime)) {
      ctx.addIssue({
        code: 'custom',
        path: [session.startTime ? 'endTime' : hasTimes ? 'startTime' : 'part'],
        message: bilingual({
          vi: 'Cần chọn buổi (sáng/chiều/tối) hoặc nhập đủ giờ bắt đầu và kết thúc.',
          en: 'Give a half-day or both start and end times.',
        }),
      });
    } else if (
      // Zod runs this even when a time failed its own format check; compare only real times.
      session.startTime &&
      session.endTime &&
      TIME.test(session.startTime) &&
      TIME.test(session.endTime) &&
      parseTime(session.endTime) <= parseTime(session.startTime)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: bilingual({ vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end time must come after the start.' }),
      });
    }
  });
export type SessionInput = z.input<typeof sessionInput>;
export type ValidSessionInput = z.output<typeof sessionInput>;
