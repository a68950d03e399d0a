import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ClassStatus,
  ENROLMENT_STATE_NAMES,
  type EnrolmentState,
  type LocalizedText,
  recordNotFoundError,
} from '@polcenter/domain';
import { isRetryable } from '../db-errors';
import type { ProgramRules } from '../entities';
import type { Orm } from '../orm';

/** Shared plumbing of the enrolment, attendance, results and certificate services. */

/** Today in Vietnam, as `YYYY-MM-DD`: enrolment windows and certificate years are local dates. */
export function vietnamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

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

/**
 * One unit of work in its own transaction on its own forked EntityManager (ADR 0004). A deadlock
 * (possible in principle between a withdrawal and a staff approval in one class) is retried.
 */
export async function inTransaction<T>(orm: Orm, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await orm.em.fork().transactional((tx) => work(tx as EntityManager));
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
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

/** A class with its program's rules; CLASS.NOT_FOUND naming `field` when there is none. */
export async function loadClass(tx: EntityManager, classId: string, field = 'classId'): Promise<ClassRow> {
  const [row] = await tx.execute<ClassRow[]>(
    `SELECT c.id, c.code, c.status, c.capacity, c.seats_taken, c.enrolment_opens_on::text AS opens_on,
            c.enrolment_closes_on::text AS closes_on, c.start_date::text AS start_date, c.end_date::text AS end_date,
            c.title, c.organiser_unit_id, p.id AS program_id, p.code AS program_code,
            p.name_vi AS program_name_vi, p.name_en AS program_name_en, p.rules
       FROM training_class c JOIN program p ON p.id = c.program_id
      WHERE c.id = ?`,
    [classId],
  );
  if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', { vi: 'lớp', en: 'class' }, classId, field);
  return row;
}

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

export interface EnrolmentRow {
  id: string;
  class_id: string;
  class_code: string;
  person_id: string;
  person_name: string;
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

export const ENROLMENT_SELECT = `
  SELECT e.id, e.class_id, c.code AS class_code, e.person_id, p.full_name AS person_name, e.state, e.origin,
         e.nominated_by_unit_id, ${isoInstant('e.requested_at')} AS requested_at, e.queue_seq::text AS queue_seq,
         ${isoInstant('e.decided_at')} AS decided_at, e.final_score::float8 AS final_score, e.classification,
         e.note, e.decision_reason, e.version
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

export async function readEnrolments(tx: EntityManager, ids: readonly string[]): Promise<EnrolmentView[]> {
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

export async function lockEnrolment(
  tx: EntityManager,
  id: string,
  notFound: (id: string) => Error,
): Promise<LockedEnrolment> {
  const [row] = await tx.execute<LockedEnrolment[]>(
    'SELECT id, class_id, person_id, state FROM enrolment WHERE id = ? FOR UPDATE',
    [id],
  );
  if (!row) throw notFound(id);
  return row;
}
