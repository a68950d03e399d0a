import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planned } from './plans.js';
import {
  organiserName,
  outputSentence,
  periodLabel,
  periodTitle,
  propagandaSentence,
  reportCount,
  trainingSentence,
} from './reports.js';

const district = { name: 'Huyện Chợ Đồn', levelCode: 'district' };
const province = { name: 'Tỉnh Thái Nguyên', levelCode: 'province' };
const commune = { name: 'Xã Chợ Đồn', levelCode: 'commune' };

test('the sentence of the source article, named for the district political center', () => {
  const sentence = trainingSentence(
    periodLabel('2022-01-01', '2022-06-30'),
    { classes: 4, trainees: 211 },
    organiserName(district, 'training'),
  );
  assert.is(
    sentence.vi,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên.',
  );
  assert.is(
    sentence.en,
    'In the first half of 2022, the political center of Huyện Chợ Đồn opened 4 training classes for 211 trainees.',
  );
});

test('after 2025 a province speaks through its political school, a commune through its Party committee', () => {
  assert.is(organiserName(province, 'training').vi, 'Trường Chính trị tỉnh Thái Nguyên');
  assert.is(organiserName(province, 'propaganda').vi, 'Ban Tuyên giáo Tỉnh ủy Thái Nguyên');
  assert.is(organiserName(district, 'propaganda').vi, 'Ban Tuyên giáo Huyện ủy Chợ Đồn');
  assert.is(organiserName(commune, 'training').vi, 'Đảng ủy xã Chợ Đồn');
  assert.is(
    organiserName({ name: 'Thị trấn Bằng Lũng', levelCode: 'commune' }, 'propaganda').vi,
    'Đảng ủy thị trấn Bằng Lũng',
  );
  assert.is(
    organiserName({ name: 'Thành phố Thái Nguyên', levelCode: 'district' }, 'propaganda').vi,
    'Ban Tuyên giáo Thành ủy Thái Nguyên',
  );
  // A level an administrator added speaks under its own name.
  assert.is(organiserName({ name: 'Đảng bộ Khối cơ quan', levelCode: 'bloc' }, 'training').vi, 'Đảng bộ Khối cơ quan');
  for (const unit of [province, commune]) {
    assert.not.match(organiserName(unit, 'training').vi, 'huyện');
    assert.not.match(organiserName(unit, 'propaganda').vi, 'Huyện');
  }
});

test('periods read as staff name them, in titles and at the head of a sentence', () => {
  assert.is(periodLabel('2022-01-01', '2022-12-31').vi, 'Năm 2022');
  assert.is(periodTitle('2022-01-01', '2022-12-31').vi, 'năm 2022');
  assert.is(periodLabel('2022-07-01', '2022-12-31').vi, '06 tháng cuối năm 2022');
  assert.is(periodTitle('2022-07-01', '2022-09-30').vi, 'Quý III/2022');
  assert.is(periodTitle('2022-10-01', '2022-12-31').en, 'Q4 2022');
  assert.is(periodTitle('2022-05-01', '2022-05-31').vi, 'tháng 5/2022');
  assert.is(periodLabel('2022-05-01', '2022-05-31').vi, 'Tháng 5/2022');
  assert.is(periodTitle('2024-02-01', '2024-02-29').en, 'February 2024');
  assert.is(periodTitle('2022-01-01', '2022-09-30').vi, '09 tháng đầu năm 2022');
  assert.is(periodTitle('2022-03-01', '2022-05-15').vi, '01/03/2022–15/05/2022');
  assert.is(periodLabel('2022-03-01', '2022-05-15').vi, 'Từ ngày 01/03/2022 đến ngày 15/05/2022');
  // Two months are no named period; nor is a month that does not end on its last day.
  assert.is(periodTitle('2022-01-01', '2022-02-28').vi, '01/01/2022–28/02/2022');
  assert.is(periodTitle('2022-02-01', '2022-02-27').vi, '01/02/2022–27/02/2022');
  assert.is(periodTitle('2021-07-01', '2022-06-30').vi, '01/07/2021–30/06/2022');
});

test('counts with two digits, thousands with dots; the plan beside the trainees', () => {
  assert.is(reportCount(4), '04');
  assert.is(reportCount(0), '00');
  assert.is(reportCount(16212), '16.212');
  const sentence = trainingSentence(periodLabel('2022-01-01', '2022-06-30'), {
    classes: 4,
    trainees: 211,
    planPercent: 52.8,
  });
  assert.is(
    sentence.vi,
    '06 tháng đầu năm 2022, đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 52,8% kế hoạch năm.',
  );
  assert.is(
    sentence.en,
    'In the first half of 2022, there were 4 training classes for 211 trainees, 52.8% of the annual plan.',
  );
});

test('propaganda and output sentences name the department', () => {
  const dept = organiserName(district, 'propaganda');
  const year = periodLabel('2022-01-01', '2022-12-31');
  assert.is(
    outputSentence(year, { documents: 98, news: 200, radio: 450, banners: 3 }, dept).vi,
    'Năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã ban hành 98 văn bản; đăng tải 200 tin, bài; phát 450 tin trên sóng phát thanh, loa truyền thanh; treo 03 băng rôn, khẩu hiệu.',
  );
  // A kind nobody counted is left out, not written as 00; nothing at all is said so.
  const half = periodLabel('2022-01-01', '2022-06-30');
  const noBanners = outputSentence(half, { documents: 98, news: 196, radio: 457, banners: 0 }, dept);
  assert.is(
    noBanners.vi,
    '06 tháng đầu năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã ban hành 98 văn bản; đăng tải 196 tin, bài; phát 457 tin trên sóng phát thanh, loa truyền thanh.',
  );
  assert.match(noBanners.en, / issued 98 documents, 196 news items and 457 radio or loudspeaker items\.$/);
  assert.equal(outputSentence(half, { documents: 0, news: 0, radio: 0, banners: 0 }, dept), {
    vi: '06 tháng đầu năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn chưa ghi nhận sản phẩm tuyên truyền nào.',
    en: `${half.en}, ${dept.en} recorded no propaganda output.`,
  });
  assert.is(
    propagandaSentence(
      year,
      { briefings: 96, audience: 6512, conferences: 12, attendees: 1480, opinionReports: 5 },
      dept,
    ).vi,
    'Năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã tổ chức 96 buổi tuyên truyền miệng cho 6.512 lượt người nghe, 12 hội nghị với 1.480 lượt người dự; nắm bắt 05 báo cáo dư luận xã hội.',
  );
});

test('percent of plan: one decimal, none without a target', () => {
  assert.equal(planned(211, 400), { actual: 211, plan: 400, percent: 52.8 });
  assert.equal(planned(5, null), { actual: 5, plan: null, percent: null });
  assert.equal(planned(5, 0), { actual: 5, plan: 0, percent: null });
  assert.equal(planned(3, 2), { actual: 3, plan: 2, percent: 150 });
});

test.run();
