import { type LocalizedText, type NamedPeriod, namedPeriod, namedPeriodDates } from '@polcenter/domain';

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

/** The dates of a chosen period (the range's own dates for `range`). */
export function periodDates(choice: PeriodChoice): { from: string; to: string } {
  if (choice.kind === 'range') return { from: choice.from, to: choice.to };
  const named: NamedPeriod =
    choice.kind === 'month' || choice.kind === 'quarter' ? { kind: choice.kind, n: choice.n } : { kind: choice.kind };
  return namedPeriodDates(named, choice.year);
}

/**
 * Which named period two dates are (a range when none), to show the chooser as the address says:
 * the domain's own reading (`namedPeriod`), the one that titles the report.
 */
export function choiceOf(from: string, to: string): PeriodChoice {
  const named = namedPeriod(from, to);
  const base = { year: Number(from.slice(0, 4)), n: Number(from.slice(5, 7)), from, to };
  if (!named) return { ...base, kind: 'range' };
  return 'n' in named ? { ...base, kind: named.kind, n: named.n } : { ...base, kind: named.kind };
}

/**
 * What a page shows before anyone chooses: the report staff are most likely writing now. Reports go
 * upward at the end of each half-year and year, so from February to July it is this year's first
 * half (July: the half just closed), from August it is this year as a whole, and in January the year
 * just ended. A fixed "first half" would open a December page on a report six months old.
 */
export function defaultDates(now = new Date()): { from: string; to: string } {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  if (month === 1) return periodDates({ kind: 'year', year: year - 1, n: 1, from: '', to: '' });
  return periodDates({ kind: month <= 7 ? 'half1' : 'year', year, n: 1, from: '', to: '' });
}

/** The period and unit a page's address holds (`?from=…&to=…&unitId=…`), the default period otherwise. */
export function periodFromAddress(): { dates: { from: string; to: string }; unitId: string | undefined } {
  const query = new URLSearchParams(location.search);
  const from = query.get('from');
  const to = query.get('to');
  const iso = (d: string | null): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);
  return {
    dates: iso(from) && iso(to) ? { from, to } : defaultDates(),
    unitId: query.get('unitId') || undefined,
  };
}
