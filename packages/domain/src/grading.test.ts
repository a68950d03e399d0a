import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type DomainError, parseInput } from './errors.js';
import { barredFromTestError, computeResult, describeResultReason, finalScore, score } from './grading.js';
import { classify, DEFAULT_GRADING_SCALE, type GradingScale, type PassRule } from './grading-terms.js';

test('scores: 0–10 with one decimal, dot or Vietnamese comma', () => {
  const good: [unknown, number][] = [
    [0, 0],
    [10, 10],
    [7.5, 7.5],
    ['7,5', 7.5],
    ['8', 8],
    [' 9.0 ', 9],
    [0.1 + 0.2, 0.3],
  ];
  for (const [input, expected] of good) assert.is(parseInput(score, input), expected, String(input));
  for (const bad of [10.5, -1, 7.25, '7,25', 11, '', 'bảy', Number.NaN, null, '-1']) {
    assert.throws(() => parseInput(score, bad), /INPUT.INVALID/, String(bad));
  }
});

test('a score with two decimals is told why', () => {
  try {
    parseInput(score, 7.25);
    assert.unreachable();
  } catch (error) {
    assert.match((error as DomainError).fields[0]?.message.vi ?? '', 'một chữ số thập phân');
  }
});

test('the default classification and its boundaries', () => {
  const cases: [number, string, string][] = [
    [10, 'excellent', 'Giỏi'],
    [8, 'excellent', 'Giỏi'],
    [7.9, 'good', 'Khá'],
    [7, 'good', 'Khá'],
    [6.9, 'pass', 'Đạt (trung bình)'],
    [5, 'pass', 'Đạt (trung bình)'],
    [4.9, 'fail', 'Không đạt'],
    [0, 'fail', 'Không đạt'],
  ];
  for (const [value, code, vi] of cases) {
    const band = classify(value);
    assert.equal([band.code, band.name.vi], [code, vi], String(value));
  }
});

test('a province may configure its own scale, in any order', () => {
  const scale: GradingScale = [
    { code: 'pass', min: 5, name: { vi: 'Đạt', en: 'Pass' } },
    { code: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
    { code: 'outstanding', min: 9, name: { vi: 'Xuất sắc', en: 'Outstanding' } },
  ];
  assert.is(classify(9.5, scale).code, 'outstanding');
  assert.is(classify(8.9, scale).code, 'pass');
  assert.is(DEFAULT_GRADING_SCALE.length, 4);
});

test('the final score is the weighted mean, rounded half up to one decimal', () => {
  assert.is(finalScore([{ value: 7 }, { value: 8 }]), 7.5);
  assert.is(finalScore([{ value: 7 }, { value: 8 }, { value: 8 }]), 7.7);
  assert.is(finalScore([{ value: 6 }, { value: 9, weight: 2 }]), 8);
  assert.is(finalScore([{ value: 4.9 }, { value: 5 }]), 5);
  assert.is(finalScore([]), null);
});

const paper: PassRule = { by: 'score', minimum: 5 };
const fullAttendance = { missedPeriods: 0, unmarkedPeriods: 0, totalPeriods: 40 };

test('results: attendance first, then the pass rule', () => {
  const cases: [string, Parameters<typeof computeResult>[0], string, string, number | null][] = [
    ['paper 7.5', { passRule: paper, attendance: fullAttendance, scores: [{ value: 7.5 }] }, 'passed', 'scored', 7.5],
    [
      'paper 4.9',
      { passRule: paper, attendance: fullAttendance, scores: [{ value: 4.9 }] },
      'failed',
      'below_minimum',
      4.9,
    ],
    ['paper 5 exactly', { passRule: paper, attendance: fullAttendance, scores: [{ value: 5 }] }, 'passed', 'scored', 5],
    ['no paper', { passRule: paper, attendance: fullAttendance }, 'incomplete', 'missing_score', null],
    [
      'exactly 20% missed',
      { passRule: paper, attendance: { ...fullAttendance, missedPeriods: 8 }, scores: [{ value: 9 }] },
      'passed',
      'scored',
      9,
    ],
    [
      'over 20% missed, even with a 10',
      { passRule: paper, attendance: { ...fullAttendance, missedPeriods: 9 }, scores: [{ value: 10 }] },
      'incomplete',
      'too_many_absences',
      null,
    ],
    [
      'unmarked sessions count as missed',
      {
        passRule: paper,
        attendance: { ...fullAttendance, missedPeriods: 5, unmarkedPeriods: 5 },
        scores: [{ value: 8 }],
      },
      'incomplete',
      'too_many_absences',
      null,
    ],
    [
      'a province allowing 30%',
      {
        passRule: paper,
        attendance: { ...fullAttendance, missedPeriods: 12 },
        scores: [{ value: 6 }],
        maxAbsenceRatio: 0.3,
      },
      'passed',
      'scored',
      6,
    ],
    ['attendance only', { passRule: { by: 'attendance' }, attendance: fullAttendance }, 'passed', 'attended', null],
    [
      'sơ cấp: a mean of 6 with one exam at 4',
      {
        passRule: { by: 'score', minimum: 5, eachAtLeast: 5 },
        attendance: fullAttendance,
        scores: [{ value: 8 }, { value: 4 }],
      },
      'failed',
      'component_below_minimum',
      6,
    ],
  ];
  for (const [label, input, outcome, reason, final] of cases) {
    const result = computeResult(input);
    assert.equal([result.outcome, result.reason.code, result.finalScore], [outcome, reason, final], label);
  }
});

test('a passed result carries its classification', () => {
  const result = computeResult({ passRule: paper, attendance: fullAttendance, scores: [{ value: 8.5 }] });
  assert.is(result.classification?.name.vi, 'Giỏi');
  assert.is(computeResult({ passRule: { by: 'attendance' }, attendance: fullAttendance }).classification, null);
});

test('reasons and refusals read in both languages', () => {
  const barred = computeResult({
    passRule: paper,
    attendance: { missedPeriods: 10, unmarkedPeriods: 0, totalPeriods: 40 },
  });
  assert.equal(describeResultReason(barred.reason), {
    vi: 'Nghỉ 25% số tiết, quá mức cho phép 20%: không đủ điều kiện dự kiểm tra.',
    en: 'Missed 25% of the periods, over the 20% allowed: not admitted to the test.',
  });
  assert.is(
    describeResultReason({ code: 'below_minimum', finalScore: 4.5, minimum: 5 }).vi,
    'Điểm 4,5 dưới mức đạt 5.',
  );
  const error = barredFromTestError(0.25, 0.2);
  assert.is(error.code, 'ENROLMENT.BARRED_FROM_TEST');
  assert.match(error.text.vi, 'nghỉ 25% số tiết (quá 20%)');
});

test.run();
