import { aggregateWorkload, parseInput, type WorkloadInput, type WorkloadRow, workloadInput } from '@polcenter/domain';
import { isoCol, pgArray } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { SCOPE_UNITS } from './activity-sql.js';

/** What each person taught and presented, per period. */
export class Workload {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /** Periods taught (sessions assigned or lectured) and briefings given, per person per period. */
  async workload(input: WorkloadInput): Promise<WorkloadRow[]> {
    const q = parseInput(workloadInput, input);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<
        { person_id: string; date: string; periods: number; sessions: number; briefings: number; audience: number }[]
      >(
        `WITH taught AS (
           SELECT DISTINCT s.id, x.person_id, s.date, s.periods
             FROM class_session s
             JOIN training_class c ON c.id = s.class_id AND c.status <> 'cancelled'
             CROSS JOIN LATERAL (SELECT s.lecturer_id AS person_id WHERE s.lecturer_id IS NOT NULL
                                 UNION SELECT a.person_id FROM teaching_assignment a WHERE a.session_id = s.id) x
            WHERE s.date BETWEEN ?::date AND ?::date
         ), days AS (
           SELECT person_id, date, sum(periods)::int AS periods, count(*)::int AS sessions, 0 AS briefings, 0 AS audience
             FROM taught GROUP BY person_id, date
           UNION ALL
           SELECT bp.person_id, b.date, 0, 0, count(*)::int, sum(b.audience_size)::int
             FROM briefing b JOIN briefing_person bp ON bp.briefing_id = b.id
            WHERE b.date BETWEEN ?::date AND ?::date GROUP BY bp.person_id, b.date
         )
         SELECT person_id, ${isoCol('date', 'date')}, sum(periods)::int AS periods, sum(sessions)::int AS sessions,
                sum(briefings)::int AS briefings, sum(audience)::int AS audience
           FROM days WHERE true ${q.personIds ? 'AND person_id = ANY(?::uuid[])' : ''}
            ${q.unitId ? `AND person_id IN (SELECT p.id FROM person p WHERE p.unit_id IN (${SCOPE_UNITS}))` : ''}
          GROUP BY person_id, date`,
        [q.from, q.to, q.from, q.to, ...(q.personIds ? [pgArray(q.personIds)] : []), ...(q.unitId ? [q.unitId] : [])],
      );
    return aggregateWorkload(
      rows.map((r) => ({
        personId: r.person_id,
        date: r.date,
        periodsTaught: r.periods,
        sessionsTaught: r.sessions,
        briefings: r.briefings,
        audience: r.audience,
      })),
      q.period,
    );
  }
}
