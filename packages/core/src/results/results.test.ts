import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AuditTrailService } from '../audit/audit-trail.js';
import { CertificateService } from '../certificates/certificates.js';
import { createPolCenter } from '../polcenter.js';
import {
  fixtureClass,
  fixtureEnrolments,
  fixturePeople,
  fixtureProgram,
  fixtureUnit,
  setClassStatus,
} from '../testing/fixtures.js';
import { countRows, createTestPolCenter, expectDomainError, readableTest as it } from '../testing/index.js';
import { AttendanceService } from './attendance.js';
import { ResultService } from './results.js';

const polcenter = await createTestPolCenter();
const wide = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 110 });
test.after(async () => {
  await wide.close();
  await polcenter.close();
});

const orm = polcenter.orm;
const attendance = new AttendanceService(orm);
const results = new ResultService(orm);
const certificates = new CertificateService(orm, { today: () => '2026-03-20' });
const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };

const state = async (id: string) =>
  ((await orm.em.fork().execute('SELECT state FROM enrolment WHERE id = ?', [id]))[0] as { state: string }).state;

const center = await fixtureUnit(orm, 'Trung tâm Chính trị huyện Chợ Đồn');
const ntd = await fixtureProgram(orm, 'NTĐ'); // a paper, pass at 5, 20 % absence allowed
const cnkt = await fixtureProgram(orm, 'CNKT'); // attendance only, no certificate
const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
const cls = await fixtureClass(orm, {
  programId: ntd.id,
  unitId: center,
  status: 'running',
  sessions: days.map((date) => ({ date, start: '07:30', end: '11:30', periods: 4 })),
});
const names = ['Lý Văn An', 'Triệu Thị Bình', 'Hoàng Văn Cường', 'Bàn Thị Dung', 'Nông Văn Em'];
const people = [];
for (const fullName of names) people.push(...(await fixturePeople(orm, 1, { fullName })));
const [an, binh, cuong, dung, em] = (await fixtureEnrolments(orm, cls.id, people, 'approved')) as string[] as [
  string,
  string,
  string,
  string,
  string,
];
const [waiting] = (await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 1), 'waitlisted')) as [string];
const other = await fixtureClass(orm, { programId: ntd.id, unitId: center, status: 'running' });
const [stranger] = (await fixtureEnrolments(orm, other.id, await fixturePeople(orm, 1), 'approved')) as [string];
const sessions = cls.sessionIds as [string, string, string, string, string];

it('a whole sheet in one call: marks recorded, approved trainees now attending, one audit row', async () => {
  const sheet = await attendance.recordSheet(staff, {
    sessionId: sessions[0],
    marks: [an, binh, cuong, dung, em].map((enrolmentId) => ({ enrolmentId, mark: 'present' as const })),
  });
  assert.is(sheet.lines.length, 5, 'the waitlisted trainee is not on the sheet');
  assert.ok(sheet.lines.every((l) => l.mark === 'present' && l.state === 'attending'));
  assert.equal(
    sheet.lines.map((l) => l.personName),
    ['Lý Văn An', 'Triệu Thị Bình', 'Hoàng Văn Cường', 'Bàn Thị Dung', 'Nông Văn Em'],
    'Vietnamese order: by given name',
  );
  assert.is(await countRows(orm, 'audit_log', "action = 'attendance.record' AND entity_id = ?", [sessions[0]]), 1);
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.attend'"), 5);
});

it('one mark; a correction replaces it and is audited with before and after', async () => {
  await attendance.recordMark(staff, { sessionId: sessions[1], enrolmentId: an, mark: 'absent' });
  const line = await attendance.recordMark(staff, {
    sessionId: sessions[1],
    enrolmentId: an,
    mark: 'excused',
    note: 'Ốm, có giấy',
  });
  assert.is(line.mark, 'excused');
  assert.is(line.note, 'Ốm, có giấy');
  const [last] = await orm.em
    .fork()
    .execute<{ before: Record<string, unknown>; after: Record<string, unknown> }[]>(
      "SELECT before, after FROM audit_log WHERE action = 'attendance.record' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [sessions[1]],
    );
  assert.equal(last?.before, { [an]: { mark: 'absent', note: null } });
  assert.equal(last?.after, { [an]: { mark: 'excused', note: 'Ốm, có giấy' } });
  const unchanged = await countRows(orm, 'audit_log');
  await attendance.recordMark(staff, { sessionId: sessions[1], enrolmentId: an, mark: 'excused', note: 'Ốm, có giấy' });
  assert.is(await countRows(orm, 'audit_log'), unchanged, 'the same mark again changes nothing');
});

