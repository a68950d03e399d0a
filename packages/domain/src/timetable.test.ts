import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError, parseInput } from './errors.js';
import {
  describeSession,
  findClash,
  findLecturerDoubleBooking,
  findSelfClash,
  formatTime,
  lecturerDoubleBookedError,
  parseTime,
  type SessionTime,
  sessionInput,
  sessionRange,
  sessionsOverlap,
} from './timetable.js';
import { DEFAULT_DAY_PART_TIMES } from './timetable-terms.js';

const day = '2022-03-14';
const morning: SessionTime = { date: day, part: 'morning' };
const afternoon: SessionTime = { date: day, part: 'afternoon' };
const evening: SessionTime = { date: day, part: 'evening' };
const at = (startTime: string, endTime: string, date = day): SessionTime => ({ date, startTime, endTime });

test('a half-day becomes its configured range in minutes', () => {
  assert.equal(sessionRange(morning), { date: day, start: 7 * 60 + 30, end: 11 * 60 + 30 });
  assert.equal(sessionRange(afternoon), { date: day, start: 13 * 60 + 30, end: 17 * 60 });
  const winter = { ...DEFAULT_DAY_PART_TIMES, afternoon: { start: '13:00', end: '16:30' } };
  assert.equal(sessionRange(afternoon, winter), { date: day, start: 13 * 60, end: 16 * 60 + 30 });
  assert.equal(sessionRange(at('19:00', '21:00')), { date: day, start: 1140, end: 1260 });
  assert.is(parseTime('07:30'), 450);
  assert.is(formatTime(450), '07:30');
  assert.throws(() => parseTime('7h30'), RangeError);
});

test('overlap is by time of day on the same date', () => {
  const cases: [string, SessionTime, SessionTime, boolean][] = [
    ['morning and afternoon of one day', morning, afternoon, false],
    ['two mornings of one day', morning, { ...morning }, true],
    ['mornings of two days', morning, { date: '2022-03-15', part: 'morning' }, false],
    ['morning and a 10:00–12:00 meeting', morning, at('10:00', '12:00'), true],
    ['morning and a meeting starting as it ends', morning, at('11:30', '12:30'), false],
    ['afternoon and evening', afternoon, evening, false],
    ['evening and a 20:00 online briefing', evening, at('20:00', '21:30'), true],
    ['a meeting inside another', at('08:00', '11:00'), at('09:00', '10:00'), true],
  ];
  for (const [label, a, b, expected] of cases) {
    assert.is(sessionsOverlap(a, b), expected, label);
    assert.is(sessionsOverlap(b, a), expected, `${label} (reversed)`);
  }
});

test('findClash returns the earliest clashing pair between two timetables', () => {
  const mine = [
    { id: 'm3', date: '2022-03-16', part: 'morning' as const },
    { id: 'm1', date: '2022-03-14', part: 'morning' as const },
    { id: 'm2', date: '2022-03-15', part: 'afternoon' as const },
  ];
  const other = [
    { id: 'o1', date: '2022-03-14', part: 'afternoon' as const },
    { id: 'o3', date: '2022-03-16', startTime: '09:00', endTime: '10:00' },
    { id: 'o2', date: '2022-03-15', part: 'afternoon' as const },
  ];
  const clash = findClash(mine, other);
  assert.equal([clash?.first.id, clash?.second.id], ['m2', 'o2']);
  assert.is(findClash(mine, [{ id: 'x', date: '2022-03-14', part: 'afternoon' as const }]), null);
  assert.is(findClash([], other), null);
});

test('findSelfClash finds overlaps inside one list, even past a long session', () => {
  const list = [
    { id: 'a', ...at('07:30', '17:00') },
    { id: 'b', ...at('08:00', '09:00') },
    { id: 'c', ...at('13:30', '15:00') },
  ];
  assert.equal(findSelfClash(list)?.second.id, 'b');
  assert.is(findSelfClash([morning, afternoon, evening]), null);
  // The all-day session must still be seen as open when 'c' starts after 'b' ended.
  const clash = findSelfClash([list[0], list[2]].filter((s) => s !== undefined));
  assert.equal(clash?.second.id, 'c');
});

test('a lecturer is never in two places at once; two lecturers may share a slot', () => {
  const sessions = [
    { id: 's1', date: day, part: 'morning' as const, lecturerId: 'L1' },
    { id: 's2', date: day, part: 'morning' as const, lecturerId: 'L2' },
    { id: 's3', date: day, part: 'afternoon' as const, lecturerId: 'L1' },
    { id: 's4', date: day, part: 'morning' as const, lecturerId: null },
  ];
  assert.is(findLecturerDoubleBooking(sessions), null);
  const booked = findLecturerDoubleBooking([...sessions, { id: 's5', ...at('15:00', '16:00'), lecturerId: 'L1' }]);
  assert.equal([booked?.lecturerId, booked?.first.id, booked?.second.id], ['L1', 's3', 's5']);
  const error = lecturerDoubleBookedError('L1', afternoon);
  assert.instance(error, DomainError);
  assert.is(error.code, 'TIMETABLE.LECTURER_DOUBLE_BOOKED');
  assert.match(error.text.vi, 'chiều 14/03/2022');
  assert.match(error.text.en, 'afternoon of 14/03/2022');
});

test('sessions are described the way a timetable prints them', () => {
  assert.equal(describeSession(morning), { vi: 'sáng 14/03/2022', en: 'morning of 14/03/2022' });
  assert.equal(describeSession(at('19:00', '21:00')), { vi: '14/03/2022 19:00–21:00', en: '14/03/2022 19:00–21:00' });
});

test('a session input takes a half-day or both times, and times in order', () => {
  const base = { date: '14/03/2022', periods: 5 };
  assert.equal(parseInput(sessionInput, { ...base, part: 'morning' }), {
    date: '2022-03-14',
    periods: 5,
    part: 'morning',
  });
  const fieldsOf = (input: unknown) => {
    try {
      parseInput(sessionInput, input);
      return [];
    } catch (error) {
      return (error as DomainError).fields.map((f) => f.field);
    }
  };
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['neither', {}, ['part']],
    ['both', { part: 'morning', startTime: '07:30', endTime: '11:30' }, ['part']],
    ['start only', { startTime: '19:00' }, ['endTime']],
    ['end before start', { startTime: '21:00', endTime: '19:00' }, ['endTime']],
    ['25 o’clock', { startTime: '25:00', endTime: '26:00' }, ['startTime', 'endTime']],
    ['31/02', { date: '31/02/2022', part: 'morning' }, ['date']],
    ['zero periods', { part: 'morning', periods: 0 }, ['periods']],
    ['fractional periods', { part: 'morning', periods: 2.5 }, ['periods']],
  ];
  for (const [label, change, fields] of cases) assert.equal(fieldsOf({ ...base, ...change }), fields, label);
});

test.run();
