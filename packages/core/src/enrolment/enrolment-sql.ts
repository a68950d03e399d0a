import {
  type ClassStatus,
  type EducationLevel,
  ENROLMENT_STATE_NAMES,
  type EnrolmentState,
  type LocalizedText,
  type PartyStatus,
  recordNotFoundError,
  SEAT_HOLDING_STATES,
} from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import { sqlList } from '../kernel/sql-helpers.js';
import type { ProgramRules } from '../programs/rules.js';

/** Shared plumbing of the enrolment, attendance, results and certificate services. */

/** Today in Vietnam, as `YYYY-MM-DD`: enrolment windows and certificate years are local dates. */
export function vietnamToday(): string {
  return VIETNAM_DATE.format(new Date());
}

// Made once: building a DateTimeFormat costs more than a whole enrolment statement.
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Options every service of the enrolment lifecycle takes: a clock tests can set. */
export interface ClockOptions {
  /** Today as `YYYY-MM-DD`; Vietnam's date by default. */
  readonly today?: () => string;
}

/** A PostgreSQL array literal of ids already validated as uuids (no quoting needed). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** A timestamptz as an ISO instant with microseconds, so a cursor round-trips exactly. */
export function isoInstant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export interface ClassRow {
  readonly id: string;
  readonly code: string;
  readonly status: ClassStatus;
  readonly capacity: number;
  readonly seats_taken: number;
  readonly opens_on: string | null;
  readonly closes_on: string | null;
  readonly start_date: string;
  readonly end_date: string;
  readonly title: string | null;
  readonly organiser_unit_id: string;
  readonly program_id: string;
  readonly program_code: string;
  readonly program_name_vi: string;
  readonly program_name_en: string;
  readonly rules: ProgramRules;
}

const CLASS_SELECT = `
  SELECT c.id, c.code, c.status, c.capacity, c.seats_taken, c.enrolment_opens_on::text AS opens_on,
         c.enrolment_closes_on::text AS closes_on, c.start_date::text AS start_date, c.end_date::text AS end_date,
         c.title, c.organiser_unit_id, p.id AS program_id, p.code AS program_code,
         p.name_vi AS program_name_vi, p.name_en AS program_name_en, c.rules
    FROM training_class c JOIN program p ON p.id = c.program_id`;

const classNotFound = (classId: string, field: string) =>
  recordNotFoundError('CLASS.NOT_FOUND', { vi: 'lớp', en: 'class' }, classId, field);

/** A class with the rules it keeps (its program's when it opened); CLASS.NOT_FOUND naming `field` when there is none. */
export async function loadClass(tx: Sql, classId: string, field = 'classId'): Promise<ClassRow> {
  const [row] = await tx.execute<ClassRow[]>(`${CLASS_SELECT} WHERE c.id = ?`, [classId]);
  if (!row) throw classNotFound(classId, field);
  return row;
}

/** What the enrolment rules read of a person, from the row locked for the transaction. */
export interface PersonRow {
  id: string;
  /** The person's unit: whose staff may ask a seat for them (`RequestOptions.authorise`). */
  unit_id: string | null;
  full_name: string;
  party_status: PartyStatus;
  education_level: EducationLevel | null;
}

/**
 * Locks the people's rows (in id order, so two batches never deadlock) for the transaction: every
 * path that creates an enrolment takes this lock first, which makes the duplicate and clash checks
 * that follow hold under concurrency. The checks must be later statements than the lock: a
 * statement that waited for the lock still reads with the snapshot it started with.
 */
const LOCK_PEOPLE = `
  SELECT id, unit_id, full_name, party_status, education_level FROM person
   WHERE id = ANY(?::uuid[]) ORDER BY id FOR NO KEY UPDATE`;

function assertAllFound(rows: readonly PersonRow[], ids: readonly string[], fieldOf: (id: string) => string): void {
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw recordNotFoundError('PERSON.NOT_FOUND', { vi: 'người', en: 'person' }, missing, fieldOf(missing));
  }
}

/** The people's rows, locked; PERSON.NOT_FOUND names the field of the first unknown id. */
export async function lockPeople(
  tx: Sql,
  ids: readonly string[],
  fieldOf: (id: string) => string,
): Promise<PersonRow[]> {
  const rows = await tx.execute<PersonRow[]>(LOCK_PEOPLE, [uuidArray(ids)]);
  assertAllFound(rows, ids, fieldOf);
  return rows;
}

/**
 * `loadClass` and `lockPeople` in one round trip, for the one-person paths that run most often.
 * The class is read, then the people locked (an unknown class locks no one).
 */
