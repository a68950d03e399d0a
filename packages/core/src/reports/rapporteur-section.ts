import { type LocalizedText, type OpinionAudience, planned } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import type { ObligationService, ShortfallReport } from '../obligations/obligations.js';
import type { Orm } from '../orm.js';
import { KNOWN_NOW, membershipCtes } from '../rosters/roster-sql.js';
import type { Directive17Section, RapporteurBasis, RapporteurSection } from './period-report.js';
import type { PlanTargets } from './plan-targets-sql.js';
import { propagandaReport } from './propaganda.js';
import { unitParams, unitTree } from './report-scope.js';

type Query = { from: string; to: string; unitId: string | undefined };

interface RosterRow {
  members: number;
  levels: { level: string; members: number }[];
  fields: { field: string; vi: string | null; en: string | null; members: number }[];
}

/** Who sits on the rosters of the units in scope on the period's last day: by level, by field of expertise. */
async function rosterSize(sql: Sql, q: Query): Promise<RapporteurSection['roster']> {
  const [row] = await sql.execute<{ r: RosterRow }[]>(
    `WITH RECURSIVE ${unitTree(q.unitId)},
     ${membershipCtes('SELECT id FROM roster WHERE owner_unit_id IN (SELECT id FROM units_in)')},
     person_level AS (SELECT m.person_id, r.level FROM members m JOIN roster r ON r.id = m.roster_id GROUP BY m.person_id, r.level),
     person_field AS (SELECT m.person_id, f.field FROM members m, unnest(m.fields) AS f(field) GROUP BY m.person_id, f.field)
     SELECT json_build_object(
       'members', (SELECT count(*)::int FROM (SELECT person_id FROM members GROUP BY person_id) x),
       'levels', (SELECT coalesce(json_agg(x ORDER BY x.level), '[]') FROM (
           SELECT level, count(*)::int AS members FROM person_level GROUP BY level) x),
       'fields', (SELECT coalesce(json_agg(x ORDER BY x.members DESC, x.field), '[]') FROM (
           SELECT pf.field, rv.name_vi AS vi, rv.name_en AS en, count(*)::int AS members FROM person_field pf
             LEFT JOIN reference_value rv ON rv.list = 'expertise_field' AND rv.code = pf.field
            GROUP BY pf.field, rv.name_vi, rv.name_en) x)
     ) AS r`,
    [...unitParams(q), q.to, KNOWN_NOW],
  );
  const r = (row as { r: RosterRow }).r;
  return {
    members: r.members,
    byLevel: r.levels,
    byField: r.fields.map((f) => ({
      field: f.field,
      name: { vi: f.vi ?? f.field, en: f.en ?? f.vi ?? f.field } as LocalizedText,
      members: f.members,
    })),
  };
}

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
    `WITH RECURSIVE ${unitTree(q.unitId)},
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
    [...unitParams(q), q.from, q.to, q.from, q.to],
  );
  return (row as { r: BriefingRow }).r;
}

export async function rapporteurBasis(
  orm: Orm,
  q: Query,
  viewer: OpinionAudience,
  plan: PlanTargets,
): Promise<RapporteurBasis> {
  const [propaganda, roster] = await Promise.all([
    propagandaReport(orm, { from: q.from, to: q.to, ...(q.unitId ? { unitId: q.unitId } : {}) }, viewer),
    rosterSize(orm.em.fork().getConnection(), q),
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

export async function rapporteurDetail(
  orm: Orm,
  obligations: ObligationService,
  q: Query,
  viewer: OpinionAudience,
): Promise<RapporteurDetail> {
  const year = Number(q.to.slice(0, 4));
  const [tallies, shortfalls] = await Promise.all([
    briefingTallies(orm.em.fork().getConnection(), q, viewer),
    obligations.shortfalls({ year, asOf: q.to, ...(q.unitId ? { unitId: q.unitId } : {}) }),
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
