import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  admissionFor,
  assertEligible,
  assertOpenForEnrolment,
  classFullError,
  compareWaitlist,
  nominationInput,
  scheduleClashError,
} from './enrolment.js';
import {
  ACTIVE_STATES,
  assertEnrolmentTransition,
  canTransitionEnrolment,
  ENROLMENT_STATES,
  type EnrolmentState,
  freesSeat,
  holdsSeat,
  isActiveEnrolment,
  takesSeat,
} from './enrolment-terms.js';
import { DomainError, parseInput } from './errors.js';
import { DEFAULT_PROGRAMS } from './programs.js';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    assert.instance(error, DomainError);
    return error as DomainError;
  }
  assert.unreachable('expected a DomainError');
  throw new Error('unreachable');
}

test('the happy path and its side roads are legal moves', () => {
  const paths: EnrolmentState[][] = [
    ['nominated', 'approved', 'attending', 'passed'],
    ['requested', 'waitlisted', 'approved', 'attending', 'incomplete'],
    ['requested', 'rejected'],
    ['nominated', 'waitlisted', 'withdrawn'],
    ['approved', 'withdrawn'],
    ['attending', 'failed', 'passed'],
  ];
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1] as EnrolmentState;
      const to = path[i] as EnrolmentState;
      assert.ok(canTransitionEnrolment(from, to), `${from}→${to}`);
      assertEnrolmentTransition(from, to);
    }
  }
});

test('illegal moves throw ENROLMENT.ILLEGAL_TRANSITION naming both states', () => {
  const cases: [EnrolmentState, EnrolmentState][] = [
    ['requested', 'passed'],
    ['requested', 'attending'],
    ['withdrawn', 'approved'],
    ['rejected', 'approved'],
    ['passed', 'withdrawn'],
    ['approved', 'waitlisted'],
    ['approved', 'approved'],
  ];
  for (const [from, to] of cases) {
    const error = thrown(() => assertEnrolmentTransition(from, to));
    assert.is(error.code, 'ENROLMENT.ILLEGAL_TRANSITION', `${from}→${to}`);
    assert.equal([error.details.from, error.details.to], [from, to]);
  }
  assert.is(
    thrown(() => assertEnrolmentTransition('withdrawn', 'approved')).text.vi,
    'Không thể chuyển ghi danh từ "Đã rút" sang "Đã duyệt".',
  );
});

test('withdrawn and rejected are final; every other state has a way on', () => {
  for (const state of ENROLMENT_STATES) {
    assert.is(!ACTIVE_STATES.includes(state as never), state === 'withdrawn' || state === 'rejected', state);
  }
  assert.not.ok(isActiveEnrolment('withdrawn'));
  assert.ok(isActiveEnrolment('waitlisted'));
});

test('seats: who holds one, and which moves take or free it', () => {
  assert.equal(ENROLMENT_STATES.filter(holdsSeat), ['approved', 'attending', 'passed', 'failed', 'incomplete']);
  assert.ok(takesSeat('waitlisted', 'approved'));
  assert.ok(takesSeat('requested', 'approved'));
  assert.not.ok(takesSeat('approved', 'attending'));
  assert.ok(freesSeat('approved', 'withdrawn'));
  assert.ok(freesSeat('attending', 'withdrawn'));
  assert.not.ok(freesSeat('waitlisted', 'withdrawn'));
  assert.not.ok(freesSeat('attending', 'passed'));
});

test('the 11th approval into a class of 10 is waitlisted', () => {
  assert.is(admissionFor({ capacity: 10, taken: 9 }), 'approved');
  assert.is(admissionFor({ capacity: 10, taken: 10 }), 'waitlisted');
  assert.is(admissionFor({ capacity: 10, taken: 11 }), 'waitlisted');
  const error = classFullError(10);
  assert.is(error.code, 'ENROLMENT.CLASS_FULL');
  assert.is(error.text.vi, 'Lớp đã đủ 10 học viên.');
});