export async function loadClassLockingPeople(
  tx: Sql,
  classId: string,
  ids: readonly string[],
  fieldOf: (id: string) => string,
): Promise<{ cls: ClassRow; people: PersonRow[] }> {
  const [row] = await tx.execute<(ClassRow & { locked: PersonRow[] })[]>(
    `WITH locked AS (${LOCK_PEOPLE})
     SELECT k.*, (SELECT coalesce(json_agg(l), '[]') FROM locked l) AS locked FROM (${CLASS_SELECT} WHERE c.id = ?) k`,
    [uuidArray(ids), classId],
  );
  if (!row) throw classNotFound(classId, 'classId');
  const { locked, ...cls } = row;
  assertAllFound(locked, ids, fieldOf);
  return { cls, people: locked };
}

/** The states that hold a seat (the domain's list), as SQL: `e.state IN ${SEATED_SQL}`. */
export const SEATED_SQL = sqlList(SEAT_HOLDING_STATES);

export const programName = (cls: ClassRow): LocalizedText => ({ vi: cls.program_name_vi, en: cls.program_name_en });

/** What leaves the library about an enrolment: plain data, never the entity. */
export interface EnrolmentView {
  readonly id: string;
  readonly classId: string;
  readonly classCode: string;
  readonly personId: string;
  readonly personName: string;
  readonly state: EnrolmentState;
  readonly stateName: LocalizedText;
  readonly origin: 'nominated' | 'requested';
  readonly nominatedByUnitId: string | null;
  /** When asked for: the waitlist is served in this order. */
  readonly requestedAt: string;
  readonly decidedAt: string | null;
  readonly finalScore: number | null;
  /** Grading band code (`excellent`, `good`…), set with the result. */
  readonly classification: string | null;
  readonly note: string | null;
  /** Why staff rejected or withdrew it. */
  readonly decisionReason: string | null;
  readonly version: number;
}

/** An enrolment's own columns, as `enrolmentColumns` reads them. */
export interface StoredEnrolmentRow {
  id: string;
  class_id: string;
  person_id: string;
  state: EnrolmentState;
  origin: 'nominated' | 'requested';
  nominated_by_unit_id: string | null;
  requested_at: string;
  queue_seq: string;
  decided_at: string | null;
  final_score: number | null;
  classification: string | null;
  note: string | null;
  decision_reason: string | null;
  version: number;
}

export interface EnrolmentRow extends StoredEnrolmentRow {
  class_code: string;
  person_name: string;
}

/** The columns of `StoredEnrolmentRow`, of the table aliased `alias` (none in a RETURNING). */
export function enrolmentColumns(alias = ''): string {
  const e = alias ? `${alias}.` : '';
  return `${e}id, ${e}class_id, ${e}person_id, ${e}state, ${e}origin, ${e}nominated_by_unit_id,
          ${isoInstant(`${e}requested_at`)} AS requested_at, ${e}queue_seq::text AS queue_seq,
          ${isoInstant(`${e}decided_at`)} AS decided_at, ${e}final_score::float8 AS final_score, ${e}classification,
          ${e}note, ${e}decision_reason, ${e}version`;
}

export const ENROLMENT_SELECT = `
  SELECT ${enrolmentColumns('e')}, c.code AS class_code, p.full_name AS person_name
    FROM enrolment e JOIN training_class c ON c.id = e.class_id JOIN person p ON p.id = e.person_id`;

export function toEnrolmentView(row: EnrolmentRow): EnrolmentView {
  return {
    id: row.id,
    classId: row.class_id,
    classCode: row.class_code,
    personId: row.person_id,
    personName: row.person_name,
    state: row.state,
    stateName: ENROLMENT_STATE_NAMES[row.state],
    origin: row.origin,
    nominatedByUnitId: row.nominated_by_unit_id,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    finalScore: row.final_score === null ? null : Number(row.final_score),
    classification: row.classification,
    note: row.note,
    decisionReason: row.decision_reason,
    version: row.version,
  };
}

export async function readEnrolments(tx: Sql, ids: readonly string[]): Promise<EnrolmentView[]> {
  if (ids.length === 0) return [];
  const rows = await tx.execute<EnrolmentRow[]>(`${ENROLMENT_SELECT} WHERE e.id = ANY(?::uuid[])`, [uuidArray(ids)]);
  const byId = new Map(rows.map((r) => [r.id, toEnrolmentView(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The enrolment's row locked for this transaction: the one place its state is read to be changed. */
export interface LockedEnrolment {
  readonly id: string;
  readonly class_id: string;
  readonly person_id: string;
  readonly state: EnrolmentState;
}

export async function lockEnrolment(tx: Sql, id: string, notFound: (id: string) => Error): Promise<LockedEnrolment> {
  const [row] = await tx.execute<LockedEnrolment[]>(
    'SELECT id, class_id, person_id, state FROM enrolment WHERE id = ? FOR UPDATE',
    [id],
  );
  if (!row) throw notFound(id);
  return row;
}
