import { isoCol } from '../kernel/sql-helpers.js';
import { ROSTER_COLUMNS } from './roster-records.js';
import { decisionOrderKey } from './roster-sql.js';

/**
 * One roster at a date as SQL, reading that roster's history and nothing else (ADR 0047): who sits
 * on it, with fields, position, stay and decision, in Vietnamese name order; one row with no person
 * when nobody does, none when the roster does not exist. The rules are the domain's `rosterAt`, as in
 * `membershipCtes` (which derives many rosters at once for reports and shortfalls):
 * - a decision applies from its date; decisions of one date apply in recording order (`seq`);
 * - an establishing decision of the roster discards everything before it;
 * - a transfer takes the person off the decision's roster and puts them on `to_roster_id`;
 * - `since` is the first join after the person's last departure (a stay, not a first-ever date).
 *
 * `pick` is a query giving the roster's id (by id, or by owner unit, level and year); its
 * parameters come first, then the date and the knowledge date (annulments dated after it do not
 * count). Why it is its own statement: the many-roster derivation hashes every annulment of the
 * database (a province's thousands) to test a roster's hundred decisions, three times over, and
 * walks its scope as a set. Here every step reads by key what belongs to the one roster:
 * - its decisions in force, from `roster_decision_roster_idx` (roster, date, seq: index-only), each
 *   tested for an annulment by one probe of `roster_decision_annulment_idx`;
 * - their items by decision, the transfers into it by destination, each transfer's decision by key;
 * - only the events from its latest establishing decision on (that decision departs everyone
 *   before it), then per person the last departure and the joins after it.
 * Events are ordered by `decisionOrderKey`, as in `membershipCtes`.
 */
export function rosterAtSql(pick: string): string {
  // The annulment test is a scalar subquery so that it stays one index probe per decision: written as
  // NOT EXISTS or NOT IN, the planner read every annulment of the database to merge or hash them.
  const inForce = (d: string) => `${d}.kind <> 'annul' AND ${d}.date <= (SELECT at FROM asked)
       AND NOT coalesce((SELECT a.date <= (SELECT known FROM asked) FROM roster_decision a WHERE a.annuls_decision_id = ${d}.id), false)`;
  return `
  WITH target AS (${pick}),
  asked AS (SELECT ?::date AS at, ?::date AS known),
  own AS MATERIALIZED (
    SELECT d.id, d.kind, ${decisionOrderKey('d')} AS k FROM roster_decision d
     WHERE d.roster_id = (SELECT id FROM target) AND ${inForce('d')}
  ),
  -- The latest establishing decision departs everyone before it: only what follows it counts.
  cut AS (SELECT max(k) AS k FROM own WHERE kind = 'establish'),
  ev AS MATERIALIZED (
    SELECT i.person_id, o.k, o.id AS decision_id,
           (i.change IN ('add', 'reappoint') OR i.to_roster_id IS NOT DISTINCT FROM (SELECT id FROM target)) AS joins
      FROM own o JOIN roster_decision_item i ON i.decision_id = o.id
     WHERE o.k >= coalesce((SELECT k FROM cut), o.k)
    UNION ALL
    -- Each transfer's decision by its key (OFFSET 0 keeps the lookup per transfer, ADR 0041).
    SELECT i.person_id, t.k, t.id, true
      FROM roster_decision_item i CROSS JOIN LATERAL (
        SELECT d.id, ${decisionOrderKey('d')} AS k FROM roster_decision d
         WHERE d.id = i.decision_id AND d.roster_id <> i.to_roster_id AND ${inForce('d')} OFFSET 0
      ) t
     WHERE i.to_roster_id = (SELECT id FROM target)
       AND t.k >= coalesce((SELECT k FROM cut), t.k)
  ),
  departed AS (
    SELECT person_id, max(k) FILTER (WHERE NOT joins) AS k FROM ev GROUP BY person_id
  ),
  stays AS (
    SELECT DISTINCT ON (e.person_id) e.person_id, e.decision_id,
           min(e.k) OVER (PARTITION BY e.person_id) AS first_k
      FROM ev e JOIN departed l ON l.person_id = e.person_id
     WHERE e.joins AND (l.k IS NULL OR e.k > l.k)
     ORDER BY e.person_id, e.k DESC
  ),
  members AS (
    SELECT s.person_id, p.full_name, p.given_name, p.unit_id AS person_unit_id, pu.name AS person_unit_name,
           i.fields, i.position, DATE '2000-01-01' + (s.first_k >> 40)::int AS since,
           d.id AS decision_id, d.number AS decision_number
      FROM stays s
      JOIN roster_decision d ON d.id = s.decision_id
      JOIN roster_decision_item i ON i.decision_id = d.id AND i.person_id = s.person_id
      JOIN person p ON p.id = s.person_id
      LEFT JOIN unit pu ON pu.id = p.unit_id
  )
  SELECT ${ROSTER_COLUMNS}, m.person_id, m.full_name, m.person_unit_id, m.person_unit_name,
         m.fields, m.position, ${isoCol('m.since', 'since')}, m.decision_id, m.decision_number
    FROM roster r
    JOIN unit ou ON ou.id = r.owner_unit_id
    LEFT JOIN members m ON true
   WHERE r.id = (SELECT id FROM target)
   ORDER BY m.given_name COLLATE "vi-x-icu", m.full_name COLLATE "vi-x-icu", m.person_id`;
}
