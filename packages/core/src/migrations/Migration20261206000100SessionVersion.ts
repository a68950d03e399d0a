import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions are edited one at a time from the console's timetable: each carries a version so an
 * edit or a removal made on a stale screen is refused (TIMETABLE.SESSION_STALE) rather than
 * silently undoing another's change.
 */
export class Migration20261206000100SessionVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE class_session ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  override async down(): Promise<void> {
    this.addSql('ALTER TABLE class_session DROP COLUMN version');
  }
}
