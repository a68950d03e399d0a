import { Migration } from '@mikro-orm/migrations';

export class Migration20261128000001Units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE unit_level (
        code varchar(40) PRIMARY KEY,
        rank integer NOT NULL,
        name_vi varchar(100) NOT NULL,
        name_en varchar(100) NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT unit_code_unique UNIQUE,
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        level_code varchar(40) NOT NULL REFERENCES unit_level (code),
        kind varchar(20) NOT NULL CHECK (kind IN ('administrative', 'party', 'agency', 'mass')),
        parent_id uuid REFERENCES unit (id),
        valid_from date,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
        CONSTRAINT unit_not_own_parent CHECK (parent_id <> id)
      )`);
    this.addSql('CREATE INDEX unit_parent_idx ON unit (parent_id)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE unit');
    this.addSql('DROP TABLE unit_level');
  }
}
