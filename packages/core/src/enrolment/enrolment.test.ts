import type { DomainError } from '@polcenter/domain';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createPolCenter } from '../polcenter.js';
import {
  fixtureClass,
  fixtureEnrolments,
  fixturePeople,
  fixturePerson,
  fixtureProgram,
  fixtureUnit,
} from '../testing/fixtures.js';
import { countRows, createTestPolCenter, expectDomainError, readableTest as it } from '../testing/index.js';
import { EnrolmentService } from './enrolment.js';

const polcenter = await createTestPolCenter();
// Concurrency needs real parallel transactions: a second library on the same database, wide pool.
const wide = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 110 });
test.after(async () => {
  await wide.close();
  await polcenter.close();
});

const orm = polcenter.orm;
let today = '2026-02-10';
const enrolment = new EnrolmentService(orm, { today: () => today });
const concurrent = new EnrolmentService(wide.orm, { today: () => '2026-02-10' });
const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };

const seatsTaken = async (classId: string) =>
  Number(
    (
      (await orm.em.fork().execute('SELECT seats_taken FROM training_class WHERE id = ?', [classId]))[0] as {
        seats_taken: number;
      }
    ).seats_taken,
  );
const states = async (classId: string) =>
  Object.fromEntries(
    (
      await orm.em
        .fork()
        .execute<{ state: string; n: number }[]>(
          'SELECT state, count(*)::int AS n FROM enrolment WHERE class_id = ? GROUP BY state',
          [classId],
        )
    ).map((r) => [r.state, r.n]),
  );
const auditCount = (entityId: string) => countRows(orm, 'audit_log', 'entity_id = ?', [entityId]);

const unit = await fixtureUnit(orm);
const ntd = await fixtureProgram(orm, 'NTĐ'); // non-members only
const dvm = await fixtureProgram(orm, 'ĐVM'); // probationary members only
const sc = await fixtureProgram(orm, 'SC'); // lower-secondary school finished
const higher = await fixtureProgram(orm, 'BDNV', { eligibility: { prerequisites: [sc.code] } });
const morning = { date: '2026-03-02', start: '07:30', end: '11:30' };

it('request: a requested enrolment, audited; asking again returns the same one', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  const person = await fixturePerson(orm, { fullName: 'Triệu Thị Hoa' });
  const first = await enrolment.request(staff, { classId: cls.id, personId: person, note: 'qua cổng' });
  assert.is(first.state, 'requested');
  assert.is(first.stateName.vi, 'Đã đăng ký');
  assert.is(first.personName, 'Triệu Thị Hoa');
  assert.is(first.classCode, cls.code);
  assert.is(first.note, 'qua cổng');
  const again = await enrolment.request(staff, { classId: cls.id, personId: person });
  assert.is(again.id, first.id);
  assert.is(await countRows(orm, 'enrolment', 'class_id = ?', [cls.id]), 1);
  assert.is(await auditCount(first.id), 1);
});

it('approve takes a seat; the approval past capacity is waitlisted, never approved', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit, capacity: 2 });
  const people = await fixturePeople(orm, 3);
  const asked = [];
  for (const personId of people) asked.push(await enrolment.request(staff, { classId: cls.id, personId }));
  const [a, b, c] = asked.map((e) => e.id) as [string, string, string];
  assert.is((await enrolment.approve(staff, a)).state, 'approved');
  assert.is((await enrolment.approve(staff, a)).state, 'approved', 'approving twice changes nothing');
  assert.is((await enrolment.approve(staff, b)).state, 'approved');
  assert.is((await enrolment.approve(staff, c)).state, 'waitlisted');
  assert.is(await seatsTaken(cls.id), 2);
  const audit = await orm.em
    .fork()
    .execute<{ action: string; before: unknown; after: unknown; actor_label: string }[]>(
      'SELECT action, before, after, actor_label FROM audit_log WHERE entity_id = ? ORDER BY id',
      [c],
    );
  assert.equal(
    audit.map((r) => r.action),
    ['enrolment.request', 'enrolment.waitlist'],
  );
  assert.equal(audit[1]?.before, { state: 'requested' });
  assert.equal(audit[1]?.after, { state: 'waitlisted' });
  assert.is(audit[1]?.actor_label, staff.label);
});

