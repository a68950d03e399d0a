/**
 * The roster-at-a-date derivation as SQL: the same rules as `rosterAt` in the domain, run by the
 * database in one statement, for any set of rosters at once.
 *
 * `scope` is a CTE body selecting roster ids (`SELECT id FROM …`); its parameters come first,
 * then the date and the knowledge date (annulments dated after it do not count). The statement
 * ends with a `members` CTE: one row per (roster_id, person_id) on the roster at the date, with
 * fields, position, since, decision_id and decision_number; the caller appends its SELECT.
 *
 * - a decision applies from its date; decisions of one date apply in recording order (`seq`);
 * - an establishing decision of a roster discards everything before it on that roster;
 * - a transfer takes the person off the decision's roster and puts them on `to_roster_id`;
 * - `since` is the first join after the person's last departure (a stay, not a first-ever date).
 *
 * Only the scope's own history is read: its decisions by `roster_decision (roster_id, …)` and the
 * transfers into it by `roster_decision_item (to_roster_id)`, each an index lookup per roster of the
 * scope (an `OR` of both, which the planner misjudged, made it scan every decision of every roster).
 */
export function membershipCtes(scope: string): string {
  return `
  scope AS (${scope}),
  dates AS (SELECT ?::date AS at, ?::date AS known),
  touching AS (
    SELECT d.id FROM scope s JOIN roster_decision d ON d.roster_id = s.id
    UNION
    SELECT i.decision_id FROM scope s JOIN roster_decision_item i ON i.to_roster_id = s.id
  ),
  eff AS (
    SELECT d.id, d.roster_id, d.date, d.seq, d.kind, d.number
      FROM touching t JOIN roster_decision d ON d.id = t.id
     WHERE d.kind <> 'annul' AND d.date <= (SELECT at FROM dates)
       AND NOT EXISTS (SELECT 1 FROM roster_decision a WHERE a.annuls_decision_id = d.id AND a.date <= (SELECT known FROM dates))
  ),
  reset AS (
    SELECT DISTINCT ON (e.roster_id) e.roster_id, e.date, e.seq
      FROM eff e WHERE e.kind = 'establish'
     ORDER BY e.roster_id, e.date DESC, e.seq DESC
  ),
  ev AS (
    SELECT e.roster_id, i.person_id, e.date, e.seq, i.item_no, e.id AS decision_id, e.number, i.fields, i.position,
           (i.change IN ('add', 'reappoint') OR i.to_roster_id IS NOT DISTINCT FROM e.roster_id) AS joins
      FROM eff e JOIN roster_decision_item i ON i.decision_id = e.id
     WHERE e.roster_id IN (SELECT id FROM scope)
    UNION ALL
    SELECT i.to_roster_id, i.person_id, e.date, e.seq, i.item_no, e.id, e.number, i.fields, i.position, true
      FROM eff e JOIN roster_decision_item i ON i.decision_id = e.id
     WHERE i.to_roster_id <> e.roster_id AND i.to_roster_id IN (SELECT id FROM scope)
  ),
  live AS (
    SELECT ev.*,
           count(*) FILTER (WHERE NOT ev.joins)
             OVER (PARTITION BY ev.roster_id, ev.person_id ORDER BY ev.date, ev.seq, ev.item_no) AS stint,
           row_number() OVER (PARTITION BY ev.roster_id, ev.person_id ORDER BY ev.date DESC, ev.seq DESC, ev.item_no DESC) AS recency
      FROM ev LEFT JOIN reset r ON r.roster_id = ev.roster_id
     WHERE r.roster_id IS NULL OR (ev.date, ev.seq) >= (r.date, r.seq)
  ),
  stays AS (
    SELECT l.*, min(l.date) FILTER (WHERE l.joins) OVER (PARTITION BY l.roster_id, l.person_id, l.stint) AS since
      FROM live l
  ),
  members AS (
    SELECT roster_id, person_id, fields, position, since, decision_id, number AS decision_number
      FROM stays WHERE recency = 1 AND joins
  )`;
}

/** Far enough in the future that every recorded annulment counts ("as known now"). */
export const KNOWN_NOW = '9999-12-31';
