import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { testDatabase } from './database.js';

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('each caller gets its own empty database on a real PostgreSQL', async () => {
  const [a, b] = await Promise.all([testDatabase(), testDatabase()]);
  assert.is.not(a.name, b.name);
  await query(a.url, 'CREATE TABLE only_in_a (id int)');
  const inB = await query(b.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
  assert.is(inB[0].n, 0);
  const version = await query(a.url, 'SHOW server_version_num');
  assert.ok(Number(version[0].server_version_num) >= 150000);
});

test('a template is prepared once and cloned for each database', async () => {
  let prepared = 0;
  const template = {
    key: 'numbers',
    async prepare(url: string) {
      prepared++;
      await query(url, 'CREATE TABLE numbers (n int); INSERT INTO numbers VALUES (1), (2)');
    },
  };
  const first = await testDatabase({ template });
  const second = await testDatabase({ template });
  await query(first.url, 'DELETE FROM numbers');
  assert.is(prepared, 1);
  assert.is((await query(second.url, 'SELECT count(*)::int AS n FROM numbers'))[0].n, 2);
  await first.drop();
  await second.drop();
});

test.run();
