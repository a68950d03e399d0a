import {
  AWAITING_STATES,
  ENROLMENT_CLOSING_DAYS,
  RESULT_STATES,
  SEAT_HOLDING_STATES,
  WORK_KINDS,
} from '@polcenter/domain';
import { SEATED_SQL } from '../enrolment/enrolment-sql.js';
import { sqlList as list } from '../kernel/sql-helpers.js';

/** Waiting for the organiser's decision (the waitlisted have had it: they wait for a seat). */
const UNDECIDED = list(AWAITING_STATES.filter((s) => s !== 'waitlisted'));
/**
 * Classes whose results and certificates are still being done. A closed class's file is closed
 * (*đã đóng hồ sơ*): it is the archive, left out so the list costs what the live classes cost,
 * not every enrolment ever made.
 */
const LIVE_AFTER_TEACHING = list(['running', 'finished']);
/** Seated, and no result computed yet. */
const WITHOUT_RESULT = list(SEAT_HOLDING_STATES.filter((s) => !(RESULT_STATES as readonly string[]).includes(s)));

/** The caller's classes: organised in a unit their runs reach, or anywhere for an administrator. */
const RUN_BY_CALLER = '($3::boolean OR c.organiser_unit_id IN (SELECT id FROM runs))';

/**
 * The to-do list of a scope in ONE statement: each kind is a CTE giving (kind, class, date,
 * count, session, sort key); they are stacked with UNION ALL, numbered within their kind and
 * cut at the limit, with the kind's total kept beside each row. Parameters (`todoParams`):
 * $1 runs (uuid[]), $2 sends (uuid[]), $3 everything (an administrator), $4 today, $5 the
 * limit per kind, $6 the kinds in their order.
 *
 * - `runs`: the units whose classes the caller runs (center staff), with every unit below.
 * - `sends`: the units whose people the caller sends to classes (coordinators), with every unit
 *   below; `above` the units over them, whose classes their people are sent to.
 */
export const TODO_SQL = `
WITH RECURSIVE
  runs AS (
    SELECT id FROM unit WHERE id = ANY($1::uuid[])
    UNION
    SELECT w.id FROM unit_within w JOIN runs r ON w.parent_id = r.id
  ),
  sends AS (
    SELECT id FROM unit WHERE id = ANY($2::uuid[])
    UNION
    SELECT w.id FROM unit_within w JOIN sends s ON w.parent_id = s.id
  ),
  above AS (
    SELECT parent_id AS id FROM unit WHERE id = ANY($2::uuid[]) AND parent_id IS NOT NULL
    UNION
    SELECT u.parent_id FROM unit u JOIN above a ON u.id = a.id WHERE u.parent_id IS NOT NULL
  ),
  closing (kind, class_id, on_date, count, session_id, start_time, sort_at) AS (
    SELECT 'enrolment_closing', c.id, c.enrolment_closes_on, c.capacity - c.seats_taken, NULL::uuid, NULL::text,
           c.enrolment_closes_on::timestamp
      FROM training_class c
     WHERE c.status = 'open'
       AND c.enrolment_closes_on BETWEEN $4::date AND $4::date + ${ENROLMENT_CLOSING_DAYS}
       AND (${RUN_BY_CALLER} OR c.organiser_unit_id IN (SELECT id FROM sends UNION ALL SELECT id FROM above))
  ),
  waiting (kind, class_id, on_date, count, session_id, start_time, sort_at) AS (
    SELECT 'requests_waiting', e.class_id, (min(e.requested_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
           count(*)::int, NULL::uuid, NULL::text, min(e.requested_at) AT TIME ZONE 'UTC'
      FROM enrolment e JOIN training_class c ON c.id = e.class_id
     WHERE e.state IN ${UNDECIDED} AND c.status IN ('open', 'running')
       AND (${RUN_BY_CALLER}
            OR EXISTS (SELECT 1 FROM person p WHERE p.id = e.person_id AND p.unit_id IN (SELECT id FROM sends)))
     GROUP BY e.class_id
  ),
  unmarked (kind, class_id, on_date, count, session_id, start_time, sort_at) AS (
    SELECT 'attendance_missing', s.class_id, s.date, count(*)::int, s.id, to_char(s.start_time, 'HH24:MI'),
           s.date + s.start_time
      FROM class_session s
      JOIN training_class c ON c.id = s.class_id
      JOIN enrolment e ON e.class_id = s.class_id AND e.state IN ${SEATED_SQL}
     WHERE s.date = $4::date AND c.status IN ('running', 'finished') AND ${RUN_BY_CALLER}
       AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = e.id AND a.session_id = s.id)
     GROUP BY s.id
  ),
  unresulted (kind, class_id, on_date, count, session_id, start_time, sort_at) AS (
    SELECT 'results_missing', c.id, c.end_date, count(*)::int, NULL::uuid, NULL::text, c.end_date::timestamp
      FROM training_class c JOIN enrolment e ON e.class_id = c.id AND e.state IN ${WITHOUT_RESULT}
     WHERE (c.status = 'finished' OR (c.status = 'running' AND c.end_date < $4::date)) AND ${RUN_BY_CALLER}
     GROUP BY c.id
  ),
  uncertified (kind, class_id, on_date, count, session_id, start_time, sort_at) AS (
    -- The class's own rules (its program's as they were when it opened) say whether it certifies.
    -- Class by class (LATERAL): a class's passed trainees through enrolment_class_state_idx, rather
    -- than every passed enrolment ever, which is most of the table once the years add up.
    SELECT 'certificates_to_issue', c.id, c.end_date, n.count, NULL::uuid, NULL::text, c.end_date::timestamp
      FROM training_class c
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS count FROM enrolment e
         WHERE e.class_id = c.id AND e.state = 'passed'
           AND NOT EXISTS (SELECT 1 FROM certificate x WHERE x.enrolment_id = e.id AND x.revoked_at IS NULL)
      ) n
     WHERE c.status IN ${LIVE_AFTER_TEACHING} AND c.rules->>'certificateKind' IS NOT NULL AND ${RUN_BY_CALLER}
       AND n.count > 0
  ),
  numbered AS (
    SELECT w.*, row_number() OVER (PARTITION BY w.kind ORDER BY w.sort_at, w.class_id) AS n,
           count(*) OVER (PARTITION BY w.kind)::int AS total
      FROM (SELECT * FROM closing UNION ALL SELECT * FROM waiting UNION ALL SELECT * FROM unmarked
            UNION ALL SELECT * FROM unresulted UNION ALL SELECT * FROM uncertified) w
  )
SELECT w.kind, w.total, w.class_id, c.code, c.title, p.name_vi AS program_vi, p.name_en AS program_en,
       to_char(w.on_date, 'YYYY-MM-DD') AS on_date, w.count, w.session_id, w.start_time
  FROM numbered w
  JOIN training_class c ON c.id = w.class_id
  JOIN program p ON p.id = c.program_id
 WHERE w.n <= $5
 ORDER BY array_position($6::text[], w.kind), w.n`;

/** The parameters of `TODO_SQL`: `$1`…`$6`. */
export function todoParams(scope: {
  readonly all: boolean;
  readonly runs: readonly string[];
  readonly sends: readonly string[];
  readonly today: string;
  readonly limit: number;
}): unknown[] {
  const array = (values: readonly string[]) => `{${values.join(',')}}`;
  return [array(scope.runs), array(scope.sends), scope.all, scope.today, scope.limit, array(WORK_KINDS)];
}
