import type { EnrolmentState } from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { AUDIT_INSERT } from '../kernel/audit.js';
import { RetryTransaction, type Sql } from '../kernel/sql.js';
import {
  type ClassRow,
  type EnrolmentRow,
  enrolmentColumns,
  type PersonRow,
  type StoredEnrolmentRow,
  uuidArray,
} from './enrolment-sql.js';

// The statements that write enrolments: nominations, a request with its seat, seat claims, decisions.

/**
 * Nominations of these people by a unit, in the given order (which is their waitlist order); none
 * for a person who already has an active enrolment (the partial unique index decides).
 */
export async function insertNominations(
  tx: Sql,
  cls: Pick<ClassRow, 'id' | 'code'>,
  people: readonly Pick<PersonRow, 'id' | 'full_name'>[],
  by: { unitId: string; note: string | null },
): Promise<EnrolmentRow[]> {
  if (people.length === 0) return [];
  const rows = await tx.execute<StoredEnrolmentRow[]>(
    `WITH input AS (SELECT person_id, n FROM unnest(?::uuid[]) WITH ORDINALITY AS x(person_id, n))
     INSERT INTO enrolment (id, class_id, person_id, state, origin, nominated_by_unit_id, note)
     SELECT gen_random_uuid(), ?, person_id, 'nominated', 'nominated', ?, ? FROM input ORDER BY n
     ON CONFLICT (class_id, person_id) WHERE state NOT IN ('withdrawn', 'rejected') DO NOTHING
     RETURNING ${enrolmentColumns()}`,
    [uuidArray(people.map((p) => p.id)), cls.id, by.unitId, by.note],
  );
  const order = new Map(people.map((p, i) => [p.id, i]));
  const names = new Map(people.map((p) => [p.id, p.full_name]));
  return rows
    .sort((a, b) => (order.get(a.person_id) ?? 0) - (order.get(b.person_id) ?? 0))
    .map((row) => ({ ...row, class_code: cls.code, person_name: names.get(row.person_id) ?? '' }));
}

/**
 * A request written in one statement: the seat (with `autoAdmit`), the enrolment in the state that
 * follows, and its audit row. The class row is locked by the seat claim — or, when the class is
 * full, by a locking read — and stays locked only until the commit that follows at once, so requests
 * for one class queue for as short a time as they can. If that read finds a seat freed meanwhile (a
 * withdrawal that committed while we waited and saw no one waiting), the whole request is run again
 * and takes it: no one is waitlisted beside an empty chair.
 */
export async function insertRequest(
  tx: Sql,
  actor: Actor,
  cls: ClassRow,
  person: PersonRow,
  options: { autoAdmit: boolean; note: string | null },
): Promise<EnrolmentRow> {
  const after = { classId: cls.id, personId: person.id, autoAdmit: options.autoAdmit };
  const [row] = await tx.execute<(StoredEnrolmentRow & { seat_freed: boolean | null })[]>(
    `WITH ${SEAT_CLAIM},
          ins AS (
            INSERT INTO enrolment (id, class_id, person_id, state, origin, note, decided_at)
            VALUES (gen_random_uuid(), ?, ?,
                    CASE WHEN NOT ?::boolean THEN 'requested'
                         WHEN EXISTS (SELECT FROM seat) THEN 'approved' ELSE 'waitlisted' END,
                    'requested', ?, CASE WHEN ?::boolean THEN now() END)
            RETURNING ${enrolmentColumns()}),
          logged AS (
            ${AUDIT_INSERT}
            SELECT ?, ?, 'enrolment.request', 'enrolment', ins.id, NULL, ?::jsonb || jsonb_build_object('state', ins.state)
              FROM ins)
     SELECT ins.*, (SELECT free FROM full_class) AS seat_freed FROM ins`,
    [
      cls.id,
      options.autoAdmit,
      cls.id,
      options.autoAdmit,
      cls.id,
      person.id,
      options.autoAdmit,
      options.note,
      options.autoAdmit,
      actor.id,
      actor.label,
      JSON.stringify(after),
    ],
  );
  if (!row) throw new Error('the request statement returned no row');
  if (row.seat_freed) throw new RetryTransaction('a seat was freed while the request waited for the class');
  const { seat_freed: _, ...stored } = row;
  return { ...stored, class_code: cls.code, person_name: person.full_name };
}

/**
 * A seat of the class (`$1`), when `$2` is true: the conditional UPDATE takes one if any is left
 * (CTE `seat`); when none is, the class row is locked all the same (CTE `full_class`) and read
 * again after any withdrawal that held it, so a seat freed meanwhile is seen (`free`) instead of
 * leaving someone on the waitlist beside an empty chair. The one place this rule is written: the
 * request's single statement and `claimSeat` both start with it.
 */
export const SEAT_CLAIM = `
  seat AS (
    UPDATE training_class SET seats_taken = seats_taken + 1
     WHERE id = ? AND ?::boolean AND seats_taken < capacity
    RETURNING id),
  full_class AS (
    SELECT seats_taken < capacity AS free FROM training_class
     WHERE id = ? AND ?::boolean AND NOT EXISTS (SELECT FROM seat)
       FOR NO KEY UPDATE)`;

/** Takes one seat of the class, or reports that none is left (the class row then stays locked). */
export async function claimSeat(tx: Sql, classId: string): Promise<boolean> {
  const [claim] = await tx.execute<{ taken: boolean; freed: boolean | null }[]>(
    `WITH ${SEAT_CLAIM} SELECT EXISTS (SELECT FROM seat) AS taken, (SELECT free FROM full_class) AS freed`,
    [classId, true, classId, true],
  );
  if (claim?.taken) return true;
  if (!claim?.freed) return false;
  // A seat freed while we waited: the lock is ours now, so taking it cannot race.
  const retaken = await tx.execute(
    'UPDATE training_class SET seats_taken = seats_taken + 1 WHERE id = ? AND seats_taken < capacity RETURNING id',
    [classId],
  );
  return retaken.length > 0;
}

export async function setState(tx: Sql, id: string, state: EnrolmentState, reason?: string | null): Promise<void> {
  await tx.execute(
    `UPDATE enrolment SET state = ?, decided_at = now(), updated_at = now(), version = version + 1
       ${reason === undefined ? '' : ', decision_reason = ?'}
     WHERE id = ?`,
    reason === undefined ? [state, id] : [state, reason, id],
  );
}
