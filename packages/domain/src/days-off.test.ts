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
  assert.is(dayOffReason('2022-05-04'), undefined);
});

test('the Hùng Kings’ day, and a day off in lieu of a holiday that falls on a weekend', () => {
  assert.is(dayOffReason('2025-04-07')?.vi, 'Giỗ Tổ Hùng Vương');
  // 10/04/2022 was a Sunday: Monday 11/04 was the day off.
  assert.is(dayOffReason('2022-04-11')?.vi, 'nghỉ bù Giỗ Tổ Hùng Vương');
  assert.is(dayOffReason('2022-04-12'), undefined);
  // 30/04 (Saturday) and 01/05 (Sunday) 2022: Monday 02/05 and Tuesday 03/05.
  assert.is(dayOffReason('2022-05-02')?.vi, 'nghỉ bù ngày Giải phóng miền Nam');
  assert.is(dayOffReason('2022-05-03')?.en, 'a day off in lieu of Labour Day');
  // New Year's Day 2022 was a Saturday.
  assert.is(dayOffReason('2022-01-03')?.vi, 'nghỉ bù Tết Dương lịch');
  // Years after the published calendar: computed as Tết is.
  assert.is(dayOffReason('2027-04-16')?.vi, 'Giỗ Tổ Hùng Vương');
  assert.is(dayOffReason('2034-04-28')?.vi, 'Giỗ Tổ Hùng Vương');
  assert.is(dayOffReason('2034-04-20'), undefined);
});

test('National Day is two days since 2021, the second as each year’s notice named it', () => {
  assert.is(dayOffReason('2022-09-01')?.vi, 'Quốc khánh');
  assert.is(dayOffReason('2021-09-03')?.en, 'National Day');
  assert.is(dayOffReason('2020-09-01'), undefined, 'one day until 2020');
  // 2023: 01/09 (Friday) and 02/09 (Saturday), then Monday 04/09 in lieu.
  assert.is(dayOffReason('2023-09-01')?.vi, 'Quốc khánh');
  assert.is(dayOffReason('2023-09-04')?.vi, 'nghỉ bù Quốc khánh');
  assert.is(dayOffReason('2024-09-03')?.vi, 'Quốc khánh');
  assert.is(dayOffReason('2024-09-04'), undefined);
});

test('Tết 2030 begins on 02/02 in Vietnam (03/02 by the Chinese calendar)', () => {
  assert.equal(tetBreak('2030-02-02'), { from: '2030-01-30', to: '2030-02-07' });
});

test('the next day for a meeting skips the whole break', () => {
  assert.is(nextMeetingDay('2022-02-05'), '2022-02-07');
  assert.is(nextMeetingDay('2022-06-05'), '2022-06-06');
  assert.is(nextMeetingDay('2022-04-30'), '2022-05-04');
  assert.is(nextMeetingDay('2022-04-10'), '2022-04-12');
  assert.is(nextMeetingDay('2022-03-14'), '2022-03-14');
});

test.run();
