import type { DomainError } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  polcenter.orm.em.getConnection().execute<T[]>(query, params);
const one = async (query: string, params: unknown[] = []) =>
  ((await sql<{ id: string }>(query, params))[0] as { id: string }).id;
const staff = { id: null, label: 'Trung tâm (test)' };

const district = await unitIdByCode(polcenter.orm, '064');
const program = await one(
  `INSERT INTO program (id, code, kind, name_vi, name_en, rules) VALUES (gen_random_uuid(), 'T-ASSIGN', 'update', 'Cập nhật', 'Update', '{}') RETURNING id`,
);
async function klass(code: string): Promise<string> {
  return one(
    `INSERT INTO training_class (id, code, program_id, organiser_unit_id, mode, start_date, end_date, capacity)
     VALUES (gen_random_uuid(), ?, ?, ?, 'in_person', '2022-03-01', '2022-03-31', 80) RETURNING id`,
    [code, program, district],
  );
}
async function session(classId: string, date: string, start: string, end: string, title: string): Promise<string> {
  return one(
    `INSERT INTO class_session (id, class_id, date, start_time, end_time, periods, title)
     VALUES (gen_random_uuid(), ?, ?, ?, ?, 4, ?) RETURNING id`,
    [classId, date, start, end, title],
  );
}
const lecturer = await one(
  "INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), 'Lục Văn Thành', 'Thành', 'luc van thanh') RETURNING id",
);
const a = await klass('TST-A/2022');
const b = await klass('TST-B/2022');
const aMorning = await session(a, '2022-03-14', '07:30', '11:30', 'Chuyên đề 1');
const aAfternoon = await session(a, '2022-03-14', '13:30', '17:00', 'Chuyên đề 2');
const bMorning = await session(b, '2022-03-14', '08:00', '10:00', 'Chuyên đề 3');
const bLate = await session(b, '2022-03-14', '11:30', '12:30', 'Trao đổi');

test('morning and afternoon of one day do not clash; a touching end does not clash', async () => {
  await polcenter.assignments.assign(staff, { sessionId: aMorning, personId: lecturer });
  await polcenter.assignments.assign(staff, { sessionId: aAfternoon, personId: lecturer });
  await polcenter.assignments.assign(staff, { sessionId: bLate, personId: lecturer, role: 'rapporteur' });
  const [row] = await sql<{ lecturer_id: string }>('SELECT lecturer_id FROM class_session WHERE id = ?', [aMorning]);
  assert.is(row?.lecturer_id, lecturer);
});

test('a double booking is refused, naming the clashing session; nothing is written', async () => {
  const before = (await sql('SELECT 1 FROM audit_log')).length;
  const error = await expectDomainError(
    polcenter.assignments.assign(staff, { sessionId: bMorning, personId: lecturer }),
  );
  assert.is(error.code, 'ASSIGNMENT.DOUBLE_BOOKED');
  assert.is(error.details.sessionId, aMorning);
  assert.is(error.details.classCode, 'TST-A/2022');
  assert.match(error.text.vi, 'Lục Văn Thành đã được phân công buổi 14/03/2022 07:30–11:30 của lớp TST-A/2022');
  assert.is((await sql('SELECT 1 FROM audit_log')).length, before);
  assert.equal(await polcenter.assignments.ofSession(bMorning), []);
});

test('an explicit override is allowed and audited', async () => {
  const made = await polcenter.assignments.assign(staff, {
    sessionId: bMorning,
    personId: lecturer,
    override: { reason: 'Dạy ghép hai lớp tại cùng hội trường' },
  });
  assert.is(made.overrideReason, 'Dạy ghép hai lớp tại cùng hội trường');
  const [log] = await sql<{ action: string; after: { clashesWith: { sessionId: string } } }>(
    "SELECT action, after FROM audit_log WHERE entity = 'teaching_assignment' AND entity_id = ?",
    [made.id],
  );
  assert.is(log?.action, 'assignment.override');
  assert.is(log?.after.clashesWith.sessionId, aMorning);
});

test('bad input and unknown sessions are typed errors', async () => {
  assert.is(
    (await expectDomainError(polcenter.assignments.assign(SYSTEM_ACTOR, { sessionId: 'x', personId: lecturer }))).code,
    'INPUT.INVALID',
  );
  assert.is(
    (
      await expectDomainError(
        polcenter.assignments.assign(SYSTEM_ACTOR, {
          sessionId: '00000000-0000-4000-8000-000000000000',
          personId: lecturer,
        }),
      )
    ).code,
    'ASSIGNMENT.SESSION_NOT_FOUND',
  );
});

test('two staff assigning one lecturer to clashing sessions at once: exactly one wins', async () => {
  for (let round = 0; round < 5; round++) {
    const person = await one(
      `INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), ?, 'Hùng', 'x') RETURNING id`,
      [`Bàn Văn Hùng ${round}`],
    );
    const date = `2022-03-${String(20 + round).padStart(2, '0')}`;
    const first = await session(a, date, '07:30', '11:30', 'A');
    const second = await session(b, date, '09:00', '11:00', 'B');
    const results = await Promise.allSettled([
      polcenter.assignments.assign({ id: null, label: 'staff 1' }, { sessionId: first, personId: person }),
      polcenter.assignments.assign({ id: null, label: 'staff 2' }, { sessionId: second, personId: person }),
    ]);
    assert.is(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.is((lost.reason as DomainError).code, 'ASSIGNMENT.DOUBLE_BOOKED');
    const [count] = await sql<{ n: string }>('SELECT count(*) AS n FROM teaching_assignment WHERE person_id = ?', [
      person,
    ]);
    assert.is(Number(count?.n), 1);
  }
});

test('a timetable typed with its lecturer cannot double-book them either, even two clerks at once', async () => {
  const cnkt = await polcenter.programs.getByCode('CNKT');
  const teacher = await one(
    "INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), 'Hà Thị Vân', 'Vân', 'ha thi van') RETURNING id",
  );
  const withLecturer = (code: string, part: 'morning' | 'afternoon') => ({
    code,
    programId: cnkt.id,
    organiserUnitId: district,
    mode: 'in_person' as const,
    venue: 'Hội trường',
    capacity: 30,
    startDate: '2031-04-07',
    endDate: '2031-04-07',
    sessions: [{ date: '2031-04-07', part, periods: 4, lecturerId: teacher }],
  });
  await polcenter.classes.create(staff, withLecturer('CNKT-81/2031', 'morning'));
  const clash = await expectDomainError(polcenter.classes.create(staff, withLecturer('CNKT-82/2031', 'morning')));
  assert.is(clash.code, 'ASSIGNMENT.DOUBLE_BOOKED');
  await polcenter.classes.create(staff, withLecturer('CNKT-83/2031', 'afternoon'));
  const [first, second] = await Promise.allSettled([
    polcenter.classes.create(staff, {
      ...withLecturer('CNKT-84/2031', 'morning'),
      startDate: '2031-04-08',
      endDate: '2031-04-08',
      sessions: [{ date: '2031-04-08', part: 'morning', periods: 4, lecturerId: teacher }],
    }),
    polcenter.classes.create(staff, {
      ...withLecturer('CNKT-85/2031', 'morning'),
      startDate: '2031-04-08',
      endDate: '2031-04-08',
      sessions: [{ date: '2031-04-08', part: 'morning', periods: 4, lecturerId: teacher }],
    }),
  ]);
  assert.equal([first.status, second.status].sort(), ['fulfilled', 'rejected']);
});

test.run();
