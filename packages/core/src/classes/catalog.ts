import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ClassMode,
  codeNotFoundError,
  foldDiacritics,
  type LocalizedText,
  type ValidCatalogInput,
} from '@polcenter/domain';
import { decodeCursor } from '../kernel/cursor.js';
import { wordsStartingWords } from '../kernel/word-search.js';

import { PROGRAM, UNIT } from './references.js';

/** A class as the public sees it in the portal: no people, no links to private meetings. */
export interface CatalogEntry {
  readonly id: string;
  readonly code: string;
  readonly title: string | null;
  readonly program: { readonly code: string; readonly name: LocalizedText };
  readonly organiser: { readonly code: string; readonly name: string };
  readonly mode: ClassMode;
  readonly venue: string | null;
  readonly sites: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
  readonly seatsLeft: number;
  readonly enrolmentOpensOn: string | null;
  readonly enrolmentClosesOn: string | null;
  /** Whether enrolment is open today, not yet, or over. */
  readonly enrolment: 'before' | 'open' | 'after';
  readonly sessionCount: number;
  readonly periods: number;
}

/** @internal — An empty catalog may come from a code that names nothing: the page author's typo, said as such. */
export async function assertCatalogCodes(em: EntityManager, filter: ValidCatalogInput): Promise<void> {
  if (filter.organiserCode && !(await em.execute('SELECT 1 FROM unit WHERE code = ?', [filter.organiserCode]))[0]) {
    throw codeNotFoundError('UNIT.NOT_FOUND', UNIT, filter.organiserCode, 'organiserCode');
  }
  if (filter.programCode && !(await em.execute('SELECT 1 FROM program WHERE code = ?', [filter.programCode]))[0]) {
    throw codeNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, filter.programCode, 'programCode');
  }
}

/**
 * The public catalog's one query, with its parameters (`?` placeholders). Exported so the
 * benchmark's raw-`pg` baseline runs exactly the same SQL.
 */
export function catalogQuery(filter: ValidCatalogInput): { sql: string; params: unknown[] } {
  const after = filter.cursor ? decodeCursor(filter.cursor, ['date', 'text', 'uuid']) : null;
  const where = ["c.status = 'open'"];
  const params: unknown[] = [];
  const organiser = filter.organiserUnitId ?? filter.organiserCode;
  if (organiser) {
    params.push(organiser);
    where.push('c.organiser_unit_id IN (SELECT id FROM scope)');
  }
  if (filter.programId) {
    where.push('c.program_id = ?');
    params.push(filter.programId);
  }
  if (filter.programCode) {
    where.push('p.code = ?');
    params.push(filter.programCode);
  }
  if (filter.mode) {
    where.push(`c.mode IN (?, 'hybrid')`);
    params.push(filter.mode);
  }
  const words = foldDiacritics(filter.search ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length > 0) {
    const search = wordsStartingWords(`concat_ws(' ', c.code, c.title, p.name_vi, p.name_en, c.venue, u.name)`, words);
    where.push(...search.where);
    params.push(...search.params);
  }
  if (filter.from) {
    where.push('c.end_date >= ?::date');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('c.start_date <= ?::date');
    params.push(filter.to);
  }
  if (after) {
    where.push('(c.start_date, c.code, c.id) > (?::date, ?, ?::uuid)');
    params.push(...after);
  }
  const sql = `${
    organiser
      ? `WITH RECURSIVE scope AS (
               SELECT id FROM unit WHERE ${filter.organiserUnitId ? 'id' : 'code'} = ?
               UNION ALL
               SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
             )`
      : ''
  }
       SELECT c.id, c.code, c.title, p.code AS program_code, p.name_vi AS program_name_vi, p.name_en AS program_name_en,
              u.code AS organiser_code, u.name AS organiser_name, c.mode, c.venue, c.start_date::text AS start_date,
              c.end_date::text AS end_date, c.capacity, c.capacity - c.seats_taken AS seats_left,
              c.enrolment_opens_on::text AS enrolment_opens_on, c.enrolment_closes_on::text AS enrolment_closes_on,
              (SELECT coalesce(json_agg(cs.name ORDER BY cs.name COLLATE "vi-x-icu"), '[]'::json)
                 FROM class_site cs WHERE cs.class_id = c.id) AS sites,
              (SELECT count(*)::int FROM class_session s WHERE s.class_id = c.id) AS session_count,
              (SELECT coalesce(sum(s.periods), 0)::int FROM class_session s WHERE s.class_id = c.id) AS periods
         FROM training_class c JOIN program p ON p.id = c.program_id JOIN unit u ON u.id = c.organiser_unit_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.start_date, c.code, c.id
        LIMIT ${filter.limit + 1}`;
  return { sql, params };
}
