import type { LocalizedText, PlanMeasure } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import { type ReportScope, SCOPE } from './report-scope.js';

/** The plan a report compares with: targets by measure (and program), summed over the units in scope. */
export interface PlanTargets {
  /** A measure's target in all: the explicit total, or else the sum of its per-program targets; null when none. */
  total(measure: PlanMeasure): number | null;
  /** A program's target for classes or trainees; null when none. */
  of(measure: 'classes' | 'trainees', programId: string): number | null;
  /** Programs with a target, with or without classes in the period. */
  readonly programs: readonly { readonly programId: string; readonly code: string; readonly name: LocalizedText }[];
}

interface PlanRow {
  measure: PlanMeasure;
  program_id: string | null;
  code: string | null;
  name_vi: string | null;
  name_en: string | null;
  target: number;
}

/**
 * The targets of the years the period touches, set by the units in scope (ADR 0033). A unit's
 * target covers everything within it, so a target counts only when no unit above it set the same
 * one that year: the district's plan, not the district's plus its communes'. "Above" is by parent
 * in the tree of the target's year, on its last day (ADR 0048: the parents `unit_within_on` gives,
 * not its successor links: a predecessor's plan is its own, so a province's 2022 plan is the sum of
 * its own and that of the province it absorbed). A village that moved to another commune in 2025
 * is under its old commune for its 2024 target, under the new one for its 2025 target.
 */
export async function planTargets(sql: Sql, q: { from: string; to: string; scope: ReportScope }): Promise<PlanTargets> {
  const rows = await sql.execute<PlanRow[]>(
    `WITH RECURSIVE ${SCOPE},
     planned AS (SELECT * FROM plan_target WHERE year BETWEEN ? AND ? AND unit_id IN (SELECT id FROM units_in)),
     -- Each planning year's parents on its last day: the day's edges less the successor links.
     parent_on AS MATERIALIZED (
       SELECT y.year, w.parent_id, w.id
         FROM (SELECT DISTINCT year FROM planned) y CROSS JOIN LATERAL unit_within_on(make_date(y.year, 12, 31)) w
        WHERE NOT EXISTS (SELECT 1 FROM unit_link l
                           WHERE l.kind <> 'transfer' AND l.successor_id = w.parent_id AND l.predecessor_id = w.id)
     ),
     above(year, id, above) AS (
       SELECT e.year, e.id, e.parent_id FROM parent_on e WHERE (e.year, e.id) IN (SELECT year, unit_id FROM planned)
       UNION
       SELECT a.year, a.id, e.parent_id FROM above a JOIN parent_on e ON e.year = a.year AND e.id = a.above
     )
     SELECT t.measure, t.program_id, p.code, p.name_vi, p.name_en, sum(t.target)::int AS target
       FROM planned t LEFT JOIN program p ON p.id = t.program_id
      WHERE NOT EXISTS (
          SELECT 1 FROM planned a JOIN above b ON b.above = a.unit_id AND b.year = a.year
           WHERE b.id = t.unit_id AND a.year = t.year AND a.measure = t.measure
             AND a.program_id IS NOT DISTINCT FROM t.program_id)
      GROUP BY t.measure, t.program_id, p.code, p.name_vi, p.name_en`,
    [q.scope.ids, Number(q.from.slice(0, 4)), Number(q.to.slice(0, 4))],
  );
  const key = (measure: string, programId: string | null) => `${measure}:${programId ?? ''}`;
  const targets = new Map(rows.map((r) => [key(r.measure, r.program_id), r.target]));
  const programs = new Map<string, { programId: string; code: string; name: LocalizedText }>();
  for (const r of rows) {
    if (r.program_id && r.code) {
      programs.set(r.program_id, {
        programId: r.program_id,
        code: r.code,
        name: { vi: r.name_vi ?? r.code, en: r.name_en ?? r.code },
      });
    }
  }
  return {
    total(measure) {
      const explicit = targets.get(key(measure, null));
      if (explicit !== undefined) return explicit;
      const parts = rows.filter((r) => r.measure === measure && r.program_id);
      return parts.length ? parts.reduce((sum, r) => sum + r.target, 0) : null;
    },
    of(measure, programId) {
      return targets.get(key(measure, programId)) ?? null;
    },
    programs: [...programs.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
