import { randomUUID } from 'node:crypto';
import type { WorkKind } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, fixtureUnit } from '../testing/fixtures.js';
import { createTestPolCenter, readableTest as it } from '../testing/index.js';
import type { WorkList } from './work.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const orm = polcenter.orm;
const sql = (text: string, params: unknown[] = []) => orm.em.fork().execute(text, params);
const work = polcenter.work;

const TODAY = '2026-03-10';

// A district center with a commune below it, and another district whose work is its own.
const district = await fixtureUnit(orm, 'Trung tâm Chính trị huyện Chợ Đồn');
const commune = await fixtureUnit(orm, 'Xã Bằng Lũng');
await sql('UPDATE unit SET parent_id = ? WHERE id = ?', [district, commune]);
const elsewhere = await fixtureUnit(orm, 'Trung tâm Chính trị huyện Ba Bể');
const nobody = await fixtureUnit(orm, 'Xã Nam Mẫu');
const ntd = await fixtureProgram(orm, 'NTĐ'); // ends with a certificate
const cnkt = await fixtureProgram(orm, 'CNKT'); // no certificate

const inCommune = (n: number) => fixturePeople(orm, n, { unitId: commune });

// Enrolment closes in three days; two people of the commune wait for a decision, one is waitlisted.
const closing = await fixtureClass(orm, { programId: ntd.id, unitId: district, capacity: 40, closesOn: '2026-03-13' });
await fixtureEnrolments(orm, closing.id, await fixturePeople(orm, 5), 'approved');
await fixtureEnrolments(orm, closing.id, await inCommune(2), 'requested');
await fixtureEnrolments(orm, closing.id, await inCommune(1), 'waitlisted');
// Windows that are not worth a reminder today: closed yesterday, closing in eight days, a draft.
await fixtureClass(orm, { programId: ntd.id, unitId: district, closesOn: '2026-03-09' });
await fixtureClass(orm, { programId: ntd.id, unitId: district, closesOn: '2026-03-18' });
await fixtureClass(orm, { programId: ntd.id, unitId: district, closesOn: '2026-03-12', status: 'draft' });

// The commune's class is running: today's session has one of three trainees marked.
const running = await fixtureClass(orm, {
  programId: cnkt.id,
  unitId: commune,
  status: 'running',
  sessions: [
    { date: '2026-03-09', start: '07:30', end: '11:30' },
    { date: TODAY, start: '13:30', end: '17:00' },
  ],
});
const seated = await fixtureEnrolments(orm, running.id, await inCommune(3), 'attending');
await sql(`INSERT INTO attendance (enrolment_id, session_id, mark) VALUES (?, ?, 'present')`, [
  seated[0],
  running.sessionIds[1],
]);
// Yesterday's session has nobody marked: not today's work.

// Finished: two trainees without a result, two passed, one of them already certified.
const finished = await fixtureClass(orm, {
  programId: ntd.id,
  unitId: district,
  status: 'finished',
  sessions: [{ date: '2026-03-02', start: '07:30', end: '11:30' }],
});
await fixtureEnrolments(orm, finished.id, await fixturePeople(orm, 2), 'attending');
const passed = await fixtureEnrolments(orm, finished.id, await fixturePeople(orm, 2), 'passed');
await fixtureEnrolments(orm, finished.id, await fixturePeople(orm, 1), 'failed');
const certify = (enrolmentId: string, number: number, revoked = false) =>
  sql(
    `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code,
                              issued_on, revoked_at, revoke_reason)
     VALUES (?, ?, ?, 2026, ?, ?, ?, '2026-03-03', ?, ?)`,
    [
      randomUUID(),
      enrolmentId,
      district,
      number,
      `${number}/GCN`,
      randomUUID().slice(0, 12),
      revoked ? new Date() : null,
      revoked ? 'Cấp nhầm' : null,
    ],
  );
await certify(passed[0] as string, 1);
// A revoked certificate is none: the other passed trainee still needs one.
await certify(passed[1] as string, 2, true);

// The other district's class: open, closing tomorrow, a request waiting.
const theirs = await fixtureClass(orm, { programId: ntd.id, unitId: elsewhere, closesOn: '2026-03-11' });
await fixtureEnrolments(orm, theirs.id, await fixturePeople(orm, 1, { unitId: elsewhere }), 'requested');

const kind = (list: WorkList, k: WorkKind) => {
  const found = list.kinds.find((x) => x.kind === k);
  if (!found) throw new Error(`no ${k} in the list`);
  return found;
};
const codes = (list: WorkList, k: WorkKind) => kind(list, k).items.map((i) => i.class.code);