it('attendance refuses strangers, the waitlisted, unknown sessions and classes not running', async () => {
  const before = [await countRows(orm, 'attendance'), await countRows(orm, 'audit_log')];
  const wrongClass = await expectDomainError(
    attendance.recordSheet(staff, {
      sessionId: sessions[2],
      marks: [
        { enrolmentId: an, mark: 'present' },
        { enrolmentId: stranger, mark: 'present' },
      ],
    }),
  );
  assert.is(wrongClass.code, 'INPUT.INVALID');
  assert.equal(
    wrongClass.fields.map((f) => f.field),
    ['marks.1.enrolmentId'],
  );
  const notSeated = await expectDomainError(
    attendance.recordMark(staff, { sessionId: sessions[2], enrolmentId: waiting, mark: 'present' }),
  );
  assert.is(notSeated.code, 'ENROLMENT.NOT_SEATED');
  const noSession = await expectDomainError(
    attendance.recordMark(staff, { sessionId: an, enrolmentId: an, mark: 'present' }),
  );
  assert.is(noSession.code, 'ATTENDANCE.SESSION_NOT_FOUND');
  const badMark = await expectDomainError(
    attendance.recordMark(staff, { sessionId: sessions[2], enrolmentId: an, mark: 'late' as never }),
  );
  assert.equal(
    badMark.fields.map((f) => f.field),
    ['mark'],
  );
  const twice = await expectDomainError(
    attendance.recordSheet(staff, {
      sessionId: sessions[2],
      marks: [
        { enrolmentId: an, mark: 'present' },
        { enrolmentId: an, mark: 'absent' },
      ],
    }),
  );
  assert.equal(
    twice.fields.map((f) => f.field),
    ['marks.1.enrolmentId'],
  );
  const open = await fixtureClass(orm, { programId: ntd.id, unitId: center });
  const notRunning = await expectDomainError(
    attendance.recordMark(staff, { sessionId: open.sessionIds[0] as string, enrolmentId: an, mark: 'present' }),
  );
  assert.is(notRunning.code, 'ENROLMENT.CLASS_NOT_RUNNING');
  assert.equal([await countRows(orm, 'attendance'), await countRows(orm, 'audit_log')], before);
});

it('scores: one decimal on the 10-point scale, a comma accepted; the barred may not sit the test', async () => {
  const recorded = await results.recordScores(staff, {
    enrolmentId: an,
    scores: [{ label: 'Bài thu hoạch', value: '8,5' }],
  });
  assert.equal(recorded.scores, [{ label: 'Bài thu hoạch', value: 8.5, weight: 1 }]);
  const before = [await countRows(orm, 'score'), await countRows(orm, 'audit_log')];
  for (const [value, field] of [
    [10.5, 'scores.0.value'],
    [7.25, 'scores.0.value'],
    [-1, 'scores.0.value'],
    ['tám', 'scores.0.value'],
  ] as const) {
    const error = await expectDomainError(
      results.recordScores(staff, { enrolmentId: binh, scores: [{ label: 'Bài', value }] }),
    );
    assert.is(error.code, 'INPUT.INVALID', String(value));
    assert.equal(
      error.fields.map((f) => f.field),
      [field],
    );
  }
  const dup = await expectDomainError(
    results.recordScores(staff, {
      enrolmentId: binh,
      scores: [
        { label: 'Bài', value: 5 },
        { label: 'Bài', value: 6 },
      ],
    }),
  );
  assert.equal(
    dup.fields.map((f) => f.field),
    ['scores.1.label'],
  );
  // Cường misses two of five mornings without leave: 40 % > 20 %.
  for (const session of [sessions[1], sessions[2]]) {
    await attendance.recordMark(staff, { sessionId: session, enrolmentId: cuong, mark: 'absent' });
  }
  const afterMarks = [await countRows(orm, 'score'), await countRows(orm, 'audit_log')];
  assert.equal(afterMarks, [before[0], (before[1] ?? 0) + 2], 'the refusals above wrote nothing');
  const barred = await expectDomainError(
    results.recordScores(staff, { enrolmentId: cuong, scores: [{ label: 'Bài', value: 9 }] }),
  );
  assert.is(barred.code, 'ENROLMENT.BARRED_FROM_TEST');
  assert.ok(barred.text.vi.includes('40%'), barred.text.vi);
  assert.is(
    (
      await expectDomainError(
        results.recordScores(staff, { enrolmentId: waiting, scores: [{ label: 'Bài', value: 9 }] }),
      )
    ).code,
    'ENROLMENT.NOT_SEATED',
  );
  assert.equal([await countRows(orm, 'score'), await countRows(orm, 'audit_log')], afterMarks);
});

