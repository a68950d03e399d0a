import { formatDate, type IsoDate, type Lang, type LocalizedText, pickLang } from '@polcenter/domain';

const STORAGE_KEY = 'pc-console-lang';

/**
 * The console's language: Vietnamese unless the person chose English here before. The choice is
 * kept in the browser and written to `<html lang>`, which every console element (a `PcElement`)
 * follows live: switching re-renders the page in place, nothing is reloaded or lost.
 */
export function savedLang(): Lang {
  try {
    return pickLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'vi';
  }
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private windows may refuse storage: the switch still works for this visit.
  }
  document.documentElement.lang = lang;
}

/** Dates are dd/mm/yyyy in both languages, as the domain writes them. */
export function date(iso: string | null | undefined): string {
  return iso ? formatDate(iso.slice(0, 10) as IsoDate) : '';
}

/** A date and time of day: `14/03/2022 08:30`. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const NUMBERS: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** Numbers as the reader writes them: `16.212` and `7,5` in Vietnamese, `16,212` and `7.5` in English. */
export function number(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? '' : NUMBERS[lang].format(value);
}

/** Pick the reader's language from a bilingual text. */
export function t(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
