import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AssignmentRole,
  CLASS_STATUS_NAMES,
  type ClassStatus,
  classNotEditableError,
  type DayPart,
  findClash,
  invalidFieldError,
  type LocalizedText,
  parseInput,
  type RemoveSessionInput,
  recordNotFoundError,
  recordRef,
  removeSessionInput,
  sessionHasAttendanceError,
  sessionStaleError,
  timetableClashError,
  timetableSessionNotFoundError,
  type UpdateSessionInput,
  updateSessionInput,
} from '@polcenter/domain';
import { assertTeachersFree } from '../assignments/assignments.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { session as readSession, transactional } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { CLASS } from './references.js';
import { resolveSessionReferences, TIMETABLE_FROZEN, withTimes } from './timetable.js';

/** Someone teaching a session: an assignment, or the lecturer named on the timetable alone. */
export interface SessionTeacherView {
  /** Null for a lecturer named on the session without an assignment (a timetable typed in whole). */
  readonly assignmentId: string | null;
  readonly personId: string;
  readonly fullName: string;
  readonly role: AssignmentRole;
  /** Set when staff booked the person despite a clash, with their reason. */
  readonly overrideReason: string | null;
}

export interface TimetableSessionView {
  readonly id: string;
  /** Pass back to `updateSession` / `removeSession`. */
  readonly version: number;
  readonly date: string;
  readonly part: DayPart | null;
  readonly startTime: string;
  readonly endTime: string;
  readonly topicNumber: number | null;
  /** The program's title of the topic, when the session teaches one. */
  readonly topicTitle: LocalizedText | null;
  readonly title: string | null;
  readonly periods: number;
  readonly siteId: string | null;
  readonly siteName: string | null;
  readonly lecturerId: string | null;
  readonly teachers: readonly SessionTeacherView[];
  /** Trainees marked in the session; a session with marks cannot be removed. */
  readonly attendanceCount: number;
}

/** A class's timetable as staff edit it: its sessions with their teachers, and what they may pick from. */
export interface TimetableView {
  readonly classId: string;
  readonly status: ClassStatus;
  /** Finished, closed and cancelled classes keep their timetable as it was. */
  readonly frozen: boolean;
  readonly startDate: string;
  readonly endDate: string;
  readonly topics: readonly { readonly number: number; readonly title: LocalizedText; readonly periods: number }[];
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  readonly sessions: readonly TimetableSessionView[];
}

interface SessionRow {
  id: string;
  class_id: string;
  version: number;
  date: string;
  part: DayPart | null;
  start_time: string;
  end_time: string;
  topic_number: number | null;
  title: string | null;
  periods: number;
  lecturer_id: string | null;
  site_id: string | null;
}

const SESSION_COLUMNS = `s.id, s.class_id, s.version, s.date::text AS date, s.part,
  to_char(s.start_time, 'HH24:MI') AS start_time, to_char(s.end_time, 'HH24:MI') AS end_time,
  s.topic_number, s.title, s.periods, s.lecturer_id, s.site_id`;

/** A session as the audit log keeps it, before and after. */
const record = (s: SessionRow) => ({
  id: s.id,
  date: s.date,
  part: s.part,
  startTime: s.start_time,
  endTime: s.end_time,
  topicNumber: s.topic_number,
  title: s.title,
  periods: s.periods,
  lecturerId: s.lecturer_id,
  siteId: s.site_id,
});

/**
 * Editing a class's timetable one session at a time (adding is `ClassService.addSessions`). Each
 * change locks the class row, like adding does, so two clerks cannot both fill one morning; each
 * session carries a version, so a change made on a stale screen is refused.
 */
