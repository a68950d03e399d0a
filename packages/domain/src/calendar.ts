import type { LocalizedText } from './i18n.js';

/**
 * Calendar dates travel as ISO strings (`2022-03-14`): no time zone can shift them. People see
 * them as dd/mm/yyyy. No zod here, so widgets can format dates without loading the schemas.
 */
export type IsoDate = string;

/** One field's verdict: the value as it will be stored, or why it cannot be. */
export type FieldCheck<T = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: LocalizedText };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `2022-03-14` or `14/3/2022` → `2022-03-14`; undefined when it is not a real date (31/02). */
export function parseDate(text: string): IsoDate | undefined {
  const value = text.trim();
  const iso = ISO.exec(value);
  const dayFirst = DAY_FIRST.exec(value);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts as [number, number, number];
  if (!isRealDate(year, month, day)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A real calendar date, typed dd/mm/yyyy (or ISO), as an ISO date. */
export function checkDate(typed: string): FieldCheck<IsoDate> {
  const value = parseDate(typed);
  if (value) return { ok: true, value };
  const shown = typed.slice(0, 40);
  return {
    ok: false,
    message: {
      vi: `"${shown}" không phải là một ngày có thật (dạng dd/mm/yyyy).`,
      en: `"${shown}" is not a real date (format dd/mm/yyyy).`,
    },
  };
}

/** `2022-03-14` → `14/03/2022`. */
export function formatDate(iso: IsoDate): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The later of two ISO dates compares greater as plain strings. */
export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return a <= b;
}