it('withdraw frees the seat and promotes the first on the waitlist in the same transaction', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit, capacity: 1 });
  const [p1, p2, p3] = (await fixturePeople(orm, 3)) as [string, string, string];
  const seated = await enrolment.request(staff, { classId: cls.id, personId: p1 }, { autoAdmit: true });
  const second = await enrolment.request(staff, { classId: cls.id, personId: p2 }, { autoAdmit: true });
  const third = await enrolment.request(staff, { classId: cls.id, personId: p3 }, { autoAdmit: true });
  assert.equal([seated.state, second.state, third.state], ['approved', 'waitlisted', 'waitlisted']);

  const out = await enrolment.withdraw(staff, seated.id, 'Chuyển công tác');
  assert.is(out.enrolment.state, 'withdrawn');
  assert.is(out.enrolment.decisionReason, 'Chuyển công tác');
  assert.is(out.promoted?.id, second.id, 'first requested, first promoted');
  assert.is(out.promoted?.state, 'approved');
  assert.is(await seatsTaken(cls.id), 1);

  const waitlistedLeaves = await enrolment.withdraw(staff, third.id);
  assert.is(waitlistedLeaves.promoted, null, 'a waitlisted person frees no seat');
  const last = await enrolment.withdraw(staff, second.id);
  assert.is(last.promoted, null);
  assert.is(await seatsTaken(cls.id), 0);
  const err = await expectDomainError(enrolment.withdraw(staff, second.id));
  assert.is(err.code, 'ENROLMENT.ILLEGAL_TRANSITION');
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.promote' AND entity_id = ?", [second.id]), 1);
});

it('reject says why; a rejected person may ask again and gets a new enrolment', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  const person = await fixturePerson(orm);
  const asked = await enrolment.request(staff, { classId: cls.id, personId: person });
  const rejected = await enrolment.reject(staff, asked.id, 'Chưa được chi bộ giới thiệu');
  assert.is(rejected.state, 'rejected');
  assert.is(rejected.decisionReason, 'Chưa được chi bộ giới thiệu');
  assert.is(
    (await expectDomainError(enrolment.reject(staff, asked.id, 'lần nữa'))).code,
    'ENROLMENT.ILLEGAL_TRANSITION',
  );
  assert.is((await expectDomainError(enrolment.approve(staff, asked.id))).code, 'ENROLMENT.ILLEGAL_TRANSITION');
  const again = await enrolment.request(staff, { classId: cls.id, personId: person });
  assert.is.not(again.id, asked.id);
  assert.is(again.state, 'requested');
});

it('eligibility: party status, education, prerequisites and an earlier pass are checked', async () => {
  const newMembers = await fixtureClass(orm, { programId: dvm.id, unitId: unit });
  const nonMember = await fixturePerson(orm, { partyStatus: 'non_member' });
  const notEligible = await expectDomainError(
    enrolment.request(staff, { classId: newMembers.id, personId: nonMember }),
  );
  assert.is(notEligible.code, 'ENROLMENT.NOT_ELIGIBLE');
  assert.is(notEligible.kind, 'forbidden');
  assert.ok(notEligible.text.vi.startsWith('Không đủ điều kiện'));

  const elementary = await fixtureClass(orm, { programId: sc.id, unitId: unit });
  const unschooled = await fixturePerson(orm, { educationLevel: 'primary' });
  assert.is(
    (await expectDomainError(enrolment.request(staff, { classId: elementary.id, personId: unschooled }))).code,
    'ENROLMENT.NOT_ELIGIBLE',
  );

  // Passed an earlier class of the same program: told so, not merely "not eligible".
  const earlier = await fixtureClass(orm, {
    programId: sc.id,
    unitId: unit,
    status: 'finished',
    sessions: [{ date: '2025-10-06', start: '07:30', end: '11:30' }],
  });
  const graduate = await fixturePerson(orm);
  const [passed] = (await fixtureEnrolments(orm, earlier.id, [graduate], 'passed')) as [string];
  assert.is(
    (await expectDomainError(enrolment.request(staff, { classId: elementary.id, personId: graduate }))).code,
    'ENROLMENT.ALREADY_PASSED',
  );

  // A program needing the sơ cấp certificate: passing is not enough, the valid certificate is.
  const advanced = await fixtureClass(orm, { programId: higher.id, unitId: unit });
  const missing = await expectDomainError(enrolment.request(staff, { classId: advanced.id, personId: graduate }));
  assert.is(missing.code, 'ENROLMENT.NOT_ELIGIBLE');
  assert.ok(missing.text.en.includes('Elementary political theory'), missing.text.en);
  await orm.em.fork().execute(
    `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code, issued_on)
       VALUES (gen_random_uuid(), ?, ?, 2026, 9001, '9001/GCN-TTCT', 'PREREQ000001', '2026-01-20')`,
    [passed, unit],
  );
  const admitted = await enrolment.request(staff, { classId: advanced.id, personId: graduate });
  assert.is(admitted.state, 'requested');
  assert.is(await countRows(orm, 'enrolment', 'person_id = ?', [unschooled]), 0, 'refusals write nothing');
});

