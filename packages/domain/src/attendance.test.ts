import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attendanceSheetInput } from './attendance.js';
import { type AttendanceMark, formatRatio, isBarredFromTest, summariseAttendance } from './attendance-terms.js';
import { type DomainError, parseInput } from './errors.js';

// Five days of a morning (5 periods) and an afternoon (3 periods): 40 periods.
const sessions = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, periods: i % 2 === 0 ? 5 : 3 }));
const marksWith = (missed: Record<string, AttendanceMark>) =>
  Object.fromEntries(sessions.map((s) => [s.id, missed[s.id] ?? 'present'])) as Record<string, AttendanceMark>;

test('periods are summed by mark; excused absences still count as missed', () => {
  const summary = summariseAttendance(sessions, marksWith({ s0: 'excused', s1: 'absent' }));
  assert.equal(summary, {
    totalPeriods: 40,
    presentPeriods: 32,
    excusedPeriods: 5,
    absentPeriods: 3,
    unmarkedPeriods: 0,
    missedPeriods: 8,
    missedRatio: 0.2,
  });
});

test('unmarked sessions are reported apart, and marks may come as a Map', () => {
  const summary = summariseAttendance(sessions, new Map<string, AttendanceMark>([['s0', 'present']]));
  assert.is(summary.presentPeriods, 5);
  assert.is(summary.unmarkedPeriods, 35);
  assert.is(summary.missedPeriods, 0);
  assert.is(summariseAttendance([], {}).missedRatio, 0);
});

test('missing exactly 20% is allowed; one period more bars from the test', () => {
  const cases: [string, number, number, number | undefined, boolean][] = [
    ['8 of 40 (20%)', 8, 40, undefined, false],
    ['9 of 40 (22.5%)', 9, 40, undefined, true],
    ['59 of 295 (20%)', 59, 295, undefined, false],
    ['60 of 295', 60, 295, undefined, true],
    ['29 of 100 at 29%', 29, 100, 0.29, false],
    ['30 of 100 at 29%', 30, 100, 0.29, true],
    ['anything at 100%', 40, 40, 1, false],
    ['one period at 0%', 1, 40, 0, true],
    ['nothing in an empty class', 0, 0, undefined, false],
  ];
  for (const [label, missedPeriods, totalPeriods, ratio, barred] of cases) {
    assert.is(isBarredFromTest({ missedPeriods, totalPeriods }, ratio), barred, label);
  }
});

test('the 20% boundary through real marks', () => {
  assert.not.ok(isBarredFromTest(summariseAttendance(sessions, marksWith({ s0: 'absent', s1: 'excused' }))));
  assert.ok(isBarredFromTest(summariseAttendance(sessions, marksWith({ s0: 'absent', s2: 'excused' }))));
});

test('ratios print as people write them', () => {
  assert.is(formatRatio(0.2), '20%');
  assert.is(formatRatio(1 / 6), '16,7%');
  assert.is(formatRatio(1 / 6, 'en'), '16.7%');
});

test('an attendance sheet lists each trainee once', () => {
  const id = (n: number) => `0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0${n}`;
  const sheet = {
    sessionId: id(0),
    marks: [
      { enrolmentId: id(1), mark: 'present' },
      { enrolmentId: id(2), mark: 'excused' },
    ],
  };
  assert.is(parseInput(attendanceSheetInput, sheet).marks.length, 2);
  const fieldsOf = (input: unknown) => {
    try {
      parseInput(attendanceSheetInput, input);
      return [];
    } catch (error) {
      return (error as DomainError).fields.map((f) => f.field);
    }
  };
  assert.equal(fieldsOf({ ...sheet, marks: [...sheet.marks, { enrolmentId: id(1), mark: 'absent' }] }), [
    'marks.2.enrolmentId',
  ]);
  assert.equal(fieldsOf({ ...sheet, marks: [{ enrolmentId: id(1), mark: 'late' }] }), ['marks.0.mark']);
  assert.equal(fieldsOf({ ...sheet, marks: [] }), ['marks']);
});

test.run();
