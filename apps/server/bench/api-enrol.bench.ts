import type { ChildProcess } from 'node:child_process';
import { elapsedMs, type Figure, freePort, launch, median, round, stopProcess as stop } from '@polcenter/bench';
import { createPolCenter, SYSTEM_ACTOR } from '@polcenter/core';
import { type Ask, createTestPolCenter, enrolmentPlan, fixturePeople, openClasses } from '@polcenter/core/testing';
import { CLI } from '@polcenter/testing/server-process';
import autocannon from 'autocannon';
import pg from 'pg';

export const ids = [
  'api.enrol.overCapacity',
  'api.enrol.serverErrors',
  'api.enrol.throughputRatio',
  'api.staffEnrol.throughputRatio',
];

const CONNECTIONS = 100;
const CLASSES = 20;
const SEATS = 30;
/** 1.5× offered load, as `enrol.concurrent`: 900 requests for 600 seats. */
const REQUESTS = (CLASSES * SEATS * 3) / 2;
const PEOPLE = 600;
const REPEAT_SHARE = 0.1;
const ROUNDS = 3;
const WARMUP_ROUNDS = 1;
/** What `polcenter start` gives its library (createPolCenter's default pool): the service side gets the same. */
const SERVER_POOL = 20;
const PROCEDURE = 'enrolment.request';
const USERNAME = 'bench.admin';
const PASSWORD = 'bench-admin-password';
/** Who enrols in real life: center staff of the organising unit, whose every call is checked. */
const STAFF_USERNAME = 'bench.center';

type TestPolCenter = Awaited<ReturnType<typeof createTestPolCenter>>;

/**
 * `api.enrol.*`: the enrolment mutation (`enrolment.request` with `autoAdmit: true`, an admin's
 * bearer token) over HTTP at 100 connections against the real server (`polcenter start`,
 * production mode, logs off, its default pool of 20) on a test database with 20 open classes of
 * 30 seats; 900 requests (1.5× the seats) for 600 people with 10% repeats, the plan
 * `enrol.concurrent` uses. In the same run and on the same database, the same plan goes through
 * the service layer in this process (`polcenter.enrolment.request`, 100 concurrent callers, a pool
 * of 20 like the server's), so the throughput ratio prices HTTP, tRPC, the token check and the
 * router's access reads — not a different pool. After every run the database is checked for
 * approved enrolments beyond capacity; the server's 5xx answers are counted.
 *
 * `api.staffEnrol.throughputRatio`: the same HTTP runs with the bearer token of center staff of the
 * organising unit instead of the admin's (issue 15): the principal, the units their role reaches
 * and the checks of the person's unit and of the class's organiser are all paid, as staff pay them.
 *
 * Load generator: autocannon, not a loop of fetch calls. It is already a devDependency, keeps
 * exactly 100 keep-alive sockets (100 clients, one request in flight each), gives each request its
 * own body through `setupRequest` (drawn from one shared queue, as the service side draws) and the
 * status of each answer through `onResponse`; and it costs far less CPU than undici's fetch on a
 * machine of two cores shared by the client, the server and PostgreSQL.
 */
