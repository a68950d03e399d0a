import { Migration } from '@mikro-orm/migrations';

/**
 * An obligation can be corrected (a mistyped minimum, name or years): each correction is made on
 * the version the editor read, so two people correcting one rule never overwrite each other.
 */
export class Migration20261211000200ObligationVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE obligation ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  override async down(): Promise<void> {
    this.addSql('ALTER TABLE obligation DROP COLUMN version');
  }
}
