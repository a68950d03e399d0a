import { Migration } from '@mikro-orm/migrations';

/**
 * Rapporteur rosters and their work. A roster is never edited: it changes only through decisions,
 * and the roster at a date is derived from them (see `rosterAt` in the domain). Held here:
 * - one roster per owner unit, level and term start; decision numbers unique per roster;
 * - an annulment names exactly one decision of the same roster, and a decision is annulled once
 *   (unique `annuls_decision_id`); annulments carry no lines;
 * - `seq` orders decisions of one date in the order they were recorded;
 * - teaching assignments: one row per person and session; an assignment that clashes carries
 *   `override_reason` (CHECK), the double-booking check itself runs under a lock on the person.
 */
export class Migration20261128000003Rosters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE roster (
        id uuid PRIMARY KEY,
        level varchar(40) NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES unit (id),
        term_start_year integer NOT NULL,
        term_end_year integer NOT NULL,
        name varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roster_term CHECK (term_start_year <= term_end_year),
        CONSTRAINT roster_unique UNIQUE (owner_unit_id, level, term_start_year)
      )`);

    this.addSql('CREATE SEQUENCE roster_decision_seq');
    this.addSql(`
      CREATE TABLE roster_decision (
        id uuid PRIMARY KEY,
        roster_id uuid NOT NULL REFERENCES roster (id),
        seq bigint NOT NULL DEFAULT nextval('roster_decision_seq') CONSTRAINT roster_decision_seq_unique UNIQUE,
        number varchar(60) NOT NULL,
        date date NOT NULL,
        signer varchar(200) NOT NULL,
        kind varchar(12) NOT NULL
          CHECK (kind IN ('establish', 'add', 'remove', 'transfer', 'reappoint', 'annul')),
        annuls_decision_id uuid REFERENCES roster_decision (id)
          CONSTRAINT roster_decision_annulled_once UNIQUE,
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roster_decision_number_unique UNIQUE (roster_id, number),
        CONSTRAINT roster_decision_annul CHECK ((kind = 'annul') = (annuls_decision_id IS NOT NULL)),
        CONSTRAINT roster_decision_not_self CHECK (annuls_decision_id <> id)
      )`);
    this.addSql('CREATE INDEX roster_decision_roster_idx ON roster_decision (roster_id, date, seq)');

    this.addSql(`
      CREATE TABLE roster_decision_item (
        id uuid PRIMARY KEY,
        decision_id uuid NOT NULL REFERENCES roster_decision (id),
        item_no integer NOT NULL CHECK (item_no > 0),
        person_id uuid NOT NULL REFERENCES person (id),
        change varchar(10) NOT NULL CHECK (change IN ('add', 'remove', 'transfer', 'reappoint')),
        fields text[] NOT NULL DEFAULT '{}',
        position varchar(200),
        to_roster_id uuid REFERENCES roster (id),
        CONSTRAINT roster_decision_item_unique UNIQUE (decision_id, item_no),
        CONSTRAINT roster_decision_item_person_once UNIQUE (decision_id, person_id),
        CONSTRAINT roster_decision_item_transfer CHECK ((change = 'transfer') = (to_roster_id IS NOT NULL))
      )`);
    this.addSql('CREATE INDEX roster_decision_item_person_idx ON roster_decision_item (person_id)');
    this.addSql(
      'CREATE INDEX roster_decision_item_to_idx ON roster_decision_item (to_roster_id) WHERE to_roster_id IS NOT NULL',
    );

    this.addSql(`
      CREATE TABLE briefing (
        id uuid PRIMARY KEY,
        date date NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit (id),
        topic varchar(300) NOT NULL,
        resolution varchar(200),
        audience_size integer NOT NULL CHECK (audience_size >= 0),
        mode varchar(12) NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid', 'loudspeaker')),
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql('CREATE INDEX briefing_date_idx ON briefing (date)');
    this.addSql('CREATE INDEX briefing_unit_idx ON briefing (unit_id, date)');
    this.addSql(`
      CREATE TABLE briefing_person (
        briefing_id uuid NOT NULL REFERENCES briefing (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        PRIMARY KEY (briefing_id, person_id)
      )`);
    this.addSql('CREATE INDEX briefing_person_person_idx ON briefing_person (person_id)');

    this.addSql(`
      CREATE TABLE opinion_report (
        id uuid PRIMARY KEY,
        date date NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit (id),
        topic varchar(300) NOT NULL,
        summary varchar(5000) NOT NULL,
        sensitivity varchar(10) NOT NULL CHECK (sensitivity IN ('routine', 'sensitive', 'complex')),
        follow_up varchar(2000),
        status varchar(10) NOT NULL CHECK (status IN ('open', 'forwarded', 'resolved', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    this.addSql('CREATE INDEX opinion_report_date_idx ON opinion_report (date)');
    this.addSql(`
      CREATE TABLE opinion_report_person (
        report_id uuid NOT NULL REFERENCES opinion_report (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        PRIMARY KEY (report_id, person_id)
      )`);
    this.addSql('CREATE INDEX opinion_report_person_person_idx ON opinion_report_person (person_id)');

    this.addSql(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY,
        date date NOT NULL,
        title varchar(300) NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES unit (id),
        roster_id uuid REFERENCES roster (id),
        mode varchar(10) NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql('CREATE INDEX conference_date_idx ON conference (date)');
    this.addSql('CREATE INDEX conference_roster_idx ON conference (roster_id, date)');
    this.addSql(`
      CREATE TABLE conference_site (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        unit_id uuid REFERENCES unit (id),
        CONSTRAINT conference_site_unique UNIQUE (conference_id, name)
      )`);
    this.addSql(`
      CREATE TABLE conference_attendance (
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        status varchar(10) NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
        site_id uuid REFERENCES conference_site (id),
        PRIMARY KEY (conference_id, person_id)
      )`);
    this.addSql('CREATE INDEX conference_attendance_person_idx ON conference_attendance (person_id)');

    this.addSql(`
      CREATE TABLE contest (
        id uuid PRIMARY KEY,
        title varchar(300) NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES unit (id),
        level varchar(40) NOT NULL,
        held_on date NOT NULL,
        rules jsonb NOT NULL,
        finalised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql(`
      CREATE TABLE contest_category (
        id uuid PRIMARY KEY,
        contest_id uuid NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
        code varchar(40) NOT NULL,
        name varchar(200) NOT NULL,
        CONSTRAINT contest_category_unique UNIQUE (contest_id, code)
      )`);
    this.addSql(`
      CREATE TABLE contest_entrant (
        id uuid PRIMARY KEY,
        contest_id uuid NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES contest_category (id),
        person_id uuid NOT NULL REFERENCES person (id),
        topic varchar(300) NOT NULL,
        rank integer CHECK (rank > 0),
        total numeric(6, 2),
        award varchar(12) CHECK (award IN ('first', 'second', 'third', 'consolation')),
        CONSTRAINT contest_entrant_unique UNIQUE (contest_id, person_id)
      )`);
    this.addSql(`
      CREATE TABLE contest_score (
        entrant_id uuid NOT NULL REFERENCES contest_entrant (id) ON DELETE CASCADE,
        judge_id uuid NOT NULL REFERENCES person (id),
        round varchar(10) NOT NULL CHECK (round IN ('outline', 'talk', 'questions')),
        score numeric(5, 1) NOT NULL CHECK (score >= 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entrant_id, judge_id, round)
      )`);

    this.addSql(`
      CREATE TABLE obligation (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT obligation_code_unique UNIQUE,
        kind varchar(30) NOT NULL CHECK (kind IN ('briefings', 'conference_attendance', 'opinion_reports')),
        roster_level varchar(40),
        minimum integer CHECK (minimum > 0),
        min_share numeric(4, 3) CHECK (min_share > 0 AND min_share <= 1),
        name_vi varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        valid_from_year integer,
        valid_to_year integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT obligation_one_measure CHECK ((minimum IS NULL) <> (min_share IS NULL))
      )`);

    this.addSql(`
      CREATE TABLE teaching_assignment (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES class_session (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        role varchar(12) NOT NULL CHECK (role IN ('lecturer', 'rapporteur', 'assistant')),
        override_reason varchar(500),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT teaching_assignment_unique UNIQUE (session_id, person_id)
      )`);
    this.addSql('CREATE INDEX teaching_assignment_person_idx ON teaching_assignment (person_id)');
  }

  override async down(): Promise<void> {
    for (const table of [
      'teaching_assignment',
      'obligation',
      'contest_score',
      'contest_entrant',
      'contest_category',
      'contest',
      'conference_attendance',
      'conference_site',
      'conference',
      'opinion_report_person',
      'opinion_report',
      'briefing_person',
      'briefing',
      'roster_decision_item',
      'roster_decision',
      'roster',
    ]) {
      this.addSql(`DROP TABLE ${table}`);
    }
    this.addSql('DROP SEQUENCE roster_decision_seq');
  }
}
