import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createPolCenter } from '../polcenter.js';
import { countRows, createTestPolCenter, readableTest as it } from '../testing/index.js';
import { inTransaction, numberedPlaceholders, RetryTransaction } from './sql.js';

const polcenter = await createTestPolCenter();
// A pool of two, so a connection that was not given back would soon be missed.
const small = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 2 });
test.after(async () => {
  await small.close();
  await polcenter.close();
});
const orm = small.orm;

test('? placeholders become $1…$n; quoted, dollar-quoted and commented ones stay', () => {
  assert.is(numberedPlaceholders('SELECT ? , ?::uuid[]'), 'SELECT $1 , $2::uuid[]');
  assert.is(
    numberedPlaceholders(`SELECT 'what?', "odd?col", ? -- why?\n, ?`),
    `SELECT 'what?', "odd?col", $1 -- why?\n, $2`,
  );
  assert.is(numberedPlaceholders(`SELECT 'it''s?', ?`), `SELECT 'it''s?', $1`);
  assert.is(numberedPlaceholders('SELECT $$a?b$$, $x$?$x$, /* ? */ ?'), 'SELECT $$a?b$$, $x$?$x$, /* ? */ $1');
});

it('a unit of work commits what it wrote, with values bound as parameters', async () => {
  const label = "O'Brien; DROP TABLE audit_log; --";
  const [row] = await inTransaction(orm, async (tx) => {
    await tx.execute(
      `INSERT INTO audit_log (actor_label, action, entity) VALUES (?, 'sql.test', 'test')`,
      [label],
      'run',
    );
    return tx.execute<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log WHERE actor_label = ?', [label]);
  });
  assert.is(row?.n, 1);
  assert.is(await countRows(orm, 'audit_log', 'actor_label = ?', [label]), 1);
});

it('an error rolls back everything and gives the connection back to the pool', async () => {
  for (let i = 0; i < 5; i++) {
    const failed = await inTransaction(orm, async (tx) => {
      await tx.execute(
        `INSERT INTO audit_log (actor_label, action, entity) VALUES ('rolled back', 'sql.test', 'test')`,
      );
      throw new Error('refused');
    }).catch((error: Error) => error.message);
    assert.is(failed, 'refused');
  }
  // A statement PostgreSQL refuses leaves the connection usable too.
  const refused = await inTransaction(orm, (tx) => tx.execute('SELECT 1 / 0')).catch((e: { code?: string }) => e.code);
  assert.is(refused, '22012');
  assert.is(await countRows(orm, 'audit_log', 'actor_label = ?', ['rolled back']), 0);
  const [ok] = await inTransaction(orm, (tx) => tx.execute<{ ok: number }[]>('SELECT 1 AS ok'));
  assert.is(ok?.ok, 1);
});

it('RetryTransaction runs the work again from a clean start', async () => {
  let attempts = 0;
  const result = await inTransaction(orm, async (tx) => {
    attempts++;
    await tx.execute(`INSERT INTO audit_log (actor_label, action, entity) VALUES ('retried', 'sql.test', 'test')`);
    if (attempts < 2) throw new RetryTransaction('changed under us');
    return 'done';
  });
  assert.is(result, 'done');
  assert.is(attempts, 2);
  assert.is(await countRows(orm, 'audit_log', 'actor_label = ?', ['retried']), 1, 'the first attempt left nothing');
});

it('an array given as a parameter is refused, not silently bound as one value', async () => {
  const refused = await inTransaction(orm, (tx) => tx.execute('SELECT 1 WHERE 1 IN (?)', [[1, 2]])).catch(
    (error: Error) => error.message,
  );
  assert.match(String(refused), 'pass arrays as one literal');
});

it('statements are prepared once per connection and reused', async () => {
  const sql = 'SELECT count(*)::int AS n FROM unit WHERE id = ANY(?::uuid[])';
  const prepared = await inTransaction(orm, async (tx) => {
    await tx.execute(sql, ['{}']);
    await tx.execute(sql, ['{}']);
    return tx.execute<{ statement: string }[]>(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'pc\\_%'`);
  });
  const texts = prepared.map((p) => p.statement);
  assert.ok(texts.includes(numberedPlaceholders(sql)), JSON.stringify(texts));
});

test.run();
