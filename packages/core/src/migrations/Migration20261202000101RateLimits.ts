import { Migration } from '@mikro-orm/migrations';

/**
 * Rate-limit counters shared by every server process on this database (ADR 0011), in the shape
 * `rate-limiter-flexible`'s PostgreSQL store reads and writes: a hashed key, the points used in the
 * current window and when it ends (ms since the epoch). Expired rows are swept by the servers.
 */
export class Migration20261202000101RateLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE rate_limit');
  }
}
