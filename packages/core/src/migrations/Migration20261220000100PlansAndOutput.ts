import { Migration } from '@mikro-orm/migrations';

/**
 * What reports measure against and count (issue 14, ADR 0033):
 * - `plan_target`: a unit's target for a year, one row per measure (classes and trainees of one
 *   program, or of every program when `program_id` is null). One target per unit, year, measure
 *   and program: the unique index treats "every program" as one program.
 * - `propaganda_output`: counts of documents issued, news items, radio/loudspeaker items and
 *   banners a unit made in a period within one year, as staff tally them.
 */
export class Migration20261220000100PlansAndOutput extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE plan_target (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES unit (id),
        year integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
        measure varchar(20) NOT NULL CHECK (measure IN ('classes', 'trainees', 'briefings', 'audience',
          'conferences', 'documents', 'news', 'radio', 'banners')),
        program_id uuid REFERENCES program (id),
        target integer NOT NULL CHECK (target >= 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_target_program CHECK (program_id IS NULL OR measure IN ('classes', 'trainees'))
      )`);
    this.addSql(`
      CREATE UNIQUE INDEX plan_target_unique ON plan_target
        (unit_id, year, measure, coalesce(program_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    this.addSql(`
      CREATE TABLE propaganda_output (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES unit (id),
        period_from date NOT NULL,
        period_to date NOT NULL,
        kind varchar(12) NOT NULL CHECK (kind IN ('documents', 'news', 'radio', 'banners')),
        count integer NOT NULL CHECK (count >= 0),
        note varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT propaganda_output_period CHECK (period_from <= period_to
          AND extract(year FROM period_from) = extract(year FROM period_to))
      )`);
    this.addSql('CREATE INDEX propaganda_output_unit_idx ON propaganda_output (unit_id, period_from)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE propaganda_output');
    this.addSql('DROP TABLE plan_target');
  }
}
