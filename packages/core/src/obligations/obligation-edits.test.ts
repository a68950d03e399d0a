import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Ban Tuyên giáo (sửa nghĩa vụ)' };
const district = await unitIdByCode(polcenter.orm, '064');
const sql = <T>(query: string, params: unknown[] = []) =>
  polcenter.orm.em.fork().getConnection().execute<T[]>(query, params);
const corrections = () => countRows(polcenter.orm, 'audit_log', "action = 'obligation.update'");
const rule = {
  code: 'OPINION-2',
  kind: 'opinion_reports' as const,
  ownerUnitId: district,
  minimum: 2,
  name: { vi: 'Ít nhất 2 báo cáo dư luận mỗi năm', en: 'At least 2 opinion reports a year' },
};
const shortOn = async (code: string) =>
  (await polcenter.obligations.shortfalls({ year: 2022, unitId: district })).shortfalls.filter((s) => s.code === code);

test('a rule’s measure is corrected on the version read: the shortfall list follows, the audit keeps both', async () => {
  const defined = await polcenter.obligations.define(staff, rule);
  assert.is(defined.version, 1);
  const before = await shortOn('OPINION-2');
  const { ownerUnitId: _, ...fields } = rule;
  const fixed = await polcenter.obligations.update(staff, {
    ...fields,
    id: defined.id,
    expectedVersion: 1,
    minimum: 20,
    name: { vi: 'Ít nhất 20 báo cáo dư luận mỗi năm', en: 'At least 20 opinion reports a year' },
  });
  assert.equal([fixed.minimum, fixed.version, fixed.ownerUnitId], [20, 2, district]);
  const after = await shortOn('OPINION-2');
  assert.ok(after.length > before.length, `${before.length} short of 2, ${after.length} short of 20`);
  assert.ok(after.every((s) => s.required === 20));
  const [entry] = await sql<{ before: { minimum: number }; after: { minimum: number; name: { vi: string } } }>(
    "SELECT before, after FROM audit_log WHERE action = 'obligation.update' AND entity_id = ?",
    [defined.id],
  );
  assert.equal([entry?.before.minimum, entry?.after.minimum], [2, 20]);
  assert.is(entry?.after.name.vi, 'Ít nhất 20 báo cáo dư luận mỗi năm');
  assert.equal(await polcenter.obligations.get(defined.id), fixed);
});

test('a correction that does not fit is refused, naming the field, and changes nothing', async () => {
  const defined = await polcenter.obligations.define(staff, { ...rule, code: 'OPINION-3', minimum: 3 });
  const { ownerUnitId: _, ...fields } = rule;
  const edit = { ...fields, code: 'OPINION-3', minimum: 3, id: defined.id, expectedVersion: 1 };
  const before = await corrections();
  const cases: [string, () => Promise<unknown>, string, string][] = [
    [
      'the code of the district’s other rule',
      () => polcenter.obligations.update(staff, { ...edit, code: 'BRIEFINGS-6' }),
      'OBLIGATION.CODE_TAKEN',
      'code',
    ],
    [
      'a share of briefings',
      () => polcenter.obligations.update(staff, { ...edit, minimum: null, minShare: 0.5 }),
      'INPUT.INVALID',
      'minShare',
    ],
    [
      'both a minimum and a share',
      () => polcenter.obligations.update(staff, { ...edit, minShare: 0.5 }),
      'INPUT.INVALID',
      'minimum',
    ],
    [
      'years in the wrong order',
      () => polcenter.obligations.update(staff, { ...edit, validFromYear: 2024, validToYear: 2022 }),
      'INPUT.INVALID',
      'validToYear',
    ],
    [
      'a stale version',
      () => polcenter.obligations.update(staff, { ...edit, expectedVersion: 4 }),
      'OBLIGATION.STALE',
      'version',
    ],
    [
      'no such rule',
      () => polcenter.obligations.update(staff, { ...edit, id: '00000000-0000-4000-8000-000000000000' }),
      'OBLIGATION.NOT_FOUND',
      'id',
    ],
  ];
  for (const [label, attempt, code, field] of cases) {
    const error = await expectDomainError(attempt());
    assert.is(error.code, code, label);
    assert.ok(
      error.fields.some((f) => f.field === field && f.message.vi),
      `${label}: ${field}`,
    );
    assert.ok(error.text.vi && error.text.en, label);
  }
  assert.is(await corrections(), before);
  assert.equal(await polcenter.obligations.get(defined.id), defined);
});

test('two people correcting one rule at once: one correction stands, the other is OBLIGATION.STALE', async () => {
  const defined = await polcenter.obligations.define(staff, { ...rule, code: 'OPINION-4', minimum: 4 });
  const { ownerUnitId: _, ...fields } = rule;
  const edit = (minimum: number) =>
    polcenter.obligations.update(staff, { ...fields, code: 'OPINION-4', minimum, id: defined.id, expectedVersion: 1 });
  const outcomes = await Promise.allSettled([edit(5), edit(6)]);
  const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'saved' : (o.reason as { code: string }).code)).sort();
  assert.equal(codes, ['OBLIGATION.STALE', 'saved']);
  assert.is((await polcenter.obligations.get(defined.id)).version, 2);
});

test.run();
