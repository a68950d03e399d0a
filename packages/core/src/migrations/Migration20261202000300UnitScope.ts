import { Migration } from '@mikro-orm/migrations';

/**
 * Obligations and programs get the unit whose business they are (ADR 0009), as conferences and
 * contests already had. NULL means everyone's: a program or an obligation for every unit, which
 * only administrators define. Rows already here keep NULL — that is what they meant until now
 * (every obligation bound every roster; every program was everyone's) — and an administrator can
 * hand them to a unit. An obligation's code is unique per owner, so two districts may both call
 * theirs BRIEFINGS-6.
 */
export class Migration20261202000300UnitScope extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE obligation ADD COLUMN owner_unit_id uuid REFERENCES unit (id)');
    this.addSql('ALTER TABLE obligation DROP CONSTRAINT obligation_code_unique');
    this.addSql(
      'ALTER TABLE obligation ADD CONSTRAINT obligation_code_unique UNIQUE NULLS NOT DISTINCT (owner_unit_id, code)',
    );
    this.addSql('ALTER TABLE program ADD COLUMN owner_unit_id uuid REFERENCES unit (id)');
    this.addSql('CREATE INDEX program_owner_unit_idx ON program (owner_unit_id)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX program_owner_unit_idx');
    this.addSql('ALTER TABLE program DROP COLUMN owner_unit_id');
    this.addSql('ALTER TABLE obligation DROP CONSTRAINT obligation_code_unique');
    this.addSql('ALTER TABLE obligation DROP COLUMN owner_unit_id');
    this.addSql('ALTER TABLE obligation ADD CONSTRAINT obligation_code_unique UNIQUE (code)');
  }
}
