import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CertificateService } from '../certificates/certificates.js';
import { ClassService } from '../classes/classes.js';
import { EnrolmentService } from '../enrolment/enrolment.js';
import { RegistrationService } from '../enrolment/registration.js';
import { PeopleService } from '../people/people.js';
import { createPolCenter } from '../polcenter.js';
import { AttendanceService } from '../results/attendance.js';
import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, fixtureUnit } from '../testing/fixtures.js';
import { countRows, createTestPolCenter, expectDomainError } from '../testing/index.js';
import { IdempotencyService } from './idempotency.js';
import { session } from './sql.js';

const polcenter = await createTestPolCenter();
// One connection in the pool: a service call that left the shared transaction for a connection of
// its own would wait for it forever instead of passing.
const single = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 1 });
test.after(async () => {
  await single.close();
  await polcenter.close();
});

const orm = single.orm;
const today = () => '2026-02-10';
const people = new PeopleService(orm);
const classes = new ClassService(orm);
const enrolment = new EnrolmentService(orm, { today });
const registration = new RegistrationService(orm, people, enrolment, { today });
const certificates = new CertificateService(orm, { today });
const attendance = new AttendanceService(orm);
const keys = new IdempotencyService(orm);
const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };

const unit = await fixtureUnit(polcenter.orm);
const ntd = await fixtureProgram(polcenter.orm, 'NTĐ');
const openClass = () => fixtureClass(polcenter.orm, { programId: ntd.id, unitId: unit });
const audited = () => countRows(polcenter.orm, 'audit_log');
const keyRows = (key: string) => countRows(polcenter.orm, 'idempotency_key', 'key = ?', [key]);

let n = 0;
const NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Long', 'Minh', 'Nam'];
const person = () => ({
  fullName: `Hà Văn ${NAMES[++n % NAMES.length]} ${NAMES[Math.floor(n / NAMES.length) % NAMES.length]}`,
  birthDate: `${String((n % 28) + 1).padStart(2, '0')}/03/1990`,
  gender: 'male' as const,
  ethnicity: 'tay' as const,
  unitId: unit,
  nationalId: `0063010${String(n).padStart(5, '0')}`,
});

/** Every service a procedure with an Idempotency-Key calls, with fresh input each time. */
const mutations: Record<string, () => Promise<() => Promise<unknown>>> = {
  'people.create': async () => {
    const input = person();
    return () => people.create(staff, input);
  },
  'classes.create': async () => {
    const code = `TH-${++n}/2026`;
    return () =>
      classes.create(staff, {
        code,
        programId: ntd.id,
        organiserUnitId: unit,
        mode: 'in_person',
        venue: 'Hội trường Trung tâm',
        capacity: 30,
        startDate: '02/03/2026',
        endDate: '03/03/2026',
      });
  },
  'enrolment.request': async () => {
    const [cls, [personId]] = [await openClass(), await fixturePeople(polcenter.orm, 1)];
    return () => enrolment.request(staff, { classId: cls.id, personId: personId as string }, { autoAdmit: true });
  },
  'enrolment.nominate': async () => {
    const [cls, personIds] = [await openClass(), await fixturePeople(polcenter.orm, 3)];
    return () => enrolment.nominate(staff, { classId: cls.id, unitId: unit, personIds });
  },
  'enrolment.register': async () => {
    const cls = await openClass();
    const input = { classId: cls.id, person: person() };
    return () => registration.register({ id: null, label: 'portal' }, input);
  },
  'certificates.issue': async () => {
    const cls = await fixtureClass(polcenter.orm, { programId: ntd.id, unitId: unit, status: 'running' });
    const [enrolmentId] = await fixtureEnrolments(
      polcenter.orm,
      cls.id,
      await fixturePeople(polcenter.orm, 1),
      'passed',
    );
    return () => certificates.issue(staff, { enrolmentId: enrolmentId as string });
  },
  'attendance.recordMark': async () => {
    const cls = await fixtureClass(polcenter.orm, { programId: ntd.id, unitId: unit, status: 'running' });
    const [enrolmentId] = await fixtureEnrolments(
      polcenter.orm,
      cls.id,
      await fixturePeople(polcenter.orm, 1),
      'approved',
    );
    const sessionId = cls.sessionIds[0] as string;
    return () => attendance.recordMark(staff, { sessionId, enrolmentId: enrolmentId as string, mark: 'absent' });
  },
  'certificates.issueForClass': async () => {
    const cls = await fixtureClass(polcenter.orm, { programId: ntd.id, unitId: unit, status: 'running' });
    await fixtureEnrolments(polcenter.orm, cls.id, await fixturePeople(polcenter.orm, 2), 'passed');
    return () => certificates.issueForClass(staff, { classId: cls.id });
  },
};

