/**
 * Vietnamese text rules: search that ignores diacritics, and names sorted the Vietnamese way
 * (by given name, then middle names, then family name).
 */

const COMBINING_MARKS = /\p{M}/gu;

/** "Nguyễn Văn Đạt" → "nguyen van dat": for search keys, never for display. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The precomposed Vietnamese letters (`from`) and what foldDiacritics makes of each (`to`), so a
 * database folds text as the domain does: `lower(translate(text, from, to))` in SQL.
 */
export function vietnameseFold(): { readonly from: string; readonly to: string } {
  let from = 'đĐ';
  let to = 'dd';
  for (const letter of 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY') {
    for (const mark of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
      const composed = `${letter}${mark}`.normalize('NFC');
      if (composed.length === 1 && !/[a-z]/i.test(composed)) {
        from += composed;
        to += foldDiacritics(composed);
      }
    }
  }
  return { from, to };
}

/** True when every word of the query starts a word of the text, diacritics and case ignored. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = ` ${foldDiacritics(text)}`;
  return foldDiacritics(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(` ${word}`));
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Vietnamese alphabetical order for plain strings (unit names, topics…). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** "Hoàng Thị Mai" → { family: "Hoàng", middle: "Thị", given: "Mai" }. */
export function splitFullName(fullName: string): { family: string; middle: string; given: string } {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words.at(-1) ?? '',
  };
}

/** Vietnamese name order: given name first, then middle, then family name. */
export function compareVietnameseNames(a: string, b: string): number {
  const x = splitFullName(a);
  const y = splitFullName(b);
  return (
    compareVietnamese(x.given, y.given) ||
    compareVietnamese(x.middle, y.middle) ||
    compareVietnamese(x.family, y.family)
  );
}
