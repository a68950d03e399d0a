import { vietnameseFold } from '@polcenter/domain';
import { likeEscape } from './cursor.js';

/**
 * The conditions that find each of `words` (already folded as the domain folds a query) at the start
 * of a word of `text` (an SQL expression), which is folded in SQL by the domain's own table so both
 * sides fold alike: one condition, with its `?` parameters, per word. Characters of `asSpaces` count
 * as spaces in the text (a class code's `-` and `/`).
 */
export function wordsStartingWords(
  text: string,
  words: readonly string[],
  { asSpaces = '' }: { readonly asSpaces?: string } = {},
): { where: string[]; params: unknown[] } {
  const { from, to } = vietnameseFold();
  const folded = `lower(translate(${text}, ?, ?))`;
  const spaced = asSpaces
    ? `translate(${folded}, '${asSpaces.replaceAll("'", "''")}', '${' '.repeat(asSpaces.length)}')`
    : folded;
  return {
    where: words.map(() => `' ' || ${spaced} LIKE ?`),
    params: words.flatMap((word) => [from, to, `% ${likeEscape(word)}%`]),
  };
}
