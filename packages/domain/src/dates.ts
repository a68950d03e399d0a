import { z } from 'zod';
import { bilingual } from './errors';

/**
 * Calendar dates travel as ISO strings (`2022-03-14`): no time zone can shift them. People see
 * them as dd/mm/yyyy.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date (no 31/02) as `YYYY-MM-DD`; also accepts `dd/mm/yyyy` typed by a person. */
export const isoDate = z.string().transform((value, ctx) => {
  const text = value.trim();
  const iso = ISO.exec(text);
  const vn = VN.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!isRealDate(year, month, day)) {
    ctx.addIssue({
      code: 'custom',
      message: bilingual({
        vi: `"${value.slice(0, 40)}" không phải là một ngày có thật (dạng dd/mm/yyyy).`,
        en: `"${value.slice(0, 40)}" is not a real date (format dd/mm/yyyy).`,
      }),
    });
    return z.NEVER;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
});

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
