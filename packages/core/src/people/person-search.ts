import { likeEscape } from '../kernel/cursor.js';
import { ORDER, SELECT_PERSON } from './person-rows.js';

/** A unit and every unit within it (below it, and those it carries on after a merger). */
const SCOPE = `WITH RECURSIVE scope AS (
    SELECT id FROM unit WHERE id = ?
    UNION
    SELECT w.id FROM unit_within w JOIN scope s ON w.parent_id = s.id
  )`;

/**
 * Query words that choose the index ranges of `person_name_word`: the first needs three letters,
 * the second two. A shorter word starts too much of the vocabulary ("n", "th") for one range per
 * exact word to pay; queries without such a word walk the list, which most people then match.
 */
const MIN_FIRST_KEY = 3;
const MIN_SECOND_KEY = 2;

export interface PersonSearchQuery {
  /** The query's words, folded as `search_name` is (foldDiacritics). */
  readonly words: readonly string[];
  readonly unitId?: string | undefined;
  readonly withinUnits?: readonly string[] | undefined;
  /** The keyset of the last row of the previous page: given name, full name, id. */
  readonly after?: readonly unknown[] | null;
  readonly limit: number;
}

/** Columns of the row a filter applies to: a person, or one of their name words. */
interface Columns {
  readonly searchName: string;
  readonly unitId: string;
  /** The row's unit is in `scope`. */
  readonly inScope: string;
  readonly keyset: string;
}

const PERSON: Columns = {
  searchName: 'p.search_name',
  unitId: 'p.unit_id',
  inScope: 'p.unit_id IN (SELECT id FROM scope)',
  keyset: ORDER,
};
// The word table's name columns are in the "vi-x-icu" collation already: its index is in list order.
const WORD_ORDER = 'w.given_name, w.full_name, w.person_id';
const WORD: Columns = {
  searchName: 'w.search_name',
  unitId: 'w.unit_id',
  // The scope as an array tested on each entry of a range read in order: as a semi-join, the
  // planner read a common pair's whole range (8,605 entries) into a hash to find a commune's page.
  inScope: 'w.unit_id = ANY(ARRAY(SELECT id FROM scope))',
  keyset: WORD_ORDER,
};

/**
 * What every person on the page meets: each query word starts a word of the folded name
 * (`(' ' || search_name) LIKE '% word%'`, the trigram index's expression: a leading space lets "van"
 * match the start of any word but not the middle of "Nguyễn Vân"), the unit scope, the caller's
 * units, and the keyset. Parameters in the order they appear.
 */
function filters(q: PersonSearchQuery, c: Columns): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const word of q.words) {
    where.push(`(' ' || ${c.searchName}) LIKE ?`);
    params.push(`% ${likeEscape(word)}%`);
  }
  if (q.unitId) where.push(c.inScope);
  // The units the caller's roles reach (their UnitReach), given by the API: nobody else's people.
  if (q.withinUnits) {
    where.push(`${c.unitId} = ANY(?::uuid[])`);
    params.push(`{${q.withinUnits.join(',')}}`);
  }
  if (q.after) {
    where.push(`(${c.keyset}) > (?, ?, ?::uuid)`);
    params.push(...q.after);
  }
  return { where, params };
}

const whereClause = (where: readonly string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

/** The one or two query words that choose the index ranges: the longest (the fewest words start with them). */
function keyWords(words: readonly string[]): string[] {
  const [first, second] = [...new Set(words)].sort((a, b) => b.length - a.length);
  if (!first || first.length < MIN_FIRST_KEY) return [];
  return second && second.length >= MIN_SECOND_KEY ? [first, second] : [first];
}

/**
 * The page's ids by walking the name-order index (ADR 0034) until a page of matches is found: an
 * index-only scan (its columns hold the name, the folded name and the unit). Cheap where most
 * people match; it reads more of the list the more people sort before the first matches.
 */
function walk(q: PersonSearchQuery): { sql: string; params: unknown[] } {
  const { where, params } = filters(q, PERSON);
  return { sql: `SELECT p.id FROM person p ${whereClause(where)} ORDER BY ${ORDER} LIMIT ${q.limit + 1}`, params };
}

/**
 * The page's ids from `person_name_word` (ADR 0046), whose index is in list order inside each
 * exact word of a name and each pair of its distinct words. The key words are expanded to the exact
 * words they start (a range of the vocabulary); each exact word, or pair (`word` < `other_word`), is
 * one index range read in list order up to a page, filtered there by every query word, the scope
 * and the keyset; the ranges' pages are merged. Every match lies in one of those ranges (a name
 * word that starts with both key words, under the word alone), so the page is the walk's; a person
 * in two ranges (two words starting with "van") is kept once, as is a range met twice (a pair of
 * words that each start both key words): cheaper than making the ranges distinct first.
 */
function ranges(q: PersonSearchQuery, keys: readonly string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = keys.map((word) => `${likeEscape(word)}%`);
  const nameKeys =
    keys.length === 2
      ? `SELECT least(a.word, b.word) AS word,
                CASE WHEN a.word = b.word THEN '' ELSE greatest(a.word, b.word) END AS other_word
           FROM person_name_vocabulary a, person_name_vocabulary b WHERE a.word LIKE ? AND b.word LIKE ?`
      : `SELECT a.word, '' AS other_word FROM person_name_vocabulary a WHERE a.word LIKE ?`;
  const { where, params: filterParams } = filters(q, WORD);
  params.push(...filterParams);
  const sql = `SELECT m.person_id AS id FROM (${nameKeys}) k,
      LATERAL (SELECT w.person_id, w.given_name, w.full_name FROM person_name_word w
                ${whereClause(['w.word = k.word', 'w.other_word = k.other_word', ...where])}
                ORDER BY ${WORD_ORDER} LIMIT ${q.limit + 1}) m
     GROUP BY m.given_name, m.full_name, m.person_id
     ORDER BY m.given_name, m.full_name, m.person_id
     LIMIT ${q.limit + 1}`;
  return { sql, params };
}

/**
 * The people search statement (`?` parameters): the first `limit + 1` people in Vietnamese order
 * (ORDER) whose folded name has a word starting with each query word, in the unit scope and the
 * caller's units, after the keyset. The page's ids come first, from indexes alone (no visit to a
 * person's row it will not show): from the ranges of the query's longest words, or, when no word
 * is long enough to choose them, from the walk of the list; then the rows of that page.
 */
export function personSearchStatement(q: PersonSearchQuery): { sql: string; params: unknown[] } {
  const keys = keyWords(q.words);
  const page = keys.length > 0 ? ranges(q, keys) : walk(q);
  const sql = `${q.unitId ? `${SCOPE}, ` : 'WITH '}page AS (${page.sql})
    ${SELECT_PERSON} JOIN page ON page.id = p.id
    ORDER BY ${ORDER}`;
  return { sql, params: [...(q.unitId ? [q.unitId] : []), ...page.params] };
}
