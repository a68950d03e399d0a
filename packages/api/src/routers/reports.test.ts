import { createTestPolCenter, unitIdByCode } from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context.js';
import { createCaller } from '../root.js';
import { callerWithRole } from '../test-callers.js';

/** Who may read which report, and the public figures, over the demo's Chợ Đồn. */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());
const anonymous = createCaller(createContextInner({ polcenter, lang: 'vi' }));
const half = { from: '2022-01-01', to: '2022-06-30' };
const unit = (code: string) => unitIdByCode(polcenter.orm, code);

const callerWith = async (role: Role, unitCode: string) => callerWithRole(polcenter, role, await unit(unitCode));

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'answered',
    (e: TRPCError) => e.code,
  );

test('the public reads the training figures and the published subset, the same numbers as the staff report', async () => {
  const training = await anonymous.reports.training({ ...half, organiserCode: '064' });
  const published = await anonymous.reports.published({ ...half, unitCode: '064' });
  assert.is(training.trainees, 211);
  assert.equal(published.training.trainees.actual, training.trainees);
  assert.equal(published.sentences.training, training.sentence);
  const staff = await callerWith('center_staff', '064');
  const full = await staff.reports.period({ ...half, unitId: await unit('064') });
  assert.equal(full.training.byEthnicity, published.training.byEthnicity);
  assert.is(full.rapporteurs.briefings.count, published.rapporteurs.briefings.actual);
  // Anyone else's report is staff's only.
  assert.is(await codeOf(anonymous.reports.period({ ...half, unitId: await unit('064') })), 'UNAUTHORIZED');
});

test("the merged commune's staff read its report and its predecessors', not the district's nor a neighbour's", async () => {
  const staff = await callerWith('unit_coordinator', 'TN-CHODON');
  const own = await staff.reports.period(half);
  assert.is(own.organiser?.code, 'TN-CHODON');
  assert.ok(own.training.sent.trainees > 0);
  const predecessor = await staff.reports.period({ ...half, unitId: await unit('02050') });
  assert.is(predecessor.organiser?.code, '02050');
  assert.is(await codeOf(staff.reports.period({ ...half, unitId: await unit('064') })), 'FORBIDDEN');
  assert.is(await codeOf(staff.reports.period({ ...half, unitId: await unit('02023') })), 'FORBIDDEN');
  assert.is(
    await codeOf(
      staff.reports.setTarget({ unitId: await unit('TN-CHODON'), year: 2026, measure: 'classes', target: 2 }),
    ),
    'FORBIDDEN',
  );
});

test('sensitive opinion topics: counted for center staff, named for the propaganda department', async () => {
  const district = await unit('064');
  const center = await (await callerWith('center_staff', '064')).reports.period({ ...half, unitId: district });
  const dept = await (await callerWith('propaganda_staff', '064')).reports.period({ ...half, unitId: district });
  const withheld = center.rapporteurs.opinionReports.withheld;
  assert.is(center.rapporteurs.opinionReports.count + withheld, dept.rapporteurs.opinionReports.count);
  assert.ok(center.rapporteurs.opinionReports.bySensitivity.every((s) => s.sensitivity === 'routine'));
  const published = JSON.stringify(await anonymous.reports.published({ ...half, unitCode: '064' }));
  for (const t of dept.rapporteurs.opinionReports.byTopic) assert.not.ok(published.includes(t.topic));
});

test('plan targets and output through the API: the unit’s staff enter them, the report shows % of plan', async () => {
  const staff = await callerWith('center_staff', '064');
  const district = await unit('064');
  const target = await staff.reports.setTarget({ unitId: district, year: 2022, measure: 'trainees', target: 422 });
  // The total for every program, beside the demo's per-program targets (seed/story-output.ts).
  assert.equal(
    (await staff.reports.plan({ unitId: district, year: 2022 }))
      .filter((t) => t.measure === 'trainees' && t.programId === null)
      .map((t) => t.target),
    [422],
  );
  const report = await staff.reports.period({ ...half, unitId: district });
  assert.equal(report.training.trainees, { actual: 211, plan: 422, percent: 50 });
  const bad = await staff.reports
    .updateTarget({ id: target.id, expectedVersion: 7, target: 1 })
    .catch((e: TRPCError) => e);
  assert.instance(bad, TRPCError);
  assert.is((bad as TRPCError & { cause: { code: string } }).cause.code, 'PLAN.STALE');
  const output = await staff.reports.recordOutput({
    unitId: district,
    from: '2022-01-01',
    to: '2022-06-30',
    kind: 'news',
    count: 90,
  });
  assert.is((await staff.reports.updateOutput({ id: output.id, expectedVersion: 1, count: 95 })).count, 95);
  const elsewhere = await callerWith('center_staff', '02023');
  assert.is(await codeOf(elsewhere.reports.updateOutput({ id: output.id, expectedVersion: 2, count: 1 })), 'FORBIDDEN');
});

test('the report as a file for its staff: the XLSX workbook and the print view, base64', async () => {
  const staff = await callerWith('center_staff', '064');
  const xlsx = await staff.reports.file({ ...half, format: 'xlsx' });
  assert.is(xlsx.fileName, 'bao-cao-064-2022-01-01-2022-06-30.xlsx');
  assert.is(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString(), 'PK');
  const html = await staff.reports.file({ ...half, format: 'html' });
  assert.match(Buffer.from(html.base64, 'base64').toString('utf8'), 'Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp');
  const neighbour = await callerWith('unit_coordinator', '02023');
  assert.is(await codeOf(neighbour.reports.file({ ...half, unitId: await unit('064'), format: 'csv' })), 'FORBIDDEN');
});

test.run();
