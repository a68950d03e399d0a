import {
  type AttendanceMark,
  type AttendanceMarkInput,
  type AttendanceSheetInput,
  attendanceMarkInput,
  attendanceSessionNotFoundError,
  attendanceSheetInput,
  type ClassStatus,
  classNotRunningError,
  type EnrolmentState,
  holdsSeat,
  invalidFieldError,
  notSeatedError,
  parseInput,
  recordRef,
} from '@polcenter/domain';
import { SEATED_SQL, uuidArray } from '../enrolment/enrolment-sql.js';
import type { Actor } from '../kernel/actor.js';
import { type AuditEntry, audit } from '../kernel/audit.js';
import { session as ambientSession, inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';

/** One trainee's line on a session's sheet. */
export interface AttendanceLine {
  readonly enrolmentId: string;
  readonly personId: string;
  readonly personName: string;
  readonly state: EnrolmentState;
  /** Null while not taken. */
  readonly mark: AttendanceMark | null;
  readonly note: string | null;
}

/** A session's attendance sheet: every trainee holding a seat, marked or not. */
export interface AttendanceSheetView {
  readonly sessionId: string;
  readonly classId: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly periods: number;
  readonly lines: readonly AttendanceLine[];
}

/** Statuses in which a class's sessions are taught: attendance, scores and results are kept. */
export const TEACHING_STATUSES: readonly ClassStatus[] = ['running', 'finished'];

interface MarkEntry {
  readonly enrolmentId: string;
  readonly mark: AttendanceMark;
  readonly note?: string | null;
}

/**
 * Attendance per session (*điểm danh*): one mark, or a whole sheet in one statement. Only trainees
 * holding a seat in the session's class are marked; the first mark of an approved trainee makes
 * them `attending`. Every sheet is audited with the marks it changed, before and after.
 */
export class AttendanceService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /** Marks a whole session at once (up to 2,000 trainees); marks already there are replaced. */
  async recordSheet(actor: Actor, input: AttendanceSheetInput): Promise<AttendanceSheetView> {
    const data = parseInput(attendanceSheetInput, input);
    await inTransaction(this.orm, (tx) =>
      record(tx, actor, data.sessionId, data.marks, (i) => `marks.${i}.enrolmentId`),
    );
    return this.sheet(data.sessionId);
  }

  /** One trainee's mark for one session. */
  async recordMark(actor: Actor, input: AttendanceMarkInput): Promise<AttendanceLine> {
    const data = parseInput(attendanceMarkInput, input);
    await inTransaction(this.orm, (tx) => record(tx, actor, data.sessionId, [data], () => 'enrolmentId'));
    const sheet = await this.sheet(data.sessionId);
    const line = sheet.lines.find((l) => l.enrolmentId === data.enrolmentId);
    if (!line) throw new Error('a recorded mark vanished');
    return line;
  }

  /** The sheet of a session: the trainees holding a seat, in Vietnamese name order, with their marks. */
  async sheet(sessionId: string): Promise<AttendanceSheetView> {
    const { id } = parseInput(recordRef, { id: sessionId });
    // Inside an idempotent call (ADR 0011) the read joins its transaction and sees the marks.
    const em = ambientSession(this.orm);
    const [session] = await em.execute<
      { id: string; class_id: string; date: string; start_time: string; end_time: string; periods: number }[]
    >(
      `SELECT id, class_id, date::text AS date, to_char(start_time, 'HH24:MI') AS start_time,
              to_char(end_time, 'HH24:MI') AS end_time, periods
         FROM class_session WHERE id = ?`,
      [id],
    );
    if (!session) throw attendanceSessionNotFoundError(id);
    const lines = await em.execute<
      {
        enrolment_id: string;
        person_id: string;
        full_name: string;
        state: EnrolmentState;
        mark: AttendanceMark | null;
        note: string | null;
      }[]
    >(
      `SELECT e.id AS enrolment_id, p.id AS person_id, p.full_name, e.state, a.mark, a.note
         FROM enrolment e JOIN person p ON p.id = e.person_id
         LEFT JOIN attendance a ON a.enrolment_id = e.id AND a.session_id = ?
        WHERE e.class_id = ? AND e.state IN ${SEATED_SQL}
        ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", e.id`,
      [id, session.class_id],
    );
    return {
      sessionId: session.id,
      classId: session.class_id,
      date: session.date,
      startTime: session.start_time,
      endTime: session.end_time,
      periods: session.periods,
      lines: lines.map((l) => ({
        enrolmentId: l.enrolment_id,
        personId: l.person_id,
        personName: l.full_name,
        state: l.state,
        mark: l.mark,
        note: l.note,
      })),
    };
  }
}