export default async function apiEnrolBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  // The service side's library, with the server's pool size (the fixture's own may differ).
  const library = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: SERVER_POOL });
  const pool = new pg.Pool({ connectionString: polcenter.url, max: 5 });
  let server: ChildProcess | undefined;
  try {
    const { classIds, people, organiser } = await seed(polcenter);
    const asks = enrolmentPlan(classIds, people, { requests: REQUESTS, repeatShare: REPEAT_SHARE });
    await polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: USERNAME,
      displayName: 'Bench admin',
      password: PASSWORD,
      roles: [{ role: 'admin' }],
    });
    const { token } = await polcenter.auth.signIn({ username: USERNAME, password: PASSWORD });
    await polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: STAFF_USERNAME,
      displayName: 'Cán bộ Trung tâm',
      password: PASSWORD,
      roles: [{ role: 'center_staff', unitId: organiser }],
    });
    const staffToken = (await polcenter.auth.signIn({ username: STAFF_USERNAME, password: PASSWORD })).token;

    const port = await freePort();
    server = await launch(
      process.execPath,
      [CLI, 'start', '--port', String(port)],
      {
        ...process.env,
        DATABASE_URL: polcenter.url,
        NODE_ENV: 'production',
        POLCENTER_LOG: '0',
        POLCENTER_DEMO: '0',
        POLCENTER_LANG: 'en',
      },
      /listening|đang chạy/,
    );
    const base = `http://127.0.0.1:${port}`;
    await assertProcedureExists(base, token);

    const viaService = (ask: Ask) => library.enrolment.request(SYSTEM_ACTOR, ask, { autoAdmit: true });
    const httpRps: number[] = [];
    const staffRps: number[] = [];
    const serviceRps: number[] = [];
    const ratios: number[] = [];
    const staffRatios: number[] = [];
    const statuses = new Map<number, number>();
    let socketErrors = 0;
    let httpOverCapacity = 0;
    let serviceOverCapacity = 0;
    let serviceFailures = 0;
    const SIDES = ['http', 'staff', 'service'] as const;
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      // Each side goes first, second and third in turn.
      const shift = ((r % SIDES.length) + SIDES.length) % SIDES.length;
      const order = [...SIDES.slice(shift), ...SIDES.slice(0, shift)];
      const rps = { http: 0, staff: 0, service: 0 };
      for (const side of order) {
        await reset(pool, classIds);
        if (side === 'service') {
          const run = await inProcess(asks, viaService);
          rps.service = run.ok / (run.ms / 1000);
          serviceFailures += asks.length - run.ok;
          serviceOverCapacity += await overCapacity(pool, classIds);
        } else {
          const run = await overHttp(base, side === 'http' ? token : staffToken, asks);
          for (const [status, n] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
          socketErrors += run.errors;
          rps[side] = run.ok / (run.ms / 1000);
          httpOverCapacity += await overCapacity(pool, classIds);
        }
      }
      if (r < 0) continue;
      httpRps.push(rps.http);
      staffRps.push(rps.staff);
      serviceRps.push(rps.service);
      ratios.push(rps.http / rps.service);
      staffRatios.push(rps.staff / rps.service);
    }

    const runs = 2 * (ROUNDS + WARMUP_ROUNDS);
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    const answered = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    const sizes = `${CONNECTIONS} connections, ${CLASSES} classes x ${SEATS} seats, ${REQUESTS} requests a run (1.5x load, ${PEOPLE} people, ${Math.round(REPEAT_SHARE * 100)}% repeats), ${runs} HTTP runs (warm-up included)`;
    return [
      {
        id: 'api.enrol.overCapacity',
        value: httpOverCapacity,
        unit: 'enrolments',
        target: '== 0',
        note: `approved enrolments or taken seats beyond capacity after each HTTP run, summed; ${sizes}; the service side in the same run: ${serviceOverCapacity}`,
      },
      {
        id: 'api.enrol.serverErrors',
        value: serverErrors,
        unit: 'responses',
        target: '== 0',
        note: `5xx answers of ${PROCEDURE} over all HTTP runs; answers by status ${answered}; socket errors or timeouts ${socketErrors}; ${sizes}`,
      },
      {
        id: 'api.enrol.throughputRatio',
        value: median(ratios),
        unit: 'x service',
        baseline: 'polcenter.enrolment.request in process, same plan, 100 concurrent callers, pool 20 like the server',
        note:
          `HTTP ${Math.round(median(httpRps))} req/s vs service ${Math.round(median(serviceRps))} req/s ` +
          `(2xx or completed requests per second, medians of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, ` +
          `round ratios ${round(Math.min(...ratios))}–${round(Math.max(...ratios))}); failed service calls ${serviceFailures}; polcenter start in production mode, ` +
          `logs off, admin bearer token; autocannon in the bench process, each HTTP run timed to its last answer; database reset between runs`,
      },
      {
        id: 'api.staffEnrol.throughputRatio',
        value: median(staffRatios),
        unit: 'x service',
        baseline: 'polcenter.enrolment.request in process, same plan, 100 concurrent callers, pool 20 like the server',
        target: '>= 0.5',
        note:
          `HTTP as center staff of the organiser ${Math.round(median(staffRps))} req/s vs service ${Math.round(median(serviceRps))} req/s ` +
          `(medians of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, round ratios ` +
          `${round(Math.min(...staffRatios))}–${round(Math.max(...staffRatios))}); the staff token pays the principal, its reach and ` +
          `the checks of the person's unit and the class's organiser; otherwise as api.enrol.throughputRatio`,
      },
    ];
  } finally {
    if (server) await stop(server);
    await pool.end();
    await library.close();
    await polcenter.close();
  }
}

/**
 * A request the procedure must refuse as bad input (400). A 404 means the server has no such
 * procedure: the bench cannot measure anything then, and says so instead of reporting 900 errors.
 */
