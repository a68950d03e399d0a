import { elapsedMs, type Figure, median, round } from '@polcenter/bench';
import pg from 'pg';
import type { Actor } from '../src/kernel/actor.js';
import { createPolCenter } from '../src/polcenter.js';
import { type Ask, enrolmentPlan, openClasses } from '../src/testing/enrolment-workload.js';
import { fixturePeople, fixtureProgram, fixtureUnit } from '../src/testing/fixtures.js';
import { createTestPolCenter } from '../src/testing/index.js';

export const ids = ['enrol.concurrent.overCapacity', 'enrol.concurrent.duplicates', 'enrol.concurrent.throughputRatio'];

const CLIENTS = 100;
const CLASSES = 20;
const SEATS = 30;
/** 1.5× offered load: 900 requests for 600 seats, 45 per class. */
const REQUESTS = (CLASSES * SEATS * 3) / 2;
/** Fewer people than requests, so many people ask for several classes (the person lock matters). */
const PEOPLE = 600;
/** Share of requests that repeat an earlier (person, class) pair: "asking twice", often at once. */
const REPEAT_SHARE = 0.1;
/** A pool as wide as the clients on both sides, so neither queues for a connection. */
const POOL = CLIENTS;
const ROUNDS = 5;
const WARMUP_ROUNDS = 1;
const ACTOR: Actor = { id: null, label: 'bench' };

interface Check {
  /** Approved enrolments (or taken seats) beyond capacity, summed over classes. */
  readonly overCapacity: number;
  /** Active enrolments beyond the first of a person in a class. */
  readonly duplicates: number;
  /** Classes whose outcome is not exactly "min(seats, distinct askers) approved, the rest waitlisted". */
  readonly inconsistent: number;
}

/**
 * `enrol.concurrent.*`: 100 concurrent clients ask for seats through the service layer
 * (`polcenter.enrolment.request(actor, {classId, personId}, {autoAdmit: true})`, each call its own
 * transaction on a pool of 100) in 20 open classes of 30 seats, 1.5× offered load: 900 requests,
 * 45 per class, random people (600 of them, so most ask for several classes) and 10% repeats of an
 * earlier (person, class) pair. The baseline is the same locked transaction as an SQL-only script
 * with raw `pg` and a pool of the same size: lock the person row, insert the enrolment with
 * ON CONFLICT on the partial unique index, conditional UPDATE of seats_taken, approve or waitlist,
 * one audit row — each a named prepared statement, as the service's statements are (ADR 0007), so
 * the floor is as fast as raw `pg` gets. The service does more per request (the class and its
 * program's rules, eligibility and the schedule clash check, the view it returns): that is what
 * the ratio prices.
 *
 * Both sides run the same shuffled plan, 100 workers pulling from one queue (a client asks again
 * as soon as it is answered), on the same classes and people, reset between runs; sides alternate
 * which goes first. After every run (warm-up included) the database is checked: over-capacity and
 * duplicate counts are the figures (summed over the service runs; the raw side's are in the note).
 */