it('the class must be open and its window open, by the injected clock', async () => {
  const person = await fixturePerson(orm);
  const draft = await fixtureClass(orm, { programId: ntd.id, unitId: unit, status: 'draft' });
  const notOpen = await expectDomainError(enrolment.request(staff, { classId: draft.id, personId: person }));
  assert.is(notOpen.code, 'ENROLMENT.CLASS_NOT_OPEN');
  const windowed = await fixtureClass(orm, {
    programId: ntd.id,
    unitId: unit,
    opensOn: '2026-02-15',
    closesOn: '2026-02-28',
  });
  const early = await expectDomainError(enrolment.request(staff, { classId: windowed.id, personId: person }));
  assert.is(early.code, 'ENROLMENT.WINDOW_CLOSED');
  assert.ok(early.text.vi.includes('15/02/2026'), early.text.vi);
  today = '2026-03-01';
  try {
    assert.is(
      (await expectDomainError(enrolment.request(staff, { classId: windowed.id, personId: person }))).code,
      'ENROLMENT.WINDOW_CLOSED',
    );
    today = '2026-02-28';
    assert.is((await enrolment.request(staff, { classId: windowed.id, personId: person })).state, 'requested');
  } finally {
    today = '2026-02-10';
  }
});

it('schedule clash: overlapping sessions of another active class are refused, naming it', async () => {
  const person = await fixturePerson(orm);
  const first = await fixtureClass(orm, { programId: ntd.id, unitId: unit, sessions: [morning] });
  const overlapping = await fixtureClass(orm, {
    programId: ntd.id,
    unitId: unit,
    sessions: [{ date: '2026-03-02', start: '10:00', end: '12:00' }],
  });
  const touching = await fixtureClass(orm, {
    programId: ntd.id,
    unitId: unit,
    sessions: [{ date: '2026-03-02', start: '11:30', end: '13:00' }],
  });
  const seat = await enrolment.request(staff, { classId: first.id, personId: person });
  const clash = await expectDomainError(enrolment.request(staff, { classId: overlapping.id, personId: person }));
  assert.is(clash.code, 'ENROLMENT.SCHEDULE_CLASH');
  assert.is(clash.details.otherClassCode, first.code);
  assert.ok(clash.text.vi.includes('02/03/2026 07:30–11:30'), clash.text.vi);
  const next = await enrolment.request(staff, { classId: touching.id, personId: person });
  assert.is(next.state, 'requested', 'sessions that only touch do not clash');
  await enrolment.withdraw(staff, seat.id);
  const stillClashes = await expectDomainError(enrolment.request(staff, { classId: overlapping.id, personId: person }));
  assert.is(stillClashes.details.otherClassCode, touching.code);
  await enrolment.withdraw(staff, next.id);
  assert.is((await enrolment.request(staff, { classId: overlapping.id, personId: person })).state, 'requested');
});

