import { MikroORM } from '@mikro-orm/postgresql';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { summariseError } from './kernel/db-errors.js';
import { inTransaction, withoutLiterals } from './kernel/sql.js';
import { ormConfig } from './orm.js';
import { createTestPolCenter } from './testing/index.js';

// What the library may print or hand to a log about SQL: never the values (ADR 0010).
const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

test('withoutLiterals: strings, dollar-quoted bodies and numbers become ?; identifiers stay', () => {
  assert.is(
    withoutLiterals(
      `select "full_name" from person where national_id = '006090123456' and n > 12.5 and t1.x = $$a'b$$`,
    ),
    'select "full_name" from person where national_id = ? and n > ? and t1.x = ?',
  );
  assert.is(withoutLiterals("insert into p values ('O''Brien', 1990)"), 'insert into p values (?, ?)');
});

test('debug: MikroORM logs each statement, without the values it inlined', async () => {
  const lines: string[] = [];
  const orm = await MikroORM.init({
    ...ormConfig({ databaseUrl: polcenter.url, debug: true }),
    logger: (line) => lines.push(line),
  });
  try {
    await orm.em.fork().execute('select ? as name, ? as birth_date', ['Hoàng Thị Mai', '1990-05-01']);
  } finally {
    await orm.close();
  }
  const logged = lines.join('\n');
  assert.match(logged, 'select ? as name, ? as birth_date');
  assert.not.match(logged, 'Hoàng');
  assert.not.match(logged, '1990');
});

test('summariseError: kind, SQLSTATE and statement name of a failed statement; nothing of its values', async () => {
  const error = await inTransaction(polcenter.orm, (tx) =>
    tx.execute('select ?::int / 0 as boom', ['006090123456'.slice(0, 3)]),
  ).catch((e: unknown) => e);
  const summary = summariseError(error);
  assert.is(summary.error, 'DatabaseError');
  assert.is(summary.code, '22012');
  assert.match(summary.statement ?? '', /^pc_/);
  // Through MikroORM, whose message is the SQL with the value inlined.
  const viaOrm = await polcenter.orm.em
    .fork()
    .execute('select * from person where national_id = ? and 1/0 = 1', ['006090123456'])
    .catch((e: unknown) => e);
  assert.match(String((viaOrm as Error).message), '006090123456');
  const logged = JSON.stringify(summariseError(viaOrm));
  assert.not.match(logged, '006090123456');
  assert.match(logged, '22012');
});

test.run();
