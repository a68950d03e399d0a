import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
const sql = <T>(query: string, params: unknown[] = []) => polcenter.orm.em.fork().execute<T[]>(query, params);
const district = await unitIdByCode(polcenter.orm, '064');
const ntd = await polcenter.programs.getByCode('NTĐ');
let sequence = 70; // above the demo data's class numbers
const person = async (fullName: string) =>
  (
    await polcenter.people.create(staff, {
      fullName,
      birthDate: '1975-04-04',
      gender: 'male',
      ethnicity: 'tay',
      unitId: district,
    })
  ).id;

/** A class of 14–18 March with a morning and an afternoon on the 14th. */
async function newClass() {
  const cls = await polcenter.classes.create(staff, {
    code: `NTĐ-${String(++sequence).padStart(2, '0')}/2022`,
    programId: ntd.id,
    organiserUnitId: district,
    mode: 'hybrid',
    venue: 'Hội trường',
    capacity: 40,
    startDate: '2022-03-14',
    endDate: '2022-03-18',
    sites: [{ name: 'Điểm cầu xã Phương Viên' }],
    sessions: [
      { date: '2022-03-14', part: 'morning', topicNumber: 1, periods: 4 },
      { date: '2022-03-14', part: 'afternoon', topicNumber: 2, periods: 4 },
    ],
  });
  const [morning, afternoon] = (await polcenter.timetable.view(cls.id)).sessions;
  if (!morning || !afternoon) throw new Error('the class was made with two sessions');
  return { id: cls.id, morning, afternoon };
}

test('view: sessions by date and time, with the topic titles of the program and who teaches', async () => {
  const cls = await newClass();
  const view = await polcenter.timetable.view(cls.id);
  assert.equal(
    view.sessions.map((s) => [s.date, s.startTime, s.endTime, s.topicNumber, s.version, s.attendanceCount]),
    [
      ['2022-03-14', '07:30', '11:30', 1, 1, 0],
      ['2022-03-14', '13:30', '17:00', 2, 1, 0],
    ],
  );
  const topic = view.topics.find((t) => t.number === 1);
  assert.ok(topic);
  assert.equal(view.sessions[0]?.topicTitle, topic?.title);
  assert.equal(
    view.sites.map((s) => s.name),
    ['Điểm cầu xã Phương Viên'],
  );
  assert.not.ok(view.frozen);
});

test('updateSession: moves a session, bumps its version, audits before and after', async () => {
  const cls = await newClass();
  const view = await polcenter.timetable.updateSession(staff, {
    sessionId: cls.morning.id,
    version: 1,
    session: {
      date: '2022-03-15',
      startTime: '08:00',
      endTime: '10:00',
      topicNumber: 3,
      periods: 2,
      site: 'Điểm cầu xã Phương Viên',
    },
  });
  const moved = view.sessions.find((s) => s.id === cls.morning.id);
  assert.equal(
    [moved?.date, moved?.startTime, moved?.endTime, moved?.part, moved?.topicNumber, moved?.periods, moved?.siteName],
    ['2022-03-15', '08:00', '10:00', null, 3, 2, 'Điểm cầu xã Phương Viên'],
  );
  assert.is(moved?.version, 2);
  const [entry] = await sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
    "SELECT before, after FROM audit_log WHERE action = 'class.update_session' AND entity_id = ?",
    [cls.id],
  );
  assert.equal([entry?.before.date, entry?.before.startTime, entry?.before.topicNumber], ['2022-03-14', '07:30', 1]);
  assert.equal([entry?.after.date, entry?.after.startTime, entry?.after.topicNumber], ['2022-03-15', '08:00', 3]);
});

