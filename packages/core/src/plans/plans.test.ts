import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

/** A unit's year plan and its propaganda output, as staff enter and correct them. */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Trung tâm (test)' };
const district = await unitIdByCode(polcenter.orm, '064');

test('a target per measure and year: set, listed, corrected on the version read, audited', async () => {
  const [ntd] = await polcenter.orm.em
    .getConnection()
    .execute<{ id: string }[]>("SELECT id FROM program WHERE code = 'NTĐ'");
  const made = await polcenter.plans.set(staff, {
    unitId: district,
    year: 2023,
    measure: 'trainees',
    programId: ntd?.id,
    target: 120,
  });
  assert.is(made.programCode, 'NTĐ');
  assert.is(made.version, 1);
  const fixed = await polcenter.plans.update(staff, { id: made.id, expectedVersion: 1, target: 130 });
  assert.is(fixed.target, 130);
  assert.is(fixed.version, 2);
  const stale = await expectDomainError(
    polcenter.plans.update(staff, { id: made.id, expectedVersion: 1, target: 140 }),
  );
  assert.is(stale.code, 'PLAN.STALE');
  assert.is((await polcenter.plans.get(made.id)).target, 130);
  const again = await expectDomainError(
    polcenter.plans.set(staff, { unitId: district, year: 2023, measure: 'trainees', programId: ntd?.id, target: 1 }),
  );
  assert.is(again.code, 'PLAN.EXISTS');
  assert.match(again.text.vi, 'Đơn vị đã có chỉ tiêu này');
  // The total for every program is another target.
  await polcenter.plans.set(staff, { unitId: district, year: 2023, measure: 'trainees', target: 400 });
  assert.equal(
    (await polcenter.plans.list({ unitId: district, year: 2023 })).map((t) => [t.measure, t.programCode, t.target]),
    [
      ['trainees', null, 400],
      ['trainees', 'NTĐ', 130],
    ],
  );
  assert.is(await countRows(polcenter.orm, 'audit_log', "entity = 'plan_target' AND entity_id = ?", [made.id]), 2);
});

test('bad targets are refused field by field, in Vietnamese first, and nothing is written', async () => {
  const before = await countRows(polcenter.orm, 'plan_target');
  const perProgram = await expectDomainError(
    polcenter.plans.set(staff, {
      unitId: district,
      year: 2023,
      measure: 'briefings',
      programId: '00000000-0000-4000-8000-000000000001',
      target: 5,
    }),
  );
  assert.is(perProgram.code, 'INPUT.INVALID');
  assert.equal(
    perProgram.fields.map((f) => [f.field, f.message.vi]),
    [['programId', 'Chỉ chỉ tiêu số lớp và số học viên mới theo chương trình.']],
  );
  const negative = await expectDomainError(
    polcenter.plans.set(staff, { unitId: district, year: 2023, measure: 'classes', target: -1 }),
  );
  assert.equal(
    negative.fields.map((f) => f.field),
    ['target'],
  );
  const nowhere = await expectDomainError(
    polcenter.plans.set(staff, {
      unitId: '00000000-0000-4000-8000-000000000002',
      year: 2023,
      measure: 'classes',
      target: 3,
    }),
  );
  assert.equal(
    nowhere.fields.map((f) => f.field),
    ['unitId'],
  );
  assert.is(await countRows(polcenter.orm, 'plan_target'), before);
});

test('propaganda output: a count per kind and period within one year, corrected on the version read', async () => {
  const made = await polcenter.propagandaOutput.record(staff, {
    unitId: district,
    from: '2023-01-01',
    to: '2023-12-31',
    kind: 'documents',
    count: 98,
  });
  assert.is(made.count, 98);
  const fixed = await polcenter.propagandaOutput.update(staff, {
    id: made.id,
    expectedVersion: 1,
    count: 99,
    note: 'Bổ sung',
  });
  assert.is(fixed.count, 99);
  assert.is(
    (await expectDomainError(polcenter.propagandaOutput.update(staff, { id: made.id, expectedVersion: 1, count: 1 })))
      .code,
    'OUTPUT.STALE',
  );
  const twoYears = await expectDomainError(
    polcenter.propagandaOutput.record(staff, {
      unitId: district,
      from: '2023-07-01',
      to: '2024-06-30',
      kind: 'news',
      count: 5,
    }),
  );
  assert.equal(
    twoYears.fields.map((f) => [f.field, f.message.vi]),
    [['to', 'Một số liệu chỉ thuộc một năm: hãy ghi riêng từng năm.']],
  );
  const badKind = await expectDomainError(
    polcenter.propagandaOutput.record(staff, {
      unitId: district,
      from: '2023-01-01',
      to: '2023-01-31',
      // A caller outside TypeScript may send any kind.
      kind: 'posters' as 'news',
      count: 5,
    }),
  );
  assert.equal(
    badKind.fields.map((f) => f.field),
    ['kind'],
  );
  assert.equal(
    (await polcenter.propagandaOutput.list({ unitId: district, from: '2023-06-01', to: '2023-06-30' })).map(
      (o) => o.count,
    ),
    [99],
  );
  assert.is(
    await countRows(polcenter.orm, 'audit_log', "entity = 'propaganda_output' AND entity_id = ?", [made.id]),
    2,
  );
});

test.run();
