import { testDatabase } from '@polcenter/testing/database';
import { migrate } from './migrate';
import { createOrm } from './orm';
import { createPolCenter, type PolCenter } from './polcenter';
import { seedDemo } from './seed/demo';

/**
 * A PolCenter on a fresh database of its own, cloned from a migrated (and, with `demo`, seeded)
 * template, so each test file starts from the same known state in milliseconds.
 */
export async function createTestPolCenter(options: { demo?: boolean } = {}): Promise<PolCenter & { url: string }> {
  const demo = options.demo ?? false;
  const db = await testDatabase({
    template: {
      key: demo ? 'core-demo' : 'core-migrated',
      async prepare(url) {
        const orm = await createOrm({ databaseUrl: url });
        try {
          await migrate(orm);
          if (demo) await seedDemo(orm);
        } finally {
          await orm.close();
        }
      },
    },
  });
  const polcenter = await createPolCenter({ databaseUrl: db.url, migrate: false });
  return {
    ...polcenter,
    url: db.url,
    async close() {
      await polcenter.close();
      await db.drop();
    },
  };
}
