import { Migration } from '@mikro-orm/migrations';

/**
 * What the enrolment services need beyond migration 0002: score weights (a final paper may count
 * double) and labels as long as the input allows, a note beside an attendance mark, the reason
 * given when staff reject or withdraw someone, the reason for a computed result, and an index for
 * reading a whole session's sheet.
 */
export class Migration20261128000005Enrolment extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE score ALTER COLUMN component TYPE varchar(200)');
    this.addSql('ALTER TABLE score ADD COLUMN weight numeric(5, 2) NOT NULL DEFAULT 1 CHECK (weight > 0)');
    this.addSql('ALTER TABLE attendance ADD COLUMN note varchar(500)');
    this.addSql('CREATE INDEX attendance_session_idx ON attendance (session_id)');
    this.addSql('ALTER TABLE enrolment ADD COLUMN decision_reason varchar(500)');
    this.addSql('ALTER TABLE enrolment ADD COLUMN result_reason jsonb');
  }

  override async down(): Promise<void> {
    this.addSql('ALTER TABLE enrolment DROP COLUMN result_reason');
    this.addSql('ALTER TABLE enrolment DROP COLUMN decision_reason');
    this.addSql('DROP INDEX attendance_session_idx');
    this.addSql('ALTER TABLE attendance DROP COLUMN note');
    this.addSql('ALTER TABLE score DROP COLUMN weight');
    this.addSql('ALTER TABLE score ALTER COLUMN component TYPE varchar(60)');
  }
}