export default async function enrolConcurrent(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter();
  // The fixture's library has the default pool (20); the clients need a pool as wide as they are.
  const wide = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: POOL });
  const pool = new pg.Pool({ connectionString: polcenter.url, max: POOL });
  try {
    const unit = await fixtureUnit(polcenter.orm);
    const program = await fixtureProgram(polcenter.orm, 'NTĐ');
    const classIds = await openClasses(polcenter.orm, {
      programId: program.id,
      unitId: unit,
      count: CLASSES,
      capacity: SEATS,
      firstDay: '2027-03-01',
    });
    const people = await fixturePeople(polcenter.orm, PEOPLE);
    const asks = enrolmentPlan(classIds, people, { requests: REQUESTS, repeatShare: REPEAT_SHARE });
    const distinct = distinctAskers(asks);

    const viaService = (ask: Ask) => wide.enrolment.request(ACTOR, ask, { autoAdmit: true });
    const viaPg = (ask: Ask) => rawRequest(pool, ask);

    const serviceRps: number[] = [];
    const pgRps: number[] = [];
    // Node CPU per request on each side: tells JS overhead (ORM, validation) from waiting on locks.
    const serviceCpu: number[] = [];
    const pgCpu: number[] = [];
    const ratios: number[] = [];
    const serviceChecks: Check[] = [];
    const pgChecks: Check[] = [];
    const failures: string[] = [];
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      const serviceFirst = r % 2 === 0;
      let service = 0;
      let raw = 0;
      for (const side of serviceFirst ? ['service', 'pg'] : ['pg', 'service']) {
        await reset(pool, classIds);
        const run = await drive(asks, side === 'service' ? viaService : viaPg);
        failures.push(...run.failures.map((f) => `${side}: ${f}`));
        const check = await verify(pool, classIds, distinct);
        const rps = run.completed / (run.ms / 1000);
        if (side === 'service') {
          serviceChecks.push(check);
          service = rps;
          if (r >= 0) serviceCpu.push(run.cpuMs / asks.length);
        } else {
          pgChecks.push(check);
          raw = rps;
          if (r >= 0) pgCpu.push(run.cpuMs / asks.length);
        }
      }
      if (r < 0) continue;
      serviceRps.push(service);
      pgRps.push(raw);
      ratios.push(service / raw);
    }

    const sum = (checks: Check[], key: keyof Check) => checks.reduce((s, c) => s + c[key], 0);
    const runs = ROUNDS + WARMUP_ROUNDS;
    const sizes = `${CLIENTS} clients, ${CLASSES} classes x ${SEATS} seats, 1.5x offered load (${REQUESTS} requests, ${PEOPLE} people, ${Math.round(REPEAT_SHARE * 100)}% repeats of an earlier person+class)`;
    const checks =
      `checked after each of ${runs} service runs and ${runs} raw-pg runs (warm-up included); ` +
      `raw pg: over-capacity ${sum(pgChecks, 'overCapacity')}, duplicates ${sum(pgChecks, 'duplicates')}; ` +
      `classes not exactly min(seats, askers) approved + rest waitlisted: service ${sum(serviceChecks, 'inconsistent')}, raw ${sum(pgChecks, 'inconsistent')}; ` +
      `failed requests ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`;
    return [
      {
        id: 'enrol.concurrent.overCapacity',
        value: sum(serviceChecks, 'overCapacity'),
        unit: 'enrolments',
        target: '== 0',
        note: `${sizes}; approved enrolments or taken seats beyond capacity, ${checks}`,
      },
      {
        id: 'enrol.concurrent.duplicates',
        value: sum(serviceChecks, 'duplicates'),
        unit: 'enrolments',
        target: '== 0',
        note: `${sizes}; a second active enrolment of a person in a class, ${checks}`,
      },
      {
        id: 'enrol.concurrent.throughputRatio',
        value: median(ratios),
        unit: 'x raw pg',
        baseline: 'SQL-only locked transaction with raw pg, same plan, same pool size',
        target: '>= 0.5',
        note:
          `service ${Math.round(median(serviceRps))} req/s vs raw pg ${Math.round(median(pgRps))} req/s ` +
          `(completed requests per second, medians of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, ` +
          `round ratios ${round(Math.min(...ratios))}–${round(Math.max(...ratios))}); ` +
          `Node CPU per request ${round(median(serviceCpu))} ms service vs ${round(median(pgCpu))} ms raw pg; ${sizes}; pool ${POOL} each side, ` +
          'prepared statements on both sides; ' +
          `database reset between runs; embedded PostgreSQL 18 on loopback, same 2 cores as the clients`,
      },
    ];
  } finally {
    await pool.end();
    await wide.close();
    await polcenter.close();
  }
}

/** Distinct people asking for each class: how many enrolments the class must end with. */
function distinctAskers(asks: readonly Ask[]): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const ask of asks) {
    const set = sets.get(ask.classId) ?? new Set<string>();
    set.add(ask.personId);
    sets.set(ask.classId, set);
  }
  return new Map([...sets].map(([classId, set]) => [classId, set.size]));
}

/** Runs the plan with `CLIENTS` workers pulling from one queue; failures are counted, not thrown. */
async function drive(
  asks: readonly Ask[],
  call: (ask: Ask) => Promise<unknown>,
): Promise<{ ms: number; cpuMs: number; completed: number; failures: string[] }> {
  let next = 0;
  let completed = 0;
  const failures: string[] = [];
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < asks.length) {
        const ask = asks[next++] as Ask;
        try {
          await call(ask);
          completed++;
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const ms = elapsedMs(started);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, completed, failures };
}

