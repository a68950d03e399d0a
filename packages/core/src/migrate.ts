import { SetupError } from '@polcenter/postgres';
import { MIGRATIONS } from './migrations/index.js';
import type { Orm } from './orm.js';

export interface MigrationReport {
  /** Migrations applied by this call, in order; empty when the schema was up to date. */
  readonly applied: string[];
}

/**
 * Brings the schema up to date. A database migrated by a newer PolCenter (it lists migrations
 * this code does not know) is refused before anything runs, so no data is touched.
 */
export async function migrate(orm: Orm): Promise<MigrationReport> {
  await assertSchemaNotNewer(orm);
  const migrator = orm.getMigrator();
  const pending = await migrator.getPendingMigrations();
  if (pending.length === 0) return { applied: [] };
  const applied = await migrator.up();
  return { applied: applied.map((m) => m.name) };
}

export async function assertSchemaNotNewer(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ exists: boolean }[]>(
    "select to_regclass('mikro_orm_migrations') is not null as exists",
  );
  if (!table?.exists) return;
  const rows = await connection.execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = rows.map((r) => r.name.replace(/\.[jt]s$/, '')).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new SetupError('SCHEMA_TOO_NEW', {
      vi: `Cơ sở dữ liệu đã được một phiên bản PolCenter mới hơn nâng cấp (có ${unknown.length} bước chuyển đổi lạ, ví dụ ${unknown[0]}); hãy dùng phiên bản PolCenter mới hơn hoặc khôi phục bản sao lưu cũ.`,
      en: `The database was upgraded by a newer PolCenter (${unknown.length} unknown migration(s), e.g. ${unknown[0]}); run a newer PolCenter or restore an older backup.`,
    });
  }
}
