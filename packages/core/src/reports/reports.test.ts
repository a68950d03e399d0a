import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, expectDomainError } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

test('the first half of 2022 in Chợ Đồn reads as the source article says', async () => {
  const report = await polcenter.reports.training({ from: '2022-01-01', to: '2022-06-30', organiserCode: '064' });
  assert.is(
    report.sentence.vi,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên.',
  );
  assert.equal(
    report.byProgram.map((p) => [p.code, p.classes, p.trainees]),
    [
      ['BDNV', 1, 46],
      ['CNKT', 1, 55],
      ['NTĐ', 1, 58],
      ['ĐVM', 1, 52],
    ],
  );
  assert.is(
    report.byEthnicity.reduce((sum, e) => sum + e.trainees, 0),
    211,
  );
  assert.is(report.byEthnicity[0]?.ethnicity, 'tay');
  assert.ok(report.certificates > 0 && report.passed <= report.trainees);
  assert.ok(report.rapporteurs.briefings > 0);
});

test('the whole year counts the second half too; a period ending before it starts is refused', async () => {
  const year = await polcenter.reports.training({ from: '01/01/2022', to: '31/12/2022' });
  assert.match(year.sentence.vi, /^Năm 2022, Trung tâm Chính trị huyện đã mở 08 lớp/);
  assert.is(
    (await expectDomainError(polcenter.reports.training({ from: '2022-12-31', to: '2022-01-01' }))).code,
    'INPUT.INVALID',
  );
});

test.run();