export class TimetableService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async view(classId: string): Promise<TimetableView> {
    const ref = parseInput(recordRef, { id: classId });
    const em = readSession(this.orm);
    const [cls] = await em.execute<
      { id: string; status: ClassStatus; start_date: string; end_date: string; program_id: string }[]
    >('SELECT id, status, start_date::text, end_date::text, program_id FROM training_class WHERE id = ?', [ref.id]);
    if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, ref.id, 'classId');
    const topics = await em.execute<{ number: number; title_vi: string; title_en: string; periods: number }[]>(
      'SELECT number, title_vi, title_en, periods FROM program_topic WHERE program_id = ? ORDER BY number',
      [cls.program_id],
    );
    const sites = await em.execute<{ id: string; name: string }[]>(
      'SELECT id, name FROM class_site WHERE class_id = ? ORDER BY name COLLATE "vi-x-icu", id',
      [ref.id],
    );
    const sessions = await em.execute<(SessionRow & { site_name: string | null; marks: number })[]>(
      `SELECT ${SESSION_COLUMNS}, cs.name AS site_name,
              (SELECT count(*)::int FROM attendance a WHERE a.session_id = s.id) AS marks
         FROM class_session s LEFT JOIN class_site cs ON cs.id = s.site_id
        WHERE s.class_id = ?
        ORDER BY s.date, s.start_time, s.id`,
      [ref.id],
    );
    // Assignments first, by when they were made; a lecturer named on the session without one last.
    const teachers = await em.execute<
      {
        session_id: string;
        assignment_id: string | null;
        person_id: string;
        full_name: string;
        role: AssignmentRole;
        override_reason: string | null;
      }[]
    >(
      `SELECT t.session_id, t.assignment_id, t.person_id, p.full_name, t.role, t.override_reason
         FROM (
           SELECT a.session_id, a.id AS assignment_id, a.person_id, a.role, a.override_reason, a.assigned_at
             FROM teaching_assignment a JOIN class_session s ON s.id = a.session_id WHERE s.class_id = ?
           UNION ALL
           SELECT s.id, NULL, s.lecturer_id, 'lecturer', NULL, NULL
             FROM class_session s
            WHERE s.class_id = ? AND s.lecturer_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.session_id = s.id AND a.person_id = s.lecturer_id)
         ) t JOIN person p ON p.id = t.person_id
        ORDER BY t.assigned_at NULLS LAST, p.full_name COLLATE "vi-x-icu"`,
      [ref.id, ref.id],
    );
    const titles = new Map(topics.map((t) => [t.number, { vi: t.title_vi, en: t.title_en }]));
    return {
      classId: cls.id,
      status: cls.status,
      frozen: TIMETABLE_FROZEN.includes(cls.status),
      startDate: cls.start_date,
      endDate: cls.end_date,
      topics: topics.map((t) => ({ number: t.number, title: { vi: t.title_vi, en: t.title_en }, periods: t.periods })),
      sites,
      sessions: sessions.map((s) => ({
        id: s.id,
        version: s.version,
        date: s.date,
        part: s.part,
        startTime: s.start_time,
        endTime: s.end_time,
        topicNumber: s.topic_number,
        topicTitle: s.topic_number == null ? null : (titles.get(s.topic_number) ?? null),
        title: s.title,
        periods: s.periods,
        siteId: s.site_id,
        siteName: s.site_name,
        lecturerId: s.lecturer_id,
        teachers: teachers
          .filter((t) => t.session_id === s.id)
          .map((t) => ({
            assignmentId: t.assignment_id,
            personId: t.person_id,
            fullName: t.full_name,
            role: t.role,
            overrideReason: t.override_reason,
          })),
        attendanceCount: s.marks,
      })),
    };
  }

  /**
   * Replaces a session's date, time, topic, periods, site (and named lecturer, when given). Refused
   * when the class is frozen (CLASS.NOT_EDITABLE), the version is stale, the date is outside the
   * class, it overlaps another session of the class (TIMETABLE.CLASH), or — when its time or
   * lecturer changes — someone teaching it is then busy elsewhere (ASSIGNMENT.DOUBLE_BOOKED), unless
   * `override` gives the reason, which is audited. Returns the timetable.
   */
  async updateSession(actor: Actor, input: UpdateSessionInput): Promise<TimetableView> {
    const data = parseInput(updateSessionInput, input);
    const classId = await transactional(this.orm, async (tx) => {
      const { cls, before } = await lockForChange(tx, data.sessionId, data.version);
      const timed = withTimes(data.session);
      if (timed.date < cls.start_date || timed.date > cls.end_date) {
        throw invalidFieldError('session.date', {
          vi: 'Buổi học nằm ngoài thời gian của lớp.',
          en: 'The session falls outside the dates of the class.',
        });
      }
      const others = await tx.execute<{ date: string; startTime: string; endTime: string }[]>(
        `SELECT date::text AS date, to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime"
           FROM class_session WHERE class_id = ? AND id <> ?`,
        [before.class_id, before.id],
      );
      const clash = findClash([timed], others);
      if (clash) throw timetableClashError(clash.first, clash.second);
      const [siteId] = await resolveSessionReferences(tx, before.class_id, cls.program_id, [timed], () => 'session');
      const lecturerId = data.session.lecturerId === undefined ? before.lecturer_id : data.session.lecturerId;
      const [after] = await tx.execute<SessionRow[]>(
        `UPDATE class_session s
            SET date = ?::date, part = ?, start_time = ?::time, end_time = ?::time, topic_number = ?, title = ?,
                periods = ?, lecturer_id = ?, site_id = ?, version = s.version + 1
          WHERE s.id = ?
        RETURNING ${SESSION_COLUMNS}`,
        [
          timed.date,
          timed.part ?? null,
          timed.startTime,
          timed.endTime,
          timed.topicNumber ?? null,
          timed.title ?? null,
          timed.periods,
          lecturerId ?? null,
          siteId ?? null,
          before.id,
        ],
      );
      // Only a new time or a new lecturer can make a clash: a title or site edit of a session booked
      // by an override is not asked for the reason again.
      const moved =
        timed.date !== before.date ||
        timed.startTime !== before.start_time ||
        timed.endTime !== before.end_time ||
        (lecturerId ?? null) !== before.lecturer_id;
      const overridden = moved ? await assertTeachersFree(tx, before.id, data.override) : [];
      await audit(tx, actor, {
        action: 'class.update_session',
        entity: 'class',
        entityId: before.class_id,
        before: record(before),
        after: {
          ...record(after as SessionRow),
          ...(overridden.length > 0 && { override: { reason: data.override?.reason, clashes: overridden } }),
        },
      });
      return before.class_id;
    });
    return this.view(classId);
  }

  /**
   * Removes a session with its teaching assignments. Refused when the class is frozen, the version
   * is stale, or trainees were marked in it (TIMETABLE.SESSION_HAS_ATTENDANCE: their marks count
   * towards results). Returns the timetable.
   */
  async removeSession(actor: Actor, input: RemoveSessionInput): Promise<TimetableView> {
    const data = parseInput(removeSessionInput, input);
    const classId = await transactional(this.orm, async (tx) => {
      const { before } = await lockForChange(tx, data.sessionId, data.version);
      // A mark being written holds a key-share lock on the session row, which our FOR UPDATE waited
      // for: once we hold it, the count below is final until we commit.
      const [{ marks } = { marks: 0 }] = await tx.execute<{ marks: number }[]>(
        'SELECT count(*)::int AS marks FROM attendance WHERE session_id = ?',
        [before.id],
      );
      if (marks > 0) {
        throw sessionHasAttendanceError(
          { date: before.date, startTime: before.start_time, endTime: before.end_time },
          marks,
        );
      }
      const assignments = await tx.execute<
        { id: string; person_id: string; role: AssignmentRole; override_reason: string | null }[]
      >(
        'SELECT id, person_id, role, override_reason FROM teaching_assignment WHERE session_id = ? ORDER BY assigned_at',
        [before.id],
      );
      // Its assignments and (empty) attendance go with it (ON DELETE CASCADE).
      await tx.execute('DELETE FROM class_session WHERE id = ?', [before.id], 'run');
      await audit(tx, actor, {
        action: 'class.remove_session',
        entity: 'class',
        entityId: before.class_id,
        before: {
          ...record(before),
          assignments: assignments.map((a) => ({
            id: a.id,
            personId: a.person_id,
            role: a.role,
            overrideReason: a.override_reason,
          })),
        },
      });
      return before.class_id;
    });
    return this.view(classId);
  }
}

