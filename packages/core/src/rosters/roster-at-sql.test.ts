import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { rosterAtSql } from './roster-at-sql.js';
import { KNOWN_NOW, membershipCtes } from './roster-sql.js';

// 300 rosters of 30 decisions each: additions, removals, transfers to the next roster, annulments
// (dated ten days after what they annul) and a second establishing decision half-way.

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const em = () => polcenter.orm.em.fork();
const rosterId = (r: number) => `00000000-0000-4000-8002-${String(r).padStart(12, '0')}`;
const decisionId = (r: string, k: string) =>
  `('00000000-0000-4000-8003-' || lpad((${r} * 100 + ${k})::text, 12, '0'))::uuid`;
const personId = (n: string) => `('00000000-0000-4000-8001-' || lpad((1 + (${n}) % 3000)::text, 12, '0'))::uuid`;

test.before(async () => {
  await em().execute(
    `INSERT INTO unit (id, code, name, level_code, kind) VALUES ('00000000-0000-4000-8000-000000000001', 'RA-1', 'Xã Thử', 'commune', 'administrative');
     INSERT INTO person (id, full_name, given_name, search_name)
       SELECT ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, 'Hoàng Văn ' || g, g::text, 'hoang van ' || g
         FROM generate_series(1, 3000) g;
     INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year)
       SELECT ('00000000-0000-4000-8002-' || lpad(r::text, 12, '0'))::uuid, 'l' || r, '00000000-0000-4000-8000-000000000001', 2020, 2025
         FROM generate_series(1, 300) r;
     INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id)
       SELECT ${decisionId('r', 'k')}, ('00000000-0000-4000-8002-' || lpad(r::text, 12, '0'))::uuid, k || '/QĐ',
              DATE '2021-01-01' + k * 20 + CASE WHEN k % 5 = 4 THEN -10 ELSE 0 END, 'x',
              CASE WHEN k IN (0, 15) THEN 'establish' WHEN k % 5 IN (1, 2) THEN 'add' WHEN k % 5 = 3 THEN 'remove'
                   WHEN k % 5 = 4 THEN 'annul' ELSE 'transfer' END,
              CASE WHEN k % 5 = 4 THEN ${decisionId('r', 'k - 1')} END
         FROM generate_series(1, 300) r, generate_series(0, 29) k ORDER BY k, r;
     INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change, fields, position, to_roster_id)
       SELECT gen_random_uuid(), ${decisionId('r', 'k')}, n,
              ${personId('CASE WHEN k % 5 = 3 THEN r * 30 + k - 1 WHEN k % 5 = 0 AND k NOT IN (0, 15) THEN r * 30 + k - 4 ELSE r * 30 + k + (n - 1) * 1000 END')},
              CASE WHEN k % 5 = 3 THEN 'remove' WHEN k % 5 = 0 AND k NOT IN (0, 15) THEN 'transfer' ELSE 'add' END,
              ARRAY['law'], 'tổ ' || k, CASE WHEN k % 5 = 0 AND k NOT IN (0, 15) THEN ('00000000-0000-4000-8002-' || lpad((r % 300 + 1)::text, 12, '0'))::uuid END
         FROM generate_series(1, 300) r, generate_series(0, 29) k, generate_series(1, 3) n
        WHERE k % 5 <> 4 AND (n = 1 OR k IN (0, 15));
     ANALYZE roster; ANALYZE roster_decision; ANALYZE roster_decision_item`,
  );
});

const asks = ['2021-01-01', '2021-04-15', '2021-12-01', '2021-12-15', '2022-06-30', '2023-01-01'].flatMap((date) =>
  [KNOWN_NOW, '2021-11-25'].flatMap((knownOn) => [7, 8, 300].map((r) => ({ rosterId: rosterId(r), date, knownOn }))),
);

test('the roster at a date gives the members the many-roster derivation gives', async () => {
  let seen = 0;
  for (const ask of asks) {
    const view = await polcenter.rosters.rosterAt(ask);
    const derived = await em().execute<{ person_id: string; since: string; decision_id: string; position: string }[]>(
      `WITH ${membershipCtes('SELECT ?::uuid AS id')}
       SELECT person_id, to_char(since, 'YYYY-MM-DD') AS since, decision_id, position FROM members ORDER BY person_id`,
      [ask.rosterId, ask.date, ask.knownOn],
    );
    const fromView = view.members.map((m) => [m.personId, m.since, m.decisionId, m.position].join('|')).sort();
    assert.equal(
      fromView,
      derived.map((m) => [m.person_id, m.since, m.decision_id, m.position].join('|')),
      JSON.stringify(ask),
    );
    seen += fromView.length;
  }
  assert.ok(seen > 100, `${seen} members seen`);
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'CTE Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

test("the roster at a date reads that roster's history only, whatever the others hold", async () => {
  const [row] = await em().execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${rosterAtSql('SELECT r.id FROM roster r WHERE r.id = ?')}`,
    [rosterId(7), '2022-06-30', KNOWN_NOW],
  );
  const plan = row?.['QUERY PLAN'][0].Plan as PlanNode;
  // The roster's own history is 30 decisions and 34 items, and 6 transfers into it: no step of the
  // plan may read more rows of decisions or items than that (all 300 rosters hold 9,000 and 10,200).
  const read: string[] = [];
  const walk = (node: PlanNode) => {
    const rows = (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
    const table = node['Relation Name'] ?? node['CTE Name'] ?? '';
    if (/^roster_decision|^own$|^ev$/.test(table) && rows > 100) read.push(`${node['Node Type']} ${table}: ${rows}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  assert.equal(read, [], `steps reading beyond the roster's own history: ${read.join('; ')}`);
});

test.run();
