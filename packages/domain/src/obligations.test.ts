import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError, parseInput } from './errors.js';
import {
  aggregateWorkload,
  computeShortfalls,
  type MemberTally,
  type ObligationRule,
  obligationInput,
  periodKey,
} from './obligations.js';

const briefings: ObligationRule = {
  id: 'o1',
  code: 'BRIEFINGS-6',
  kind: 'briefings',
  minimum: 6,
  minShare: null,
  name: { vi: '', en: '' },
};
const conferences: ObligationRule = {
  ...briefings,
  id: 'o2',
  code: 'CONF-80',
  kind: 'conference_attendance',
  minimum: null,
  minShare: 0.8,
};

const tally = (personId: string, b: number, c: number, held = 12): MemberTally => ({
  personId,
  done: { briefings: b, conference_attendance: c, opinion_reports: 0 },
  held: { conference_attendance: held },
});

test('who falls short and by how much', () => {
  const rows: [who: string, briefingsGiven: number, attended: number, held: number][] = [
    ['an', 8, 12, 12], // fine
    ['binh', 2, 12, 12], // 4 briefings short
    ['chi', 6, 9, 12], // needs ceil(0.8 × 12) = 10, short by 1
    ['dung', 0, 0, 0], // no conferences held: nothing asked
  ];
  const result = computeShortfalls(
    [briefings, conferences],
    rows.map(([who, b, c, held]) => tally(who, b, c, held)),
  );
  assert.equal(
    result.map((s) => [s.personId, s.code, s.required, s.done, s.shortBy]),
    [
      ['dung', 'BRIEFINGS-6', 6, 0, 6],
      ['binh', 'BRIEFINGS-6', 6, 2, 4],
      ['chi', 'CONF-80', 10, 9, 1],
    ],
  );
});

test('a rule gives a count or a share, not both', () => {
  const base = { code: 'X', kind: 'briefings', name: { vi: 'a', en: 'a' } };
  assert.ok(parseInput(obligationInput, { ...base, minimum: 4 }));
  for (const bad of [{}, { minimum: 4, minShare: 0.5 }, { minShare: 0.5 }]) {
    assert.throws(
      () => parseInput(obligationInput, { ...base, ...bad }),
      (e: unknown) => e instanceof DomainError,
    );
  }
});

test('workload rolls days up into months, quarters, halves and years', () => {
  assert.equal(
    ['month', 'quarter', 'half', 'year'].map((p) => periodKey('2022-08-14', p as 'month')),
    ['2022-08', '2022-Q3', '2022-H2', '2022'],
  );
  const day = (personId: string, date: string, periodsTaught: number, briefingsGiven: number) => ({
    personId,
    date,
    periodsTaught,
    sessionsTaught: periodsTaught ? 1 : 0,
    briefings: briefingsGiven,
    audience: briefingsGiven * 40,
  });
  const rows = aggregateWorkload(
    [
      day('an', '2022-03-14', 4, 0),
      day('an', '2022-03-15', 5, 1),
      day('an', '2022-07-02', 0, 2),
      day('binh', '2022-01-05', 4, 0),
    ],
    'half',
  );
  assert.equal(
    rows.map((r) => [r.personId, r.period, r.periodsTaught, r.sessionsTaught, r.briefings, r.audience]),
    [
      ['an', '2022-H1', 9, 2, 1, 40],
      ['an', '2022-H2', 0, 0, 2, 80],
      ['binh', '2022-H1', 4, 1, 0, 0],
    ],
  );
});

test.run();
