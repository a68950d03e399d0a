import { Migration } from '@mikro-orm/migrations';

/**
 * Imports started from the console: the file's rows as read (so the dry run and the import work on
 * the same rows), where the work stands (read by the page's progress bar from any server process)
 * and the report. Rows are emptied once the job ends; jobs older than a day are deleted.
 */
export class Migration20261215000100ImportJobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE import_job (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('people', 'enrolments')),
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      file_name text NOT NULL,
      encoding text NOT NULL,
      header_line int NOT NULL,
      columns jsonb NOT NULL,
      rows jsonb NOT NULL,
      state text NOT NULL DEFAULT 'uploaded'
        CHECK (state IN ('uploaded', 'checking', 'checked', 'importing', 'done', 'failed')),
      phase text,
      done int NOT NULL DEFAULT 0,
      total int NOT NULL DEFAULT 0,
      report jsonb,
      failure jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    this.addSql('CREATE INDEX import_job_user_idx ON import_job (user_id, created_at)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE import_job');
  }
}