test('updateSession: a stale version, a clash within the class and a date outside it are refused, nothing written', async () => {
  const cls = await newClass();
  await polcenter.timetable.updateSession(staff, {
    sessionId: cls.morning.id,
    version: 1,
    session: { date: '2022-03-14', part: 'morning', topicNumber: 1, periods: 5 },
  });
  const stale = await expectDomainError(
    polcenter.timetable.updateSession(staff, {
      sessionId: cls.morning.id,
      version: 1,
      session: { date: '2022-03-14', part: 'morning', periods: 3 },
    }),
  );
  assert.is(stale.code, 'TIMETABLE.SESSION_STALE');
  assert.is(stale.fields[0]?.field, 'version');
  const clash = await expectDomainError(
    polcenter.timetable.updateSession(staff, {
      sessionId: cls.morning.id,
      version: 2,
      session: { date: '2022-03-14', startTime: '11:00', endTime: '14:00', periods: 3 },
    }),
  );
  assert.is(clash.code, 'TIMETABLE.CLASH');
  const outside = await expectDomainError(
    polcenter.timetable.updateSession(staff, {
      sessionId: cls.morning.id,
      version: 2,
      session: { date: '2022-03-25', part: 'morning', periods: 3 },
    }),
  );
  assert.is(outside.fields[0]?.field, 'session.date');
  assert.match(outside.fields[0]?.message.vi ?? '', 'ngoài thời gian của lớp');
  const noTopic = await expectDomainError(
    polcenter.timetable.updateSession(staff, {
      sessionId: cls.morning.id,
      version: 2,
      session: { date: '2022-03-14', part: 'morning', periods: 3, topicNumber: 99 },
    }),
  );
  assert.is(noTopic.fields[0]?.field, 'session.topicNumber');
  const after = (await polcenter.timetable.view(cls.id)).sessions[0];
  assert.equal([after?.periods, after?.version], [5, 2]);
});

test("updateSession: moving a session onto its lecturer's other class is refused unless overridden with a reason, which is kept", async () => {
  const lecturer = await person('Ma Văn Kháng');
  const a = await newClass();
  const b = await newClass();
  await polcenter.assignments.assign(staff, { sessionId: a.morning.id, personId: lecturer });
  await polcenter.assignments.assign(staff, { sessionId: b.afternoon.id, personId: lecturer });
  // B's afternoon moves to the morning, which B itself no longer uses.
  await polcenter.timetable.removeSession(staff, { sessionId: b.morning.id, version: 1 });
  const moveToMorning = { date: '2022-03-14', startTime: '09:00', endTime: '11:00', periods: 2 };
  const refused = await expectDomainError(
    polcenter.timetable.updateSession(staff, { sessionId: b.afternoon.id, version: 1, session: moveToMorning }),
  );
  assert.is(refused.code, 'ASSIGNMENT.DOUBLE_BOOKED');
  assert.is(refused.details.sessionId, a.morning.id);
  assert.match(refused.text.vi, 'Ma Văn Kháng đã được phân công buổi');
  assert.is((await polcenter.timetable.view(b.id)).sessions[0]?.startTime, '13:30');

  const reason = 'Lớp A học trực tuyến, giảng viên dạy hai nơi';
  const view = await polcenter.timetable.updateSession(staff, {
    sessionId: b.afternoon.id,
    version: 1,
    session: moveToMorning,
    override: { reason },
  });
  const moved = view.sessions.find((s) => s.id === b.afternoon.id);
  assert.equal(
    moved?.teachers.map((t) => [t.fullName, t.overrideReason]),
    [['Ma Văn Kháng', reason]],
  );
  const [entry] = await sql<{ after: { override: { reason: string; clashes: { personId: string }[] } } }>(
    "SELECT after FROM audit_log WHERE action = 'class.update_session' AND entity_id = ?",
    [b.id],
  );
  assert.is(entry?.after.override.reason, reason);
  assert.is(entry?.after.override.clashes[0]?.personId, lecturer);

  // A later edit that leaves the time alone is not asked for the reason again.
  const retitled = await polcenter.timetable.updateSession(staff, {
    sessionId: b.afternoon.id,
    version: 2,
    session: { ...moveToMorning, title: 'Trao đổi, thảo luận' },
  });
  assert.is(retitled.sessions.find((s) => s.id === b.afternoon.id)?.title, 'Trao đổi, thảo luận');
});

