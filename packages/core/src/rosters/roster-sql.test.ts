import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { KNOWN_NOW, membershipCtes } from './roster-sql.js';

// The roster at a date reads its own rosters' history, not every decision of every roster: the plan
// below is the planner's own choice among 300 rosters with 30 decisions each.

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const em = () => polcenter.orm.em.fork();

test.before(async () => {
  await em().execute(
    `INSERT INTO unit (id, code, name, level_code, kind) VALUES ('00000000-0000-4000-8000-000000000001', 'RS-1', 'Xã Thử', 'commune', 'administrative');
     INSERT INTO person (id, full_name, given_name, search_name)
       SELECT ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, 'Hoàng Văn ' || g, g::text, 'hoang van ' || g
         FROM generate_series(1, 3000) g;
     INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year)
       SELECT ('00000000-0000-4000-8002-' || lpad(r::text, 12, '0'))::uuid, 'l' || r, '00000000-0000-4000-8000-000000000001', 2020, 2025
         FROM generate_series(1, 300) r;
     INSERT INTO roster_decision (id, roster_id, number, date, signer, kind)
       SELECT ('00000000-0000-4000-8003-' || lpad((r * 100 + k)::text, 12, '0'))::uuid,
              ('00000000-0000-4000-8002-' || lpad(r::text, 12, '0'))::uuid, k || '/QĐ', DATE '2021-01-01' + k * 20, 'x',
              CASE WHEN k = 0 THEN 'establish' WHEN k % 3 = 0 THEN 'remove' ELSE 'add' END
         FROM generate_series(1, 300) r, generate_series(0, 29) k;
     INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change)
       SELECT gen_random_uuid(), ('00000000-0000-4000-8003-' || lpad((r * 100 + k)::text, 12, '0'))::uuid, 1,
              ('00000000-0000-4000-8001-' || lpad((1 + (r * 10 + k / 3) % 3000)::text, 12, '0'))::uuid,
              CASE WHEN k % 3 = 0 AND k > 0 THEN 'remove' ELSE 'add' END
         FROM generate_series(1, 300) r, generate_series(0, 29) k;
     ANALYZE roster; ANALYZE roster_decision; ANALYZE roster_decision_item`,
  );
});

test("one roster's history through indexes: no scan of every roster's decisions", async () => {
  const rows = await em().execute<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN WITH ${membershipCtes('SELECT r.id FROM roster r WHERE r.id = ?')} SELECT * FROM members`,
    ['00000000-0000-4000-8002-000000000007', '2022-06-01', KNOWN_NOW],
  );
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  assert.not.match(text, /Seq Scan on roster_decision /, text);
  assert.not.match(text, /Seq Scan on roster_decision_item/, text);
  assert.match(text, /roster_decision_roster_idx/, text);
  const members = await polcenter.rosters.rosterAt({
    rosterId: '00000000-0000-4000-8002-000000000007',
    date: '2022-06-01',
  });
  assert.ok(members.members.length > 0);
});

test.run();
