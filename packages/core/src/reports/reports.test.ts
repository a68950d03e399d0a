import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

/**
 * The report of a period over the demo's Chợ Đồn (the source article's 2022), read for the district
 * of the time and, across the 2025 reform, for the commune and the province that carry it on.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const half = { from: '2022-01-01', to: '2022-06-30' };
const sql = polcenter.orm.em.getConnection();
const unit = (code: string) => unitIdByCode(polcenter.orm, code);

/** Trainees of the first half's classes who belong to the four communes Xã Chợ Đồn absorbed: counted here by hand, not by the product. */
async function traineesFromOldChoDon(): Promise<number> {
  const [row] = await sql.execute<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM enrolment e
       JOIN training_class c ON c.id = e.class_id JOIN person p ON p.id = e.person_id JOIN unit u ON u.id = p.unit_id
       LEFT JOIN unit up ON up.id = u.parent_id
      WHERE c.start_date BETWEEN '2022-01-01' AND '2022-06-30' AND c.code IN ('NTĐ-01/2022', 'ĐVM-01/2022', 'CNKT-01/2022', 'BDNV-01/2022')
        AND e.state IN ('approved', 'attending', 'passed', 'failed', 'incomplete')
        AND (u.code IN ('02020', '02053', '02050', '02065') OR up.code IN ('02020', '02053', '02050', '02065'))`,
  );
  return (row as { n: number }).n;
}

test('the first half of 2022 in Chợ Đồn reads as the source article says', async () => {
  const report = await polcenter.reports.training({ ...half, organiserCode: '064' });
  assert.is(
    report.sentence.vi,
    // The article's sentence, measured against the demo's plan for the year (610 trainees).
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 34,6% kế hoạch năm.',
  );
  assert.equal(
    report.byProgram.map((p) => [p.code, p.classes, p.trainees]),
    [
      ['BDNV', 1, 46],
      ['CNKT', 1, 55],
      ['ĐVM', 1, 52],
      ['NTĐ', 1, 58],
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

test('the full report: results, classification, units, and the same numbers as the public training figures', async () => {
  const district = await unit('064');
  const report = await polcenter.reports.period({ ...half, unitId: district }, 'staff');
  const training = await polcenter.reports.training({ ...half, organiserCode: '064' });
  const t = report.training;
  assert.is(t.classes.actual, 4);
  assert.is(t.trainees.actual, training.trainees);
  assert.is(t.passed, training.passed);
  assert.is(t.certificates, training.certificates);
  assert.ok(t.completed >= t.passed && t.completed <= t.trainees.actual);
  assert.is(t.passRate, Math.round((t.passed / t.completed) * 1000) / 10);
  // Every trainee with a result has a band; giỏi / khá / đạt / không đạt in that order.
  assert.equal(
    t.classification.map((c) => c.name.vi),
    ['Giỏi', 'Khá', 'Đạt (trung bình)', 'Không đạt'].filter((name) => t.classification.some((c) => c.name.vi === name)),
  );
  assert.is(
    t.byUnit.reduce((sum, u) => sum + u.trainees, 0),
    211,
  );
  assert.is(
    t.byGender.reduce((sum, g) => sum + g.trainees, 0),
    211,
  );
  assert.is(report.organiser?.training.vi, 'Trung tâm Chính trị huyện Chợ Đồn');
  assert.is(report.rapporteurs.briefings.count, training.rapporteurs.briefings);
  const propaganda = await polcenter.reports.propaganda({ ...half, unitId: district }, 'staff');
  assert.equal(report.rapporteurs.briefings.byEthnicityAndGender, propaganda.briefings.byEthnicityAndGender);
  assert.is(report.directive17.briefings, propaganda.briefings.count);
  assert.is(
    report.directive17.byMode.reduce((sum, m) => sum + m.briefings, 0),
    propaganda.briefings.count,
  );
  assert.ok(report.rapporteurs.roster.members > 0);
});

test('the commune that absorbed four communes in 2025 reports their 2022, under its own name', async () => {
  const commune = await unit('TN-CHODON');
  const report = await polcenter.reports.period({ ...half, unitId: commune }, 'staff');
  assert.equal(
    report.predecessors.map((p) => p.code),
    ['02020', '02050', '02053', '02065'],
  );
  const expected = await traineesFromOldChoDon();
  assert.ok(expected > 0);
  assert.is(report.training.sent.trainees, expected);
  assert.is(report.organiser?.training.vi, 'Đảng ủy xã Chợ Đồn');
  assert.match(report.sentences.propaganda.vi, /^06 tháng đầu năm 2022, Đảng ủy xã Chợ Đồn đã tổ chức \d+ buổi/);
  // The old commune's own report is a part of it.
  const old = await polcenter.reports.period({ ...half, unitId: await unit('02020') }, 'staff');
  assert.ok(old.training.sent.trainees > 0 && old.training.sent.trainees < expected);
  assert.ok(old.rapporteurs.briefings.count < report.rapporteurs.briefings.count);
});

test('the province that absorbed Bắc Kạn reports the district center’s 2022 classes, as its political school', async () => {
  const report = await polcenter.reports.period({ ...half, unitId: await unit('19') }, 'staff');
  assert.is(
    report.sentences.training.vi,
    '06 tháng đầu năm 2022, Trường Chính trị tỉnh Thái Nguyên đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 34,6% kế hoạch năm.',
  );
  assert.ok(report.predecessors.some((p) => p.code === '06'));
  assert.not.match(JSON.stringify(report.sentences), 'huyện');
  // By unit, the province's figures sit with today's communes, each with the 2022 work of those it absorbed.
  const byUnit = report.training.byUnit;
  assert.ok(byUnit.every((u) => u.code?.startsWith('TN-')));
  assert.is(
    byUnit.reduce((sum, u) => sum + u.trainees, 0),
    211,
  );
  assert.is(byUnit.find((u) => u.code === 'TN-CHODON')?.trainees, await traineesFromOldChoDon());
});

test('the whole year counts the second half too; a period ending before it starts is refused', async () => {
  const year = await polcenter.reports.training({ from: '01/01/2022', to: '31/12/2022' });
  assert.match(year.sentence.vi, /^Năm 2022, đã mở 08 lớp/);
  const refused = await expectDomainError(polcenter.reports.training({ from: '2022-12-31', to: '2022-01-01' }));
  assert.is(refused.code, 'INPUT.INVALID');
  assert.equal(
    refused.fields.map((f) => f.field),
    ['to'],
  );
  const unknown = await expectDomainError(polcenter.reports.published({ ...half, unitCode: 'NO-SUCH' }));
  assert.is(unknown.code, 'UNIT.NOT_FOUND');
  assert.equal(
    unknown.fields.map((f) => f.field),
    ['unitCode'],
  );
});

test('the published subset: aggregates only, no opinion topic, no rapporteur, no shortfall', async () => {
  const published = await polcenter.reports.published({ ...half, unitCode: '064' });
  assert.is(published.training.trainees.actual, 211);
  assert.is(published.sentences.training.vi.includes('04 lớp'), true);
  const text = JSON.stringify(published);
  const full = await polcenter.reports.period({ ...half, unitId: await unit('064') }, 'propaganda');
  for (const topic of full.rapporteurs.opinionReports.byTopic) assert.not.ok(text.includes(topic.topic), topic.topic);
  for (const s of full.rapporteurs.conferences.sites) assert.not.ok(text.includes(s.title), s.title);
  assert.not.ok('shortfalls' in published.rapporteurs);
  assert.not.ok(/fullName|personId|nationalId|phone|birth/.test(text));
});

test('the staff report derives its rosters once: its shortfalls are those the obligations service gives', async () => {
  for (const [code, from, to] of [
    ['064', '2022-01-01', '2022-12-31'],
    ['064', '2022-01-01', '2022-06-30'],
    ['19', '2022-01-01', '2022-12-31'],
  ] as const) {
    const unitId = await unit(code);
    const report = await polcenter.reports.period({ from, to, unitId }, 'staff');
    const own = await polcenter.obligations.shortfalls({ year: 2022, asOf: to, unitId });
    // Both walk the period's tree (ADR 0048): Thái Nguyên's 2022 judges Bắc Kạn's district's rosters too.
    assert.ok(own.shortfalls.length > 0, code);
    assert.is(report.rapporteurs.shortfalls.members, own.members);
    assert.equal(
      report.rapporteurs.shortfalls.short,
      own.shortfalls.map((s) => ({
        fullName: s.fullName,
        code: s.code,
        name: s.name,
        required: s.required,
        done: s.done,
        shortBy: s.shortBy,
      })),
    );
    assert.ok(report.rapporteurs.roster.members >= own.members, code);
  }
});

test('classification bands are named as the classes’ own rules name them (a program may rename its bands)', async () => {
  const district = await unit('064');
  const before = (await polcenter.reports.period({ ...half, unitId: district }, 'staff')).training.classification;
  const band = before[0];
  assert.ok(band, 'the half-year has classified trainees');
  await sql.execute(
    `UPDATE training_class SET rules = jsonb_set(rules, '{gradingScale}', (
        SELECT jsonb_agg(CASE WHEN b->>'code' = ? THEN jsonb_set(b, '{name}', '{"vi": "Xuất sắc", "en": "Outstanding"}') ELSE b END)
          FROM jsonb_array_elements(rules->'gradingScale') b))
      WHERE start_date BETWEEN ?::date AND ?::date`,
    [band.code, half.from, half.to],
  );
  const after = (await polcenter.reports.period({ ...half, unitId: district }, 'staff')).training.classification;
  assert.equal(
    after.map((c) => [c.code, c.trainees]),
    before.map((c) => [c.code, c.trainees]),
  );
  assert.equal(after[0]?.name, { vi: 'Xuất sắc', en: 'Outstanding' });
});

test.run();
