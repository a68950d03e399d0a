import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts administrators keep, and people merged:
 * - `must_change_password`: an account made, or its password reset, by an administrator signs in
 *   with a temporary password and may do nothing but change it;
 * - `person_merge`: a record merged into another is gone, but its id still leads to the survivor
 *   (old links, the audit trail), and a survivor merged later carries its merged ids along.
 */
export class Migration20261214000100AccountsAndMerges extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false');
    this.addSql(`
      CREATE TABLE person_merge (
        merged_id uuid PRIMARY KEY,
        survivor_id uuid NOT NULL REFERENCES person (id),
        merged_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql('CREATE INDEX person_merge_survivor_idx ON person_merge (survivor_id)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE person_merge');
    this.addSql('ALTER TABLE app_user DROP COLUMN must_change_password');
  }
}
