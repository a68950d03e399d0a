import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, unitIdByCode } from '../testing/index.js';

/**
 * The rules a report counts by (ADR 0033), each changed on the demo data and read back: a class
 * counts in the period it starts; only seated trainees count; every figure with a plan shows its
 * percent; output tallies count within their period.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Trung tâm (test)' };
const sql = polcenter.orm.em.getConnection();
const district = await unitIdByCode(polcenter.orm, '064');
const half1 = { from: '2022-01-01', to: '2022-06-30', unitId: district };
const half2 = { from: '2022-07-01', to: '2022-12-31', unitId: district };
const read = (q: typeof half1) => polcenter.reports.period(q, 'staff');
// Each rule is read against plans and tallies written here: the demo's own (story-output.ts) are
// checked in demo-story.test.ts.
await sql.execute('DELETE FROM plan_target');
await sql.execute('DELETE FROM propaganda_output');

test('a class spanning two periods counts once, in the period it starts, with all its trainees', async () => {
  // BDNV-01/2022 (46 trainees) moved to start on 27 June and end on 8 July.
  await sql.execute(
    "UPDATE training_class SET start_date = '2022-06-27', end_date = '2022-07-08' WHERE code = 'BDNV-01/2022'",
  );
  const [first, second] = [await read(half1), await read(half2)];
  assert.is(first.training.classes.actual, 4);
  assert.is(first.training.trainees.actual, 211);
  assert.is(second.training.byProgram.find((p) => p.code === 'BDNV')?.classes.actual ?? 0, 0);
  const year = await read({ ...half1, to: '2022-12-31' });
  assert.is(year.training.classes.actual, first.training.classes.actual + second.training.classes.actual);
  assert.is(year.training.trainees.actual, first.training.trainees.actual + second.training.trainees.actual);
  // Starting on 1 July instead, it belongs to the second half.
  await sql.execute("UPDATE training_class SET start_date = '2022-07-01' WHERE code = 'BDNV-01/2022'");
  assert.is((await read(half1)).training.trainees.actual, 211 - 46);
  assert.is((await read(half2)).training.byProgram.find((p) => p.code === 'BDNV')?.trainees.actual, 46);
  await sql.execute(
    "UPDATE training_class SET start_date = '2022-06-13', end_date = '2022-06-16' WHERE code = 'BDNV-01/2022'",
  );
});

test('withdrawn, waitlisted, rejected and pending people are not trainees', async () => {
  const ids = await sql.execute<{ id: string }[]>(
    `SELECT e.id FROM enrolment e JOIN training_class c ON c.id = e.class_id
      WHERE c.code = 'NTĐ-01/2022' AND e.state = 'passed' ORDER BY e.id LIMIT 4`,
  );
  const states = ['withdrawn', 'waitlisted', 'rejected', 'nominated'];
  for (const [i, row] of ids.entries()) {
    await sql.execute('UPDATE enrolment SET state = ? WHERE id = ?', [states[i], row.id]);
  }
  const report = await read(half1);
  assert.is(report.training.trainees.actual, 211 - 4);
  assert.is(report.training.byProgram.find((p) => p.code === 'NTĐ')?.trainees.actual, 58 - 4);
  assert.is(
    report.training.byGender.reduce((sum, g) => sum + g.trainees, 0),
    211 - 4,
  );
  assert.is((await polcenter.reports.training({ from: half1.from, to: half1.to, organiserCode: '064' })).trainees, 207);
  for (const row of ids) await sql.execute("UPDATE enrolment SET state = 'passed' WHERE id = ?", [row.id]);
});

test('% of plan beside every planned figure: the district’s target, not its communes’ on top of it', async () => {
  const [ntd] = await sql.execute<{ id: string }[]>("SELECT id FROM program WHERE code = 'NTĐ'");
  const commune = await unitIdByCode(polcenter.orm, '02020');
  await polcenter.plans.set(staff, { unitId: district, year: 2022, measure: 'trainees', target: 400 });
  await polcenter.plans.set(staff, { unitId: district, year: 2022, measure: 'classes', target: 10 });
  await polcenter.plans.set(staff, {
    unitId: district,
    year: 2022,
    measure: 'trainees',
    programId: ntd?.id,
    target: 116,
  });
  await polcenter.plans.set(staff, { unitId: district, year: 2022, measure: 'briefings', target: 200 });
  await polcenter.plans.set(staff, { unitId: district, year: 2022, measure: 'documents', target: 100 });
  // A commune's own target lies within the district's: the district's report does not add it.
  await polcenter.plans.set(staff, { unitId: commune, year: 2022, measure: 'trainees', target: 50 });
  await polcenter.plans.set(staff, { unitId: district, year: 2023, measure: 'trainees', target: 999 });
  const report = await read(half1);
  assert.equal(report.training.trainees, { actual: 211, plan: 400, percent: 52.8 });
  assert.equal(report.training.classes, { actual: 4, plan: 10, percent: 40 });
  assert.equal(report.training.byProgram.find((p) => p.code === 'NTĐ')?.trainees, {
    actual: 58,
    plan: 116,
    percent: 50,
  });
  assert.equal(report.training.byProgram.find((p) => p.code === 'CNKT')?.trainees.plan, null);
  const briefings = report.rapporteurs.briefings;
  assert.equal(briefings.planned, {
    actual: briefings.count,
    plan: 200,
    percent: Math.round((briefings.count / 200) * 1000) / 10,
  });
  assert.is(
    report.sentences.training.vi,
    '06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 52,8% kế hoạch năm.',
  );
  // The commune on its own reports against its own target.
  assert.is((await read({ ...half1, unitId: commune })).training.trainees.plan, 50);
  // A program planned but not run shows 0 of its target.
  const [sc] = await sql.execute<{ id: string }[]>("SELECT id FROM program WHERE code = 'SC'");
  await polcenter.plans.set(staff, { unitId: district, year: 2022, measure: 'classes', programId: sc?.id, target: 2 });
  assert.equal((await read(half1)).training.byProgram.find((p) => p.code === 'SC')?.classes, {
    actual: 0,
    plan: 2,
    percent: 0,
  });
});

test('across the reform, the province’s 2022 plan is its own and the absorbed province’s', async () => {
  const thaiNguyen = await unitIdByCode(polcenter.orm, '19');
  const bacKan = await unitIdByCode(polcenter.orm, '06');
  await polcenter.plans.set(staff, { unitId: bacKan, year: 2022, measure: 'classes', target: 30 });
  await polcenter.plans.set(staff, { unitId: thaiNguyen, year: 2022, measure: 'classes', target: 50 });
  const report = await read({ ...half1, unitId: thaiNguyen });
  // Bắc Kạn's target covers its district's (10): 50 + 30.
  assert.equal(report.training.classes, { actual: 4, plan: 80, percent: 5 });
});

test('propaganda output: a tally counts in a report whose period holds it; one straddling its bounds is shown apart', async () => {
  const record = (from: string, to: string, kind: 'documents' | 'news' | 'radio', count: number) =>
    polcenter.propagandaOutput.record(staff, { unitId: district, from, to, kind, count });
  await record('2022-01-01', '2022-06-30', 'news', 90);
  await record('2022-07-01', '2022-12-31', 'news', 110);
  await record('2022-01-01', '2022-12-31', 'documents', 98);
  await record('2022-01-01', '2022-03-31', 'radio', 100);
  await record('2022-04-01', '2022-06-30', 'radio', 120);
  await record('2022-07-01', '2022-12-31', 'radio', 230);
  const year = await read({ ...half1, to: '2022-12-31' });
  const count = (r: typeof year, kind: string) => r.output.byKind.find((o) => o.kind === kind)?.count;
  assert.equal(count(year, 'documents'), { actual: 98, plan: 100, percent: 98 });
  assert.is(count(year, 'news')?.actual, 200);
  assert.is(count(year, 'radio')?.actual, 450);
  assert.is(year.output.straddling, 0);
  assert.match(
    year.sentences.output.vi,
    'Năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã ban hành 98 văn bản; đăng tải 200 tin, bài; phát 450 tin',
  );
  const first = await read(half1);
  assert.is(count(first, 'documents')?.actual, 0);
  assert.is(count(first, 'radio')?.actual, 220);
  assert.is(first.output.straddling, 1);
  // The commune that carries on part of the district's communes has none of the district's own output.
  const commune = await read({ ...half1, unitId: await unitIdByCode(polcenter.orm, 'TN-CHODON') });
  assert.is(count(commune, 'radio')?.actual, 0);
});

test.run();
