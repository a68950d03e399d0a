import { randomUUID } from 'node:crypto';
import { rosterAt } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { KNOWN_NOW, membershipCtes, rosterMembersCtes } from './roster-sql.js';

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

test('members without their stays agree with the domain on a random history, unchecked decisions included', async () => {
  // Written straight into the tables, so decisions that the service would refuse (removing someone
  // who is not on the roster, adding a sitting member) are in the history too; several per date.
  let state = 11;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n); // the high bits: the low ones of this generator repeat quickly
  };
  const rosters = Array.from({ length: 5 }, () => randomUUID());
  const people = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8004-${String(1 + i).padStart(12, '0')}`);
  const fields = ['law', 'economy', 'history', 'culture'];
  await em().execute(
    `INSERT INTO person (id, full_name, given_name, search_name)
       SELECT unnest(?::uuid[]), 'Lò Văn Thử', 'Thử', 'lo van thu';
     INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year)
       SELECT id, 'random-' || n, '00000000-0000-4000-8000-000000000001', 2020, 2025 FROM unnest(?::uuid[]) WITH ORDINALITY AS r(id, n)`,
    [`{${people.join(',')}}`, `{${rosters.join(',')}}`],
  );
  const recorded: { id: string; rosterId: string; annulled: boolean }[] = [];
  for (let n = 0; n < 220; n++) {
    const id = randomUUID();
    const rosterId = rosters[rand(rosters.length)] as string;
    const date = `2021-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(4) * 7).padStart(2, '0')}`;
    const pick = rand(12);
    const own = recorded.filter((d) => d.rosterId === rosterId && !d.annulled);
    if (pick === 0 && own.length > 0) {
      const target = own[rand(own.length)] as (typeof own)[number];
      target.annulled = true;
      await em().execute(
        `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id)
         VALUES (?, ?, ?, ?, 'x', 'annul', ?)`,
        [id, rosterId, `H${n}`, date, target.id],
      );
      continue;
    }
    const kind = ['establish', 'add', 'add', 'reappoint', 'remove', 'remove', 'transfer', 'transfer'][
      rand(8)
    ] as string;
    await em().execute(
      `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind) VALUES (?, ?, ?, ?, 'x', ?)`,
      [id, rosterId, `Q${n}`, date, kind],
    );
    recorded.push({ id, rosterId, annulled: false });
    const who = new Set(Array.from({ length: 1 + rand(3) }, () => people[rand(people.length)] as string));
    let no = 0;
    for (const personId of who) {
      const change = kind === 'establish' ? 'add' : kind;
      const to = change === 'transfer' ? (rosters[rand(rosters.length)] as string) : null;
      await em().execute(
        `INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change, fields, to_roster_id)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?)`,
        [id, ++no, personId, change, `{${fields[rand(fields.length)]}}`, to],
      );
    }
  }
  const decisions = await polcenter.rosters.decisionsForDerivation(rosters);
  for (const date of ['2021-01-01', '2021-03-15', '2021-06-22', '2021-09-08', '2021-12-29', '2022-01-01']) {
    for (const knownOn of [undefined, '2021-05-31']) {
      const rows = await em().execute<{ roster_id: string; person_id: string; fields: string[] }[]>(
        `WITH ${rosterMembersCtes('SELECT unnest(?::uuid[]) AS id')} SELECT roster_id, person_id, fields FROM members`,
        [`{${rosters.join(',')}}`, date, knownOn ?? KNOWN_NOW],
      );
      for (const rosterId of rosters) {
        const fromSql = rows
          .filter((r) => r.roster_id === rosterId)
          .map((r) => `${r.person_id} ${r.fields.join(',')}`)
          .sort();
        const fromDomain = rosterAt(decisions, rosterId, date, knownOn ? { knownOn } : {})
          .map((m) => `${m.personId} ${m.fields.join(',')}`)
          .sort();
        assert.equal(fromSql, fromDomain, `${rosterId} ${date} ${knownOn}`);
      }
    }
  }
});

test.run();
