import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type DomainError, parseInput } from './errors.js';
import {
  checkEligibility,
  DEFAULT_PROGRAMS,
  describeIneligibility,
  type EligibilitySubject,
  programInput,
  totalPeriods,
} from './programs.js';
import { describeEligibility, describePassRule, PROGRAM_KINDS } from './programs-terms.js';

const program = (code: string) => {
  const found = DEFAULT_PROGRAMS.find((p) => p.code === code);
  if (!found) throw new Error(`no default program ${code}`);
  return found;
};

test('the six kinds of DOMAIN.md are seeded, one program each, with the default rules', () => {
  assert.equal(DEFAULT_PROGRAMS.map((p) => p.kind).sort(), [...PROGRAM_KINDS].sort());
  assert.equal(
    DEFAULT_PROGRAMS.map((p) => p.code),
    ['NTĐ', 'ĐVM', 'SC', 'CNKT', 'BDNV', 'NQ'],
  );
  for (const p of DEFAULT_PROGRAMS) {
    assert.is(p.maxAbsenceRatio, 0.2, p.code);
    assert.ok(p.name.vi && p.name.en && p.audience.vi && p.audience.en, p.code);
  }
  assert.equal([program('SC').topicCount, program('SC').periods], [18, 295]);
  assert.is(program('SC').certificateKind, 'elementary_theory');
  assert.equal(program('CNKT').passRule, { by: 'attendance' });
});

test('eligibility: each default program lets in its audience and says why not to others', () => {
  const masses: EligibilitySubject = { partyStatus: 'non_member', educationLevel: 'upper_secondary' };
  const probationary: EligibilitySubject = { partyStatus: 'probationary', educationLevel: 'upper_secondary' };
  const member: EligibilitySubject = { partyStatus: 'full_member', educationLevel: 'primary' };
  const cases: [string, EligibilitySubject, string[]][] = [
    ['NTĐ', masses, []],
    ['NTĐ', probationary, ['party_status']],
    ['ĐVM', probationary, []],
    ['ĐVM', masses, ['party_status']],
    ['ĐVM', member, ['party_status']],
    ['SC', probationary, []],
    ['SC', member, ['education']],
    ['SC', { partyStatus: 'full_member' }, ['education']],
    ['NQ', masses, []],
  ];
  for (const [code, person, reasons] of cases) {
    assert.equal(
      checkEligibility(program(code), person).map((r) => r.code),
      reasons,
      `${code} for ${person.partyStatus}/${person.educationLevel}`,
    );
  }
});

test('a passed program may not be taken again unless it is repeatable', () => {
  const passed: EligibilitySubject = { partyStatus: 'non_member', passedPrograms: ['NTĐ', 'CNKT'] };
  assert.equal(checkEligibility(program('NTĐ'), passed), [{ code: 'already_passed', program: 'NTĐ' }]);
  assert.equal(checkEligibility(program('CNKT'), passed), []);
});

test('prerequisites and every failing condition are listed together', () => {
  const higher = {
    code: 'TC',
    eligibility: {
      partyStatuses: ['full_member' as const],
      minEducation: 'upper_secondary' as const,
      prerequisites: ['SC'],
    },
  };
  const reasons = checkEligibility(higher, { partyStatus: 'probationary', educationLevel: 'lower_secondary' });
  assert.equal(
    reasons.map((r) => r.code),
    ['party_status', 'education', 'missing_prerequisite'],
  );
  assert.equal(
    checkEligibility(higher, { partyStatus: 'full_member', educationLevel: 'university', certificates: ['SC'] }),
    [],
  );
});

test('reasons read as sentences in both languages', () => {
  const [reason] = checkEligibility(program('ĐVM'), { partyStatus: 'non_member' });
  assert.ok(reason);
  if (!reason) return;
  assert.equal(describeIneligibility(reason), {
    vi: 'Chương trình dành cho đảng viên dự bị; người này là quần chúng.',
    en: 'The program is for: probationary party member; this person is: non-member.',
  });
  assert.match(
    describeIneligibility({ code: 'missing_prerequisite', program: 'SC' }, { SC: program('SC').name }).vi,
    'Sơ cấp lý luận chính trị',
  );
  assert.match(
    describeIneligibility({ code: 'education', minimum: 'lower_secondary', actual: null }).en,
    'no education level',
  );
});

