import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ClassStatus,
  type DayPart,
  DEFAULT_DAY_PART_TIMES,
  invalidFieldError,
  type ValidSessionInput,
} from '@polcenter/domain';
import { assertLecturersFree } from '../assignments/assignments.js';

import { assertExists, PERSON } from './references.js';

/** Finished, closed and cancelled classes are history: their timetable no longer changes. */
export const TIMETABLE_FROZEN: readonly ClassStatus[] = ['finished', 'closed', 'cancelled'];

/** A session with its times made explicit, as stored. */
export interface TimedSession extends ValidSessionInput {
  readonly startTime: string;
  readonly endTime: string;
}

export function withTimes(session: ValidSessionInput): TimedSession {
  if (session.startTime && session.endTime)
    return { ...session, startTime: session.startTime, endTime: session.endTime };
  // The schema guarantees a half-day when explicit times are absent.
  const part = DEFAULT_DAY_PART_TIMES[session.part as DayPart];
  return { ...session, startTime: part.start, endTime: part.end };
}

/**
 * Checks what only the database knows of sessions about to be written: the topic is one of the
 * program's, the lecturer is a person on file, the site is one of the class's. Each refusal names
 * its field under `prefix(index)` (`sessions.2`, or `session` for one edited). Returns the site ids.
 */
export async function resolveSessionReferences(
  tx: EntityManager,
  classId: string,
  programId: string,
  sessions: readonly TimedSession[],
  prefix: (index: number) => string,
): Promise<(string | null)[]> {
  const topics = new Set(
    (await tx.execute<{ number: number }[]>('SELECT number FROM program_topic WHERE program_id = ?', [programId])).map(
      (t) => t.number,
    ),
  );
  const sites = new Map(
    (
      await tx.execute<{ id: string; name: string }[]>('SELECT id, name FROM class_site WHERE class_id = ?', [classId])
    ).map((s) => [s.name, s.id]),
  );
  const siteIds: (string | null)[] = [];
  for (const [index, session] of sessions.entries()) {
    if (session.topicNumber != null && !topics.has(session.topicNumber)) {
      throw invalidFieldError(`${prefix(index)}.topicNumber`, {
        vi: `Chương trình không có chuyên đề số ${session.topicNumber}.`,
        en: `The program has no topic number ${session.topicNumber}.`,
      });
    }
    if (session.lecturerId) {
      await assertExists(tx, 'person', session.lecturerId, 'PERSON.NOT_FOUND', PERSON, `${prefix(index)}.lecturerId`);
    }
    const siteId = session.site ? sites.get(session.site) : null;
    if (session.site && !siteId) {
      throw invalidFieldError(`${prefix(index)}.site`, {
        vi: `Lớp không có điểm cầu "${session.site}".`,
        en: `The class has no site "${session.site}".`,
      });
    }
    siteIds.push(siteId ?? null);
  }
  return siteIds;
}

/**
 * Inserts sessions after checking their references (`resolveSessionReferences`) and that no
 * lecturer named on them is double-booked. Returns how many were written.
 */
export async function insertSessions(
  tx: EntityManager,
  classId: string,
  programId: string,
  sessions: readonly TimedSession[],
): Promise<number> {
  if (sessions.length === 0) return 0;
  const siteIds = await resolveSessionReferences(tx, classId, programId, sessions, (index) => `sessions.${index}`);
  const values: unknown[] = [];
  for (const [index, session] of sessions.entries()) {
    values.push(
      classId,
      session.date,
      session.part ?? null,
      session.startTime,
      session.endTime,
      session.topicNumber ?? null,
      session.title ?? null,
      session.periods,
      session.lecturerId ?? null,
      siteIds[index] ?? null,
    );
  }
  const inserted = await tx.execute<{ id: string }[]>(
    `INSERT INTO class_session (id, class_id, date, part, start_time, end_time, topic_number, title, periods, lecturer_id, site_id)
     VALUES ${sessions.map(() => '(gen_random_uuid(), ?, ?::date, ?, ?::time, ?::time, ?, ?, ?, ?, ?)').join(', ')}
     RETURNING id`,
    values,
  );
  await assertLecturersFree(
    tx,
    inserted.map((row) => row.id),
  );
  return sessions.length;
}
