import { type Figure, median, round, time } from '@polcenter/bench';
import pg from 'pg';
import { seededRandom } from '../src/seed/random.js';
import { createTestPolCenter } from '../src/testing/index.js';

export const ids = ['roster.atDate.ratio'];

const ROSTERS = 50;
const DECISIONS = 5000;
const PEOPLE = 1500;
const QUERIES = 200;
const ROUNDS = 7;
const WARMUP_ROUNDS = 2;
/** Every annulment counts ("as known now"): the knowledge date the product uses when none is given. */
const KNOWN_NOW = '9999-12-31';

/**
 * The hand-written baseline, by another route than the product's (`rosterAtSql`: hash aggregates
 * over the roster's events from its latest establishing decision on): the roster's own events and the transfers into it,
 * cut at its last establishing decision; each person's latest event decides whether they sit on
 * it (DISTINCT ON), and the stay began at the first join after their last departure (a
 * correlated min). $1 roster, $2 date, $3 knowledge date.
 */
const RAW = `
  WITH mine AS (
    SELECT d.id FROM roster_decision d WHERE d.roster_id = $1
    UNION
    SELECT decision_id FROM roster_decision_item WHERE to_roster_id = $1
  ),
  known AS (
    SELECT d.* FROM mine JOIN roster_decision d ON d.id = mine.id
     WHERE d.date <= $2::date AND d.kind <> 'annul'
       AND NOT EXISTS (SELECT 1 FROM roster_decision a WHERE a.annuls_decision_id = d.id AND a.date <= $3::date)
  ),
  cut AS (
    SELECT date, seq FROM known WHERE roster_id = $1 AND kind = 'establish' ORDER BY date DESC, seq DESC LIMIT 1
  ),
  events AS (
    SELECT d.date, d.seq, i.item_no, i.person_id, d.id AS decision_id, d.number, i.fields, i.position,
           (i.change IN ('add', 'reappoint') OR coalesce(i.to_roster_id = $1, false)) AS joins
      FROM known d JOIN roster_decision_item i ON i.decision_id = d.id
     WHERE d.roster_id = $1
    UNION ALL
    SELECT d.date, d.seq, i.item_no, i.person_id, d.id, d.number, i.fields, i.position, true
      FROM roster_decision_item i JOIN known d ON d.id = i.decision_id
     WHERE i.to_roster_id = $1 AND d.roster_id <> $1
  ),
  kept AS (
    SELECT e.* FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM cut c WHERE (e.date, e.seq) < (c.date, c.seq))
  ),
  latest AS (
    SELECT DISTINCT ON (person_id) * FROM kept ORDER BY person_id, date DESC, seq DESC, item_no DESC
  ),
  sitting AS (
    SELECT l.person_id, l.fields, l.position, l.decision_id, l.number,
           (SELECT min(k.date) FROM kept k
             WHERE k.person_id = l.person_id AND k.joins
               AND NOT EXISTS (SELECT 1 FROM kept x WHERE x.person_id = l.person_id AND NOT x.joins
                                 AND (x.date, x.seq, x.item_no) > (k.date, k.seq, k.item_no))) AS since
      FROM latest l WHERE l.joins
  )
  SELECT r.id, r.level, r.owner_unit_id, ou.name AS owner_unit_name, r.term_start_year, r.term_end_year, r.name,
         s.person_id, p.full_name, p.unit_id AS person_unit_id, pu.name AS person_unit_name, s.fields, s.position,
         to_char(s.since, 'YYYY-MM-DD') AS since, s.decision_id, s.number AS decision_number
    FROM roster r JOIN unit ou ON ou.id = r.owner_unit_id
    LEFT JOIN (sitting s JOIN person p ON p.id = s.person_id LEFT JOIN unit pu ON pu.id = p.unit_id) ON true
   WHERE r.id = $1
   ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", s.person_id`;

