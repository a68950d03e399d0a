import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Ban Tổ chức' };

const id = (code: string) => unitIdByCode(polcenter.orm, code);
const codes = (units: { code: string }[]) => units.map((u) => u.code);

test('a commune merged in 2020 rolls up to Đồng Thắng, then in 2025 to xã Bạch Thông', async () => {
  const raBan = await id('CD-RABAN');
  assert.equal(codes(await polcenter.units.successorsOf(raBan, '2019-06-01')), ['CD-RABAN']);
  assert.equal(codes(await polcenter.units.successorsOf(raBan, '2022-06-01')), ['02059']);
  assert.equal(codes(await polcenter.units.successorsOf(raBan, '2026-01-01')), ['TN-BACHTHONG']);
});

test('roll-up of the 2022 communes to the map of 2026: twenty communes, eight successors', async () => {
  const communes = await polcenter.units.list({ at: '2022-06-01', underCode: '064', level: 'commune' });
  const rolled = await polcenter.units.rollUp({ unitIds: communes.map((c) => c.id), at: '2026-01-01' });
  assert.is(rolled.length, 20);
  assert.ok(rolled.every((r) => r.successors.length === 1));
  const successors = new Set(rolled.map((r) => r.successors[0]?.code));
  assert.is(successors.size, 8);
  const bangLung = rolled.find((r) => r.unitId === communes.find((c) => c.code === '02020')?.id);
  assert.equal(codes(bangLung?.successors ?? []), ['TN-CHODON']);
  // Bắc Kạn went into Thái Nguyên; the district ended with no heir.
  assert.equal(codes(await polcenter.units.successorsOf(await id('06'), '2026-01-01')), ['19']);
  assert.equal(await polcenter.units.successorsOf(await id('064'), '2026-01-01'), []);
});

test('linkUnits records a split, audited, and the roll-up follows it to both halves', async () => {
  const parent = await id('TN-NGHIATA');
  const north = await polcenter.units.create(SYSTEM_ACTOR, {
    code: 'TN-NGHIATA-B',
    name: 'Xã Nghĩa Tá Bắc',
    level: 'commune',
    validFrom: '2027-01-01',
  });
  const south = await polcenter.units.create(SYSTEM_ACTOR, {
    code: 'TN-NGHIATA-N',
    name: 'Xã Nghĩa Tá Nam',
    level: 'commune',
    validFrom: '2027-01-01',
  });
  const logsBefore = await polcenter.orm.em
    .fork()
    .execute("SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.link'");
  const links = await polcenter.units.linkUnits(staff, {
    kind: 'split',
    predecessorIds: [parent],
    successorIds: [north.id, south.id],
    effectiveOn: '01/01/2027',
    decision: 'Nghị quyết giả định số 1/2026',
  });
  assert.is(links.length, 2);
  assert.is(links[0]?.effectiveOn, '2027-01-01');
  const logsAfter = await polcenter.orm.em
    .fork()
    .execute("SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.link'");
  assert.is(logsAfter[0]?.n, (logsBefore[0]?.n ?? 0) + 2);

  const lyBang = await id('02062');
  assert.equal(codes(await polcenter.units.successorsOf(lyBang, '2026-06-01')), ['TN-NGHIATA']);
  assert.equal(codes(await polcenter.units.successorsOf(lyBang, '2027-06-01')), ['TN-NGHIATA-B', 'TN-NGHIATA-N']);
  assert.is((await polcenter.units.links(parent)).length, 5);
});

test('linkUnits refuses what would corrupt the history: repeats, loops, unknown units, bad shapes', async () => {
  const count = () => countRows(polcenter.orm, 'unit_link');
  const before = await count();
  const again = await expectDomainError(
    polcenter.units.linkUnits(staff, {
      kind: 'rename',
      predecessorIds: [await id('02059')],
      successorIds: [await id('TN-BACHTHONG')],
      effectiveOn: '2025-07-01',
    }),
  );
  assert.is(again.code, 'UNIT.LINK_EXISTS');
  const loop = await expectDomainError(
    polcenter.units.linkUnits(staff, {
      kind: 'rename',
      predecessorIds: [await id('TN-BACHTHONG')],
      successorIds: [await id('CD-RABAN')],
      effectiveOn: '2028-01-01',
    }),
  );
  assert.is(loop.code, 'UNIT.LINK_INVALID');
  const unknown = await expectDomainError(
    polcenter.units.linkUnits(staff, {
      kind: 'merge',
      predecessorIds: [await id('02059'), '00000000-0000-4000-8000-000000000000'],
      successorIds: [await id('19')],
      effectiveOn: '2028-01-01',
    }),
  );
  assert.is(unknown.code, 'UNIT.NOT_FOUND');
  assert.is(unknown.fields[0]?.field, 'predecessorIds.1');
  const split = await expectDomainError(
    polcenter.units.linkUnits(staff, {
      kind: 'split',
      predecessorIds: [await id('02059')],
      successorIds: [await id('19')],
      effectiveOn: '2028-01-01',
    }),
  );
  assert.is(split.code, 'INPUT.INVALID');
  assert.equal(
    split.fields.map((f) => f.field),
    ['successorIds'],
  );
  const impossible = await expectDomainError(
    polcenter.units.linkUnits(staff, {
      kind: 'rename',
      predecessorIds: [await id('02059')],
      successorIds: [await id('19')],
      effectiveOn: '31/02/2028',
    }),
  );
  assert.equal(
    impossible.fields.map((f) => f.field),
    ['effectiveOn'],
  );
  assert.is(await count(), before);
});

test('rollUp names an unknown unit by its place in the list', async () => {
  const error = await expectDomainError(
    polcenter.units.rollUp({ unitIds: [await id('06'), '00000000-0000-4000-8000-000000000000'] }),
  );
  assert.is(error.code, 'UNIT.NOT_FOUND');
  assert.is(error.fields[0]?.field, 'unitIds.1');
});

test.run();