it('nominate: many at once; enrolled people returned, refused people listed with reasons', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  const people = await fixturePeople(orm, 4);
  const member = await fixturePerson(orm, { partyStatus: 'full_member' });
  const [already] = people as [string];
  const existing = await enrolment.request(staff, { classId: cls.id, personId: already });
  const result = await enrolment.nominate(staff, {
    classId: cls.id,
    unitId: unit,
    personIds: [...people, member],
    note: 'Công văn số 12',
  });
  assert.is(result.nominated.length, 3);
  assert.ok(result.nominated.every((e) => e.state === 'nominated' && e.nominatedByUnitId === unit));
  assert.equal(
    result.existing.map((e) => e.id),
    [existing.id],
  );
  assert.is(result.refused.length, 1);
  assert.is(result.refused[0]?.personId, member);
  assert.is(result.refused[0]?.index, 4);
  assert.is(result.refused[0]?.code, 'ENROLMENT.NOT_ELIGIBLE');
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.nominate'"), 3);
  const again = await enrolment.nominate(staff, { classId: cls.id, unitId: unit, personIds: people });
  assert.is(again.nominated.length, 0);
  assert.is(again.existing.length, 4, 'nominating again duplicates no one');
});

it('bad input: INPUT.INVALID or NOT_FOUND naming the field, and nothing written', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  const people = await fixturePeople(orm, 2);
  const before = [await countRows(orm, 'enrolment'), await countRows(orm, 'audit_log')];
  const cases: [() => Promise<unknown>, string, string][] = [
    [() => enrolment.request(staff, { classId: 'lớp 1', personId: people[0] as string }), 'INPUT.INVALID', 'classId'],
    [() => enrolment.request(staff, { classId: cls.id } as never), 'INPUT.INVALID', 'personId'],
    [() => enrolment.request(staff, { classId: cls.id, personId: unit }), 'PERSON.NOT_FOUND', 'personId'],
    [() => enrolment.request(staff, { classId: unit, personId: people[0] as string }), 'CLASS.NOT_FOUND', 'classId'],
    [
      () => enrolment.request(staff, { classId: cls.id, personId: people[0] as string, note: 'x'.repeat(10_000) }),
      'INPUT.INVALID',
      'note',
    ],
    [
      () => enrolment.nominate(staff, { classId: cls.id, unitId: unit, personIds: [...people, unit] }),
      'PERSON.NOT_FOUND',
      'personIds.2',
    ],
    [
      () =>
        enrolment.nominate(staff, {
          classId: cls.id,
          unitId: unit,
          personIds: [people[0] as string, people[0] as string],
        }),
      'INPUT.INVALID',
      'personIds',
    ],
    [() => enrolment.nominate(staff, { classId: cls.id, unitId: unit, personIds: [] }), 'INPUT.INVALID', 'personIds'],
    [
      () => enrolment.nominate(staff, { classId: cls.id, unitId: cls.id, personIds: people }),
      'UNIT.NOT_FOUND',
      'unitId',
    ],
    [() => enrolment.approve(staff, 'not-an-id'), 'INPUT.INVALID', 'enrolmentId'],
    [() => enrolment.approve(staff, unit), 'ENROLMENT.NOT_FOUND', 'enrolmentId'],
    [() => enrolment.reject(staff, unit, '   '), 'INPUT.INVALID', 'reason'],
    [() => enrolment.listForClass({ classId: cls.id, cursor: 'garbage' }), 'INPUT.INVALID', 'cursor'],
    [() => enrolment.listForClass({ classId: cls.id, states: ['graduated' as never] }), 'INPUT.INVALID', 'states.0'],
    [() => enrolment.listForClass({ classId: cls.id, limit: 1000 }), 'INPUT.INVALID', 'limit'],
  ];
  for (const [call, code, field] of cases) {
    const error = await expectDomainError(call());
    assert.is(error.code, code, `${field}: ${error.message}`);
    assert.ok(
      error.fields.some((f) => f.field === field),
      `${code} names ${field}: ${JSON.stringify(error.fields)}`,
    );
  }
  assert.equal([await countRows(orm, 'enrolment'), await countRows(orm, 'audit_log')], before);
});

