/** The product speaks Vietnamese first and English second. */
export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** One text in both languages; every user-facing message is one of these. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export function pickLang(value: string | undefined | null): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