test('removeSession: removes it with its assignments, audited with what it was', async () => {
  const lecturer = await person('Hà Thị Nguyệt');
  const cls = await newClass();
  await polcenter.assignments.assign(staff, { sessionId: cls.afternoon.id, personId: lecturer });
  const view = await polcenter.timetable.removeSession(staff, { sessionId: cls.afternoon.id, version: 1 });
  assert.equal(
    view.sessions.map((s) => s.id),
    [cls.morning.id],
  );
  assert.is(await countRows(polcenter.orm, 'teaching_assignment', 'session_id = ?', [cls.afternoon.id]), 0);
  const [entry] = await sql<{ before: { date: string; startTime: string; assignments: { personId: string }[] } }>(
    "SELECT before FROM audit_log WHERE action = 'class.remove_session' AND entity_id = ?",
    [cls.id],
  );
  assert.equal([entry?.before.date, entry?.before.startTime], ['2022-03-14', '13:30']);
  assert.is(entry?.before.assignments[0]?.personId, lecturer);
  const gone = await expectDomainError(
    polcenter.timetable.removeSession(staff, { sessionId: cls.afternoon.id, version: 1 }),
  );
  assert.is(gone.code, 'TIMETABLE.SESSION_NOT_FOUND');
});

test('removeSession: a session with attendance is refused with the reason in Vietnamese and English; a stale one too', async () => {
  const cls = await newClass();
  await polcenter.classes.transition(staff, cls.id, 'open');
  const trainee = await person('Triệu Văn Hải');
  const enrolment = await polcenter.enrolment.request(staff, { classId: cls.id, personId: trainee });
  await polcenter.enrolment.approve(staff, enrolment.id);
  await polcenter.classes.transition(staff, cls.id, 'running');
  await polcenter.attendance.recordSheet(staff, {
    sessionId: cls.morning.id,
    marks: [{ enrolmentId: enrolment.id, mark: 'present' }],
  });
  const refused = await expectDomainError(
    polcenter.timetable.removeSession(staff, { sessionId: cls.morning.id, version: 1 }),
  );
  assert.is(refused.code, 'TIMETABLE.SESSION_HAS_ATTENDANCE');
  assert.is(
    refused.text.vi,
    'Buổi 14/03/2022 07:30–11:30 đã được điểm danh (1 học viên); không thể xoá buổi đã điểm danh.',
  );
  assert.match(refused.text.en, 'a session with attendance cannot be removed');
  assert.is((await polcenter.timetable.view(cls.id)).sessions.length, 2);
  const stale = await expectDomainError(
    polcenter.timetable.removeSession(staff, { sessionId: cls.afternoon.id, version: 7 }),
  );
  assert.is(stale.code, 'TIMETABLE.SESSION_STALE');
});

test("a finished class's timetable is frozen: no edit, no removal", async () => {
  const cls = await newClass();
  await polcenter.orm.em.fork().execute("UPDATE training_class SET status = 'finished' WHERE id = ?", [cls.id]);
  assert.ok((await polcenter.timetable.view(cls.id)).frozen);
  const edit = await expectDomainError(
    polcenter.timetable.updateSession(staff, {
      sessionId: cls.morning.id,
      version: 1,
      session: { date: '2022-03-14', part: 'morning', periods: 3 },
    }),
  );
  assert.is(edit.code, 'CLASS.NOT_EDITABLE');
  const removal = await expectDomainError(
    polcenter.timetable.removeSession(staff, { sessionId: cls.morning.id, version: 1 }),
  );
  assert.is(removal.code, 'CLASS.NOT_EDITABLE');
  assert.is((await polcenter.timetable.view(cls.id)).sessions.length, 2);
});

test.run();
