import { type DomainError, isDomainError } from '@polcenter/domain';
import { testDatabase } from '@polcenter/testing/database';
import { test } from 'uvu';
import { migrate } from '../migrate.js';
import { createOrm, type Orm } from '../orm.js';
import { createPolCenter, type PolCenter } from '../polcenter.js';
import { seedDemo } from '../seed/demo.js';

/**
 * A PolCenter on a fresh database of its own, cloned from a migrated (and, with `demo`, seeded)
 * template, so each test file starts from the same known state in milliseconds.
 */
export async function createTestPolCenter(
  options: { demo?: boolean; poolSize?: number } = {},
): Promise<PolCenter & { url: string }> {
  const db = await migratedDatabase({ demo: options.demo ?? false });
  const polcenter = await createPolCenter({
    databaseUrl: db.url,
    migrate: false,
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  return {
    ...polcenter,
    url: db.url,
    async close() {
      await polcenter.close();
      await db.drop();
    },
  };
}

/**
 * A fresh database of its own, cloned from a migrated (and, with `demo`, seeded) template made once
 * per test process: for tests that drive the CLI or a server against it rather than the library.
 */
export function migratedDatabase(options: { demo: boolean }): ReturnType<typeof testDatabase> {
  return testDatabase({
    template: {
      key: options.demo ? 'core-demo' : 'core-migrated',
      async prepare(url) {
        const orm = await createOrm({ databaseUrl: url });
        try {
          await migrate(orm);
          if (options.demo) await seedDemo(orm);
        } finally {
          await orm.close();
        }
      },
    },
  });
}

// uvu cannot print an error whose `details` is an object, as a DomainError's is: the helpers below
// turn a DomainError the test did not expect into a plain Error that says what went wrong.

/**
 * Awaits a call that must be refused and returns its DomainError, for the test to inspect. The test
 * fails with a plain message when the promise resolves or rejects with anything else.
 */
export async function expectDomainError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a DomainError, but the promise resolved');
}

/** `test(name, run)` of uvu, where an unexpected DomainError fails the test readably. */
export function readableTest(name: string, run: () => Promise<void>): void {
  test(name, async () => {
    try {
      await run();
    } catch (error) {
      if (error instanceof Error && error.name === 'DomainError') throw new Error(`unexpected ${error.message}`);
      throw error;
    }
  });
}

/**
 * Rows of a table, optionally filtered (`where` is SQL with `?` placeholders for `params`), for
 * "this wrote exactly one row" and "the database is untouched" assertions.
 */
export async function countRows(orm: Orm, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await orm.em.fork().execute(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

/** The id of the unit with this code (codes are unique, whatever the date); throws if there is none. */
export async function unitIdByCode(orm: Orm, code: string): Promise<string> {
  const [row] = await orm.em.fork().execute<{ id: string }[]>('SELECT id FROM unit WHERE code = ?', [code]);
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

// The enrolment benches' workload (open classes, a reproducible plan of requests) and the fixtures
// it builds on, for benches outside this package (the server's) to run the same plan.
/**
 * The demo's class of `program` open for enrolment. Its dates and its code's year follow the day the
 * demo was seeded (the enrolment window always holds that day), so tests look it up, never spell it.
 */
export async function demoOpenClass(
  orm: Orm,
  program: 'NTĐ' | 'ĐVM',
): Promise<{ id: string; code: string; startDate: string; endDate: string; closesOn: string }> {
  const [row] = await orm.em
    .fork()
    .execute<{ id: string; code: string; start_date: string; end_date: string; closes_on: string }[]>(
      `SELECT c.id, c.code, c.start_date::text, c.end_date::text, c.enrolment_closes_on::text AS closes_on
       FROM training_class c JOIN program p ON p.id = c.program_id
      WHERE p.code = ? AND c.status = 'open' AND c.code LIKE ?`,
      [program, `${program}-01/%`],
    );
  if (!row) throw new Error(`The demo has no open ${program} class: was it seeded?`);
  return { id: row.id, code: row.code, startDate: row.start_date, endDate: row.end_date, closesOn: row.closes_on };
}

export { type Ask, enrolmentPlan, openClasses } from './enrolment-workload.js';
export { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, fixtureUnit } from './fixtures.js';
export {
  createProvinceDataset,
  DECISIONS_PER_ROSTER,
  PROVINCE_SIZES,
  type ProvinceDataset,
  type ProvinceFacts,
  type ProvinceOptions,
  type ProvinceSizes,
  provinceSizes,
  REFORM_DATE,
  ROSTER_TERM,
} from './province.js';