/**
 * Locks the class (as `addSessions` does: timetable changes of one class queue up) and then the
 * session, refusing a frozen class and a stale version.
 */
async function lockForChange(
  tx: EntityManager,
  sessionId: string,
  version: number,
): Promise<{
  cls: { status: ClassStatus; start_date: string; end_date: string; program_id: string };
  before: SessionRow;
}> {
  const [owner] = await tx.execute<{ class_id: string }[]>('SELECT class_id FROM class_session WHERE id = ?', [
    sessionId,
  ]);
  if (!owner) throw timetableSessionNotFoundError(sessionId);
  const [cls] = await tx.execute<{ status: ClassStatus; start_date: string; end_date: string; program_id: string }[]>(
    'SELECT status, start_date::text, end_date::text, program_id FROM training_class WHERE id = ? FOR UPDATE',
    [owner.class_id],
  );
  if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, owner.class_id, 'classId');
  if (TIMETABLE_FROZEN.includes(cls.status)) throw classNotEditableError(cls.status, CLASS_STATUS_NAMES[cls.status]);
  const [before] = await tx.execute<SessionRow[]>(
    `SELECT ${SESSION_COLUMNS} FROM class_session s WHERE s.id = ? FOR UPDATE`,
    [sessionId],
  );
  // Removed by someone else while we waited for the class.
  if (!before) throw timetableSessionNotFoundError(sessionId);
  if (before.version !== version) throw sessionStaleError(version, before.version);
  return { cls, before };
}
