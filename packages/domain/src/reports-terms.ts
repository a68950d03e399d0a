import type { IsoDate } from './calendar.js';

/** The named reporting periods staff use (ADR 0033): anything else is a range of dates. */
export type NamedPeriod =
  | { readonly kind: 'half1' | 'half2' | 'nine' | 'year' }
  | { readonly kind: 'quarter'; readonly n: number }
  | { readonly kind: 'month'; readonly n: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12) of a year, as `dd`. */
function lastDay(year: number, month: number): string {
  return pad(new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Which named period the dates are, if any: a month, a quarter, a half, nine months, a year. */
export function namedPeriod(from: IsoDate, to: IsoDate): NamedPeriod | null {
  const year = Number(from.slice(0, 4));
  if (to.slice(0, 4) !== from.slice(0, 4) || from.slice(8) !== '01') return null;
  const m1 = Number(from.slice(5, 7));
  const m2 = Number(to.slice(5, 7));
  if (to.slice(8) !== lastDay(year, m2)) return null;
  if (m1 === 1 && m2 === 12) return { kind: 'year' };
  if (m1 === 1 && m2 === 6) return { kind: 'half1' };
  if (m1 === 7 && m2 === 12) return { kind: 'half2' };
  if (m1 === 1 && m2 === 9) return { kind: 'nine' };
  if (m1 === m2) return { kind: 'month', n: m1 };
  if (m2 - m1 === 2 && (m1 - 1) % 3 === 0) return { kind: 'quarter', n: (m1 - 1) / 3 + 1 };
  return null;
}

/** The dates of a named period of a year: the inverse of `namedPeriod`. */
export function namedPeriodDates(period: NamedPeriod, year: number): { from: IsoDate; to: IsoDate } {
  const months = (m1: number, m2: number) => ({
    from: `${year}-${pad(m1)}-01`,
    to: `${year}-${pad(m2)}-${lastDay(year, m2)}`,
  });
  switch (period.kind) {
    case 'month':
      return months(period.n, period.n);
    case 'quarter':
      return months(period.n * 3 - 2, period.n * 3);
    case 'half1':
      return months(1, 6);
    case 'half2':
      return months(7, 12);
    case 'nine':
      return months(1, 9);
    case 'year':
      return months(1, 12);
  }
}
