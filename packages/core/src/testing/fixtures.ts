import { randomUUID } from 'node:crypto';
import {
  type ClassStatus,
  DEFAULT_PROGRAMS,
  type EducationLevel,
  type EnrolmentState,
  foldDiacritics,
  type PartyStatus,
  splitFullName,
} from '@polcenter/domain';
import type { Orm } from '../orm.js';
import type { ProgramRules } from '../programs/entities.js';
import { programDefinitionRules } from '../programs/programs.js';

/**
 * Rows for the enrolment tests, written straight into the tables: the tests must not depend on
 * the people, program and class services (built and tested on their own), only on the schema.
 */

let serial = 0;
const next = () => `${process.pid % 1000}${++serial}`;

async function run(orm: Orm, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return orm.em.fork().execute(sql, params);
}

/** A unit (and its level, made on first use). */
export async function fixtureUnit(orm: Orm, name = 'Trung tâm Chính trị'): Promise<string> {
  await run(
    orm,
    `INSERT INTO unit_level (code, rank, name_vi, name_en) VALUES ('fixture', 1, 'Cấp thử', 'Test level')
     ON CONFLICT DO NOTHING`,
  );
  const id = randomUUID();
  await run(orm, `INSERT INTO unit (id, code, name, level_code, kind) VALUES (?, ?, ?, 'fixture', 'administrative')`, [
    id,
    `FX${next()}`,
    name,
  ]);
  return id;
}

/** A program with the rules of one of DOMAIN.md's defaults (by code), overridden as asked. */
export async function fixtureProgram(
  orm: Orm,
  base: string,
  overrides: Partial<ProgramRules> = {},
): Promise<{ id: string; code: string }> {
  const definition = DEFAULT_PROGRAMS.find((p) => p.code === base);
  if (!definition) throw new Error(`No default program ${base}`);
  const rules: ProgramRules = { ...programDefinitionRules(definition), ...overrides };
  const id = randomUUID();
  const code = `${base}${next()}`.slice(0, 20);
  await run(orm, `INSERT INTO program (id, code, kind, name_vi, name_en, rules) VALUES (?, ?, ?, ?, ?, ?::jsonb)`, [
    id,
    code,
    definition.kind,
    definition.name.vi,
    definition.name.en,
    JSON.stringify(rules),
  ]);
  return { id, code };
}

export interface FixturePerson {
  readonly fullName?: string;
  readonly partyStatus?: PartyStatus;
  readonly educationLevel?: EducationLevel | null;
  readonly unitId?: string | null;
}

/** People, many in one INSERT; names are numbered so they sort predictably. */
export async function fixturePeople(orm: Orm, count: number, person: FixturePerson = {}): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const rows = ids.map((id, i) => {
    const fullName = person.fullName ?? `Hoàng Văn Học ${String(i + 1).padStart(4, '0')}`;
    return {
      id,
      full_name: fullName,
      given_name: splitFullName(fullName).given,
      search_name: foldDiacritics(fullName),
      party_status: person.partyStatus ?? 'non_member',
      education_level: person.educationLevel === undefined ? 'upper_secondary' : person.educationLevel,
      unit_id: person.unitId ?? null,
    };
  });
  await run(
    orm,
    `INSERT INTO person (id, full_name, given_name, search_name, party_status, education_level, unit_id)
     SELECT id, full_name, given_name, search_name, party_status, education_level, unit_id
       FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, full_name text, given_name text, search_name text,
            party_status text, education_level text, unit_id uuid)`,
    [JSON.stringify(rows)],
  );
  return ids;
}

export async function fixturePerson(orm: Orm, person: FixturePerson = {}): Promise<string> {
  const [id] = await fixturePeople(orm, 1, person);
  return id as string;
}

export interface FixtureSession {
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly periods?: number;
}

export interface FixtureClass {
  readonly programId: string;
  readonly unitId: string;
  readonly capacity?: number;
  readonly status?: ClassStatus;
  readonly opensOn?: string | null;
  readonly closesOn?: string | null;
  readonly sessions?: readonly FixtureSession[];
}

/**
 * A class with its sessions; open, 30 seats, and an enrolment window without bounds unless told
 * (a dated default window would expire with the calendar and fail every test that enrols on it).
 */
export async function fixtureClass(
  orm: Orm,
  cls: FixtureClass,
): Promise<{ id: string; code: string; sessionIds: string[] }> {
  const id = randomUUID();
  const code = `FX-${next()}/2026`;
  const sessions = cls.sessions ?? [{ date: '2026-03-02', start: '07:30', end: '11:30', periods: 4 }];
  const dates = sessions.map((s) => s.date).sort();
  await run(
    orm,
    `INSERT INTO training_class (id, code, program_id, organiser_unit_id, mode, start_date, end_date, capacity,
                                 enrolment_opens_on, enrolment_closes_on, status)
     VALUES (?, ?, ?, ?, 'in_person', ?, ?, ?, ?, ?, ?)`,
    [
      id,
      code,
      cls.programId,
      cls.unitId,
      dates[0] ?? '2026-03-02',
      dates.at(-1) ?? '2026-03-02',
      cls.capacity ?? 30,
      cls.opensOn ?? null,
      cls.closesOn ?? null,
      cls.status ?? 'open',
    ],
  );
  const sessionIds = sessions.map(() => randomUUID());
  if (sessions.length > 0) {
    await run(
      orm,
      `INSERT INTO class_session (id, class_id, date, start_time, end_time, periods)
       SELECT id, ?, date, start_time, end_time, periods
         FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, date date, start_time time, end_time time, periods int)`,
      [
        id,
        JSON.stringify(
          sessions.map((s, i) => ({
            id: sessionIds[i],
            date: s.date,
            start_time: s.start,
            end_time: s.end,
            periods: s.periods ?? 4,
          })),
        ),
      ],
    );
  }
  return { id, code, sessionIds };
}

export async function setClassStatus(orm: Orm, classId: string, status: ClassStatus): Promise<void> {
  await run(orm, 'UPDATE training_class SET status = ? WHERE id = ?', [status, classId]);
}

/**
 * Enrolments in a given state, straight into the table (seat-holding ones take their seats), in
 * the order given: `requested_at` one millisecond apart so the waitlist order is the list order.
 */
export async function fixtureEnrolments(
  orm: Orm,
  classId: string,
  personIds: readonly string[],
  state: EnrolmentState,
): Promise<string[]> {
  const ids = personIds.map(() => randomUUID());
  const base = Date.parse('2026-02-01T08:00:00Z');
  await run(
    orm,
    `INSERT INTO enrolment (id, class_id, person_id, state, origin, requested_at)
     SELECT id, ?, person_id, ?, 'requested', requested_at
       FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, person_id uuid, requested_at timestamptz, n int)
      ORDER BY n`,
    [
      classId,
      state,
      JSON.stringify(
        personIds.map((personId, n) => ({
          id: ids[n],
          person_id: personId,
          requested_at: new Date(base + n).toISOString(),
          n,
        })),
      ),
    ],
  );
  if (['approved', 'attending', 'passed', 'failed', 'incomplete'].includes(state)) {
    await run(orm, 'UPDATE training_class SET seats_taken = seats_taken + ? WHERE id = ?', [ids.length, classId]);
  }
  return ids;
}
