import { type OpinionAudience, planned } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import type { JudgedMember, ObligationService, ShortfallReport } from '../obligations/obligations.js';
import type { Orm } from '../orm.js';
import type { Directive17Section, RapporteurBasis, RapporteurSection } from './period-report.js';
import type { PlanTargets } from './plan-targets-sql.js';
import { propagandaReport } from './propaganda.js';
import { type ReportScope, SCOPE } from './report-scope.js';

type Query = { from: string; to: string; unitId: string | undefined; scope: ReportScope };

interface BriefingRow {
  modes: { mode: string; briefings: number; audience: number }[];
  presenters: number;
  presentations: number;
  resolutions: { resolution: string; briefings: number }[];
  sensitivity: { sensitivity: string; reports: number }[];
}

/** Directive 17-CT/TW's tallies of oral propaganda, and opinion reports by sensitivity, in one statement. */
async function briefingTallies(sql: Sql, q: Query, viewer: OpinionAudience): Promise<BriefingRow> {
  const [row] = await sql.execute<{ r: BriefingRow }[]>(
    `WITH ${SCOPE},
     b AS MATERIALIZED (
       SELECT id, mode, audience_size, resolution FROM briefing
        WHERE date BETWEEN ?::date AND ?::date AND unit_id IN (SELECT id FROM units_in)
     ),
     given AS (SELECT bp.person_id, count(*) AS n FROM briefing_person bp JOIN b ON b.id = bp.briefing_id GROUP BY bp.person_id)
     SELECT json_build_object(
       'modes', (SELECT coalesce(json_agg(x ORDER BY x.briefings DESC, x.mode), '[]') FROM (
           SELECT mode, count(*)::int AS briefings, sum(audience_size)::int AS audience FROM b GROUP BY mode) x),
       'presenters', (SELECT count(*)::int FROM given),
       'presentations', (SELECT coalesce(sum(n), 0)::int FROM given),
       'resolutions', (SELECT coalesce(json_agg(x ORDER BY x.briefings DESC, x.resolution), '[]') FROM (
           SELECT resolution, count(*)::int AS briefings FROM b WHERE resolution IS NOT NULL GROUP BY resolution) x),
       'sensitivity', (SELECT coalesce(json_agg(x ORDER BY x.sensitivity), '[]') FROM (
           SELECT r.sensitivity, count(*)::int AS reports FROM opinion_report r
            WHERE r.date BETWEEN ?::date AND ?::date AND r.unit_id IN (SELECT id FROM units_in)
              ${viewer === 'propaganda' ? '' : "AND r.sensitivity = 'routine'"}
            GROUP BY r.sensitivity) x)
     ) AS r`,
    [q.scope.ids, q.from, q.to, q.from, q.to],
  );
  return (row as { r: BriefingRow }).r;
}

/** The rapporteurs' figures every path shows; `roster` is the roster's size at the period's end (roster-section.ts). */
export async function rapporteurBasis(
  orm: Orm,
  q: Query,
  viewer: OpinionAudience,
  plan: PlanTargets,
  rosterSize: Promise<RapporteurSection['roster']>,
): Promise<RapporteurBasis> {
  const [propaganda, roster] = await Promise.all([
    propagandaReport(orm, { from: q.from, to: q.to, ...(q.unitId ? { unitId: q.unitId } : {}) }, viewer, q.scope),
    rosterSize,
  ]);
  return {
    roster,
    briefings: {
      ...propaganda.briefings,
      planned: planned(propaganda.briefings.count, plan.total('briefings')),
      audiencePlanned: planned(propaganda.briefings.audience, plan.total('audience')),
    },
    conferences: {
      ...propaganda.conferences,
      planned: planned(propaganda.conferences.count, plan.total('conferences')),
    },
    opinionReports: propaganda.opinionReports,
  };
}

/**
 * What only staff read besides (never computed for the public figures): who falls short of their
 * obligations, opinion reports by sensitivity, and Directive 17's tallies.
 */
export interface RapporteurDetail {
  readonly year: number;
  readonly tallies: BriefingRow;
  readonly shortfalls: ShortfallReport;
}

/**
 * `judged`: the members, on the period's last day, of the rosters the report counts whose term
 * covers its last year (roster-section.ts derives them with the roster's size); their shortfalls are
 * counted up to that day, as `ObligationService.shortfalls` counts them on the same tree (ADR 0048).
 */
export async function rapporteurDetail(
  orm: Orm,
  obligations: ObligationService,
  q: Query,
  viewer: OpinionAudience,
  judged: Promise<readonly JudgedMember[]>,
): Promise<RapporteurDetail> {
  const year = Number(q.to.slice(0, 4));
  const [tallies, shortfalls] = await Promise.all([
    briefingTallies(orm.em.fork().getConnection(), q, viewer),
    judged.then((members) => obligations.shortfallsOf(year, q.to, members)),
  ]);
  return { year, tallies, shortfalls };
}

/** The staff's rapporteur section and Directive 17's tallies: the basis with the detail beside it. */
export function rapporteurSection(
  basis: RapporteurBasis,
  detail: RapporteurDetail,
): { rapporteurs: RapporteurSection; directive17: Directive17Section } {
  const { tallies, shortfalls } = detail;
  return {
    rapporteurs: {
      ...basis,
      opinionReports: { ...basis.opinionReports, bySensitivity: tallies.sensitivity },
      shortfalls: {
        year: detail.year,
        members: shortfalls.members,
        short: shortfalls.shortfalls.map((s) => ({
          fullName: s.fullName,
          code: s.code,
          name: s.name,
          required: s.required,
          done: s.done,
          shortBy: s.shortBy,
        })),
      },
    },
    directive17: {
      briefings: basis.briefings.count,
      audience: basis.briefings.audience,
      byMode: tallies.modes,
      presenters: tallies.presenters,
      presentations: tallies.presentations,
      byResolution: tallies.resolutions,
    },
  };
}
