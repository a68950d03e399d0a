import { Migration } from '@mikro-orm/migrations';

/**
 * Classes by program: a program's page counts its classes and the sessions naming each topic, and
 * an edit of its rules finds its draft classes, each by `program_id`.
 */
export class Migration20261207000200ClassProgramIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql('CREATE INDEX training_class_program_idx ON training_class (program_id)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX training_class_program_idx');
  }
}
