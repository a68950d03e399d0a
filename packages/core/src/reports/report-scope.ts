import { SEATED_SQL } from '../enrolment/enrolment-sql.js';
import type { Sql } from '../kernel/sql.js';

/**
 * The units a report counts, as SQL (ADR 0040): the report's unit and everything within it in the
 * tree **of the period** — under it on the period's last day (dated moves, `unit_move`, undone after
 * that day), or carried on by it through merger, split and rename links (`unit_within_on`). So a
 * village that moved to the commune that absorbed its own on 01/07/2025 still counts in its
 * district's 2022, and counts for the new commune from then on; a unit's report for a year before
 * it existed counts its predecessors' work. A unit that ended before the period's last day is read
 * on its own last day (the district's report of 2025 keeps the villages it had on 30/06/2025).
 * No unit: every unit, from the roots of that day's tree.
 *
 * `tree(id, path)` keeps the path from the report's unit down, so a figure can be broken down by
 * the unit directly within the report's; `units_in` is the set itself. Parameters: `unitParams(q)`,
 * first in the statement. `reportScope` walks it once per report; the sections read its answer.
 */
function unitTree(unitId: string | undefined): string {
  const day = unitId
    ? `least(?::date, coalesce((SELECT valid_to FROM unit WHERE id = ?::uuid), 'infinity'::date))`
    : '?::date';
  const roots = unitId
    ? 'SELECT id, ARRAY[id] AS path FROM unit WHERE id = ?::uuid'
    : 'SELECT u.id, ARRAY[u.id] FROM unit u WHERE NOT EXISTS (SELECT 1 FROM within w WHERE w.id = u.id)';
  return `within AS MATERIALIZED (SELECT parent_id, id FROM unit_within_on(${day})),
    tree(id, path) AS (
      ${roots}
      UNION ALL
      SELECT w.id, t.path || w.id FROM within w JOIN tree t ON w.parent_id = t.id WHERE w.id <> ALL (t.path)
    ),
    units_in AS (SELECT DISTINCT id FROM tree),
    -- Where a unit's figures are shown in a breakdown: the unit directly within the report's unit
    -- that holds or carries it on (the root itself for its own; each root when the report has none),
    -- by the shortest way down the period's tree.
    unit_top AS (
      SELECT DISTINCT ON (id) id, ${unitId ? 'coalesce(path[2], path[1])' : 'path[1]'} AS top
        FROM tree ORDER BY id, array_length(path, 1), top)`;
}

/** The parameters of `unitTree`: the period's last day, and the report's unit (twice) if any. */
const unitParams = (q: { to: string; unitId: string | undefined }): string[] =>
  q.unitId ? [q.to, q.unitId, q.unitId] : [q.to];

/**
 * The units a report counts and where each is shown in a breakdown (`unit_top`), walked once per
 * report (ADR 0045): each section's statement used to walk the period's tree again, ten walks of
 * 3,400 units for a province. The sections read it as arrays (`SCOPE`, `UNIT_TOP`), which also
 * tells the planner how many units there are (it expected a seventh of them from the walk).
 */
export interface ReportScope {
  /** Every unit the report counts, once each, as a PostgreSQL array literal. */
  readonly ids: string;
  /** The same units' breakdown units, in the same order. */
  readonly tops: string;
}

export async function reportScope(sql: Sql, q: { to: string; unitId: string | undefined }): Promise<ReportScope> {
  // Kept as the array's text: it goes back as a parameter as it came.
  const [row] = await sql.execute<{ ids: string | null; tops: string | null }[]>(
    `WITH RECURSIVE ${unitTree(q.unitId)}
     SELECT array_agg(id ORDER BY id)::text AS ids, array_agg(top ORDER BY id)::text AS tops FROM unit_top`,
    unitParams(q),
  );
  return { ids: row?.ids ?? '{}', tops: row?.tops ?? '{}' };
}

/** `units_in(id)`: the report's units, one row each. One parameter: `scope.ids`. */
export const SCOPE = 'units_in AS (SELECT unnest(?::uuid[]) AS id)';

/** `unit_top(id, top)`: each of the report's units and its breakdown unit. Two parameters: `scope.ids`, `scope.tops`. */
export const UNIT_TOP = 'unit_top AS (SELECT * FROM unnest(?::uuid[], ?::uuid[]) AS t(id, top))';

/** Classes counted in a period: not drafts or cancelled, started in it (ADR 0033); two parameters, from and to. */
export const HELD_CLASS = `c.status NOT IN ('draft', 'cancelled') AND c.start_date BETWEEN ?::date AND ?::date`;

/** Trainees: enrolments that held a seat (approved, attending, or with a result); never waitlisted, withdrawn, rejected, pending. */
export const SEATED = `e.state IN ${SEATED_SQL}`;