/**
 * `roster.atDate.ratio`: "who was on this roster on that day" through RosterService.rosterAt
 * (input validation, a forked EntityManager, one SQL statement, mapping to views) divided by the
 * same rows fetched with one hand-written SQL statement through raw `pg`. History: 50 rosters,
 * 5,000 decisions (establish, add, remove, transfer between rosters, re-appoint, annul), ~1,500
 * people. Sides alternate which goes first each round; the figure is the median round ratio.
 */
export default async function rosterAtDate(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  const pool = new pg.Pool({ connectionString: polcenter.url, max: 20 });
  try {
    const rosterIds = await seedHistory(pool);
    const random = seededRandom(42);
    const asks = Array.from({ length: QUERIES }, () => ({
      rosterId: rosterIds[Math.floor(random() * rosterIds.length)] as string,
      date: `20${20 + Math.floor(random() * 5)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
    }));
    // Same rows both ways, checked once.
    for (const ask of asks) {
      const viaService = await polcenter.rosters.rosterAt(ask);
      const raw = await pool.query(RAW, [ask.rosterId, ask.date, KNOWN_NOW]);
      const rawMembers = raw.rows
        .filter((r) => r.person_id)
        .map((r) => [r.person_id, r.since, r.decision_number, r.fields, r.position]);
      const serviceMembers = viaService.members.map((m) => [
        m.personId,
        m.since,
        m.decisionNumber,
        m.fields,
        m.position,
      ]);
      if (JSON.stringify(rawMembers) !== JSON.stringify(serviceMembers)) {
        throw new Error(
          `rows differ for ${ask.rosterId} on ${ask.date}: ${JSON.stringify(rawMembers)} vs ${JSON.stringify(serviceMembers)}`,
        );
      }
    }
    const viaService = async () => {
      for (const ask of asks) await polcenter.rosters.rosterAt(ask);
    };
    const viaPg = async () => {
      for (const ask of asks) await pool.query(RAW, [ask.rosterId, ask.date, KNOWN_NOW]);
    };
    const ratios: number[] = [];
    const serviceMs: number[] = [];
    const pgMs: number[] = [];
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      const serviceFirst = r % 2 === 0;
      const first = await time(serviceFirst ? viaService : viaPg);
      const second = await time(serviceFirst ? viaPg : viaService);
      if (r < 0) continue;
      const [s, p] = serviceFirst ? [first, second] : [second, first];
      ratios.push(s / p);
      serviceMs.push(s / QUERIES);
      pgMs.push(p / QUERIES);
    }
    const sample = await polcenter.rosters.rosterAt(asks[0] as { rosterId: string; date: string });
    return [
      {
        id: 'roster.atDate.ratio',
        value: median(ratios),
        unit: 'x raw SQL',
        baseline:
          'one hand-written SQL statement by another route (DISTINCT ON, no window functions) through raw pg, same members, stays and decisions',
        target: '<= 3',
        note:
          `rosterAt ${round(median(serviceMs))} ms/call vs raw ${round(median(pgMs))} ms/query; ${ROSTERS} rosters, ` +
          `${DECISIONS} decisions, ${PEOPLE} people, ~${sample.members.length} members per roster, ${QUERIES} sequential ` +
          `calls per side per round, median of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, round ratios ` +
          `${round(Math.min(...ratios))}–${round(Math.max(...ratios))}, embedded PostgreSQL 18 on loopback`,
      },
    ];
  } finally {
    await pool.end();
    await polcenter.close();
  }
}

/** A province-sized history, valid by construction (the generator tracks who is on which roster). */
async function seedHistory(pool: pg.Pool): Promise<string[]> {
  const random = seededRandom(2022);
  const unit = (await pool.query<{ id: string }>("SELECT id FROM unit WHERE code = '064'")).rows[0]?.id as string;
  const people = (
    await pool.query<{ id: string }>(
      `INSERT INTO person (id, full_name, given_name, search_name)
       SELECT gen_random_uuid(), 'Hoàng Văn Bench ' || g, 'Bench' || g, 'hoang van bench ' || g FROM generate_series(1, $1) g
       RETURNING id`,
      [PEOPLE],
    )
  ).rows.map((r) => r.id);
  const rosters = (
    await pool.query<{ id: string }>(
      `INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year)
       SELECT gen_random_uuid(), 'bench' || g, $1, 2020, 2025 FROM generate_series(1, $2) g RETURNING id`,
      [unit, ROSTERS],
    )
  ).rows.map((r) => r.id);
  const members = new Map(rosters.map((r) => [r, new Set<string>()]));
  const perRoster = DECISIONS / ROSTERS;
  // Decisions in date order, rosters interleaved, so transfers meet the target's own history.
  const decisionRows: unknown[][] = [];
  const itemRows: unknown[][] = [];
  let decisionNo = 0;
  const { randomUUID } = await import('node:crypto');
  for (let step = 0; step < perRoster; step++) {
    const date = new Date(Date.UTC(2020, 10, 1) + step * 15 * 86_400_000).toISOString().slice(0, 10);
    for (const [ri, rosterId] of rosters.entries()) {
      const on = members.get(rosterId) as Set<string>;
      const id = randomUUID();
      decisionNo++;
      if (step === 0) {
        const chosen = people.slice(ri * 30, ri * 30 + 30);
        decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'establish', null]);
        chosen.forEach((p, i) => {
          on.add(p);
          itemRows.push([id, i + 1, p, 'add', '{party_building}', null]);
        });
        continue;
      }
      const roll = random();
      const current = [...on];
      if (roll < 0.05 && decisionRows.length > 0) {
        // Annul an earlier addition of this roster (its effect disappears "as known now").
        const earlier = decisionRows.find((d) => d[1] === rosterId && d[4] === 'add' && !d[6]);
        if (earlier) {
          earlier[6] = true;
          decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'annul', earlier[0]]);
          const item = itemRows.find((it) => it[0] === earlier[0]);
          if (item && item[3] === 'add') on.delete(item[2] as string);
          continue;
        }
      }
      if (roll < 0.45 || current.length < 10) {
        const p = people[Math.floor(random() * people.length)] as string;
        if (on.has(p)) {
          decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'reappoint', null]);
          itemRows.push([id, 1, p, 'reappoint', '{economy}', null]);
        } else {
          decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'add', null]);
          itemRows.push([id, 1, p, 'add', '{law}', null]);
          on.add(p);
        }
      } else if (roll < 0.8) {
        const p = current[Math.floor(random() * current.length)] as string;
        decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'remove', null]);
        itemRows.push([id, 1, p, 'remove', '{}', null]);
        on.delete(p);
      } else {
        const p = current[Math.floor(random() * current.length)] as string;
        const to = rosters[Math.floor(random() * rosters.length)] as string;
        decisionRows.push([id, rosterId, `${decisionNo}-QĐ`, date, 'transfer', null]);
        itemRows.push([id, 1, p, 'transfer', '{culture_society}', to]);
        on.delete(p);
        (members.get(to) as Set<string>).add(p);
      }
    }
  }
  for (let i = 0; i < decisionRows.length; i += 1000) {
    const slice = decisionRows.slice(i, i + 1000);
    await pool.query(
      `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id)
       SELECT id, roster_id, number, date, 'bench', kind, annuls FROM
       unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::uuid[]) AS t(id, roster_id, number, date, kind, annuls)`,
      [0, 1, 2, 3, 4, 5].map((c) => slice.map((row) => row[c])),
    );
  }
  for (let i = 0; i < itemRows.length; i += 2000) {
    const slice = itemRows.slice(i, i + 2000);
    await pool.query(
      `INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change, fields, to_roster_id)
       SELECT gen_random_uuid(), d, n, p, c, f::text[], t FROM
       unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::uuid[]) AS x(d, n, p, c, f, t)`,
      [0, 1, 2, 3, 4, 5].map((c) => slice.map((row) => row[c])),
    );
  }
  await pool.query('ANALYZE roster; ANALYZE roster_decision; ANALYZE roster_decision_item; ANALYZE person');
  return rosters;
}
