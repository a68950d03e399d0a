import { SEAT_HOLDING_STATES } from '@polcenter/domain';
import { sqlList } from '../kernel/sql-helpers.js';

/**
 * The units a report counts, as SQL (ADR 0033): the report's unit and everything within it —
 * below it, or carried on by it through merger, split and rename links (the view `unit_within`,
 * the same walk that decides what a role reaches) — so a unit's report for a year before it
 * existed counts its predecessors' work. No unit: every unit, from the roots of that walk.
 *
 * `tree(id, path)` keeps the path from the report's unit down, so a figure can be broken down by
 * the unit directly within the report's; `units_in` is the set itself. Parameters: the unit id, if
 * any. The caller writes `WITH RECURSIVE ${unitTree(unitId)}, …`.
 */
export function unitTree(unitId: string | undefined): string {
  const roots = unitId
    ? 'SELECT id, ARRAY[id] AS path FROM unit WHERE id = ?::uuid'
    : 'SELECT u.id, ARRAY[u.id] FROM unit u WHERE NOT EXISTS (SELECT 1 FROM unit_within w WHERE w.id = u.id)';
  return `tree(id, path) AS (
      ${roots}
      UNION ALL
      SELECT w.id, t.path || w.id FROM unit_within w JOIN tree t ON w.parent_id = t.id WHERE w.id <> ALL (t.path)
    ),
    units_in AS (SELECT DISTINCT id FROM tree),
    -- Where a unit's figures are shown in a breakdown: the unit directly within the report's unit
    -- that holds or carries it on (the root itself for its own; each root when the report has none),
    -- by the shortest way down: today's map (a 2022 commune under the commune that absorbed it, not
    -- under its abolished district).
    unit_top AS (
      SELECT DISTINCT ON (id) id, ${unitId ? 'coalesce(path[2], path[1])' : 'path[1]'} AS top
        FROM tree ORDER BY id, array_length(path, 1), top)`;
}

export const unitParams = (unitId: string | undefined): string[] => (unitId ? [unitId] : []);

/** Classes counted in a period: not drafts or cancelled, started in it (ADR 0033); two parameters, from and to. */
export const HELD_CLASS = `c.status NOT IN ('draft', 'cancelled') AND c.start_date BETWEEN ?::date AND ?::date`;

/** Trainees: enrolments that held a seat (approved, attending, or with a result); never waitlisted, withdrawn, rejected, pending. */
export const SEATED = `e.state IN ${sqlList(SEAT_HOLDING_STATES)}`;
