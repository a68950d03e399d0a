import {
  CLASS_STATUS_NAMES,
  type ClassMode,
  type ClassStatus,
  type LocalizedText,
  searchWords,
  type ValidClassListInput,
} from '@polcenter/domain';
import { decodeCursor, encodeCursor } from '../kernel/cursor.js';
import { pgArray } from '../kernel/sql-helpers.js';
import { wordsStartingWords } from '../kernel/word-search.js';

/**
 * Whose classes a list shows: every class, or those organised by one of `unitIds`, a unit below
 * one of them, or a unit above one of them (the district's classes are a commune's business too:
 * its people attend them).
 */
export type ClassScope = { readonly all: true } | { readonly unitIds: readonly string[] };

/** A class as a row of the staff's list. */
export interface ClassListItem {
  readonly id: string;
  readonly code: string;
  readonly title: string | null;
  readonly program: { readonly id: string; readonly code: string; readonly name: LocalizedText };
  readonly organiser: { readonly id: string; readonly code: string; readonly name: string };
  readonly mode: ClassMode;
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
  readonly seatsTaken: number;
  readonly status: ClassStatus;
  readonly statusName: LocalizedText;
  readonly sessionCount: number;
  readonly version: number;
}

export interface ClassListRow {
  id: string;
  code: string;
  title: string | null;
  program_id: string;
  program_code: string;
  program_name_vi: string;
  program_name_en: string;
  organiser_id: string;
  organiser_code: string;
  organiser_name: string;
  mode: ClassMode;
  start_date: string;
  end_date: string;
  capacity: number;
  seats_taken: number;
  status: ClassStatus;
  session_count: number;
  version: number;
}

export function toListItem(r: ClassListRow): ClassListItem {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    program: { id: r.program_id, code: r.program_code, name: { vi: r.program_name_vi, en: r.program_name_en } },
    organiser: { id: r.organiser_id, code: r.organiser_code, name: r.organiser_name },
    mode: r.mode,
    startDate: r.start_date,
    endDate: r.end_date,
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
    status: r.status,
    statusName: CLASS_STATUS_NAMES[r.status],
    sessionCount: r.session_count,
    version: r.version,
  };
}

/** The page's cursor: the sort key of its last row. */
export const listCursor = (item: ClassListItem) => encodeCursor([item.startDate, item.code, item.id]);

/**
 * The list's one query (`?` placeholders): newest start first, then code in Vietnamese order. The
 * reach and the organiser filter are walks of the unit tree in the same statement.
 */
export function classListQuery(scope: ClassScope, filter: ValidClassListInput): { sql: string; params: unknown[] } {
  const ctes: string[] = [];
  const where: string[] = [];
  const cteParams: unknown[] = [];
  const params: unknown[] = [];
  if (!('all' in scope)) {
    cteParams.push(pgArray([...scope.unitIds]), pgArray([...scope.unitIds]));
    ctes.push(
      `below AS (SELECT id FROM unit WHERE id = ANY(?::uuid[])
                 UNION SELECT w.id FROM unit_within w JOIN below b ON w.parent_id = b.id)`,
      `above AS (SELECT id, parent_id FROM unit WHERE id = ANY(?::uuid[])
                 UNION SELECT u.id, u.parent_id FROM unit u JOIN above a ON u.id = a.parent_id)`,
    );
    where.push('(c.organiser_unit_id IN (SELECT id FROM below) OR c.organiser_unit_id IN (SELECT id FROM above))');
  }
  if (filter.organiserUnitId) {
    cteParams.push(filter.organiserUnitId);
    ctes.push(
      `picked AS (SELECT id FROM unit WHERE id = ?
                  UNION SELECT w.id FROM unit_within w JOIN picked p ON w.parent_id = p.id)`,
    );
    where.push('c.organiser_unit_id IN (SELECT id FROM picked)');
  }
  if (filter.status) {
    where.push('c.status = ?');
    params.push(filter.status);
  }
  if (filter.programId) {
    where.push('c.program_id = ?');
    params.push(filter.programId);
  }
  if (filter.year) {
    where.push('c.start_date <= ?::date AND c.end_date >= ?::date');
    params.push(`${filter.year}-12-31`, `${filter.year}-01-01`);
  }
  if (filter.from) {
    where.push('c.end_date >= ?::date');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('c.start_date <= ?::date');
    params.push(filter.to);
  }
  const words = searchWords(filter.search);
  if (words.length > 0) {
    // A code's `-`, `/` and `.` count as spaces, so "03/2027" finds NTĐ-03/2027.
    const search = wordsStartingWords(`concat_ws(' ', c.code, c.title, p.name_vi, p.name_en)`, words, {
      asSpaces: '-/.',
    });
    where.push(...search.where);
    params.push(...search.params);
  }
  if (filter.cursor) {
    const [start, code, id] = decodeCursor(filter.cursor, ['date', 'text', 'uuid']);
    where.push(
      `(c.start_date < ?::date OR (c.start_date = ?::date AND (c.code COLLATE "vi-x-icu", c.id) > (?, ?::uuid)))`,
    );
    params.push(start, start, code, id);
  }
  const sql = `${ctes.length > 0 ? `WITH RECURSIVE ${ctes.join(',\n')}` : ''}
    SELECT c.id, c.code, c.title, p.id AS program_id, p.code AS program_code, p.name_vi AS program_name_vi,
           p.name_en AS program_name_en, u.id AS organiser_id, u.code AS organiser_code, u.name AS organiser_name,
           c.mode, c.start_date::text AS start_date, c.end_date::text AS end_date, c.capacity, c.seats_taken,
           c.status, c.version,
           (SELECT count(*)::int FROM class_session s WHERE s.class_id = c.id) AS session_count
      FROM training_class c JOIN program p ON p.id = c.program_id JOIN unit u ON u.id = c.organiser_unit_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.start_date DESC, c.code COLLATE "vi-x-icu", c.id
     LIMIT ${filter.limit + 1}`;
  return { sql, params: [...cteParams, ...params] };
}