it('results by the program rules: passed with a band, failed, incomplete for absence or no paper', async () => {
  for (const session of sessions.slice(1)) {
    await attendance.recordSheet(staff, {
      sessionId: session,
      marks: [an, binh, dung, em].map((enrolmentId) => ({ enrolmentId, mark: 'present' as const })),
    });
  }
  await results.recordScores(staff, { enrolmentId: binh, scores: [{ label: 'Bài thu hoạch', value: 4 }] });
  await results.recordScores(staff, {
    enrolmentId: em,
    scores: [
      { label: 'Kiểm tra', value: 6 },
      { label: 'Bài thu hoạch', value: 7.5, weight: 3 },
    ],
  });
  const computed = await results.computeForClass(staff, { classId: cls.id });
  const by = Object.fromEntries(computed.map((r) => [r.enrolmentId, r]));
  assert.is(by[an]?.outcome, 'passed');
  assert.is(by[an]?.finalScore, 8.5);
  assert.is(by[an]?.classification?.code, 'excellent');
  assert.is(by[binh]?.outcome, 'failed');
  assert.is(by[binh]?.reason.code, 'below_minimum');
  assert.is(by[cuong]?.outcome, 'incomplete');
  assert.is(by[cuong]?.reason.code, 'too_many_absences');
  assert.is(by[dung]?.outcome, 'incomplete');
  assert.is(by[dung]?.reason.code, 'missing_score');
  assert.is(by[em]?.finalScore, 7.1, 'weighted: (6 + 3 × 7.5) / 4 = 7.125 → 7.1');
  assert.is(by[em]?.classification?.code, 'good');
  assert.is(await state(an), 'passed');
  assert.is(await state(cuong), 'incomplete');
  const [row] = await orm.em
    .fork()
    .execute<{ final_score: string; classification: string }[]>(
      'SELECT final_score::text, classification FROM enrolment WHERE id = ?',
      [em],
    );
  assert.equal(row, { final_score: '7.1', classification: 'good' });
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.result'"), 5);
  const again = await results.computeForClass(staff, { classId: cls.id });
  assert.ok(
    again.every((r) => !r.changed),
    'computing again changes nothing',
  );
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.result'"), 5);
});

