import { Migration } from '@mikro-orm/migrations';

/**
 * People, programs, classes, enrolment, attendance, scores, certificates and the audit log.
 * The rules concurrency could break are held here, not in JavaScript:
 * - capacity: `seats_taken <= capacity`, taken by a conditional UPDATE;
 * - one active enrolment per person and class: a partial unique index;
 * - certificate numbers: a counter row per issuer and year, bumped in the issuing transaction;
 * - one valid certificate per enrolment, numbers and verification codes unique.
 */
export class Migration20261128000002ClassesAndEnrolment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE unit_link (
        id uuid PRIMARY KEY,
        predecessor_id uuid NOT NULL REFERENCES unit (id),
        successor_id uuid NOT NULL REFERENCES unit (id),
        kind varchar(20) NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'transfer')),
        effective_on date NOT NULL,
        decision varchar(200),
        CONSTRAINT unit_link_unique UNIQUE (predecessor_id, successor_id),
        CONSTRAINT unit_link_not_self CHECK (predecessor_id <> successor_id)
      )`);
    this.addSql('CREATE INDEX unit_link_successor_idx ON unit_link (successor_id)');

    this.addSql(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        full_name varchar(120) NOT NULL CHECK (length(btrim(full_name)) > 0),
        given_name varchar(60) NOT NULL,
        search_name varchar(120) NOT NULL,
        birth_date date,
        gender varchar(10) CHECK (gender IN ('male', 'female')),
        ethnicity varchar(20),
        unit_id uuid REFERENCES unit (id),
        position varchar(200),
        party_status varchar(20) NOT NULL DEFAULT 'non_member'
          CHECK (party_status IN ('non_member', 'probationary', 'full_member')),
        party_admitted_on date,
        education_level varchar(30),
        phone varchar(20),
        national_id varchar(12) CHECK (national_id ~ '^[0-9]{12}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    this.addSql('CREATE UNIQUE INDEX person_national_id_unique ON person (national_id) WHERE national_id IS NOT NULL');
    this.addSql('CREATE INDEX person_name_birth_idx ON person (search_name, birth_date)');
    this.addSql('CREATE INDEX person_unit_idx ON person (unit_id)');

    this.addSql(`
      CREATE TABLE program (
        id uuid PRIMARY KEY,
        code varchar(20) NOT NULL CONSTRAINT program_code_unique UNIQUE,
        kind varchar(30) NOT NULL,
        name_vi varchar(300) NOT NULL,
        name_en varchar(300) NOT NULL,
        rules jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    this.addSql(`
      CREATE TABLE program_topic (
        program_id uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        title_vi varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        periods integer NOT NULL CHECK (periods > 0),
        PRIMARY KEY (program_id, number)
      )`);

    this.addSql(`
      CREATE TABLE training_class (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT training_class_code_unique UNIQUE,
        program_id uuid NOT NULL REFERENCES program (id),
        organiser_unit_id uuid NOT NULL REFERENCES unit (id),
        title varchar(300),
        mode varchar(10) NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
        venue varchar(300),
        online_link varchar(1000),
        start_date date NOT NULL,
        end_date date NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        seats_taken integer NOT NULL DEFAULT 0,
        enrolment_opens_on date,
        enrolment_closes_on date,
        status varchar(12) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'running', 'finished', 'closed', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT training_class_dates CHECK (start_date <= end_date),
        CONSTRAINT training_class_capacity CHECK (seats_taken >= 0 AND seats_taken <= capacity)
      )`);
    this.addSql('CREATE INDEX training_class_organiser_idx ON training_class (organiser_unit_id, start_date)');
    this.addSql('CREATE INDEX training_class_status_idx ON training_class (status, start_date)');

    this.addSql(`
      CREATE TABLE class_site (
        id uuid PRIMARY KEY,
        class_id uuid NOT NULL REFERENCES training_class (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        unit_id uuid REFERENCES unit (id)
      )`);
    this.addSql('CREATE INDEX class_site_class_idx ON class_site (class_id)');

    this.addSql(`
      CREATE TABLE class_session (
        id uuid PRIMARY KEY,
        class_id uuid NOT NULL REFERENCES training_class (id) ON DELETE CASCADE,
        date date NOT NULL,
        part varchar(10) CHECK (part IN ('morning', 'afternoon', 'evening')),
        start_time time NOT NULL,
        end_time time NOT NULL,
        topic_number integer,
        title varchar(300),
        periods integer NOT NULL CHECK (periods > 0),
        lecturer_id uuid REFERENCES person (id),
        site_id uuid REFERENCES class_site (id),
        CONSTRAINT class_session_time CHECK (start_time < end_time)
      )`);
    this.addSql('CREATE INDEX class_session_class_idx ON class_session (class_id, date, start_time)');
    this.addSql('CREATE INDEX class_session_lecturer_idx ON class_session (lecturer_id, date, start_time)');

    this.addSql('CREATE SEQUENCE enrolment_queue_seq');
    this.addSql(`
      CREATE TABLE enrolment (
        id uuid PRIMARY KEY,
        class_id uuid NOT NULL REFERENCES training_class (id),
        person_id uuid NOT NULL REFERENCES person (id),
        state varchar(12) NOT NULL CHECK (state IN ('nominated', 'requested', 'waitlisted', 'approved',
          'attending', 'passed', 'failed', 'incomplete', 'withdrawn', 'rejected')),
        origin varchar(10) NOT NULL CHECK (origin IN ('nominated', 'requested')),
        nominated_by_unit_id uuid REFERENCES unit (id),
        requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        queue_seq bigint NOT NULL DEFAULT nextval('enrolment_queue_seq'),
        decided_at timestamptz,
        final_score numeric(3, 1) CHECK (final_score BETWEEN 0 AND 10),
        classification varchar(20),
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    this.addSql(`
      CREATE UNIQUE INDEX enrolment_one_active ON enrolment (class_id, person_id)
        WHERE state NOT IN ('withdrawn', 'rejected')`);
    this.addSql(
      `CREATE INDEX enrolment_waitlist_idx ON enrolment (class_id, requested_at, queue_seq) WHERE state = 'waitlisted'`,
    );
    this.addSql('CREATE INDEX enrolment_person_idx ON enrolment (person_id)');
    this.addSql('CREATE INDEX enrolment_class_state_idx ON enrolment (class_id, state)');

    this.addSql(`
      CREATE TABLE attendance (
        enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES class_session (id) ON DELETE CASCADE,
        mark varchar(10) NOT NULL CHECK (mark IN ('present', 'excused', 'absent')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, session_id)
      )`);
    this.addSql(`
      CREATE TABLE score (
        enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
        component varchar(60) NOT NULL,
        value numeric(3, 1) NOT NULL CHECK (value BETWEEN 0 AND 10),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, component)
      )`);

    this.addSql(`
      CREATE TABLE certificate_counter (
        issuer_unit_id uuid NOT NULL REFERENCES unit (id),
        year integer NOT NULL,
        last_number integer NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (issuer_unit_id, year)
      )`);
    this.addSql(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL REFERENCES enrolment (id),
        issuer_unit_id uuid NOT NULL REFERENCES unit (id),
        year integer NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        number_text varchar(60) NOT NULL,
        verification_code varchar(12) NOT NULL CONSTRAINT certificate_code_unique UNIQUE,
        issued_on date NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoke_reason varchar(1000),
        CONSTRAINT certificate_number_unique UNIQUE (issuer_unit_id, year, number),
        CONSTRAINT certificate_revocation CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
      )`);
    this.addSql('CREATE UNIQUE INDEX certificate_one_valid ON certificate (enrolment_id) WHERE revoked_at IS NULL');

    this.addSql(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_label varchar(200) NOT NULL,
        action varchar(60) NOT NULL,
        entity varchar(40) NOT NULL,
        entity_id uuid,
        before jsonb,
        after jsonb
      )`);
    this.addSql('CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)');
    this.addSql('CREATE INDEX audit_log_at_idx ON audit_log (at)');
  }

  override async down(): Promise<void> {
    for (const table of [
      'audit_log',
      'certificate',
      'certificate_counter',
      'score',
      'attendance',
      'enrolment',
      'class_session',
      'class_site',
      'training_class',
      'program_topic',
      'program',
      'person',
      'unit_link',
    ]) {
      this.addSql(`DROP TABLE ${table}`);
    }
    this.addSql('DROP SEQUENCE enrolment_queue_seq');
  }
}
