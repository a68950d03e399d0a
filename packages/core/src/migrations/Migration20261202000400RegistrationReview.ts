import { Migration } from '@mikro-orm/migrations';

/**
 * Self-registrations whose identity staff must settle before they touch a person's record (ADR
 * 0014): a national ID on file with another name or birth date, or a new ID whose name and birth
 * date match someone already recorded. The portal's answer is the same as for any registration;
 * the row keeps what was typed (personal data: staff only) until staff resolve it.
 */
export class Migration20261202000400RegistrationReview extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE registration_review (
        id uuid PRIMARY KEY,
        class_id uuid NOT NULL REFERENCES training_class (id),
        reason varchar(20) NOT NULL CHECK (reason IN ('identity_mismatch', 'possible_duplicate')),
        matched_person_id uuid REFERENCES person (id),
        national_id varchar(12) NOT NULL CHECK (national_id ~ '^[0-9]{12}$'),
        name_birth_key varchar(200) NOT NULL,
        submitted jsonb NOT NULL,
        waitlist boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    // The same details sent again while the first is open find it (and its reference) again.
    this.addSql(`
      CREATE UNIQUE INDEX registration_review_open ON registration_review (class_id, national_id, name_birth_key)
        WHERE resolved_at IS NULL`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE registration_review');
  }
}