it("the class's score grid: papers, scores, absences so far and each result's reason, a page at a time", async () => {
  const first = await results.grid({ classId: cls.id, limit: 3 });
  assert.is(first.total, 5, 'the waitlisted trainee is not on the grid');
  assert.equal(
    first.lines.map((l) => l.personName),
    ['Lý Văn An', 'Triệu Thị Bình', 'Hoàng Văn Cường'],
  );
  assert.ok(first.nextCursor);
  const second = await results.grid({ classId: cls.id, limit: 3, cursor: first.nextCursor ?? undefined });
  assert.equal(
    second.lines.map((l) => l.personName),
    ['Bàn Thị Dung', 'Nông Văn Em'],
  );
  assert.is(second.nextCursor, null);
  assert.ok(first.papers.includes('Bài thu hoạch') && first.papers.includes('Kiểm tra'));
  assert.is(first.maxAbsenceRatio, 0.2);
  const by = Object.fromEntries([...first.lines, ...second.lines].map((l) => [l.enrolmentId, l]));
  assert.is(by[cuong]?.barred, true);
  assert.is(by[cuong]?.state, 'incomplete');
  assert.match(by[cuong]?.reasonText?.vi ?? '', 'quá mức cho phép 20%');
  assert.is(by[an]?.classification?.name.vi, 'Giỏi');
  assert.equal(
    by[em]?.scores.map((x) => [x.label, x.value, x.weight]),
    [
      ['Bài thu hoạch', 7.5, 3],
      ['Kiểm tra', 6, 1],
    ],
  );
  assert.is(by[an]?.barred, false);
  assert.is(by[an]?.missedRatio, 0);
  assert.is((await expectDomainError(results.grid({ classId: cls.id, cursor: 'x' }))).code, 'INPUT.INVALID');
});

it("the class's audit trail: its enrolments, marks and results, newest first, paged, actors by name", async () => {
  const trail = new AuditTrailService(orm);
  const page = await trail.forClass({ classId: cls.id, limit: 5 });
  assert.is(page.items.length, 5);
  assert.is(page.items[0]?.action, 'enrolment.result', 'the latest computation comes first');
  assert.ok(page.items.every((e) => e.actorLabel === 'Hoàng Thị Mai (Trung tâm)'));
  assert.ok(page.nextBefore);
  const all = [...page.items];
  let before: number | null = page.nextBefore;
  while (before) {
    const next = await trail.forClass({ classId: cls.id, before, limit: 100 });
    all.push(...next.items);
    before = next.nextBefore;
  }
  const kinds = new Set(all.map((e) => e.entity));
  assert.ok(kinds.has('enrolment') && kinds.has('class_session'));
  const mark = all.find((e) => e.action === 'attendance.record');
  assert.match(mark?.subject ?? '', /^\d\d\/03\/2026 07:30$/);
  const result = all.find((e) => e.action === 'enrolment.result' && e.entityId === cuong);
  assert.is(result?.subject, 'Hoàng Văn Cường');
  assert.equal((result?.after as { state: string } | undefined)?.state, 'incomplete');
  const elsewhere = await trail.forClass({ classId: other.id });
  assert.ok(
    elsewhere.items.every((e) => e.entityId !== cuong && !sessions.includes(e.entityId as never)),
    "another class's trail holds none of it",
  );
  const unknown = trail.forClass({ classId: '00000000-0000-4000-8000-000000000000' });
  assert.is((await expectDomainError(unknown)).code, 'CLASS.NOT_FOUND');
});

it('an attendance-only program passes on attendance; a draft class has no results', async () => {
  const update = await fixtureClass(orm, {
    programId: cnkt.id,
    unitId: center,
    status: 'running',
    sessions: [{ date: '2026-05-04', start: '13:30', end: '17:00', periods: 4 }],
  });
  const [trainee] = (await fixtureEnrolments(orm, update.id, await fixturePeople(orm, 1), 'approved')) as [string];
  await attendance.recordMark(staff, {
    sessionId: update.sessionIds[0] as string,
    enrolmentId: trainee,
    mark: 'present',
  });
  const [result] = await results.computeForClass(staff, { classId: update.id });
  assert.is(result?.outcome, 'passed');
  assert.is(result?.finalScore, null);
  const cert = await expectDomainError(certificates.issue(staff, { enrolmentId: trainee }));
  assert.is(cert.code, 'CERTIFICATE.NOT_AWARDED');
  await setClassStatus(orm, update.id, 'draft');
  assert.is(
    (await expectDomainError(results.computeForClass(staff, { classId: update.id }))).code,
    'ENROLMENT.CLASS_NOT_RUNNING',
  );
});

