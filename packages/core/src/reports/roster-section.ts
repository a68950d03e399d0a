import type { LocalizedText } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import { JUDGED_MEMBER_ORDER, type JudgedMember } from '../obligations/obligations.js';
import { KNOWN_NOW, rosterMembersCtes } from '../rosters/roster-sql.js';
import type { RapporteurSection } from './period-report.js';
import { type ReportScope, SCOPE } from './report-scope.js';

type Query = { to: string; scope: ReportScope };

interface RosterRow {
  members: number;
  levels: { level: string; members: number }[];
  fields: { field: string; vi: string | null; en: string | null; members: number }[];
  judged: JudgedMember[] | null;
}

export interface RostersAtPeriodEnd {
  /** Who sits on the rosters of the units in scope on the period's last day, by level and by field. */
  readonly size: RapporteurSection['roster'];
  /** The members of those rosters judged for shortfalls in the period's last year (term covering it), on that day. */
  readonly judged: readonly JudgedMember[];
}

/**
 * The rosters a period's report reads on its last day, derived once (ADR 0045): those owned by the
 * units in scope (the period's tree, successor links followed) give the roster's size, and the same
 * rosters whose term covers `judgedYear` give the members whose shortfalls the staff's report lists
 * (ADR 0048: one scope for both; the public figures pass null and derive only the size).
 */
export async function rostersAtPeriodEnd(sql: Sql, q: Query, judgedYear: number | null): Promise<RostersAtPeriodEnd> {
  const [row] = await sql.execute<{ r: RosterRow }[]>(
    `WITH ${SCOPE},
     counted_roster AS (
       SELECT id, level, term_start_year <= ?::int AND term_end_year >= ?::int AS judged
         FROM roster WHERE owner_unit_id IN (SELECT id FROM units_in)),
     ${rosterMembersCtes('SELECT id FROM counted_roster')},
     counted AS (SELECT m.person_id, m.fields, c.level FROM members m JOIN counted_roster c ON c.id = m.roster_id),
     person_level AS (SELECT person_id, level FROM counted GROUP BY person_id, level),
     person_field AS (SELECT c.person_id, f.field FROM counted c, unnest(c.fields) AS f(field) GROUP BY c.person_id, f.field)
     SELECT json_build_object(
       'members', (SELECT count(*)::int FROM (SELECT person_id FROM counted GROUP BY person_id) x),
       'levels', (SELECT coalesce(json_agg(x ORDER BY x.level), '[]') FROM (
           SELECT level, count(*)::int AS members FROM person_level GROUP BY level) x),
       'fields', (SELECT coalesce(json_agg(x ORDER BY x.members DESC, x.field), '[]') FROM (
           SELECT pf.field, rv.name_vi AS vi, rv.name_en AS en, count(*)::int AS members FROM person_field pf
             LEFT JOIN reference_value rv ON rv.list = 'expertise_field' AND rv.code = pf.field
            GROUP BY pf.field, rv.name_vi, rv.name_en) x),
       'judged', (SELECT json_agg(json_build_object('roster_id', m.roster_id, 'level', r.level, 'person_id', m.person_id,
                                                    'full_name', p.full_name) ORDER BY ${JUDGED_MEMBER_ORDER})
           FROM members m JOIN counted_roster r ON r.id = m.roster_id JOIN person p ON p.id = m.person_id
          WHERE r.judged)
     ) AS r`,
    [q.scope.ids, judgedYear, judgedYear, q.to, KNOWN_NOW],
  );
  const r = (row as { r: RosterRow }).r;
  return {
    size: {
      members: r.members,
      byLevel: r.levels,
      byField: r.fields.map((f) => ({
        field: f.field,
        name: { vi: f.vi ?? f.field, en: f.en ?? f.vi ?? f.field } as LocalizedText,
        members: f.members,
      })),
    },
    judged: r.judged ?? [],
  };
}
