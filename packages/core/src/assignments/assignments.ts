import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AssignmentInput,
  type AssignmentRole,
  assignmentInput,
  type ClashingSession,
  type DayPart,
  doubleBookedError,
  findClash,
  idInput,
  parseInput,
  sessionNotFoundError,
  unknownReferenceError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isoCol, pgArray } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface AssignmentView {
  readonly id: string;
  readonly sessionId: string;
  readonly personId: string;
  readonly role: AssignmentRole;
  /** Set when the assignment was made despite a clash. */
  readonly overrideReason: string | null;
}

interface SessionRow {
  id: string;
  class_id: string;
  class_code: string;
  title: string | null;
  date: string;
  part: DayPart | null;
  start_time: string;
  end_time: string;
  lecturer_id: string | null;
}

const SESSION_COLUMNS = `s.id, s.class_id, c.code AS class_code, s.title, ${isoCol('s.date', 'date')}, s.part,
  to_char(s.start_time, 'HH24:MI') AS start_time, to_char(s.end_time, 'HH24:MI') AS end_time, s.lecturer_id`;

const asClashing = (row: SessionRow): ClashingSession => ({
  sessionId: row.id,
  classId: row.class_id,
  classCode: row.class_code,
  title: row.title,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
});

/**
 * Teaching assignments of lecturers and rapporteurs to class sessions. A person is never
 * double-booked (same date, overlapping times of day) unless staff override explicitly; the
 * override is kept on the assignment and in the audit log.
 *
 * Concurrency: the check and the insert run under a lock on the person's row (FOR UPDATE), so two
 * staff assigning the same lecturer to clashing sessions at once are serialised and the second
 * sees the first's assignment: one wins, the other gets ASSIGNMENT.DOUBLE_BOOKED.
 * The session's own `lecturer_id` (set by timetables) counts as an assignment too, and a
 * `lecturer` assignment fills it when it is empty.
 */
export class AssignmentService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async assign(actor: Actor, input: AssignmentInput): Promise<AssignmentView> {
    const data = parseInput(assignmentInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      const [person] = await tx.execute<{ full_name: string }[]>(
        'SELECT full_name FROM person WHERE id = ? FOR UPDATE',
        [data.personId],
      );
      if (!person) throw unknownReferenceError('personId', data.personId);
      const [session] = await tx.execute<SessionRow[]>(
        `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id WHERE s.id = ?`,
        [data.sessionId],
      );
      if (!session) throw sessionNotFoundError(data.sessionId);
      const [existing] = await tx.execute<AssignmentRow[]>(
        `SELECT id, session_id, person_id, role, override_reason FROM teaching_assignment WHERE session_id = ? AND person_id = ?`,
        [data.sessionId, data.personId],
      );
      if (existing) return view(existing);

      // The person's other sessions that day, assigned here or named as the session's lecturer.
      const sameDay = await tx.execute<SessionRow[]>(
        `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id
          WHERE s.date = ?::date AND s.id <> ? AND c.status <> 'cancelled'
            AND (s.lecturer_id = ? OR EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.session_id = s.id AND a.person_id = ?))
          ORDER BY s.start_time`,
        [session.date, session.id, data.personId, data.personId],
      );
      const clash = findClash([asClashing(session)], sameDay.map(asClashing));
      if (clash && !data.override) throw doubleBookedError(person.full_name, data.personId, clash.second);

      const overrideReason = clash ? (data.override?.reason ?? null) : null;
      const [row] = await tx.execute<AssignmentRow[]>(
        `INSERT INTO teaching_assignment (id, session_id, person_id, role, override_reason)
         VALUES (gen_random_uuid(), ?, ?, ?, ?) RETURNING id, session_id, person_id, role, override_reason`,
        [data.sessionId, data.personId, data.role, overrideReason],
      );
      if (data.role === 'lecturer' && !session.lecturer_id) {
        await tx.execute(
          'UPDATE class_session SET lecturer_id = ? WHERE id = ?',
          [data.personId, data.sessionId],
          'run',
        );
      }
      const created = view(row as AssignmentRow);
      await audit(tx, actor, {
        action: clash ? 'assignment.override' : 'assignment.create',
        entity: 'teaching_assignment',
        entityId: created.id,
        after: { ...created, ...(clash && { clashesWith: clash.second }) },
      });
      return created;
    });
  }

  /** Removes an assignment (and the session's lecturer when it was this person). */
  async unassign(actor: Actor, assignmentId: string): Promise<void> {
    parseInput(idInput, assignmentId);
    await this.orm.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<AssignmentRow[]>(
        'DELETE FROM teaching_assignment WHERE id = ? RETURNING id, session_id, person_id, role, override_reason',
        [assignmentId],
      );
      if (!row) throw unknownReferenceError('assignmentId', assignmentId);
      await tx.execute(
        'UPDATE class_session SET lecturer_id = NULL WHERE id = ? AND lecturer_id = ?',
        [row.session_id, row.person_id],
        'run',
      );
      await audit(tx, actor, {
        action: 'assignment.delete',
        entity: 'teaching_assignment',
        entityId: row.id,
        before: view(row),
      });
    });
  }

  /** The assignments of a session. */
  async ofSession(sessionId: string): Promise<AssignmentView[]> {
    parseInput(idInput, sessionId);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<AssignmentRow[]>(
        'SELECT id, session_id, person_id, role, override_reason FROM teaching_assignment WHERE session_id = ? ORDER BY assigned_at',
        [sessionId],
      );
    return rows.map(view);
  }
}