it('certificates: numbered in class-list order, verifiable by code, revoked keeping the number', async () => {
  const issued = await certificates.issueForClass(staff, { classId: cls.id });
  assert.equal(
    issued.map((c) => [c.personName, c.number, c.numberText]),
    [
      ['Lý Văn An', 1, '1/GCN-TTCT'],
      ['Nông Văn Em', 2, '2/GCN-TTCT'],
    ],
  );
  assert.ok(issued.every((c) => c.year === 2026 && c.issuedOn === '2026-03-20' && c.valid));
  assert.equal(await certificates.issueForClass(staff, { classId: cls.id }), [], 'issuing again issues nothing');
  const [first] = issued as [(typeof issued)[0]];
  assert.is((await certificates.issue(staff, { enrolmentId: an })).id, first.id, 'one valid certificate each');
  assert.is((await expectDomainError(certificates.issue(staff, { enrolmentId: binh }))).code, 'CERTIFICATE.NOT_PASSED');

  const typed = first.verificationCode.toLowerCase().replaceAll('-', ' ');
  const seen = await certificates.verify({ code: typed });
  assert.equal(Object.keys(seen).sort(), [
    'classCode',
    'classEndDate',
    'classStartDate',
    'holderName',
    'issuedBy',
    'issuedOn',
    'kindName',
    'numberText',
    'program',
    'revokedOn',
    'valid',
  ]);
  assert.is(seen.valid, true);
  assert.is(seen.holderName, 'Lý Văn An');
  assert.is(seen.numberText, '1/GCN-TTCT');
  const code = first.verificationCode;
  const typo = await expectDomainError(
    certificates.verify({ code: code.slice(0, -1) + (code.endsWith('7') ? '8' : '7') }),
  );
  assert.is(typo.code, 'INPUT.INVALID');

  const printable = await certificates.printable(first.id);
  assert.is(printable.classification?.name.vi, 'Giỏi');
  assert.is(printable.finalScore, 8.5);
  assert.is(printable.issuer.name, 'Trung tâm Chính trị huyện Chợ Đồn');

  const shortReason = await expectDomainError(certificates.revoke(staff, { certificateId: first.id, reason: 'sai' }));
  assert.equal(
    shortReason.fields.map((f) => f.field),
    ['reason'],
  );
  const revoked = await certificates.revoke(staff, {
    certificateId: first.id,
    reason: 'Cấp nhầm người, đã thu hồi bản gốc',
  });
  assert.is(revoked.valid, false);
  assert.is(revoked.numberText, '1/GCN-TTCT', 'the number stays');
  assert.is((await certificates.verify({ code: first.verificationCode })).valid, false);
  assert.is(
    (await expectDomainError(certificates.revoke(staff, { certificateId: first.id, reason: 'Thu hồi lần nữa' }))).code,
    'CERTIFICATE.ALREADY_REVOKED',
  );
  const reissued = await certificates.issue(staff, { enrolmentId: an });
  assert.is(reissued.number, 3, 'a new certificate takes the next number; 1 is never reused');
  assert.is(await countRows(orm, 'audit_log', "entity = 'certificate'"), 4);
  assert.is((await expectDomainError(certificates.get(an))).code, 'CERTIFICATE.NOT_FOUND');
});

it('200 concurrent certificate issues: numbers 1..200, no gap, no repeat', async () => {
  const issuer = await fixtureUnit(wide.orm, 'Trường Chính trị tỉnh');
  const big = await fixtureClass(wide.orm, { programId: ntd.id, unitId: issuer, capacity: 200, status: 'finished' });
  const passed = await fixtureEnrolments(wide.orm, big.id, await fixturePeople(wide.orm, 200), 'passed');
  const concurrent = new CertificateService(wide.orm, { today: () => '2026-06-30' });
  const issued = await Promise.all(passed.map((enrolmentId) => concurrent.issue(staff, { enrolmentId })));
  assert.equal(
    issued.map((c) => c.number).sort((a, b) => a - b),
    Array.from({ length: 200 }, (_, i) => i + 1),
  );
  assert.is(new Set(issued.map((c) => c.verificationCode)).size, 200);
  const [counter] = await orm.em
    .fork()
    .execute<{ last_number: number }[]>('SELECT last_number FROM certificate_counter WHERE issuer_unit_id = ?', [
      issuer,
    ]);
  assert.is(counter?.last_number, 200);
});

test.run();