it('lists: a class page by page in order of request, by state; a person across classes', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit, capacity: 3 });
  const people = await fixturePeople(orm, 5);
  const made = [];
  for (const personId of people)
    made.push(await enrolment.request(staff, { classId: cls.id, personId }, { autoAdmit: true }));
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await enrolment.listForClass({ classId: cls.id, limit: 2, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  assert.is(pages, 3);
  assert.equal(
    seen,
    made.map((e) => e.id),
  );
  const waiting = await enrolment.listForClass({ classId: cls.id, states: ['waitlisted'] });
  assert.equal(
    waiting.items.map((e) => e.personId),
    people.slice(3),
  );
  const other = await fixtureClass(orm, {
    programId: ntd.id,
    unitId: unit,
    sessions: [{ date: '2026-04-06', start: '07:30', end: '11:30' }],
  });
  await enrolment.request(staff, { classId: other.id, personId: people[0] as string });
  const mine = await enrolment.listForPerson(people[0] as string);
  assert.equal(
    mine.map((e) => e.classId),
    [other.id, cls.id],
  );
});

// — Concurrency: these hold only because the database holds them —

it('100 concurrent requests for 30 seats: exactly 30 approved, 70 waitlisted', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, capacity: 30 });
  const people = await fixturePeople(wide.orm, 100);
  const results = await Promise.all(
    people.map((personId) => concurrent.request(staff, { classId: cls.id, personId }, { autoAdmit: true })),
  );
  assert.is(results.filter((e) => e.state === 'approved').length, 30);
  assert.is(results.filter((e) => e.state === 'waitlisted').length, 70);
  assert.equal(await states(cls.id), { approved: 30, waitlisted: 70 });
  assert.is(await seatsTaken(cls.id), 30);
});

it('the same person asking 20 times at once gets one enrolment', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit });
  const person = await fixturePerson(wide.orm);
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      concurrent.request(staff, { classId: cls.id, personId: person }, { autoAdmit: true }),
    ),
  );
  assert.is(new Set(results.map((e) => e.id)).size, 1);
  assert.is(await countRows(orm, 'enrolment', 'class_id = ?', [cls.id]), 1);
  assert.is(await seatsTaken(cls.id), 1, 'one seat, not twenty');
});

it('one person asking for two overlapping classes at once gets at most one of them', async () => {
  const a = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, sessions: [morning] });
  const b = await fixtureClass(wide.orm, {
    programId: ntd.id,
    unitId: unit,
    sessions: [{ date: '2026-03-02', start: '09:00', end: '10:00' }],
  });
  const person = await fixturePerson(wide.orm);
  const settled = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => concurrent.request(staff, { classId: i % 2 ? a.id : b.id, personId: person })),
  );
  assert.ok(settled.some((s) => s.status === 'rejected'));
  for (const s of settled) {
    if (s.status === 'rejected') assert.is((s.reason as DomainError).code, 'ENROLMENT.SCHEDULE_CLASH');
  }
  assert.is(await countRows(orm, 'enrolment', 'person_id = ?', [person]), 1);
});

it('waitlist holds a request back; promote fills seats from the waitlist in order when capacity grows', async () => {
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit, capacity: 1 });
  const [a, b, c] = await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 3), 'requested');
  await enrolment.approve(staff, a as string);
  assert.is((await enrolment.waitlist(staff, b as string)).state, 'waitlisted');
  assert.is((await enrolment.approve(staff, c as string)).state, 'waitlisted', 'the class is full');
  assert.equal(await enrolment.promote(staff, cls.id), [], 'no free seat, nobody moves');
  await orm.em.fork().execute('UPDATE training_class SET capacity = 3 WHERE id = ?', [cls.id]);
  const moved = await enrolment.promote(staff, cls.id);
  assert.equal(
    moved.map((e) => e.id),
    [b, c],
    'first requested, first seated',
  );
  assert.is(await seatsTaken(cls.id), 3);
  assert.is((await expectDomainError(enrolment.waitlist(staff, a as string))).code, 'ENROLMENT.ILLEGAL_TRANSITION');
});