for (const [procedure, prepare] of Object.entries(mutations)) {
  test(`${procedure}: a crash after its effect leaves neither effect nor key; the retry runs once, then replays`, async () => {
    const call = await prepare();
    const key = `${procedure}-crash`;
    const before = await audited();
    const crashed = await keys
      .once('user:1', key, procedure, { procedure }, async () => {
        await call();
        throw new Error('the process died here');
      })
      .catch((error: Error) => error.message);
    assert.is(crashed, 'the process died here');
    assert.is(await audited(), before, 'no audit row, so no effect, outlived the crash');
    assert.is(await keyRows(key), 0);

    let runs = 0;
    const first = await keys.once('user:1', key, procedure, { procedure }, () => {
      runs++;
      return call();
    });
    assert.ok((await audited()) > before);
    const again = await keys.once('user:1', key, procedure, { procedure }, () => {
      runs++;
      return call();
    });
    assert.equal(again, JSON.parse(JSON.stringify(first)));
    assert.is(runs, 1);
  });
}

test('a backend killed between the effect and the answer: nothing stays, and the retry runs afresh', async () => {
  const request = await mutations['enrolment.request']?.();
  const before = await audited();
  const killed = await keys
    .once('user:1', 'killed', 'enrolment.request', {}, async () => {
      await request?.();
      await session(orm).execute('SELECT pg_terminate_backend(pg_backend_pid())');
    })
    .catch((error: unknown) => error);
  assert.instance(killed, Error);
  assert.is(await audited(), before);
  const retried = (await keys.once('user:1', 'killed', 'enrolment.request', {}, async () => request?.())) as {
    state: string;
  };
  assert.is(retried.state, 'approved');
});

test('a key reused for another request is refused', async () => {
  await keys.once('user:1', 'reused', 'x', { a: 1 }, async () => 'ok');
  const error = await expectDomainError(keys.once('user:1', 'reused', 'x', { a: 2 }, async () => 'other'));
  assert.is(error.code, 'REQUEST.KEY_REUSED');
});

test('a repeat waits 5 s at most for the first, then is told it is in progress; the work itself waits unbounded', async () => {
  const service = new IdempotencyService(polcenter.orm);
  let started!: (lockTimeout: string) => void;
  const running = new Promise<string>((resolve) => {
    started = resolve;
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const first = service.once('user:2', 'slow', 'x', {}, async () => {
    const [row] = await session(polcenter.orm).execute<{ lock_timeout: string }[]>('SHOW lock_timeout');
    started(row?.lock_timeout ?? '');
    await held;
    return 'first';
  });
  let lockTimeout: string;
  let repeat: Awaited<ReturnType<typeof expectDomainError>>;
  const waitedFrom = Date.now();
  try {
    lockTimeout = await running;
    repeat = await expectDomainError(service.once('user:2', 'slow', 'x', {}, async () => 'second'));
  } finally {
    release();
  }
  // The key's bound is given back before the work: its own locks wait as the server's setting says.
  assert.is(lockTimeout, '0');
  assert.is(repeat.code, 'REQUEST.IN_PROGRESS');
  assert.ok(Date.now() - waitedFrom >= 4_500, 'it waited for the first');
  assert.is(await first, 'first');
  assert.is(await service.once('user:2', 'slow', 'x', {}, async () => 'third'), 'first');
});

test.run();
