import { randomUUID } from 'node:crypto';
import { freePort } from '@polcenter/bench';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { type createTestPolCenter, fixturePeople, openClasses } from '@polcenter/core/testing';
import { type ServerProcess, startServerProcess } from '@polcenter/testing/server-process';
import pg from 'pg';

/**
 * The fault-injection load behind `faults.test.ts` and the `api.faults.*` bench: idempotent
 * enrolment requests over real HTTP against real `polcenter start` processes while the database
 * backends serving them are killed (`pg_terminate_backend`) and the servers themselves are killed
 * with SIGKILL and started again on the same port. Every client retries its request with the same
 * Idempotency-Key until it gets an answer; afterwards every key is sent once more, and the database
 * is checked against what was acknowledged.
 */

type TestPolCenter = Awaited<ReturnType<typeof createTestPolCenter>>;

export interface FaultLoadOptions {
  /** Distinct requests (person × class), each with its own key. */
  readonly requests: number;
  /** Clients sending at once. */
  readonly clients: number;
  /** Server processes on the one database; a client's retries go round them. */
  readonly servers: number;
  /** SIGKILLs of a server (each followed by a restart), spread evenly over the load. */
  readonly serverKills: number;
  /** Pause between two kills of a backend busy serving the servers (in a query or a transaction). */
  readonly backendKillEveryMs: number;
  /** A client gives up on a request after trying this long (a stuck key keeps answering 409). */
  readonly giveUpAfterMs: number;
}

export interface FaultLoadReport {
  readonly requests: number;
  /** Requests answered 200 during the load. */
  readonly acknowledged: number;
  /** Requests given up on during the load (no answer within `giveUpAfterMs`). */
  readonly unanswered: number;
  /** Keys that, sent again after the load, did not give the original answer (or any answer). */
  readonly stuckKeys: number;
  /** Acknowledged enrolments missing from the database. */
  readonly lostWrites: number;
  /** Person × class pairs with more than one enrolment row. */
  readonly duplicates: number;
  /** Approved enrolments beyond a class's capacity. */
  readonly overCapacity: number;
  readonly serverKills: number;
  readonly backendKills: number;
  /** How long each restart took to listen again. */
  readonly restartSeconds: readonly number[];
  /** Answers other than 200 seen while retrying, by status ('network' for no answer). */
  readonly retried: Readonly<Record<string, number>>;
  readonly seconds: number;
}

interface Answer {
  readonly id: string;
  readonly personId: string;
  readonly classId: string;
  readonly state: string;
}

const CLASSES = 10;
const PASSWORD = 'trung-tam-chinh-tri-2026';

