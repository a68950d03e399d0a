import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { choiceOf, defaultDates, periodDates } from './period-choice.js';

const dates = (kind: Parameters<typeof periodDates>[0]['kind'], year: number, n = 1) =>
  periodDates({ kind, year, n, from: '', to: '' });

test('each named period’s dates, months ending on their last day (a leap February too)', () => {
  assert.equal(dates('half1', 2022), { from: '2022-01-01', to: '2022-06-30' });
  assert.equal(dates('half2', 2022), { from: '2022-07-01', to: '2022-12-31' });
  assert.equal(dates('nine', 2022), { from: '2022-01-01', to: '2022-09-30' });
  assert.equal(dates('year', 2022), { from: '2022-01-01', to: '2022-12-31' });
  assert.equal(dates('quarter', 2022, 3), { from: '2022-07-01', to: '2022-09-30' });
  assert.equal(dates('month', 2024, 2), { from: '2024-02-01', to: '2024-02-29' });
  assert.equal(dates('month', 2022, 2), { from: '2022-02-01', to: '2022-02-28' });
  assert.equal(periodDates({ kind: 'range', year: 2022, n: 1, from: '2022-03-05', to: '2022-05-15' }), {
    from: '2022-03-05',
    to: '2022-05-15',
  });
});

test('dates read back as the period they name, so the chooser shows what the address says', () => {
  for (const [kind, n] of [
    ['half1', 1],
    ['half2', 7],
    ['nine', 1],
    ['year', 1],
    ['quarter', 4],
    ['month', 11],
  ] as const) {
    const d = dates(kind, 2022, n);
    const back = choiceOf(d.from, d.to);
    assert.is(back.kind, kind, `${d.from}–${d.to}`);
    assert.equal(periodDates(back), d);
  }
  assert.is(choiceOf('2022-03-05', '2022-05-15').kind, 'range');
  assert.is(choiceOf('2022-01-01', '2022-06-29').kind, 'range', 'a half-year short of its last day');
  assert.is(choiceOf('2022-02-01', '2022-04-30').kind, 'range', 'three months that are no quarter');
  assert.is(choiceOf('2022-07-01', '2023-06-30').kind, 'range', 'across two years');
});

test('a page opens on the report being written now: last year in January, the first half until July, then the year', () => {
  const on = (day: string) => defaultDates(new Date(`${day}T09:00:00`));
  assert.equal(on('2026-01-20'), { from: '2025-01-01', to: '2025-12-31' });
  assert.equal(on('2026-02-01'), { from: '2026-01-01', to: '2026-06-30' });
  assert.equal(on('2026-07-10'), { from: '2026-01-01', to: '2026-06-30' });
  assert.equal(on('2026-08-01'), { from: '2026-01-01', to: '2026-12-31' });
  assert.equal(on('2026-12-02'), { from: '2026-01-01', to: '2026-12-31' });
});

test.run();