test('the waitlist is first come, first served; the id breaks exact ties', () => {
  const list = [
    { id: 'c', requestedAt: '2022-03-02T08:00:00Z' },
    { id: 'b', requestedAt: new Date('2022-03-01T09:00:00Z') },
    { id: 'a', requestedAt: '2022-03-02T08:00:00Z' },
  ];
  assert.equal(
    [...list].sort(compareWaitlist).map((e) => e.id),
    ['b', 'a', 'c'],
  );
});

test('enrolment needs an open class inside its window', () => {
  const cls = { status: 'open' as const, enrolmentOpensOn: '2022-03-01', enrolmentClosesOn: '2022-03-11' };
  assertOpenForEnrolment(cls, '2022-03-11');
  const cases: [string, typeof cls | { status: 'draft' | 'running' }, string, string, string][] = [
    ['draft', { status: 'draft' }, '2022-03-05', 'ENROLMENT.CLASS_NOT_OPEN', 'dự kiến'],
    ['running', { status: 'running' }, '2022-03-05', 'ENROLMENT.CLASS_NOT_OPEN', 'đang học'],
    ['too early', cls, '2022-02-28', 'ENROLMENT.WINDOW_CLOSED', 'từ ngày 01/03/2022'],
    ['too late', cls, '2022-03-12', 'ENROLMENT.WINDOW_CLOSED', 'hết hạn đăng ký (ngày 11/03/2022)'],
  ];
  for (const [label, c, today, code, vi] of cases) {
    const error = thrown(() => assertOpenForEnrolment(c, today));
    assert.is(error.code, code, label);
    assert.match(error.text.vi, vi, label);
  }
});

test('eligibility: already passed is said as such; other reasons all at once', () => {
  const ntd = DEFAULT_PROGRAMS.find((p) => p.code === 'NTĐ');
  const sc = DEFAULT_PROGRAMS.find((p) => p.code === 'SC');
  if (!ntd || !sc) throw new Error('default programs missing');
  assertEligible(ntd, { partyStatus: 'non_member' });

  const passed = thrown(() => assertEligible(ntd, { partyStatus: 'non_member', passedPrograms: ['NTĐ'] }));
  assert.is(passed.code, 'ENROLMENT.ALREADY_PASSED');
  assert.match(passed.text.vi, 'đã hoàn thành chương trình Bồi dưỡng nhận thức về Đảng');

  const refused = thrown(() => assertEligible(sc, { partyStatus: 'full_member', educationLevel: 'primary' }));
  assert.is(refused.code, 'ENROLMENT.NOT_ELIGIBLE');
  assert.is(refused.kind, 'forbidden');
  assert.match(refused.text.vi, 'trung học cơ sở');
  assert.match(refused.text.en, 'lower-secondary');
  assert.equal(
    (refused.details.reasons as { code: string }[]).map((r) => r.code),
    ['education'],
  );
});

test('a schedule clash names the other class and the session', () => {
  const error = scheduleClashError('SC-01/2022', { date: '2022-03-14', part: 'afternoon' });
  assert.is(error.code, 'ENROLMENT.SCHEDULE_CLASH');
  assert.is(error.text.vi, 'Trùng lịch với lớp SC-01/2022 vào buổi chiều 14/03/2022.');
  assert.is(error.text.en, 'Clashes with class SC-01/2022 on the afternoon of 14/03/2022.');
});

test('a nomination names each person once', () => {
  const id = (n: number) => `0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0${n}`;
  const ok = parseInput(nominationInput, { classId: id(1), unitId: id(2), personIds: [id(3), id(4)] });
  assert.is(ok.personIds.length, 2);
  const error = thrown(() => parseInput(nominationInput, { classId: id(1), unitId: id(2), personIds: [id(3), id(3)] }));
  assert.equal(
    error.fields.map((f) => f.field),
    ['personIds'],
  );
  const empty = thrown(() => parseInput(nominationInput, { classId: id(1), unitId: id(2), personIds: [] }));
  assert.equal(
    empty.fields.map((f) => f.field),
    ['personIds'],
  );
});

test.run();
