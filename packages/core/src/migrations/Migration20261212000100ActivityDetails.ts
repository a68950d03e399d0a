import { Migration } from '@mikro-orm/migrations';

/**
 * What the propaganda pages record beyond the first model: a briefing's place, directive and its
 * audience by people and gender (with a version, since briefings are now corrected), each
 * conference site's headcount (most attendees of a resolution-study conference are not named), and
 * a contest's jury, filled from the judges who have already scored.
 */
export class Migration20261212000100ActivityDetails extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE briefing
      ADD COLUMN place varchar(200),
      ADD COLUMN directive varchar(200),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    this.addSql(`
      CREATE TABLE briefing_audience (
        briefing_id uuid NOT NULL REFERENCES briefing (id) ON DELETE CASCADE,
        ethnicity varchar(20) NOT NULL
          CHECK (ethnicity IN ('kinh', 'tay', 'dao', 'nung', 'hmong', 'san_chay', 'hoa', 'other')),
        gender varchar(10) NOT NULL CHECK (gender IN ('male', 'female')),
        count integer NOT NULL CHECK (count >= 0),
        PRIMARY KEY (briefing_id, ethnicity, gender)
      )`);
    this.addSql('ALTER TABLE conference_site ADD COLUMN headcount integer CHECK (headcount >= 0)');
    this.addSql(`
      CREATE TABLE contest_judge (
        contest_id uuid NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        PRIMARY KEY (contest_id, person_id)
      )`);
    this.addSql(`INSERT INTO contest_judge (contest_id, person_id)
      SELECT DISTINCT e.contest_id, s.judge_id FROM contest_score s JOIN contest_entrant e ON e.id = s.entrant_id`);
    this.addSql('CREATE INDEX contest_held_on_idx ON contest (held_on)');
    this.addSql('CREATE INDEX opinion_report_unit_idx ON opinion_report (unit_id, date)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX opinion_report_unit_idx');
    this.addSql('DROP INDEX contest_held_on_idx');
    this.addSql('DROP TABLE contest_judge');
    this.addSql('ALTER TABLE conference_site DROP COLUMN headcount');
    this.addSql('DROP TABLE briefing_audience');
    this.addSql(
      'ALTER TABLE briefing DROP COLUMN place, DROP COLUMN directive, DROP COLUMN updated_at, DROP COLUMN version',
    );
  }
}
