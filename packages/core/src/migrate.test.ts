import { spawn } from 'node:child_process';
import { testDatabase } from '@polcenter/testing/database';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { migrate, shippedMigrationNames } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { createOrm } from './orm.js';

test('the migration files beside migrate.ts are exactly the list, so its quick check never skips one', async () => {
  const names = await shippedMigrationNames();
  assert.equal([...(names ?? [])].sort(), MIGRATIONS.map((m) => m.name).sort());
});

/** A fresh process opens the library on `url` and says whether MikroORM's migrator got loaded. */
function openInFreshProcess(url: string): Promise<{ migratorLoaded: boolean; applied: string[] }> {
  const program = `
    import { createRequire } from 'node:module';
    const { createOrm, migrate } = await import(${JSON.stringify(new URL('./index.ts', import.meta.url).href)});
    const orm = await createOrm({ databaseUrl: process.env.URL });
    const { applied } = await migrate(orm);
    await orm.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    // (MikroORM reads every installed package's package.json at start, to compare versions.)
    const migrator = (f) => /[\\\\/](umzug|@mikro-orm[\\\\/]migrations)[\\\\/].*\\.js$/.test(f);
    console.log(JSON.stringify({ migratorLoaded: loaded.some(migrator), applied }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, '--input-type=module', '-e', program], {
      env: { ...process.env, URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')) : reject(new Error(`exit ${code}`)),
    );
  });
}

test('a process that finds the schema current never loads the migrator; one that migrates does', async () => {
  const db = await testDatabase();
  try {
    const first = await openInFreshProcess(db.url);
    assert.is(first.migratorLoaded, true);
    assert.is(first.applied.length, MIGRATIONS.length);
    const second = await openInFreshProcess(db.url);
    assert.equal(second, { migratorLoaded: false, applied: [] });
  } finally {
    await db.drop();
  }
});

test('a database migrated by a newer PolCenter is refused on the quick path too', async () => {
  const db = await testDatabase();
  const orm = await createOrm({ databaseUrl: db.url });
  try {
    await migrate(orm);
    await orm.em
      .fork()
      .execute("INSERT INTO mikro_orm_migrations (name) VALUES ('Migration20991231000000FromTheFuture')");
    const refused = await migrate(orm).then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    );
    assert.is(refused, 'SCHEMA_TOO_NEW');
  } finally {
    await orm.close();
    await db.drop();
  }
});

test.run();
