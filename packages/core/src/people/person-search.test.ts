import { vietnameseFold } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { personSearchStatement } from './person-search.js';

// The search statement is served by indexes (ADR 0034, 0046), so it stays flat as a province grows:
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
  await em().execute('ANALYZE person, person_name_word, person_name_vocabulary');
});

async function plan(words: string[], withinUnits?: string[]): Promise<string> {
  const { sql, params } = personSearchStatement({ words, limit: 20, withinUnits });
  const rows = await em().execute<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

test('a name many people share reads its pair of words in list order and stops at the first page', async () => {
  const text = await plan(['nguyen', 'van']);
  // One range of the word index ("nguyen" with "van"), already in list order: read up to a page.
  assert.match(text, /Limit[^\n]*\n\s*->\s+Index Only Scan using person_name_word_order_idx on person_name_word/, text);
  assert.match(text, /Index Cond: \(\(word = [^\n]*other_word = /, text);
  assert.not.match(text, /Seq Scan on person\b|Bitmap Heap Scan on person\b|Seq Scan on person_name_word/, text);
  assert.not.match(text, /person_name_order_idx/, text);
});

test('a name few people share is read from its word’s range too: no scan of people', async () => {
  const text = await plan(['dung107']);
  assert.match(text, /person_name_word_order_idx/, text);
  assert.not.match(text, /Seq Scan on person\b|Seq Scan on person_name_word/, text);
});

test('a query of one-letter words walks the name-order index: most people match it', async () => {
  const text = await plan(['n', 'v']);
  assert.match(text, /Limit[^\n]*\n\s*->\s+Index Only Scan using person_name_order_idx/, text);
  assert.not.match(text, /person_name_word/, text);
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