export async function runFaultLoad(polcenter: TestPolCenter, options: FaultLoadOptions): Promise<FaultLoadReport> {
  const started = Date.now();
  const { token, asks, classIds } = await prepare(polcenter, options.requests);
  const ports = await Promise.all(Array.from({ length: options.servers }, () => freePort()));
  const env = { DATABASE_URL: polcenter.url, NODE_ENV: 'production', POLCENTER_LOG: '0', POLCENTER_DEMO: '0' };
  const servers: (ServerProcess | null)[] = await Promise.all(ports.map((port) => startServerProcess(env, { port })));
  const retried: Record<string, number> = {};
  const count = (what: string) => {
    retried[what] = (retried[what] ?? 0) + 1;
  };
  const answers = new Map<string, Answer>();
  let unanswered = 0;
  let backendKills = 0;
  let serverKills = 0;
  const restartSeconds: number[] = [];
  let done = false;

  const send = async (port: number, key: string, ask: Ask): Promise<Response> =>
    fetch(`http://127.0.0.1:${port}/trpc/enrolment.request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ ...ask, autoAdmit: true }),
      signal: AbortSignal.timeout(10_000),
    });

  /** One client's request: the same key until an answer, round the servers, for `giveUpAfterMs` at most. */
  const settle = async (ask: Ask, key: string, first: number): Promise<void> => {
    const until = Date.now() + options.giveUpAfterMs;
    for (let attempt = 0; Date.now() < until; attempt++) {
      const port = ports[(first + attempt) % ports.length] as number;
      try {
        const response = await send(port, key, ask);
        const body = (await response.json()) as { result?: { data: Answer } };
        if (response.status === 200 && body.result) {
          answers.set(key, body.result.data);
          return;
        }
        count(String(response.status));
      } catch {
        count('network');
      }
      await sleep(50 + Math.random() * 100);
    }
    unanswered++;
  };

  const backendKiller = (async () => {
    const admin = new pg.Client({ connectionString: polcenter.url });
    await admin.connect();
    try {
      while (!done) {
        await sleep(options.backendKillEveryMs);
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
              AND backend_type = 'client backend'
            ORDER BY random() LIMIT 1`,
        );
        backendKills += killed.rowCount ?? 0;
      }
    } finally {
      await admin.end();
    }
  })();

  const killAt = Array.from({ length: options.serverKills }, (_, i) =>
    Math.floor(((i + 1) * asks.length) / (options.serverKills + 1)),
  );
  const serverKiller = async (sent: number) => {
    if (!killAt.includes(sent)) return;
    const which = serverKills % servers.length;
    const server = servers[which];
    if (!server) return;
    servers[which] = null;
    serverKills++;
    await server.stop('SIGKILL');
    const restarting = Date.now();
    servers[which] = await restart(ports[which] as number);
    restartSeconds.push((Date.now() - restarting) / 1000);
  };

  /** A start may fail when the backend killer hits its migration check: start again, as an operator would. */
  const restart = async (port: number): Promise<ServerProcess> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startServerProcess(env, { port });
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  };

  const keys = asks.map(() => randomUUID());
  let next = 0;
  const restarts: Promise<void>[] = [];
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        while (next < asks.length) {
          const i = next++;
          restarts.push(serverKiller(i));
          await settle(asks[i] as Ask, keys[i] as string, client);
        }
      }),
    );
    await Promise.all(restarts);
  } catch (error) {
    await Promise.all(servers.map((server) => server?.stop('SIGKILL')));
    throw error;
  } finally {
    done = true;
    await backendKiller;
  }

  // Faults over: every key once more. It must give the answer it gave (or, never answered, an answer).
  let stuckKeys = 0;
  try {
    for (const [i, ask] of asks.entries()) {
      const key = keys[i] as string;
      const response = await send(ports[i % ports.length] as number, key, ask).catch(() => null);
      const body = response?.status === 200 ? ((await response.json()) as { result: { data: Answer } }) : null;
      const before = answers.get(key);
      if (!body || (before && before.id !== body.result.data.id)) stuckKeys++;
    }
  } finally {
    await Promise.all(servers.map((server) => server?.stop()));
  }

  const acknowledged = [...answers.values()];
  const [lost] = await polcenter.orm.em
    .fork()
    .execute<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM unnest(?::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.id = a.id)',
      [`{${acknowledged.map((a) => a.id).join(',')}}`],
    );
  const [duplicates] = await polcenter.orm.em.fork().execute<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM enrolment WHERE class_id = ANY(?::uuid[])
       GROUP BY class_id, person_id HAVING count(*) > 1) d`,
    [`{${classIds.join(',')}}`],
  );
  const [over] = await polcenter.orm.em.fork().execute<{ n: number }[]>(
    `SELECT coalesce(sum(greatest(approved - capacity, 0)), 0)::int AS n FROM (
       SELECT c.capacity, count(e.id) FILTER (WHERE e.state = 'approved') AS approved
         FROM training_class c LEFT JOIN enrolment e ON e.class_id = c.id
        WHERE c.id = ANY(?::uuid[]) GROUP BY c.id) x`,
    [`{${classIds.join(',')}}`],
  );
  return {
    requests: asks.length,
    acknowledged: acknowledged.length,
    unanswered,
    stuckKeys,
    lostWrites: lost?.n ?? 0,
    duplicates: duplicates?.n ?? 0,
    overCapacity: over?.n ?? 0,
    serverKills,
    backendKills,
    restartSeconds,
    retried,
    seconds: (Date.now() - started) / 1000,
  };
}

interface Ask {
  readonly classId: string;
  readonly personId: string;
}

/** Open classes of the demo's new commune, people of it, and its center staff signed in. */
export async function enrolmentSetup(
  polcenter: TestPolCenter,
  options: { classes: number; capacity: number; people: number },
): Promise<{ token: string; classIds: string[]; people: string[] }> {
  const program = await polcenter.programs.getByCode('NTĐ');
  const organiser = (await polcenter.units.findByCode('TN-CHODON'))?.id;
  if (!organiser) throw new Error('the demo seed has no unit TN-CHODON');
  const classIds = await openClasses(polcenter.orm, {
    programId: program.id,
    unitId: organiser,
    count: options.classes,
    capacity: options.capacity,
    firstDay: '2027-05-03',
  });
  const people = await fixturePeople(polcenter.orm, options.people, { unitId: organiser });
  const username = `staff.${randomUUID().slice(0, 8)}`;
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username,
    displayName: 'Cán bộ Trung tâm',
    password: PASSWORD,
    roles: [{ role: 'center_staff', unitId: organiser }],
  });
  const { token } = await polcenter.auth.signIn({ username, password: PASSWORD });
  return { token, classIds, people };
}

/** One ask per person, round the classes, with fewer seats than asks: some are waitlisted. */
async function prepare(
  polcenter: TestPolCenter,
  requests: number,
): Promise<{ token: string; asks: Ask[]; classIds: string[] }> {
  const capacity = Math.ceil((requests * 0.8) / CLASSES);
  const { token, classIds, people } = await enrolmentSetup(polcenter, { classes: CLASSES, capacity, people: requests });
  const asks = people.map((personId, i) => ({ personId, classId: classIds[i % CLASSES] as string }));
  return { token, asks, classIds };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