interface AssignmentRow {
  id: string;
  session_id: string;
  person_id: string;
  role: AssignmentRole;
  override_reason: string | null;
}

function view(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    sessionId: row.session_id,
    personId: row.person_id,
    role: row.role,
    overrideReason: row.override_reason,
  };
}

/**
 * Sessions created with a lecturer named on them (a timetable typed in whole) must not double-book
 * that lecturer either. Same rule and same lock as `assign`: each lecturer's person row, in id
 * order, then their other sessions that day, assigned or named.
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
 */
export async function assertLecturersFree(tx: EntityManager, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const sessions = await tx.execute<SessionRow[]>(
    `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id
      WHERE s.id = ANY(?::uuid[]) AND s.lecturer_id IS NOT NULL`,
    [pgArray(sessionIds)],
  );
  const lecturers = [...new Set(sessions.map((s) => s.lecturer_id as string))].sort();
  for (const personId of lecturers) {
    const [person] = await tx.execute<{ full_name: string }[]>('SELECT full_name FROM person WHERE id = ? FOR UPDATE', [
      personId,
    ]);
    for (const session of sessions.filter((s) => s.lecturer_id === personId)) {
      const sameDay = await tx.execute<SessionRow[]>(
        `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id
          WHERE s.date = ?::date AND s.id <> ? AND c.status <> 'cancelled'
            AND (s.lecturer_id = ? OR EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.session_id = s.id AND a.person_id = ?))`,
        [session.date, session.id, personId, personId],
      );
      const clash = findClash([asClashing(session)], sameDay.map(asClashing));
      if (clash) throw doubleBookedError(person?.full_name ?? '', personId, clash.second);
    }
  }
}

/** Someone booked despite a clash, as an override records it. */
export interface OverriddenClash {
  readonly personId: string;
  readonly personName: string;
  readonly clashesWith: ClashingSession;
}

/**
 * Everyone teaching a session whose time or lecturer just changed — the lecturer named on it and
 * everyone assigned — must still be free then: the same rule and lock order as `assign`. A clash
 * is refused (ASSIGNMENT.DOUBLE_BOOKED) unless `override` gives a reason; then it is kept on the
 * person's assignment and returned for the caller's audit entry.
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
 */
export async function assertTeachersFree(
  tx: EntityManager,
  sessionId: string,
  override?: { readonly reason: string },
): Promise<OverriddenClash[]> {
  const [session] = await tx.execute<SessionRow[]>(
    `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id WHERE s.id = ?`,
    [sessionId],
  );
  if (!session) return [];
  const people = await tx.execute<{ person_id: string }[]>(
    `SELECT lecturer_id AS person_id FROM class_session WHERE id = ? AND lecturer_id IS NOT NULL
     UNION SELECT person_id FROM teaching_assignment WHERE session_id = ?
     ORDER BY person_id`,
    [sessionId, sessionId],
  );
  const overridden: OverriddenClash[] = [];
  for (const { person_id: personId } of people) {
    const [person] = await tx.execute<{ full_name: string }[]>('SELECT full_name FROM person WHERE id = ? FOR UPDATE', [
      personId,
    ]);
    const sameDay = await tx.execute<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM class_session s JOIN training_class c ON c.id = s.class_id
        WHERE s.date = ?::date AND s.id <> ? AND c.status <> 'cancelled'
          AND (s.lecturer_id = ? OR EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.session_id = s.id AND a.person_id = ?))
        ORDER BY s.start_time`,
      [session.date, session.id, personId, personId],
    );
    const clash = findClash([asClashing(session)], sameDay.map(asClashing));
    if (!clash) continue;
    const name = person?.full_name ?? '';
    if (!override) throw doubleBookedError(name, personId, clash.second);
    overridden.push({ personId, personName: name, clashesWith: clash.second });
    await tx.execute(
      'UPDATE teaching_assignment SET override_reason = ? WHERE session_id = ? AND person_id = ?',
      [override.reason, sessionId, personId],
      'run',
    );
  }
  return overridden;
}
