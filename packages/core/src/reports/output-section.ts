import { OUTPUT_KINDS, type OutputKind, PLAN_MEASURE_NAMES, planned } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import type { OutputSection } from './period-report.js';
import type { PlanTargets } from './plan-targets-sql.js';
import { type ReportScope, SCOPE } from './report-scope.js';

/**
 * Propaganda output of the units in scope: a tally counts when its own period lies within the
 * report's (a year's tally is not cut into halves); one that straddles the report's bounds is
 * left out and counted in `straddling`, so staff see that something was (ADR 0033).
 */
export async function outputSection(
  sql: Sql,
  q: { from: string; to: string; scope: ReportScope },
  plan: PlanTargets,
): Promise<OutputSection> {
  const rows = await sql.execute<{ kind: OutputKind; count: number; straddling: number }[]>(
    `WITH ${SCOPE}
     SELECT kind,
            coalesce(sum(count) FILTER (WHERE period_from >= ?::date AND period_to <= ?::date), 0)::int AS count,
            count(*) FILTER (WHERE period_from < ?::date OR period_to > ?::date)::int AS straddling
       FROM propaganda_output
      WHERE unit_id IN (SELECT id FROM units_in) AND period_from <= ?::date AND period_to >= ?::date
      GROUP BY kind`,
    [q.scope.ids, q.from, q.to, q.from, q.to, q.to, q.from],
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return {
    byKind: OUTPUT_KINDS.map((kind) => ({
      kind,
      name: PLAN_MEASURE_NAMES[kind],
      count: planned(byKind.get(kind)?.count ?? 0, plan.total(kind)),
    })),
    straddling: rows.reduce((sum, r) => sum + r.straddling, 0),
  };
}
