import { Migration } from '@mikro-orm/migrations';

/**
 * Answers to mutations sent with an Idempotency-Key, so a request a flaky network repeats is
 * answered once and replayed after. Kept a day; `scope` separates callers so keys cannot collide.
 */
export class Migration20261128000007Idempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE idempotency_key (
        scope varchar(200) NOT NULL,
        key varchar(200) NOT NULL,
        procedure varchar(200) NOT NULL,
        request_hash char(64) NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    this.addSql('CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE idempotency_key');
  }
}
