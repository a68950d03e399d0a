import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate } from './calendar.js';
import { isoDate } from './dates.js';
import { isDomainError, parseInput } from './errors.js';

test('accepts ISO and Vietnamese day-first dates', () => {
  assert.is(parseInput(isoDate, '2022-03-14'), '2022-03-14');
  assert.is(parseInput(isoDate, '14/3/2022'), '2022-03-14');
  assert.is(formatDate('2022-03-14'), '14/03/2022');
});

test('refuses impossible dates with a bilingual message', () => {
  try {
    parseInput(isoDate, '31/02/2022');
    assert.unreachable('31/02 must be refused');
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.is(error.code, 'INPUT.INVALID');
    assert.match(error.fields[0]?.message.vi ?? '', 'không phải là một ngày có thật');
    assert.match(error.fields[0]?.message.en ?? '', 'not a real date');
  }
});

test.run();
