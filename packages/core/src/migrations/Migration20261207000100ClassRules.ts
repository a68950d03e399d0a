import { Migration } from '@mikro-orm/migrations';

/**
 * A class keeps the rules of its program as they were when it was opened (`training_class.rules`),
 * so a program edited later (a new absence limit, pass mark, grading scale, certificate number
 * format) applies to classes opened after the edit, never to results already being made. Until
 * it opens, a draft class follows its program (ProgramService.update refreshes drafts).
 *
 * The copy is taken by the database, on every insert whatever writes it (the class service, the
 * seed, imports, test fixtures), and again when a class is moved to another program. Programs also
 * gain the certificate number format their rules lacked, with the format used until now.
 */
export class Migration20261207000100ClassRules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      UPDATE program SET rules = rules || '{"certificateNumberTemplate": "{n}/GCN-TTCT"}'::jsonb
       WHERE NOT rules ? 'certificateNumberTemplate'`);
    this.addSql('ALTER TABLE training_class ADD COLUMN rules jsonb');
    this.addSql('UPDATE training_class c SET rules = p.rules FROM program p WHERE p.id = c.program_id');
    this.addSql('ALTER TABLE training_class ALTER COLUMN rules SET NOT NULL');
    this.addSql(`
      CREATE FUNCTION training_class_rules_from_program() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.rules IS NULL OR (TG_OP = 'UPDATE' AND NEW.program_id IS DISTINCT FROM OLD.program_id) THEN
          SELECT rules INTO NEW.rules FROM program WHERE id = NEW.program_id;
        END IF;
        RETURN NEW;
      END $$`);
    this.addSql(`
      CREATE TRIGGER training_class_rules BEFORE INSERT OR UPDATE OF program_id ON training_class
        FOR EACH ROW EXECUTE FUNCTION training_class_rules_from_program()`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TRIGGER training_class_rules ON training_class');
    this.addSql('DROP FUNCTION training_class_rules_from_program()');
    this.addSql('ALTER TABLE training_class DROP COLUMN rules');
    this.addSql(`UPDATE program SET rules = rules - 'certificateNumberTemplate'`);
  }
}
