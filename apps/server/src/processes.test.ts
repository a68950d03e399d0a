import { randomUUID } from 'node:crypto';
import { createTestPolCenter } from '@polcenter/core/testing';
import { startServerProcess } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { enrolmentSetup } from './testing.js';

// Two `polcenter start` processes on one database, as behind a load balancer: requests are spread
// over both, and whatever must hold for one server must hold for the pair.
const polcenter = await createTestPolCenter({ demo: true });
const env = {
  DATABASE_URL: polcenter.url,
  NODE_ENV: 'production',
  POLCENTER_LOG: '0',
  POLCENTER_DEMO: '0',
  // Behind the "proxy" of this test: each test speaks from addresses of its own.
  POLCENTER_TRUST_PROXY: '1',
};
const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
const [a, b] = servers.map((s) => s.url) as [string, string];
test.after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await polcenter.close();
});

const CAPACITY = 8;
const { token, classIds, people } = await enrolmentSetup(polcenter, { classes: 2, capacity: CAPACITY, people: 30 });

function post(base: string, procedure: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const request = (base: string, classId: string, personId: string, key?: string) =>
  post(
    base,
    'enrolment.request',
    { classId, personId, autoAdmit: true },
    { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
  );

test('concurrent enrolment spread over both servers: no class over capacity, one enrolment per person', async () => {
  // Every person asks for both classes twice, once through each server, all at once.
  const asks = classIds.flatMap((classId) =>
    people.flatMap((personId) => [a, b].map((base) => ({ base, classId, personId }))),
  );
  const statuses = await Promise.all(
    asks.map(async (ask) => (await request(ask.base, ask.classId, ask.personId)).status),
  );
  assert.ok(
    statuses.every((s) => s === 200),
    `statuses: ${statuses.filter((s) => s !== 200)}`,
  );
  const rows = await polcenter.orm.em.fork().execute<{ class_id: string; approved: number; per_person: number }[]>(
    `SELECT class_id, count(*) FILTER (WHERE state = 'approved')::int AS approved,
            max(n)::int AS per_person
       FROM (SELECT class_id, state, count(*) OVER (PARTITION BY class_id, person_id) AS n FROM enrolment
              WHERE class_id = ANY(?::uuid[])) e
      GROUP BY class_id`,
    [`{${classIds.join(',')}}`],
  );
  assert.is(rows.length, 2);
  for (const row of rows) {
    assert.is(row.approved, CAPACITY, 'every seat taken, none beyond');
    assert.is(row.per_person, 1);
  }
});

test('an idempotency key works across the servers: a retry sent to the other one gets the original answer', async () => {
  const [classId, personId] = [classIds[0] as string, people[0] as string];
  await polcenter.orm.em.fork().execute("UPDATE enrolment SET state = 'withdrawn' WHERE person_id = ?", [personId]);
  const key = randomUUID();
  const first = await request(a, classId, personId, key);
  assert.is(first.status, 200);
  const original = ((await first.json()) as { result: { data: { id: string } } }).result.data;
  const retried = await request(b, classId, personId, key);
  assert.is(retried.status, 200);
  assert.equal(((await retried.json()) as { result: { data: unknown } }).result.data, original);

  // The same new key sent to both at once: one runs, the other waits for it and gets its answer.
  const otherKey = randomUUID();
  const person = people[1] as string;
  await polcenter.orm.em.fork().execute("UPDATE enrolment SET state = 'withdrawn' WHERE person_id = ?", [person]);
  const both = await Promise.all([request(a, classId, person, otherKey), request(b, classId, person, otherKey)]);
  const answers = await Promise.all(both.map(async (r) => (await r.json()) as { result: { data: { id: string } } }));
  assert.equal(
    both.map((r) => r.status),
    [200, 200],
  );
  assert.is(answers[0]?.result.data.id, answers[1]?.result.data.id);
  const [audits] = await polcenter.orm.em
    .fork()
    .execute<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ?', [
      answers[0]?.result.data.id,
    ]);
  assert.is(audits?.n, 1, 'the request ran once');
});

const from = (address: string) => ({ 'x-forwarded-for': address });

test('sign-in limits are one limit for both servers: brute force on one account, and spraying many', async () => {
  const brute = [];
  for (let i = 0; i < 11; i++) {
    const response = await post(
      i % 2 ? b : a,
      'auth.signIn',
      { username: 'victim', password: `guess-${i}` },
      from('203.0.113.10'),
    );
    brute.push(response.status);
  }
  assert.equal(brute, [...Array(10).fill(401), 429]);

  const spray = [];
  for (let i = 0; i < 31; i++) {
    const response = await post(
      i % 2 ? b : a,
      'auth.signIn',
      { username: `user.${i}`, password: 'Matkhau@2026' },
      from('203.0.113.11'),
    );
    spray.push(response.status);
  }
  assert.equal(spray, [...Array(30).fill(401), 429], 'thirty failures per address, whichever server heard them');
});

test('the public mutation limit is one limit for both servers', async () => {
  const statuses = [];
  for (let i = 0; i < 21; i++) {
    const response = await post(
      i % 2 ? b : a,
      'enrolment.register',
      {
        classId: randomUUID(),
        person: {
          fullName: 'Triệu Thị Xuân',
          birthDate: '14/02/2001',
          gender: 'female',
          ethnicity: 'dao',
          nationalId: '006301012345',
          unitId: randomUUID(),
        },
      },
      from('203.0.113.12'),
    );
    statuses.push(response.status);
  }
  assert.equal(statuses, [...Array(20).fill(404), 429]);
});

test.run();