it("the district's center staff: one item of each kind, with its class, date and count", async () => {
  const list = await work.todo({ runs: [district], sends: [] }, { today: TODAY });
  assert.is(list.today, TODAY);
  assert.equal(
    list.kinds.map((k) => [k.kind, k.total]),
    [
      ['enrolment_closing', 1],
      ['requests_waiting', 1],
      ['attendance_missing', 1],
      ['results_missing', 1],
      ['certificates_to_issue', 1],
    ],
  );
  const [closes] = kind(list, 'enrolment_closing').items;
  assert.equal(
    { code: closes?.class.code, date: closes?.date, seatsLeft: closes?.count, program: closes?.class.program.vi },
    { code: closing.code, date: '2026-03-13', seatsLeft: 35, program: 'Bồi dưỡng nhận thức về Đảng' },
  );
  const [waiting] = kind(list, 'requests_waiting').items;
  assert.equal({ id: waiting?.class.id, count: waiting?.count }, { id: closing.id, count: 2 });
  assert.is(waiting?.date, '2026-02-01', 'the oldest request, as a date in Vietnam');
  const [attendance] = kind(list, 'attendance_missing').items;
  assert.equal(
    { id: attendance?.class.id, session: attendance?.sessionId, date: attendance?.date, at: attendance?.startTime },
    { id: running.id, session: running.sessionIds[1], date: TODAY, at: '13:30' },
  );
  assert.is(attendance?.count, 2, 'two of three trainees not marked');
  const [results] = kind(list, 'results_missing').items;
  assert.equal(
    { id: results?.class.id, count: results?.count, date: results?.date },
    {
      id: finished.id,
      count: 2,
      date: '2026-03-02',
    },
  );
  const [certificates] = kind(list, 'certificates_to_issue').items;
  assert.equal({ id: certificates?.class.id, count: certificates?.count }, { id: finished.id, count: 1 });
});

it('a unit outside the scope sees nothing; the other district sees only its own', async () => {
  const none = await work.todo({ runs: [nobody], sends: [nobody] }, { today: TODAY });
  assert.equal(
    none.kinds.map((k) => [k.total, k.items.length]),
    [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
  );
  const other = await work.todo({ runs: [elsewhere], sends: [] }, { today: TODAY });
  assert.equal(codes(other, 'enrolment_closing'), [theirs.code]);
  assert.equal(codes(other, 'requests_waiting'), [theirs.code]);
  assert.is(kind(other, 'attendance_missing').total, 0);
  assert.is(kind(other, 'results_missing').total, 0);
  assert.is(kind(other, 'certificates_to_issue').total, 0);
  // The commune's own staff run the commune's class only.
  const communeStaff = await work.todo({ runs: [commune], sends: [] }, { today: TODAY });
  assert.equal(
    communeStaff.kinds.filter((k) => k.total > 0).map((k) => k.kind),
    ['attendance_missing'],
  );
});

it("a coordinator: their people's waiting requests and the windows closing above them, nothing else", async () => {
  const list = await work.todo({ runs: [], sends: [commune] }, { today: TODAY });
  assert.equal(codes(list, 'enrolment_closing'), [closing.code], 'the district above the commune');
  assert.equal(
    kind(list, 'requests_waiting').items.map((i) => [i.class.code, i.count]),
    [[closing.code, 2]],
  );
  assert.is(kind(list, 'attendance_missing').total, 0);
  assert.is(kind(list, 'results_missing').total, 0);
  assert.is(kind(list, 'certificates_to_issue').total, 0);
  // Another district's coordinator sees none of these people.
  const stranger = await work.todo({ runs: [], sends: [elsewhere] }, { today: TODAY });
  assert.equal(codes(stranger, 'requests_waiting'), [theirs.code]);
  assert.equal(codes(stranger, 'enrolment_closing'), [theirs.code]);
});

it('an administrator sees every unit; the limit cuts each kind and keeps its total', async () => {
  const all = await work.todo({ runs: 'all', sends: [] }, { today: TODAY });
  assert.equal(codes(all, 'enrolment_closing'), [theirs.code, closing.code], 'soonest first');
  assert.is(kind(all, 'requests_waiting').total, 2);
  const first = await work.todo({ runs: 'all', sends: [] }, { today: TODAY, limit: 1 });
  assert.equal(codes(first, 'enrolment_closing'), [theirs.code]);
  assert.is(kind(first, 'enrolment_closing').total, 2, 'so the page can say "and 1 more"');
});

it('the list follows the date given: another day, other work', async () => {
  const nextDay = await work.todo({ runs: [district], sends: [] }, { today: '2026-03-11' });
  assert.is(kind(nextDay, 'attendance_missing').total, 0, 'no session on the 11th');
  const later = await work.todo({ runs: [district], sends: [] }, { today: '2026-03-19' });
  assert.is(kind(later, 'enrolment_closing').total, 0, 'every window has closed');
  const early = await work.todo({ runs: [district], sends: [] }, { today: '2026-03-06' });
  assert.equal(
    kind(early, 'enrolment_closing').items.map((i) => i.date),
    ['2026-03-09', '2026-03-13'],
    'closing that day or in the seven after it, soonest first',
  );
});

it("certificates follow the class's own rules: a program that stops certifying later leaves its finished class's due", async () => {
  await sql(`UPDATE program SET rules = jsonb_set(rules, '{certificateKind}', 'null') WHERE id = ?`, [ntd.id]);
  const list = await work.todo({ runs: [district], sends: [] }, { today: TODAY });
  assert.equal(codes(list, 'certificates_to_issue'), [finished.code]);
  // A class of a program without a certificate never has one due.
  await sql(`UPDATE training_class SET rules = jsonb_set(rules, '{certificateKind}', 'null') WHERE id = ?`, [
    finished.id,
  ]);
  const none = await work.todo({ runs: [district], sends: [] }, { today: TODAY });
  assert.is(kind(none, 'certificates_to_issue').total, 0);
});

it('no roles that reach a unit: an empty list without asking the database', async () => {
  const list = await work.todo({ runs: [], sends: [] }, { today: TODAY });
  assert.ok(list.kinds.every((k) => k.total === 0 && k.items.length === 0));
});

test.run();
