import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dayOffReason, nextMeetingDay, tetBreak } from './days-off.js';

test('Tết 2022 ran from 29/01 to 06/02, as offices kept it', () => {
  assert.equal(tetBreak('2022-02-01'), { from: '2022-01-29', to: '2022-02-06' });
  assert.is(dayOffReason('2022-01-28')?.vi, undefined);
  assert.is(dayOffReason('2022-01-29')?.vi, 'nghỉ Tết Nguyên đán');
  assert.is(dayOffReason('2022-02-04')?.en, 'the Tết holiday');
  assert.is(dayOffReason('2022-02-07'), undefined);
  assert.is(tetBreak('2025-01-29')?.from, '2025-01-26');
});

test('Sundays and the fixed public holidays are days off; a Saturday is not', () => {
  assert.is(dayOffReason('2022-06-05')?.vi, 'Chủ nhật');
  assert.is(dayOffReason('2022-06-04'), undefined);
  assert.is(dayOffReason('2022-09-02')?.vi, 'Quốc khánh');
  assert.is(dayOffReason('2022-05-02'), undefined);
});

test('the next day for a meeting skips the whole break', () => {
  assert.is(nextMeetingDay('2022-02-05'), '2022-02-07');
  assert.is(nextMeetingDay('2022-06-05'), '2022-06-06');
  assert.is(nextMeetingDay('2022-04-30'), '2022-05-02');
  assert.is(nextMeetingDay('2022-03-14'), '2022-03-14');
});

test.run();
