import { likeEscape } from '../kernel/cursor.js';
import { ORDER, SELECT_PERSON } from './person-rows.js';

/** A unit and every unit within it (below it, and those it carries on after a merger). */
const SCOPE = `WITH RECURSIVE scope AS (
    SELECT id FROM unit WHERE id = ?
    UNION
    SELECT w.id FROM unit_within w JOIN scope s ON w.parent_id = s.id
  )`;

export interface PersonSearchQuery {
  /** The query's words, folded as `search_name` is (foldDiacritics). */
  readonly words: readonly string[];
  readonly unitId?: string | undefined;
  readonly withinUnits?: readonly string[] | undefined;
  /** The keyset of the last row of the previous page: given name, full name, id. */
  readonly after?: readonly unknown[] | null;
  readonly limit: number;
}

/**
 * The people search statement (`?` parameters). Its shapes are what the indexes of ADR 0034 serve:
 * each word is `(' ' || p.search_name) LIKE '% word%'` (the trigram index's expression: a leading
 * space lets "van" match the start of any word but not the middle of "Nguyễn Vân"), and the order
 * is ORDER (the name-order index's columns), so a common word reads names in order from the index
 * until a page is full, and a rare one is looked up by trigrams.
 */
export function personSearchStatement(q: PersonSearchQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.unitId) params.push(q.unitId);
  for (const word of q.words) {
    where.push(`(' ' || p.search_name) LIKE ?`);
    params.push(`% ${likeEscape(word)}%`);
  }
  if (q.unitId) where.push('p.unit_id IN (SELECT id FROM scope)');
  // The units the caller's roles reach (their UnitReach), given by the API: nobody else's people.
  if (q.withinUnits) {
    where.push('p.unit_id = ANY(?::uuid[])');
    params.push(`{${q.withinUnits.join(',')}}`);
  }
  if (q.after) {
    where.push('(p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id) > (?, ?, ?::uuid)');
    params.push(...q.after);
  }
  // The page's ids first, from the name-order index alone (its columns hold the name, the folded
  // name and the unit: an index-only scan, no visit to a person's row it will not show); then the
  // rows of that page.
  const page = `page AS (
    SELECT p.id FROM person p
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${ORDER}
    LIMIT ${q.limit + 1}
  )`;
  const sql = `${q.unitId ? `${SCOPE}, ${page}` : `WITH ${page}`}
    ${SELECT_PERSON} JOIN page ON page.id = p.id
    ORDER BY ${ORDER}`;
  return { sql, params };
}
