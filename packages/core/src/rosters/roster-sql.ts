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
 * How it stays cheap as the province grows (ADR 0041):
 * - only the scope's own history is read, from covering indexes (index-only scans): its decisions by
 *   `roster_decision (roster_id, date, seq)`, their items by `roster_decision_item (decision_id)`, the
 *   transfers into it by `roster_decision_item (to_roster_id)`; the annulled decisions (few: one hash
 *   table, no sort) from the annulments' own index;
 * - each event is a narrow row (roster, person, an order key, whether it joins), and the answer comes
 *   from two hash aggregates instead of window functions over sorted wide rows: per (roster, person),
 *   the last departure's key (a roster's latest establishing decision departs everyone just before
 *   it), then the joins after it (the first gives `since`, the last the decision that put the person
 *   where they are). Nothing sorts the province's 70,000 events.
 * Events are ordered by `decisionOrderKey`.
 */
export function membershipCtes(scope: string): string {
  return `${manyRostersCtes(scope)},
  reset AS (
    SELECT DISTINCT ON (d.roster_id) d.roster_id, ${decisionOrderKey('d')} AS k
      FROM scope s JOIN roster_decision d ON d.roster_id = s.id
     WHERE d.kind = 'establish' AND ${inForceOfMany('d')}
     ORDER BY d.roster_id, d.date DESC, d.seq DESC
  ),
  ev AS MATERIALIZED (
    SELECT d.roster_id, i.person_id, ${decisionOrderKey('d')} AS k,
           (i.change IN ('add', 'reappoint') OR i.to_roster_id IS NOT DISTINCT FROM d.roster_id) AS joins
      FROM scope s JOIN roster_decision d ON d.roster_id = s.id JOIN roster_decision_item i ON i.decision_id = d.id
     WHERE ${inForceOfMany('d')}
    UNION ALL
    -- Each transfer's decision by its key (OFFSET 0 keeps the lookup per transfer: joined, the planner
    -- hashed every decision of the database to find a district's few hundred).
    SELECT i.to_roster_id, i.person_id, t.k, true
      FROM scope s JOIN roster_decision_item i ON i.to_roster_id = s.id
      CROSS JOIN LATERAL (
        SELECT ${decisionOrderKey('d')} AS k FROM roster_decision d
         WHERE d.id = i.decision_id AND d.roster_id <> i.to_roster_id AND ${inForceOfMany('d')} OFFSET 0
      ) t
  ),
  -- The last departure; an establishing decision counts as everyone's (it discards what came before).
  departed AS (
    SELECT e.roster_id, e.person_id, greatest(max(e.k) FILTER (WHERE NOT e.joins), max(r.k) - 1) AS k
      FROM ev e LEFT JOIN reset r ON r.roster_id = e.roster_id GROUP BY e.roster_id, e.person_id
  ),
  stays AS (
    SELECT e.roster_id, e.person_id, min(e.k) AS first_k, max(e.k) AS last_k
      FROM ev e JOIN departed l ON l.roster_id = e.roster_id AND l.person_id = e.person_id
     WHERE e.joins AND (l.k IS NULL OR e.k > l.k)
     GROUP BY e.roster_id, e.person_id
  ),
  members AS (
    SELECT s.roster_id, s.person_id, i.fields, i.position, DATE '2000-01-01' + (s.first_k >> 40)::int AS since,
           d.id AS decision_id, d.number AS decision_number
      FROM stays s JOIN roster_decision d ON d.seq = s.last_k & ((1::bigint << 40) - 1)
      JOIN roster_decision_item i ON i.decision_id = d.id AND i.person_id = s.person_id
  )`;
}

/**
 * A decision's place in a roster's history as one bigint: its date (days since 2000) above a 40-bit
 * `seq`, which a sequence of decisions will not reach. One person appears once per decision
 * (`roster_decision_item_person_once`), so the key orders a person's events on a roster.
 */
export const decisionOrderKey = (d: string) => `(((${d}.date - DATE '2000-01-01')::bigint << 40) | ${d}.seq)`;

/** A decision of the many-roster derivations that is in force at the date (`dates`, `annulled`). */
const inForceOfMany = (d: string) => `${d}.kind <> 'annul' AND ${d}.date <= (SELECT at FROM dates)
       AND ${d}.id NOT IN (SELECT id FROM annulled)`;

/** What both many-roster derivations start from: the scope, the two dates, the annulled decisions. */
function manyRostersCtes(scope: string): string {
  return `
  scope AS (SELECT DISTINCT id FROM (${scope}) s),
  dates AS (SELECT ?::date AS at, ?::date AS known),
  annulled AS (
    SELECT a.annuls_decision_id AS id FROM roster_decision a
     WHERE a.annuls_decision_id IS NOT NULL AND a.date <= (SELECT known FROM dates)
  )`;
}

/** Far enough in the future that every recorded annulment counts ("as known now"). */
export const KNOWN_NOW = '9999-12-31';

/**
 * Who is on a set of rosters at a date, without their stays: the same rules as `membershipCtes`,
 * cheaper where `since`, the position and the decision are not asked for (a report's roster size,
 * who falls short of an obligation). Same parameters (the scope's first, then the date and the
 * knowledge date); ends with a `members` CTE of (roster_id, person_id, fields).
 *
 * A person is on a roster when their last event on it (by date, then `seq`) puts them on it, and
 * came no earlier than the roster's latest establishing decision (whose own lines put people on).
 * So one hash aggregate per (roster, person) answers: the greatest of the events' order keys with
 * "joins" as their lowest bit. Nothing is materialised, nothing sorted, and only the members' lines
 * are read again for their fields.
 */
export function rosterMembersCtes(scope: string): string {
  return `${manyRostersCtes(scope)},
  reset AS (
    SELECT d.roster_id, max(${decisionOrderKey('d')}) AS k
      FROM scope s JOIN roster_decision d ON d.roster_id = s.id
     WHERE d.kind = 'establish' AND ${inForceOfMany('d')}
     GROUP BY d.roster_id
  ),
  last_event AS (
    SELECT roster_id, person_id, max(kj) AS kj FROM (
      SELECT d.roster_id, i.person_id,
             (${decisionOrderKey('d')} << 1) | (i.change IN ('add', 'reappoint') OR i.to_roster_id IS NOT DISTINCT FROM d.roster_id)::int AS kj
        FROM scope s JOIN roster_decision d ON d.roster_id = s.id JOIN roster_decision_item i ON i.decision_id = d.id
       WHERE ${inForceOfMany('d')}
      UNION ALL
      -- A transfer in, by its decision's key (looked up per transfer, as in membershipCtes).
      SELECT i.to_roster_id, i.person_id, (t.k << 1) | 1
        FROM scope s JOIN roster_decision_item i ON i.to_roster_id = s.id
        CROSS JOIN LATERAL (
          SELECT ${decisionOrderKey('d')} AS k FROM roster_decision d
           WHERE d.id = i.decision_id AND d.roster_id <> i.to_roster_id AND ${inForceOfMany('d')} OFFSET 0
        ) t
    ) e GROUP BY roster_id, person_id
  ),
  members AS (
    SELECT l.roster_id, l.person_id, i.fields
      FROM last_event l LEFT JOIN reset r ON r.roster_id = l.roster_id
      JOIN roster_decision d ON d.seq = (l.kj >> 1) & ((1::bigint << 40) - 1)
      JOIN roster_decision_item i ON i.decision_id = d.id AND i.person_id = l.person_id
     WHERE l.kj & 1 = 1 AND (r.k IS NULL OR l.kj >> 1 >= r.k)
  )`;
}
