import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys now commit with their answer or not at all (ADR 0011). Rows that an earlier
 * version claimed and never completed (its request died midway) would block their key for a day;
 * they are dropped, so a retry runs afresh.
 */
export class Migration20261202000100IdempotencyCommitted extends Migration {
  override async up(): Promise<void> {
    this.addSql('DELETE FROM idempotency_key WHERE completed_at IS NULL');
  }

  override async down(): Promise<void> {}
}
