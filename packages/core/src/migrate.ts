import { readdir } from 'node:fs/promises';
import type { MigrationObject } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { SetupError } from '@polcenter/postgres';
import type { Orm } from './orm.js';

export interface MigrationReport {
  /** Migrations applied by this call, in order; empty when the schema was up to date. */
  readonly applied: string[];
}

/**
 * Brings the schema up to date. A database migrated by a newer PolCenter (it lists migrations
 * this code does not know) is refused before anything runs, so no data is touched.
 *
 * Every start calls this, and nearly always the schema is current. MikroORM's migrator and our
 * migrations (which import it) bring some 250 modules — umzug, its command line, a JSON-schema
 * validator, globbing — that a serving process would hold for nothing; so they are loaded only
 * when the database lacks one of the migration files shipped beside this module (or that folder
 * cannot be read), and the list then decides.
 */
export async function migrate(orm: Orm): Promise<MigrationReport> {
  const recorded = await recordedMigrations(orm);
  const shipped = await shippedMigrationNames();
  if (recorded && shipped?.every((name) => recorded.includes(name))) {
    assertNoneUnknown(recorded, shipped);
    return { applied: [] };
  }
  const { MIGRATIONS } = await import('./migrations/index.js');
  if (recorded) assertNoneUnknown(recorded, MIGRATIONS);
  const migrator = await migratorOf(orm);
  const pending = await migrator.getPendingMigrations();
  if (pending.length === 0) return { applied: [] };
  const applied = await migrator.up();
  return { applied: applied.map((m) => m.name) };
}

/** MikroORM's migrator over our list, loaded on demand (see `migrate`). */
export async function migratorOf(orm: Orm): Promise<Migrator> {
  const [{ Migrator }, { MIGRATIONS }] = await Promise.all([
    import('@mikro-orm/migrations'),
    import('./migrations/index.js'),
  ]);
  orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList: MIGRATIONS });
  return new Migrator(orm.em);
}

export async function assertSchemaNotNewer(orm: Orm): Promise<void> {
  const recorded = await recordedMigrations(orm);
  if (!recorded) return;
  const { MIGRATIONS } = await import('./migrations/index.js');
  assertNoneUnknown(recorded, MIGRATIONS);
}

/** The names the database records as applied; null before the first migration. */
async function recordedMigrations(orm: Orm): Promise<string[] | null> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ exists: boolean }[]>(
    "select to_regclass('mikro_orm_migrations') is not null as exists",
  );
  if (!table?.exists) return null;
  const rows = await connection.execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
  return rows.map((r) => r.name.replace(/\.[jt]s$/, ''));
}

/**
 * The migrations shipped with this code, by their files (`Migration….js` beside this module once
 * built, `.ts` in the source); null when the folder cannot be read (a bundle). A test holds them
 * equal to `MIGRATIONS`.
 */
export async function shippedMigrationNames(): Promise<string[] | null> {
  try {
    const files = await readdir(new URL('./migrations/', import.meta.url));
    const names = files.flatMap((file) => /^(Migration\w+)\.[jt]s$/.exec(file)?.[1] ?? []);
    return names.length > 0 ? names : null;
  } catch {
    return null;
  }
}

function assertNoneUnknown(recorded: readonly string[], known: readonly (string | MigrationObject)[]): void {
  const names = new Set(known.map((m) => (typeof m === 'string' ? m : m.name)));
  const unknown = recorded.filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new SetupError('SCHEMA_TOO_NEW', {
      vi: `Cơ sở dữ liệu đã được một phiên bản PolCenter mới hơn nâng cấp (có ${unknown.length} bước chuyển đổi lạ, ví dụ ${unknown[0]}); hãy dùng phiên bản PolCenter mới hơn hoặc khôi phục bản sao lưu cũ.`,
      en: `The database was upgraded by a newer PolCenter (${unknown.length} unknown migration(s), e.g. ${unknown[0]}); run a newer PolCenter or restore an older backup.`,
    });
  }
}