async function assertProcedureExists(base: string, token: string): Promise<void> {
  const response = await fetch(`${base}/trpc/${PROCEDURE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  const body = await response.text();
  if (response.status === 404) {
    throw new Error(
      `api.enrol: the server has no tRPC procedure "${PROCEDURE}" (HTTP 404: ${body.slice(0, 200)}). ` +
        'This bench needs the enrolment mutation in packages/api (input {classId, personId, autoAdmit}); ' +
        'run it again once that procedure exists.',
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new Error(
      `api.enrol: the admin's bearer token was refused by ${PROCEDURE} (HTTP ${response.status}: ${body})`,
    );
  }
  if (response.status !== 400) {
    throw new Error(`api.enrol: ${PROCEDURE} with no input should be bad input (400), got ${response.status}: ${body}`);
  }
}

/** The plan through HTTP: 100 sockets, each next request's body taken from the shared queue. */
async function overHttp(
  base: string,
  token: string,
  asks: readonly Ask[],
): Promise<{ ms: number; ok: number; errors: number; statuses: Map<number, number> }> {
  let next = 0;
  const statuses = new Map<number, number>();
  const started = process.hrtime.bigint();
  // The run ends at its last answer: autocannon itself resolves only at its next sampling tick
  // (every second), which rounded each run up to whole seconds — 900 answers in 1.2 s read as 2 s.
  let lastAnswer = started;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    // 9 requests per socket; autocannon builds each socket's first request up front and every
    // later one when the previous answer arrives, calling setupRequest once per request sent.
    amount: asks.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/trpc/${PROCEDURE}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          // Past the end (only if autocannon re-sent after a timeout): repeat the first ask, a no-op.
          const ask = asks[next++] ?? (asks[0] as Ask);
          return { ...request, body: JSON.stringify({ ...ask, autoAdmit: true }) };
        },
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          lastAnswer = process.hrtime.bigint();
        },
      },
    ],
  });
  const ms = Number(lastAnswer - started) / 1e6;
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((sum, [, n]) => sum + n, 0);
  return { ms, ok, errors: result.errors + result.timeouts, statuses };
}

/** The same plan through the service layer, 100 callers pulling from one queue. */
async function inProcess(
  asks: readonly Ask[],
  call: (ask: Ask) => Promise<unknown>,
): Promise<{ ms: number; ok: number }> {
  let next = 0;
  let ok = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < asks.length) {
        const ask = asks[next++] as Ask;
        try {
          await call(ask);
          ok++;
        } catch {
          // Counted by its absence from `ok`.
        }
      }
    }),
  );
  return { ms: elapsedMs(started), ok };
}

/** 20 open classes (one day each: no schedule clash, no enrolment window) and 600 non-members. */
/** The classes and people of `enrol.concurrent`, from the same workload module, on the demo's program and center. */
async function seed(polcenter: TestPolCenter): Promise<{ classIds: string[]; people: string[]; organiser: string }> {
  const program = await polcenter.programs.getByCode('NTĐ');
  const organiser = (await polcenter.units.findByCode('TN-CHODON'))?.id;
  if (!organiser) throw new Error('the demo seed has no unit TN-CHODON');
  const classIds = await openClasses(polcenter.orm, {
    programId: program.id,
    unitId: organiser,
    count: CLASSES,
    capacity: SEATS,
    firstDay: '2027-03-01',
  });
  const people = await fixturePeople(polcenter.orm, PEOPLE, { unitId: organiser });
  await polcenter.orm.em.fork().execute('ANALYZE training_class, class_session, person');
  return { classIds, people, organiser };
}

async function reset(pool: pg.Pool, classIds: readonly string[]): Promise<void> {
  await pool.query('DELETE FROM enrolment WHERE class_id = ANY($1::uuid[])', [classIds]);
  await pool.query('UPDATE training_class SET seats_taken = 0 WHERE id = ANY($1::uuid[])', [classIds]);
  await pool.query("DELETE FROM audit_log WHERE action = 'enrolment.request'");
  await pool.query('VACUUM ANALYZE enrolment, audit_log, training_class');
}

/** Approved enrolments or taken seats beyond capacity, summed over the classes. */
async function overCapacity(pool: pg.Pool, classIds: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ over: number }>(
    `SELECT coalesce(sum(GREATEST(0, a.approved - c.capacity, c.seats_taken - c.capacity)), 0)::int AS over
       FROM training_class c
       CROSS JOIN LATERAL (SELECT count(*) AS approved FROM enrolment e WHERE e.class_id = c.id AND e.state = 'approved') a
      WHERE c.id = ANY($1::uuid[])`,
    [classIds],
  );
  return rows[0]?.over ?? 0;
}
