import type { LocalizedText } from '@polcenter/domain';

/**
 * A reporting period as staff name it — a month, a quarter, the first or last six months, the
 * first nine months, a year, or any dates — turned into the dates the API reads. Only the dates
 * travel (in the address and to the API); the kind is read back from them, so a reload or a link
 * shows the chooser as it was left.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half1', 'half2', 'nine', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_NAMES: Record<PeriodKind, LocalizedText> = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half1: { vi: '6 tháng đầu năm', en: 'First half of the year' },
  half2: { vi: '6 tháng cuối năm', en: 'Second half of the year' },
  nine: { vi: '9 tháng đầu năm', en: 'First nine months' },
  year: { vi: 'Năm', en: 'Year' },
  range: { vi: 'Khoảng thời gian khác', en: 'Other dates' },
};

export interface PeriodChoice {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1–12 for a month, 1–4 for a quarter. */
  readonly n: number;
  /** A range's dates as ISO (`2022-03-01`). */
  readonly from: string;
  readonly to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/** The dates of a chosen period (the range's own dates for `range`). */
export function periodDates(choice: PeriodChoice): { from: string; to: string } {
  const y = choice.year;
  switch (choice.kind) {
    case 'month':
      return { from: `${y}-${pad(choice.n)}-01`, to: monthEnd(y, choice.n) };
    case 'quarter':
      return { from: `${y}-${pad(choice.n * 3 - 2)}-01`, to: monthEnd(y, choice.n * 3) };
    case 'half1':
      return { from: `${y}-01-01`, to: `${y}-06-30` };
    case 'half2':
      return { from: `${y}-07-01`, to: `${y}-12-31` };
    case 'nine':
      return { from: `${y}-01-01`, to: `${y}-09-30` };
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'range':
      return { from: choice.from, to: choice.to };
  }
}

/** Which named period two dates are (a range when none), to show the chooser as the address says. */
export function choiceOf(from: string, to: string): PeriodChoice {
  const year = Number(from.slice(0, 4));
  const m1 = Number(from.slice(5, 7));
  const m2 = Number(to.slice(5, 7));
  const base = { year, n: m1, from, to };
  const named =
    to.slice(0, 4) === from.slice(0, 4) && from.endsWith('-01') && to === monthEnd(year, m2)
      ? m1 === 1 && m2 === 12
        ? 'year'
        : m1 === 1 && m2 === 6
          ? 'half1'
          : m1 === 7 && m2 === 12
            ? 'half2'
            : m1 === 1 && m2 === 9
              ? 'nine'
              : m1 === m2
                ? 'month'
                : m2 - m1 === 2 && (m1 - 1) % 3 === 0
                  ? 'quarter'
                  : null
      : null;
  if (named === 'quarter') return { ...base, kind: 'quarter', n: (m1 - 1) / 3 + 1 };
  return { ...base, kind: named ?? 'range' };
}

/** What a page shows before anyone chooses: the first half of this year. */
export function defaultDates(now = new Date()): { from: string; to: string } {
  return periodDates({ kind: 'half1', year: now.getFullYear(), n: 1, from: '', to: '' });
}