async function record(
  tx: Sql,
  actor: Actor,
  sessionId: string,
  marks: readonly MarkEntry[],
  fieldOf: (index: number) => string,
): Promise<void> {
  const [session] = await tx.execute<{ class_id: string; status: ClassStatus }[]>(
    `SELECT s.class_id, c.status FROM class_session s JOIN training_class c ON c.id = s.class_id WHERE s.id = ?`,
    [sessionId],
  );
  if (!session) throw attendanceSessionNotFoundError(sessionId);
  if (!TEACHING_STATUSES.includes(session.status)) throw classNotRunningError(session.status);
  const ids = marks.map((m) => m.enrolmentId);
  // Locked so a withdrawal cannot slip between this check and the marks.
  const enrolments = await tx.execute<{ id: string; class_id: string; state: EnrolmentState }[]>(
    'SELECT id, class_id, state FROM enrolment WHERE id = ANY(?::uuid[]) ORDER BY id FOR NO KEY UPDATE',
    [uuidArray(ids)],
  );
  const byId = new Map(enrolments.map((e) => [e.id, e]));
  marks.forEach((m, i) => {
    const e = byId.get(m.enrolmentId);
    if (!e || e.class_id !== session.class_id) {
      throw invalidFieldError(fieldOf(i), {
        vi: 'Không phải học viên của lớp có buổi học này.',
        en: 'Not an enrolment in the class of this session.',
      });
    }
    if (!holdsSeat(e.state)) throw notSeatedError(e.state, fieldOf(i));
  });
  const before = await tx.execute<{ enrolment_id: string; mark: AttendanceMark; note: string | null }[]>(
    'SELECT enrolment_id, mark, note FROM attendance WHERE session_id = ? AND enrolment_id = ANY(?::uuid[])',
    [sessionId, uuidArray(ids)],
  );
  const previous = new Map(before.map((b) => [b.enrolment_id, b]));
  const changed = marks.filter((m) => {
    const old = previous.get(m.enrolmentId);
    return !old || old.mark !== m.mark || old.note !== (m.note ?? null);
  });
  if (changed.length === 0) return;
  await tx.execute(
    `INSERT INTO attendance (enrolment_id, session_id, mark, note, recorded_at)
     SELECT x.enrolment_id, ?, x.mark, x.note, now()
       FROM jsonb_to_recordset(?::jsonb) AS x(enrolment_id uuid, mark text, note text)
     ON CONFLICT (enrolment_id, session_id)
     DO UPDATE SET mark = excluded.mark, note = excluded.note, recorded_at = excluded.recorded_at`,
    [
      sessionId,
      JSON.stringify(changed.map((m) => ({ enrolment_id: m.enrolmentId, mark: m.mark, note: m.note ?? null }))),
    ],
  );
  const started = await tx.execute<{ id: string }[]>(
    `UPDATE enrolment SET state = 'attending', updated_at = now(), version = version + 1
      WHERE id = ANY(?::uuid[]) AND state = 'approved' RETURNING id`,
    [uuidArray(changed.map((m) => m.enrolmentId))],
  );
  const entries: AuditEntry[] = [
    {
      action: 'attendance.record',
      entity: 'class_session',
      entityId: sessionId,
      before: Object.fromEntries(
        changed.map((m) => {
          const old = previous.get(m.enrolmentId);
          return [m.enrolmentId, old ? { mark: old.mark, note: old.note } : null];
        }),
      ),
      after: Object.fromEntries(changed.map((m) => [m.enrolmentId, { mark: m.mark, note: m.note ?? null }])),
    },
    ...started.map(
      (e): AuditEntry => ({
        action: 'enrolment.attend',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: 'approved' },
        after: { state: 'attending' },
      }),
    ),
  ];
  await audit(tx, actor, ...entries);
}
