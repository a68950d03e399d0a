import { vietnameseFold } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { personSearchStatement } from './person-search.js';

// The search statement is served by indexes (ADR 0034), so it stays flat as a province grows:
// the plans below are the planner's own choice on 30,000 people named as a province's are.

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const em = () => polcenter.orm.em.fork();

const fold = vietnameseFold();

test.before(async () => {
  await em().execute(
    `INSERT INTO person (id, full_name, given_name, search_name)
     SELECT gen_random_uuid(), f || ' ' || m || ' ' || g, g, lower(translate(f || ' ' || m || ' ' || g, ?, ?))
       FROM generate_series(0, 29999) n,
       LATERAL (SELECT (ARRAY['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Ma', 'Nông'])[1 + n % 8] AS f,
                       (ARRAY['Văn', 'Văn', 'Thị', 'Đức', 'Minh'])[1 + (n / 8) % 5] AS m,
                       (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Lan', 'Mai'])[1 + (n / 40) % 7] || (n / 280) AS g) x`,
    [fold.from, fold.to],
  );
  await em().execute('ANALYZE person');
});

async function plan(words: string[], withinUnits?: string[]): Promise<string> {
  const { sql, params } = personSearchStatement({ words, limit: 20, withinUnits });
  const rows = await em().execute<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

test('a name many people share reads names in order and stops at the first page: no scan and sort of all matches', async () => {
  const text = await plan(['nguyen', 'van']);
  assert.match(text, /Index Only Scan using person_name_order_idx/, text);
  assert.not.match(text, /Seq Scan on person|Bitmap Heap Scan on person/, text);
  // Only the page itself is sorted again, once its rows are fetched: the Limit reads the index in order.
  assert.match(text, /Limit[^\n]*\n\s*->\s+Index Only Scan using person_name_order_idx/, text);
});

test('a name few people share is found through the trigram index on the folded name', async () => {
  const text = await plan(['dung107']);
  assert.match(text, /person_search_trgm_idx/, text);
  assert.not.match(text, /Seq Scan on person/, text);
});

test('the index keeps the search diacritic-insensitive and word-prefix only', async () => {
  await em().execute(
    `INSERT INTO person (id, full_name, given_name, search_name) VALUES
       (gen_random_uuid(), 'Nguyễn Vân Quỳnh', 'Quỳnh', 'nguyen van quynh'),
       (gen_random_uuid(), 'Hoàng Thị Quỳnh', 'Quỳnh', 'hoang thi quynh')`,
  );
  const found = await polcenter.people.search({ query: 'QUỲNH' });
  assert.equal(found.items.map((p) => p.fullName).sort(), ['Hoàng Thị Quỳnh', 'Nguyễn Vân Quỳnh']);
  const prefix = await polcenter.people.search({ query: 'uynh' });
  assert.is(prefix.items.length, 0, 'the middle of a word does not match');
});

test.run();