const validProgram = {
  code: 'ntđ',
  kind: 'party_awareness',
  name: 'Bồi dưỡng nhận thức về Đảng',
  topics: [
    { number: 1, title: 'Khái quát lịch sử Đảng Cộng sản Việt Nam', periods: 8 },
    { number: 2, title: { vi: 'Chủ nghĩa Mác – Lênin', en: 'Marxism–Leninism' }, periods: 8 },
  ],
  endsWith: 'paper',
  passRule: { by: 'score', minimum: 5 },
  certificateKind: 'completion',
};

test('a program input is normalised: upper-case code, names in both languages, defaults', () => {
  const p = parseInput(programInput, validProgram);
  assert.is(p.code, 'NTĐ');
  assert.equal(p.name, { vi: 'Bồi dưỡng nhận thức về Đảng', en: 'Bồi dưỡng nhận thức về Đảng' });
  assert.equal(p.topics[1]?.title, { vi: 'Chủ nghĩa Mác – Lênin', en: 'Marxism–Leninism' });
  assert.is(p.maxAbsenceRatio, 0.2);
  assert.equal(p.eligibility, {});
  assert.is(totalPeriods(p.topics), 16);
});

test('bad programs name each field at fault', () => {
  const fieldsOf = (input: unknown) => {
    try {
      parseInput(programInput, input);
      return [];
    } catch (error) {
      return [...new Set((error as DomainError).fields.map((f) => f.field))].sort();
    }
  };
  const topic = { number: 1, title: 'Chuyên đề 1', periods: 5 };
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['no topics', { topics: [] }, ['topics']],
    ['repeated topic number', { topics: [topic, { ...topic }] }, ['topics.1.number']],
    ['zero periods', { topics: [{ ...topic, periods: 0 }] }, ['topics.0.periods']],
    ['empty name', { name: '' }, ['name']],
    ['absence ratio over 1', { maxAbsenceRatio: 20 }, ['maxAbsenceRatio']],
    ['pass mark over 10', { passRule: { by: 'score', minimum: 11 } }, ['passRule.minimum']],
    ['unknown pass rule', { passRule: { by: 'luck' } }, ['passRule.by']],
    ['its own prerequisite', { eligibility: { prerequisites: ['NTĐ'] } }, ['eligibility.prerequisites']],
    ['unknown party status', { eligibility: { partyStatuses: ['sympathiser'] } }, ['eligibility.partyStatuses.0']],
    ['code with a space', { code: 'N T' }, ['code']],
    [
      'scale without a 0 band',
      { gradingScale: [{ code: 'pass', min: 5, name: { vi: 'Đạt', en: 'Pass' } }] },
      ['gradingScale.0.min'],
    ],
    [
      'two bands on one floor, one code twice',
      {
        gradingScale: [
          { code: 'pass', min: 5, name: { vi: 'Đạt', en: 'Pass' } },
          { code: 'pass', min: 5, name: { vi: 'Trung bình', en: 'Average' } },
          { code: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
        ],
      },
      ['gradingScale.1.code', 'gradingScale.1.min'],
    ],
    ['a number format without {n}', { certificateNumberTemplate: 'GCN-TTCT' }, ['certificateNumberTemplate']],
    ['fewer days at most than at least', { days: { min: 5, max: 2 } }, ['days.max']],
  ];
  for (const [label, change, fields] of cases) assert.equal(fieldsOf({ ...validProgram, ...change }), fields, label);
});

test('the rules read as sentences, Vietnamese first', () => {
  assert.is(
    describePassRule({ by: 'score', minimum: 5.5, eachAtLeast: 5 }).vi,
    'Điểm trung bình từ 5,5 trở lên, mỗi bài từ 5 trở lên.',
  );
  assert.is(describePassRule({ by: 'attendance' }).en, 'By attendance: attending enough passes.');
  assert.equal(
    describeEligibility(program('SC').eligibility, {}).map((l) => l.vi),
    ['Trình độ tối thiểu: trung học cơ sở.', 'Đã đạt thì không học lại.'],
  );
  assert.equal(
    describeEligibility({ prerequisites: ['SC'], repeatable: true }, { SC: program('SC').name }).map((l) => l.vi),
    ['Cần có giấy chứng nhận chương trình Sơ cấp lý luận chính trị.', 'Được học lại sau khi đã đạt.'],
  );
  assert.equal(
    describeEligibility({ repeatable: true }).map((l) => l.en),
    ['Open to everyone.', 'May be taken again after passing.'],
  );
});

test.run();
