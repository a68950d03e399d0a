import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { periodLabel, trainingSentence } from './reports.js';

test('the sentence of the source article, from counts', () => {
  const sentence = trainingSentence(periodLabel('2022-01-01', '2022-06-30'), { classes: 4, trainees: 211 });
  assert.is(
    sentence.vi,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên.',
  );
  assert.is(
    sentence.en,
    'In the first half of 2022, the district political center opened 4 training classes for 211 trainees.',
  );
});

test('periods read as people write them', () => {
  assert.is(periodLabel('2022-01-01', '2022-12-31').vi, 'Năm 2022');
  assert.is(periodLabel('2022-07-01', '2022-12-31').vi, '06 tháng cuối năm 2022');
  assert.is(periodLabel('2022-03-01', '2022-05-15').vi, 'Từ ngày 01/03/2022 đến ngày 15/05/2022');
});

test.run();
