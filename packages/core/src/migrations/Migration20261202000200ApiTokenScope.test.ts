import { testDatabase } from '@polcenter/testing/database';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { migrate, migratorOf } from '../migrate.js';
import { createOrm } from '../orm.js';
import { MIGRATIONS } from './index.js';

test('API tokens made before expiries existed get 90 days from the upgrade; sessions keep theirs', async () => {
  const db = await testDatabase();
  const orm = await createOrm({ databaseUrl: db.url });
  try {
    const mine = MIGRATIONS.findIndex((m) => m.name === 'Migration20261202000200ApiTokenScope');
    await (await migratorOf(orm)).up({ to: MIGRATIONS[mine - 1]?.name as string });
    const em = orm.em.fork();
    await em.execute(
      "INSERT INTO app_user (id, username, display_name, password_hash) VALUES ('00000000-0000-4000-8000-000000000001', 'old', 'Old', 'x')",
    );
    await em.execute(`INSERT INTO auth_token (id, user_id, kind, name, token_hash, expires_at) VALUES
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'api', 'cổng cũ', repeat('a', 64), NULL),
      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'session', NULL, repeat('b', 64), now() + interval '2 hours')`);
    await migrate(orm);
    const rows = await em.execute<
      { kind: string; label: string | null; days: number; read_only: boolean; areas: null }[]
    >(
      `SELECT kind, label, round(extract(epoch FROM expires_at - now()) / 86400)::int AS days, read_only, areas
         FROM auth_token ORDER BY kind`,
    );
    assert.equal(rows, [
      { kind: 'api', label: 'cổng cũ', days: 90, read_only: false, areas: null },
      { kind: 'session', label: null, days: 0, read_only: false, areas: null },
    ]);
    const refused = await em.execute("UPDATE auth_token SET expires_at = NULL WHERE kind = 'api'").then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    );
    assert.is(refused, '23502');
  } finally {
    await orm.close();
    await db.drop();
  }
});

test.run();
