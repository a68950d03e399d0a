import { Migration } from '@mikro-orm/migrations';

/**
 * A roster's own fields (level, term, name) can be corrected: each correction is made on the
 * version the editor read, so two people correcting one roster never overwrite each other.
 */
export class Migration20261211000100RosterVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE roster ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  override async down(): Promise<void> {
    this.addSql('ALTER TABLE roster DROP COLUMN version');
  }
}