const INSERT_ENROLMENT = `
  INSERT INTO enrolment (id, class_id, person_id, state, origin)
  VALUES (gen_random_uuid(), $1, $2, 'requested', 'requested')
  ON CONFLICT (class_id, person_id) WHERE state NOT IN ('withdrawn', 'rejected') DO NOTHING
  RETURNING id`;

/** The floor: the same locked transaction in plain SQL, the statements the design needs and no more. */
async function rawRequest(pool: pg.Pool, ask: Ask): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const person = await client.query({
      name: 'raw-lock-person',
      text: 'SELECT id FROM person WHERE id = $1 FOR NO KEY UPDATE',
      values: [ask.personId],
    });
    if (person.rowCount !== 1) throw new Error(`no person ${ask.personId}`);
    const inserted = await client.query<{ id: string }>({
      name: 'raw-insert-enrolment',
      text: INSERT_ENROLMENT,
      values: [ask.classId, ask.personId],
    });
    const id = inserted.rows[0]?.id;
    // No row: the person already holds an active enrolment here, which stands (as in the service).
    if (id) {
      const seat = await client.query({
        name: 'raw-claim-seat',
        text: 'UPDATE training_class SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity RETURNING id',
        values: [ask.classId],
      });
      const state = seat.rowCount === 1 ? 'approved' : 'waitlisted';
      await client.query({
        name: 'raw-set-state',
        text: 'UPDATE enrolment SET state = $1, decided_at = now() WHERE id = $2',
        values: [state, id],
      });
      await client.query({
        name: 'raw-audit',
        text: `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, before, after)
               VALUES (NULL, $1, 'enrolment.request', 'enrolment', $2, NULL, $3::jsonb)`,
        values: [ACTOR.label, id, JSON.stringify({ ...ask, state, autoAdmit: true })],
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Empties the classes again (enrolments, seats, the bench's audit rows) and tidies the tables. */
async function reset(pool: pg.Pool, classIds: readonly string[]): Promise<void> {
  await pool.query('DELETE FROM enrolment WHERE class_id = ANY($1::uuid[])', [classIds]);
  await pool.query('UPDATE training_class SET seats_taken = 0 WHERE id = ANY($1::uuid[])', [classIds]);
  await pool.query('DELETE FROM audit_log WHERE actor_label = $1', [ACTOR.label]);
  await pool.query('VACUUM ANALYZE enrolment, audit_log, training_class');
}

/** What the database holds after a run: the invariants, read back with plain SQL. */
async function verify(pool: pg.Pool, classIds: readonly string[], distinct: Map<string, number>): Promise<Check> {
  const { rows } = await pool.query<{
    id: string;
    capacity: number;
    seats_taken: number;
    approved: number;
    waitlisted: number;
    active: number;
  }>(
    `SELECT c.id, c.capacity, c.seats_taken,
            count(e.id) FILTER (WHERE e.state = 'approved')::int AS approved,
            count(e.id) FILTER (WHERE e.state = 'waitlisted')::int AS waitlisted,
            count(e.id) FILTER (WHERE e.state NOT IN ('withdrawn', 'rejected'))::int AS active
       FROM training_class c LEFT JOIN enrolment e ON e.class_id = c.id
      WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
    [classIds],
  );
  const [dup] = (
    await pool.query<{ extra: number }>(
      `SELECT coalesce(sum(n - 1), 0)::int AS extra FROM (
         SELECT count(*) AS n FROM enrolment
          WHERE class_id = ANY($1::uuid[]) AND state NOT IN ('withdrawn', 'rejected')
          GROUP BY class_id, person_id HAVING count(*) > 1) d`,
      [classIds],
    )
  ).rows;
  let overCapacity = 0;
  let inconsistent = 0;
  for (const c of rows) {
    overCapacity += Math.max(0, c.approved - c.capacity, c.seats_taken - c.capacity);
    const askers = distinct.get(c.id) ?? 0;
    const seated = Math.min(c.capacity, askers);
    if (c.approved !== seated || c.seats_taken !== seated || c.waitlisted !== askers - seated || c.active !== askers) {
      inconsistent++;
    }
  }
  return { overCapacity, duplicates: dup?.extra ?? 0, inconsistent };
}
