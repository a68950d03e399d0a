import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classCode, classInput, enrolmentWindowState } from './classes.js';
import {
  assertClassTransition,
  CLASS_STATUSES,
  type ClassStatus,
  canTransitionClass,
  formatClassCode,
} from './classes-terms.js';
import { DomainError, isDomainError, parseInput } from './errors.js';

const id = (n: number) => `0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0${n}`;
const valid = {
  code: 'NTĐ-03/2022',
  programId: id(1),
  organiserUnitId: id(2),
  mode: 'in_person',
  venue: 'Hội trường Trung tâm Chính trị huyện Chợ Đồn',
  capacity: 60,
  startDate: '14/03/2022',
  endDate: '18/03/2022',
  enrolmentOpensOn: '01/03/2022',
  enrolmentClosesOn: '11/03/2022',
};

function fieldsOf(input: unknown): string[] {
  try {
    parseInput(classInput, input);
    return [];
  } catch (error) {
    assert.ok(isDomainError(error), String(error));
    return [...new Set(error.fields.map((f) => f.field))].sort();
  }
}

test('a valid class is normalised', () => {
  const cls = parseInput(classInput, { ...valid, code: ' ntđ-03/2022 ' });
  assert.is(cls.code, 'NTĐ-03/2022');
  assert.is(cls.startDate, '2022-03-14');
  assert.equal(cls.sites, []);
});

test('class codes: program code, number, year', () => {
  for (const code of ['NTĐ-03/2022', 'SC-K2-01/2022', 'ĐVM-1/2023', 'NQ-120/2022']) {
    assert.is(parseInput(classCode, code), code, code);
  }
  for (const code of ['NTĐ 03/2022', 'NTĐ-03-2022', '-03/2022', 'NTĐ-03/22', '']) {
    assert.throws(() => parseInput(classCode, code), /INPUT.INVALID/, code);
  }
  assert.is(formatClassCode('NTĐ', 3, 2022), 'NTĐ-03/2022');
  assert.is(formatClassCode('SC', 12, 2022), 'SC-12/2022');
});

test('bad classes name each field at fault', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['end before start', { endDate: '13/03/2022' }, ['endDate']],
    ['31/02', { startDate: '31/02/2022' }, ['startDate']],
    ['negative capacity', { capacity: -5 }, ['capacity']],
    ['zero capacity', { capacity: 0 }, ['capacity']],
    ['fractional capacity', { capacity: 10.5 }, ['capacity']],
    ['absurd capacity', { capacity: 20_001 }, ['capacity']],
    ['capacity as text', { capacity: '60' }, ['capacity']],
    [
      'window closes before it opens',
      { enrolmentOpensOn: '10/03/2022', enrolmentClosesOn: '05/03/2022' },
      ['enrolmentClosesOn'],
    ],
    ['window closes after the start', { enrolmentClosesOn: '15/03/2022' }, ['enrolmentClosesOn']],
    ['in person without a venue', { venue: null }, ['venue']],
    ['in person with sites', { sites: [{ name: 'Xã Bằng Lũng' }] }, ['sites']],
    ['online without sites', { mode: 'online', venue: null }, ['sites']],
    ['hybrid without sites', { mode: 'hybrid' }, ['sites']],
    ['link that is not a web address', { onlineLink: 'javascript:alert(1)' }, ['onlineLink']],
    ['unknown mode', { mode: 'by_post' }, ['mode']],
  ];
  for (const [label, change, fields] of cases) assert.equal(fieldsOf({ ...valid, ...change }), fields, label);
});

test('online and hybrid classes list their sites', () => {
  const sites = [{ name: 'Điểm cầu xã Bằng Lũng' }, { name: 'Điểm cầu xã Nam Cường', unitId: id(3) }];
  assert.equal(
    fieldsOf({ ...valid, mode: 'online', venue: null, sites, onlineLink: 'https://meet.example.vn/nq' }),
    [],
  );
  assert.equal(fieldsOf({ ...valid, mode: 'hybrid', sites }), []);
});

test('sessions must fall within the class and not overlap one another', () => {
  const session = (date: string, part: string) => ({ date, part, periods: 5 });
  assert.equal(
    fieldsOf({ ...valid, sessions: [session('14/03/2022', 'morning'), session('14/03/2022', 'afternoon')] }),
    [],
  );
  assert.equal(fieldsOf({ ...valid, sessions: [session('19/03/2022', 'morning')] }), ['sessions.0.date']);
  assert.equal(fieldsOf({ ...valid, sessions: [session('14/03/2022', 'morning'), session('14/03/2022', 'morning')] }), [
    'sessions.1.date',
  ]);
  // A malformed session gets its own error, not a crash of the overlap check.
  assert.equal(fieldsOf({ ...valid, sessions: [{ date: '14/03/2022', periods: 5 }] }), ['sessions.0.part']);
});

test('the status machine allows exactly its listed moves', () => {
  const legal = new Set([
    'draft→open',
    'draft→cancelled',
    'open→running',
    'open→cancelled',
    'running→finished',
    'running→cancelled',
    'finished→closed',
  ]);
  for (const from of CLASS_STATUSES) {
    for (const to of CLASS_STATUSES) {
      assert.is(canTransitionClass(from, to), legal.has(`${from}→${to}`), `${from}→${to}`);
    }
  }
});

test('an illegal move throws CLASS.ILLEGAL_TRANSITION naming both states', () => {
  const cases: [ClassStatus, ClassStatus][] = [
    ['finished', 'cancelled'],
    ['draft', 'running'],
    ['closed', 'open'],
    ['cancelled', 'open'],
  ];
  for (const [from, to] of cases) {
    try {
      assertClassTransition(from, to);
      assert.unreachable(`${from}→${to}`);
    } catch (error) {
      assert.instance(error, DomainError);
      const e = error as DomainError;
      assert.is(e.code, 'CLASS.ILLEGAL_TRANSITION');
      assert.is(e.kind, 'conflict');
      assert.equal([e.details.from, e.details.to], [from, to]);
    }
  }
  try {
    assertClassTransition('finished', 'cancelled');
  } catch (error) {
    assert.is((error as DomainError).text.vi, 'Không thể chuyển lớp từ trạng thái "Đã kết thúc" sang "Đã hủy".');
    assert.is((error as DomainError).text.en, 'A class cannot go from "Finished" to "Cancelled".');
  }
  assertClassTransition('draft', 'open');
});

test('the enrolment window is inclusive at both ends; missing ends are unbounded', () => {
  const cls = { status: 'open' as const, enrolmentOpensOn: '2022-03-01', enrolmentClosesOn: '2022-03-11' };
  assert.is(enrolmentWindowState(cls, '2022-02-28'), 'before');
  assert.is(enrolmentWindowState(cls, '2022-03-01'), 'open');
  assert.is(enrolmentWindowState(cls, '2022-03-11'), 'open');
  assert.is(enrolmentWindowState(cls, '2022-03-12'), 'after');
  assert.is(enrolmentWindowState({ status: 'open' }, '2030-01-01'), 'open');
});

test.run();
