import {
  type MergeConflict,
  mergeConflictError,
  type PersonMergeInput,
  parseInput,
  personMergeInput,
  recordNotFoundError,
  staleRecordError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Sql } from '../kernel/sql.js';
import { auditImage, PERSON, type PersonRecord, readPerson } from './person-rows.js';

/**
 * Every column that names a person, and how a merge moves it. `link` tables say a person took part
 * in something (a briefing, a report, a conference): when both records took part, it is one fact,
 * and the merged record's row goes. Others move as they are, after `conflicts` made sure the
 * survivor would not end up twice where one person can be once. `merge.test.ts` checks this list
 * against the database's foreign keys, so a new table naming people cannot be forgotten here.
 */
export const PERSON_REFERENCES: readonly { table: string; column: string; linkOf?: string }[] = [
  { table: 'enrolment', column: 'person_id' },
  { table: 'class_session', column: 'lecturer_id' },
  { table: 'teaching_assignment', column: 'person_id' },
  { table: 'roster_decision_item', column: 'person_id' },
  { table: 'briefing_person', column: 'person_id', linkOf: 'briefing_id' },
  { table: 'opinion_report_person', column: 'person_id', linkOf: 'report_id' },
  { table: 'conference_attendance', column: 'person_id', linkOf: 'conference_id' },
  { table: 'contest_entrant', column: 'person_id' },
  { table: 'contest_score', column: 'judge_id' },
  { table: 'contest_judge', column: 'person_id', linkOf: 'contest_id' },
  { table: 'app_user', column: 'person_id' },
  { table: 'registration_review', column: 'matched_person_id' },
  { table: 'person_merge', column: 'survivor_id' },
];

/** What would put the survivor twice where a person may be once, found before anything moves. */
async function conflicts(tx: Sql, survivorId: string, mergedId: string): Promise<MergeConflict[]> {
  const [row] = await tx.execute<{ conflicts: MergeConflict[] }[]>(
    `SELECT coalesce((SELECT json_agg(x) FROM (
        SELECT 'enrolment' AS kind, c.code AS "classCode", NULL AS date, NULL AS "contestName", NULL AS "decisionNumber"
          FROM enrolment a JOIN enrolment b ON b.class_id = a.class_id JOIN training_class c ON c.id = a.class_id
         WHERE a.person_id = ?::uuid AND b.person_id = ?::uuid
           AND a.state NOT IN ('withdrawn', 'rejected') AND b.state NOT IN ('withdrawn', 'rejected')
        UNION ALL
        SELECT 'teaching', c.code, to_char(s.date, 'DD/MM/YYYY'), NULL, NULL
          FROM teaching_assignment a JOIN teaching_assignment b ON b.session_id = a.session_id
          JOIN class_session s ON s.id = a.session_id JOIN training_class c ON c.id = s.class_id
         WHERE a.person_id = ?::uuid AND b.person_id = ?::uuid
        UNION ALL
        SELECT 'contest', k.title, NULL, k.title, NULL
          FROM contest_entrant a JOIN contest_entrant b ON b.contest_id = a.contest_id JOIN contest k ON k.id = a.contest_id
         WHERE a.person_id = ?::uuid AND b.person_id = ?::uuid
        UNION ALL
        SELECT DISTINCT 'contest', k.title, NULL, k.title, NULL
          FROM contest_score a JOIN contest_score b ON b.entrant_id = a.entrant_id AND b.round = a.round
          JOIN contest_entrant e ON e.id = a.entrant_id JOIN contest k ON k.id = e.contest_id
         WHERE a.judge_id = ?::uuid AND b.judge_id = ?::uuid
        UNION ALL
        SELECT 'roster_decision', NULL, NULL, NULL, d.number
          FROM roster_decision_item a JOIN roster_decision_item b ON b.decision_id = a.decision_id
          JOIN roster_decision d ON d.id = a.decision_id
         WHERE a.person_id = ?::uuid AND b.person_id = ?::uuid
      ) x), '[]') AS conflicts`,
    // Five pairs, survivor then merged, in the order the placeholders appear.
    Array.from({ length: 5 }, () => [survivorId, mergedId]).flat(),
  );
  return (row?.conflicts ?? []).map((c) => compact(c));
}