it('50 concurrent withdrawals from a full class: exactly 50 promotions, in order of request', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, capacity: 50 });
  const seated = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 50), 'approved');
  const waiting = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 60), 'waitlisted');
  const results = await Promise.all(seated.map((id) => concurrent.withdraw(staff, id)));
  const promoted = results.map((r) => r.promoted?.id);
  assert.ok(promoted.every(Boolean), 'every freed seat went to someone');
  assert.is(new Set(promoted).size, 50, 'no one promoted twice');
  assert.equal(await states(cls.id), { withdrawn: 50, approved: 50, waitlisted: 10 });
  assert.is(await seatsTaken(cls.id), 50);
  const order = await orm.em
    .fork()
    .execute<{ entity_id: string }[]>(
      `SELECT entity_id FROM audit_log WHERE action = 'enrolment.promote' AND entity_id = ANY(?::uuid[]) ORDER BY id`,
      [`{${waiting.join(',')}}`],
    );
  assert.equal(
    order.map((r) => r.entity_id),
    waiting.slice(0, 50),
    'promoted first requested first',
  );
});

it('withdrawals racing new requests never leave a seat empty beside a waitlist, nor overfill', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, capacity: 20 });
  const seated = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 20), 'approved');
  const newcomers = await fixturePeople(wide.orm, 40);
  await Promise.all([
    ...seated.slice(0, 15).map((id) => concurrent.withdraw(staff, id)),
    ...newcomers.map((personId) => concurrent.request(staff, { classId: cls.id, personId }, { autoAdmit: true })),
  ]);
  const counts = await states(cls.id);
  assert.is(counts.approved, 20, JSON.stringify(counts));
  assert.is(counts.waitlisted, 25);
  assert.is(await seatsTaken(cls.id), 20);
});

/**
 * Runs `decide` while a withdrawal, done by hand and held open, frees the only seat of `classId`
 * and gives it back (no one was waiting); commits the withdrawal once `decide` waits on the class
 * row, and returns what `decide` returned.
 */
async function whileSeatIsFreed<T>(classId: string, seatedId: string, decide: () => Promise<T>): Promise<T> {
  const withdrawal = new pg.Client({ connectionString: polcenter.url });
  await withdrawal.connect();
  try {
    await withdrawal.query('BEGIN');
    await withdrawal.query(`UPDATE enrolment SET state = 'withdrawn' WHERE id = $1`, [seatedId]);
    await withdrawal.query('SELECT 1 FROM training_class WHERE id = $1 FOR NO KEY UPDATE', [classId]);
    await withdrawal.query('UPDATE training_class SET seats_taken = seats_taken - 1 WHERE id = $1', [classId]);
    // The decision still sees the class full, so it waits for the class row before deciding.
    const decision = decide();
    for (let waited = 0; ; waited += 10) {
      const { rows } = await withdrawal.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      );
      if (rows[0].n > 0) break;
      if (waited > 5_000) throw new Error('the decision never waited for the class row');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await withdrawal.query('COMMIT');
    return await decision;
  } finally {
    await withdrawal.end();
  }
}

it('a seat freed while a request waits for the full class goes to that request', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, capacity: 1 });
  const [seated] = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 1), 'approved');
  const newcomer = await fixturePerson(wide.orm, { fullName: 'Lý Văn Sáng' });
  const enrolled = await whileSeatIsFreed(cls.id, seated as string, () =>
    concurrent.request(staff, { classId: cls.id, personId: newcomer }, { autoAdmit: true }),
  );
  assert.is(enrolled.state, 'approved', 'the freed seat is taken, not left beside a waitlisted request');
  assert.is(await seatsTaken(cls.id), 1);
  assert.equal(await states(cls.id), { withdrawn: 1, approved: 1 });
  assert.is(await auditCount(enrolled.id), 1, 'the first try rolled back with its audit row');
});

it('a seat freed while an approval waits for the full class goes to that approval', async () => {
  const cls = await fixtureClass(wide.orm, { programId: ntd.id, unitId: unit, capacity: 1 });
  const [seated] = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 1), 'approved');
  const [asking] = await fixtureEnrolments(wide.orm, cls.id, await fixturePeople(wide.orm, 1), 'requested');
  const approved = await whileSeatIsFreed(cls.id, seated as string, () => concurrent.approve(staff, asking as string));
  assert.is(approved.state, 'approved', 'the freed seat is taken, not left beside a waitlisted enrolment');
  assert.is(await seatsTaken(cls.id), 1);
  assert.equal(await states(cls.id), { withdrawn: 1, approved: 1 });
});

test.run();
