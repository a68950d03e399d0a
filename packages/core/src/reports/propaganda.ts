import {
  type Ethnicity,
  type Gender,
  type OpinionAudience,
  type PropagandaReportInput,
  parseInput,
  periodLabel,
  propagandaReportInput,
  propagandaSentence,
} from '@polcenter/domain';
import type { Orm } from '../orm.js';
import type { PropagandaReport } from './propaganda-report.js';
import { type ReportScope, reportScope, SCOPE } from './report-scope.js';

/**
 * @internal It takes the ORM: reached through `ReportService.propaganda` (ADR 0032).
 *
 * The propaganda output of a unit and the units below it (every unit when none) in a period:
 * briefings and their audience by people and by gender, conferences and their attendees by site,
 * opinion reports by topic. One aggregate statement per part; sensitive topics only for a
 * `propaganda` viewer (`withheld` tells the others how many they do not see).
 */
export async function propagandaReport(
  orm: Orm,
  input: PropagandaReportInput,
  viewer: OpinionAudience,
  /** The period report's units when it asks (walked once per report); walked here otherwise. */
  units?: ReportScope,
): Promise<PropagandaReport> {
  const q = parseInput(propagandaReportInput, input);
  const conn = orm.em.fork().getConnection();
  // The report's one walk (report-scope.ts), so these counts and the other sections' agree.
  const walked = q.unitId ? (units ?? (await reportScope(conn, { to: q.to, unitId: q.unitId }))) : undefined;
  const scope = walked ? `WITH ${SCOPE}` : '';
  const scoped = (column: string) => (walked ? `AND ${column} IN (SELECT id FROM units_in)` : '');
  const head = walked ? [walked.ids] : [];

  // Briefings, their audience and its groups in one statement (the briefings read once).
  const briefingsRead = conn.execute<
    {
      count: number;
      audience: number;
      classified: number;
      groups: { ethnicity: Ethnicity; gender: Gender; audience: number }[];
    }[]
  >(
    `${scope ? `${scope},` : 'WITH'} b AS MATERIALIZED (
       SELECT id, audience_size FROM briefing WHERE date BETWEEN ?::date AND ?::date ${scoped('unit_id')}
     ),
     g AS (
       SELECT a.ethnicity, a.gender, sum(a.count)::int AS audience
         FROM b JOIN briefing_audience a ON a.briefing_id = b.id GROUP BY a.ethnicity, a.gender
     )
     SELECT (SELECT count(*)::int FROM b) AS count, (SELECT coalesce(sum(audience_size), 0)::int FROM b) AS audience,
            (SELECT coalesce(sum(audience), 0)::int FROM g) AS classified,
            (SELECT coalesce(json_agg(g ORDER BY g.audience DESC, g.ethnicity, g.gender), '[]') FROM g) AS groups`,
    [...head, q.from, q.to],
  );
  // A conference counts for the unit that holds it and for the units whose sites it reached.
  const sitesRead = conn.execute<PropagandaReport['conferences']['sites'][number][]>(
    `${scope}
     SELECT c.id AS "conferenceId", to_char(c.date, 'YYYY-MM-DD') AS date, c.title, s.name AS site, s.headcount,
            count(a.person_id)::int AS named, coalesce(s.headcount, count(a.person_id))::int AS attendees
       FROM conference c
       JOIN conference_site s ON s.conference_id = c.id
       LEFT JOIN conference_attendance a ON a.site_id = s.id AND a.status = 'present'
      WHERE c.date BETWEEN ?::date AND ?::date ${walked ? 'AND (c.owner_unit_id IN (SELECT id FROM units_in) OR s.unit_id IN (SELECT id FROM units_in))' : ''}
      GROUP BY c.id, s.id
     UNION ALL
     SELECT c.id, to_char(c.date, 'YYYY-MM-DD'), c.title, NULL, NULL, count(*)::int, count(*)::int
       FROM conference c JOIN conference_attendance a ON a.conference_id = c.id AND a.status = 'present' AND a.site_id IS NULL
      WHERE c.date BETWEEN ?::date AND ?::date ${scoped('c.owner_unit_id')}
      GROUP BY c.id
      ORDER BY date, "conferenceId", site NULLS LAST`,
    [...head, q.from, q.to, q.from, q.to],
  );
  const topicsRead = conn.execute<{ topic: string; reports: number; withheld: number }[]>(
    `${scope}
     SELECT r.topic, count(*)::int AS reports
       FROM opinion_report r
      WHERE r.date BETWEEN ?::date AND ?::date ${scoped('r.unit_id')}
        ${viewer === 'propaganda' ? '' : "AND r.sensitivity = 'routine'"}
      GROUP BY r.topic ORDER BY reports DESC, r.topic COLLATE "vi-x-icu"`,
    [...head, q.from, q.to],
  );
  const withheldRead =
    viewer === 'propaganda'
      ? Promise.resolve([{ n: 0 }])
      : conn.execute<{ n: number }[]>(
          `${scope}
           SELECT count(*)::int AS n FROM opinion_report r
            WHERE r.date BETWEEN ?::date AND ?::date ${scoped('r.unit_id')} AND r.sensitivity <> 'routine'`,
          [...head, q.from, q.to],
        );
  // The four statements run at once, each on a connection of its own.
  const [[briefings], sites, topics, [withheld]] = await Promise.all([
    briefingsRead,
    sitesRead,
    topicsRead,
    withheldRead,
  ]);
  const groups = briefings?.groups ?? [];

  const tally = <K extends 'ethnicity' | 'gender'>(key: K) => {
    const totals = new Map<(typeof groups)[number][K], number>();
    for (const g of groups) totals.set(g[key], (totals.get(g[key]) ?? 0) + g.audience);
    return [...totals].sort((a, b) => b[1] - a[1]);
  };
  const counts = {
    briefings: briefings?.count ?? 0,
    audience: briefings?.audience ?? 0,
    conferences: new Set(sites.map((s) => s.conferenceId)).size,
    attendees: sites.reduce((sum, s) => sum + s.attendees, 0),
    opinionReports: topics.reduce((sum, t) => sum + t.reports, 0),
  };
  const period = periodLabel(q.from, q.to);
  return {
    from: q.from,
    to: q.to,
    period,
    sentence: propagandaSentence(period, counts),
    briefings: {
      count: counts.briefings,
      audience: counts.audience,
      byEthnicity: tally('ethnicity').map(([ethnicity, audience]) => ({ ethnicity, audience })),
      byGender: tally('gender').map(([gender, audience]) => ({ gender, audience })),
      byEthnicityAndGender: groups,
      unclassified: counts.audience - (briefings?.classified ?? 0),
    },
    conferences: { count: counts.conferences, attendees: counts.attendees, sites },
    opinionReports: {
      count: counts.opinionReports,
      byTopic: topics.map((t) => ({ topic: t.topic, reports: t.reports })),
      withheld: withheld?.n ?? 0,
    },
  };
}