function compact(conflict: Record<string, unknown>): MergeConflict {
  return Object.fromEntries(Object.entries(conflict).filter(([, v]) => v !== null)) as unknown as MergeConflict;
}

/**
 * Merges `mergedId` into `survivorId` in the caller's transaction, both rows locked first (in id
 * order, as enrolment locks people), so an enrolment of either person made meanwhile waits and then
 * sees the outcome: the merged record gone (PERSON.NOT_FOUND), or the survivor already enrolled.
 * The survivor keeps its fields and takes from the other record only those it lacks. The audit keeps
 * both records as they were and what moved, on the survivor and on the merged id.
 */
export async function mergePeople(tx: Sql, actor: Actor, input: PersonMergeInput): Promise<PersonRecord> {
  const data = parseInput(personMergeInput, input);
  const locked = await tx.execute<{ id: string; version: number }[]>(
    'SELECT id, version FROM person WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE',
    [`{${data.survivorId},${data.mergedId}}`],
  );
  for (const [id, version, field] of [
    [data.survivorId, data.survivorVersion, 'survivorId'],
    [data.mergedId, data.mergedVersion, 'mergedId'],
  ] as const) {
    const row = locked.find((r) => r.id === id);
    if (!row) throw recordNotFoundError('PERSON.NOT_FOUND', PERSON, id, field);
    if (row.version !== version) throw staleRecordError('PERSON.STALE', PERSON, version, row.version);
  }
  const survivor = await readPerson(tx, data.survivorId);
  const merged = await readPerson(tx, data.mergedId);
  const found = await conflicts(tx, survivor.id, merged.id);
  if (found.length > 0) throw mergeConflictError(found);

  const moved: Record<string, number> = {};
  for (const ref of PERSON_REFERENCES) {
    let count = 0;
    if (ref.linkOf) {
      const gone = await tx.execute<{ n: number }[]>(
        `WITH gone AS (
           DELETE FROM ${ref.table} m WHERE m.${ref.column} = ?
              AND EXISTS (SELECT 1 FROM ${ref.table} s WHERE s.${ref.column} = ? AND s.${ref.linkOf} = m.${ref.linkOf})
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [merged.id, survivor.id],
      );
      count += gone[0]?.n ?? 0;
    }
    const updated = await tx.execute<{ n: number }[]>(
      `WITH moved AS (UPDATE ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} = ? RETURNING 1)
       SELECT count(*)::int AS n FROM moved`,
      [survivor.id, merged.id],
    );
    count += updated[0]?.n ?? 0;
    if (count > 0) moved[ref.table] = count;
  }

  await tx.execute('DELETE FROM person WHERE id = ?', [merged.id], 'run');
  await tx.execute('INSERT INTO person_merge (merged_id, survivor_id) VALUES (?, ?)', [merged.id, survivor.id], 'run');
  // What the survivor lacks, the merged record may know (national ID last: its row is gone now).
  await tx.execute(
    `UPDATE person SET birth_date = coalesce(birth_date, ?::date), gender = coalesce(gender, ?),
            ethnicity = coalesce(ethnicity, ?), unit_id = coalesce(unit_id, ?::uuid), position = coalesce(position, ?),
            education_level = coalesce(education_level, ?), phone = coalesce(phone, ?),
            national_id = coalesce(national_id, ?), version = version + 1, updated_at = now()
      WHERE id = ?`,
    [
      merged.birthDate,
      merged.gender,
      merged.ethnicity,
      merged.unitId,
      merged.position,
      merged.educationLevel,
      merged.phone,
      merged.nationalId,
      survivor.id,
    ],
    'run',
  );
  const after = await readPerson(tx, survivor.id);
  await audit(
    tx,
    actor,
    {
      action: 'person.merge',
      entity: 'person',
      entityId: survivor.id,
      before: { survivor: auditImage(survivor), merged: auditImage(merged) },
      after: { survivor: auditImage(after), mergedId: merged.id, moved },
    },
    {
      action: 'person.merged_into',
      entity: 'person',
      entityId: merged.id,
      before: auditImage(merged),
      after: { survivorId: survivor.id },
    },
  );
  return after;
}
