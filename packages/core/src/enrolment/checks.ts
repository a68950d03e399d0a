import { assertEligible, DomainError, type LocalizedText, scheduleClashError } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import {
  type ClassRow,
  ENROLMENT_SELECT,
  type EnrolmentRow,
  type PersonRow,
  programName,
  uuidArray,
} from './enrolment-sql.js';

// The checks every path that creates enrolments makes (requests, nominations, imports).

/** What stands between people and a class: enrolments they already hold in it, and refusals. */
export interface EnrolmentChecks {
  /** Each person's active enrolment in the class (asking again returns it). */
  readonly existing: ReadonlyMap<string, EnrolmentRow>;
  /**
   * Why a person may not enrol: the program's eligibility (party status, education, prerequisite
   * certificates, already passed) or sessions that overlap a class they are already in.
   */
  readonly refusals: ReadonlyMap<string, DomainError>;
}

/**
 * The checks every path that creates enrolments makes, in one statement whatever the number of
 * people. Run it after `lockPeople`, so what it finds still holds at the commit.
 */
export async function enrolmentChecks(tx: Sql, cls: ClassRow, people: readonly PersonRow[]): Promise<EnrolmentChecks> {
  if (people.length === 0) return { existing: new Map(), refusals: new Map() };
  const prerequisites = cls.rules.eligibility.prerequisites ?? [];
  // Two shapes, each prepared once: one person (a request, the hot path) by equality, which every
  // plan serves from an index; many (a nomination, an import) as a relation the plan can hash —
  // a generic plan cannot hash a parameter array, and testing a thousand ids against every row of
  // a table whose statistics still say "empty" is what made nominations slow.
  const many = people.length > 1;
  const one = people[0]?.id;
  const ids = uuidArray(people.map((p) => p.id));
  const isOneOf = many ? 'e.person_id IN (SELECT person_id FROM people)' : 'e.person_id = ?::uuid';
  const [found] = await tx.execute<
    {
      existing: EnrolmentRow[];
      passed: { person_id: string; code: string; certified: boolean }[];
      clashes: { person_id: string; class_code: string; date: string; start_time: string; end_time: string }[];
      names: Record<string, LocalizedText>;
    }[]
  >(
    `${many ? 'WITH people AS MATERIALIZED (SELECT unnest(?::uuid[]) AS person_id)' : ''}
     SELECT
       (SELECT coalesce(json_agg(x), '[]') FROM (
          ${ENROLMENT_SELECT}
           WHERE e.class_id = ? AND ${isOneOf} AND e.state NOT IN ('withdrawn', 'rejected')) x
       ) AS existing,
       (SELECT coalesce(json_agg(h), '[]') FROM (
          SELECT e.person_id, pr.code,
                 EXISTS (SELECT 1 FROM certificate ce WHERE ce.enrolment_id = e.id AND ce.revoked_at IS NULL) AS certified
            FROM enrolment e JOIN training_class c ON c.id = e.class_id JOIN program pr ON pr.id = c.program_id
           WHERE ${isOneOf} AND e.state = 'passed') h
       ) AS passed,
       (SELECT coalesce(json_agg(k), '[]') FROM (
          SELECT DISTINCT ON (e.person_id) e.person_id, oc.code AS class_code, os.date::text AS date,
                 to_char(os.start_time, 'HH24:MI') AS start_time, to_char(os.end_time, 'HH24:MI') AS end_time
            FROM enrolment e
            JOIN training_class oc ON oc.id = e.class_id AND oc.status <> 'cancelled'
            JOIN class_session os ON os.class_id = e.class_id
            JOIN class_session ns ON ns.class_id = ? AND ns.date = os.date
                                 AND ns.start_time < os.end_time AND os.start_time < ns.end_time
           WHERE ${isOneOf} AND e.class_id <> ? AND e.state NOT IN ('withdrawn', 'rejected')
           ORDER BY e.person_id, os.date, os.start_time) k
       ) AS clashes,
       (SELECT coalesce(json_object_agg(code, json_build_object('vi', name_vi, 'en', name_en)), '{}')
          FROM program WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))
       ) AS names`,
    many
      ? [ids, cls.id, cls.id, cls.id, JSON.stringify(prerequisites)]
      : [cls.id, one, one, cls.id, one, cls.id, JSON.stringify(prerequisites)],
  );
  if (!found) throw new Error('the checks statement returned no row');
  const refusals = new Map<string, DomainError>();
  const program = { code: cls.program_code, name: programName(cls), eligibility: cls.rules.eligibility };
  for (const person of people) {
    const mine = found.passed.filter((h) => h.person_id === person.id);
    try {
      assertEligible(
        program,
        {
          partyStatus: person.party_status,
          educationLevel: person.education_level,
          certificates: mine.filter((h) => h.certified).map((h) => h.code),
          passedPrograms: mine.map((h) => h.code),
        },
        found.names,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.set(person.id, error);
    }
  }
  for (const clash of found.clashes) {
    if (refusals.has(clash.person_id)) continue;
    refusals.set(
      clash.person_id,
      scheduleClashError(clash.class_code, { date: clash.date, startTime: clash.start_time, endTime: clash.end_time }),
    );
  }
  return { existing: new Map(found.existing.map((e) => [e.person_id, e])), refusals };
}
