import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import {
  countRows,
  createTestPolCenter,
  expectDomainError,
  fixtureClass,
  fixturePeople,
  fixtureProgram,
} from '../testing/index.js';

// An empty database, as a new installation has it: only what the migrations wrote.
const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const staff = { id: null, label: 'Ban Tổ chức' };
const { units } = polcenter;
const names = (list: { name: string }[]) => list.map((u) => u.name);

/** A province, two communes with two villages each, valid from 2020, and a person in each commune. */
async function twoCommunes(prefix: string) {
  const province = await units.create(SYSTEM_ACTOR, {
    code: `${prefix}`,
    name: `Tỉnh ${prefix}`,
    level: 'province',
    validFrom: '2020-01-01',
  });
  const commune = async (code: string, name: string) => {
    const unit = await units.create(SYSTEM_ACTOR, {
      code: `${prefix}-${code}`,
      name,
      level: 'commune',
      parentId: province.id,
      validFrom: '2020-01-01',
    });
    const villages = [];
    for (const v of ['Nà Pài', 'Bản Cuôn']) {
      villages.push(
        await units.create(SYSTEM_ACTOR, {
          code: `${prefix}-${code}-${villages.length + 1}`,
          name: `Thôn ${v} (${name})`,
          level: 'village',
          parentId: unit.id,
          validFrom: '2020-01-01',
        }),
      );
    }
    return { unit, villages };
  };
  const a = await commune('A', 'Xã Bằng Phúc');
  const b = await commune('B', 'Xã Đồng Lạc');
  const [personA] = await fixturePeople(polcenter.orm, 1, {
    fullName: 'Lý Thị Hoà',
    unitId: a.villages[0]?.id ?? a.unit.id,
  });
  return { province, a, b, personA: personA as string };
}

test('a new installation has its reference data and can create its first unit', async () => {
  const levels = await polcenter.reference.list('unit_level');
  assert.equal(
    levels.map((l) => l.code),
    ['province', 'district', 'commune', 'village'],
  );
  const all = await polcenter.reference.list();
  for (const list of ['roster_level', 'program_kind', 'expertise_field', 'ethnicity']) {
    assert.ok(
      all.some((v) => v.list === list),
      list,
    );
  }
  assert.ok(all.some((v) => v.list === 'ethnicity' && v.code === 'tay' && v.name.vi === 'Tày'));
  const first = await units.create(SYSTEM_ACTOR, { code: 'FIRST', name: 'Tỉnh Thái Nguyên', level: 'province' });
  assert.is(first.levelName.vi, 'Tỉnh');
});

test('merging two communes: one new commune, the old ones end the day before, villages move with them', async () => {
  const { province, a, b } = await twoCommunes('M1');
  const merged = await units.merge(staff, {
    units: [
      { id: a.unit.id, version: a.unit.version },
      { id: b.unit.id, version: b.unit.version },
    ],
    successor: { code: 'M1-AB', name: 'Xã Bằng Lạc' },
    effectiveOn: '01/07/2025',
    decision: 'Nghị quyết 1683/NQ-UBTVQH15',
  });
  assert.is(merged.validFrom, '2025-07-01');
  assert.is(merged.parentId, province.id);
  assert.is(merged.level, 'commune');
  assert.is((await units.get(a.unit.id)).validTo, '2025-06-30');
  assert.is((await units.get(b.unit.id)).validTo, '2025-06-30');

  // The tree at a date: each village under the commune it belonged to then.
  const before = await units.list({ at: '2025-06-30', under: a.unit.id });
  assert.equal(
    names(before),
    names(a.villages).sort((x, y) => x.localeCompare(y, 'vi')),
  );
  assert.equal(await units.list({ at: '2025-07-01', under: a.unit.id }), []);
  const after = await units.list({ at: '2025-07-01', under: merged.id });
  assert.is(after.length, 4);
  assert.ok(after.every((v) => v.parentId === merged.id));
  const communes2024 = await units.list({ at: '2024-01-01', under: province.id, level: 'commune' });
  assert.equal(names(communes2024), ['Xã Bằng Phúc', 'Xã Đồng Lạc']);
  assert.equal(names(await units.list({ at: '2026-01-01', under: province.id, level: 'commune' })), ['Xã Bằng Lạc']);

  assert.equal(
    (await units.links(merged.id)).map((l) => [l.kind, l.effectiveOn, l.decision]),
    [
      ['merge', '2025-07-01', 'Nghị quyết 1683/NQ-UBTVQH15'],
      ['merge', '2025-07-01', 'Nghị quyết 1683/NQ-UBTVQH15'],
    ],
  );
  assert.equal(names(await units.successorsOf(a.unit.id, '2026-01-01')), ['Xã Bằng Lạc']);
  const history = await units.history(a.unit.id);
  assert.equal(
    history.map((h) => h.action),
    ['unit.merge', 'unit.create'],
  );
  assert.equal((await units.history(a.villages[0]?.id as string))[0]?.action, 'unit.move');
});

test('the coordinator of a merged commune reaches the people and villages of its predecessors', async () => {
  const { a, b, personA } = await twoCommunes('M2');
  const merged = await units.merge(staff, {
    units: [
      { id: a.unit.id, version: a.unit.version },
      { id: b.unit.id, version: b.unit.version },
    ],
    successor: { code: 'M2-AB', name: 'Xã Bằng Lạc Hai' },
    effectiveOn: '2025-07-01',
  });
  const coordinator = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.m2',
    displayName: 'Cán bộ xã',
    password: 'mat-khau-du-dai-1',
    roles: [{ role: 'unit_coordinator', unitId: merged.id }],
  });
  const reach = await polcenter.auth.reachOf(coordinator);
  assert.ok(reach.reaches(a.unit.id, ['unit_coordinator']));
  assert.ok(reach.reaches(a.villages[0]?.id));
  assert.ok(reach.reaches(b.unit.id));
  const found = await polcenter.people.search({ query: 'hoa', unitId: merged.id });
  assert.ok(found.items.some((p) => p.id === personA));

  // A commune that merely sits beside them reaches none of it.
  const other = await twoCommunes('M3');
  const neighbour = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.m3',
    displayName: 'Cán bộ xã khác',
    password: 'mat-khau-du-dai-1',
    roles: [{ role: 'unit_coordinator', unitId: other.a.unit.id }],
  });
  assert.not.ok((await polcenter.auth.reachOf(neighbour)).reaches(a.unit.id));
});

test('a split gives each village to one new commune, and refuses to leave one behind', async () => {
  const { a } = await twoCommunes('S1');
  const [v1, v2] = a.villages;
  const count = () => countRows(polcenter.orm, 'unit');
  const before = await count();
  const left = await expectDomainError(
    units.split(staff, {
      unit: { id: a.unit.id, version: a.unit.version },
      successors: [
        { code: 'S1-N', name: 'Xã Bằng Phúc Bắc', childIds: [v1?.id as string] },
        { code: 'S1-S', name: 'Xã Bằng Phúc Nam' },
      ],
      effectiveOn: '2027-01-01',
    }),
  );
  assert.is(left.code, 'UNIT.CHANGE_INVALID');
  assert.ok(left.text.vi.includes(v2?.name as string));
  assert.is(await count(), before);

  const [north, south] = await units.split(staff, {
    unit: { id: a.unit.id, version: a.unit.version },
    successors: [
      { code: 'S1-N', name: 'Xã Bằng Phúc Bắc', childIds: [v1?.id as string] },
      { code: 'S1-S', name: 'Xã Bằng Phúc Nam', childIds: [v2?.id as string] },
    ],
    effectiveOn: '2027-01-01',
  });
  assert.equal(names(await units.list({ at: '2027-01-01', under: north?.id })), [v1?.name]);
  assert.equal(names(await units.list({ at: '2027-01-01', under: south?.id })), [v2?.name]);
  assert.is((await units.list({ at: '2026-12-31', under: a.unit.id })).length, 2);
  assert.equal(names(await units.successorsOf(a.unit.id, '2027-06-01')), ['Xã Bằng Phúc Bắc', 'Xã Bằng Phúc Nam']);
});

test('rename and move: audited, versioned, and a move into its own subtree is refused', async () => {
  const { province, a, b } = await twoCommunes('R1');
  const renamed = await units.rename(staff, { id: a.unit.id, version: a.unit.version, name: 'Xã Bằng Phúc Mới' });
  assert.is(renamed.name, 'Xã Bằng Phúc Mới');
  assert.is(renamed.version, a.unit.version + 1);
  const stale = await expectDomainError(units.rename(staff, { id: a.unit.id, version: a.unit.version, name: 'Khác' }));
  assert.is(stale.code, 'UNIT.STALE');
  assert.ok(stale.text.vi.includes('người khác'));

  const loop = await expectDomainError(
    units.move(staff, {
      id: province.id,
      version: (await units.get(province.id)).version,
      parentId: a.villages[0]?.id as string,
      effectiveOn: '2026-01-01',
    }),
  );
  assert.is(loop.code, 'UNIT.CHANGE_INVALID');
  assert.is(loop.fields[0]?.field, 'parentId');
  assert.ok(loop.text.vi.includes('vòng'));

  const village = a.villages[1];
  const moved = await units.move(staff, {
    id: village?.id as string,
    version: village?.version as number,
    parentId: b.unit.id,
    effectiveOn: '2026-03-01',
  });
  assert.is(moved.parentId, b.unit.id);
  assert.ok(names(await units.list({ at: '2026-02-28', under: a.unit.id })).includes(village?.name as string));
  assert.ok(names(await units.list({ at: '2026-03-01', under: b.unit.id })).includes(village?.name as string));
  assert.equal(
    (await units.history(renamed.id)).map((h) => h.action),
    ['unit.rename', 'unit.create'],
  );
});

test('closing a unit with an open class, a live role or valid units below it is refused, saying which', async () => {
  const { a, b } = await twoCommunes('C1');
  const program = await fixtureProgram(polcenter.orm, 'NTĐ');
  await fixtureClass(polcenter.orm, { programId: program.id, unitId: b.unit.id });
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.c1',
    displayName: 'Cán bộ',
    password: 'mat-khau-du-dai-1',
    roles: [{ role: 'unit_coordinator', unitId: b.unit.id }],
  });
  const refused = await expectDomainError(
    units.close(staff, { id: b.unit.id, version: b.unit.version, validTo: '2026-12-31' }),
  );
  assert.is(refused.code, 'UNIT.IN_USE');
  assert.ok(refused.text.vi.includes('1 lớp chưa kết thúc'), refused.text.vi);
  assert.ok(refused.text.vi.includes('1 tài khoản'));
  assert.ok(refused.text.vi.includes('2 đơn vị trực thuộc'));
  assert.is((await units.get(b.unit.id)).validTo, null);

  // A merger of a commune with an open class is refused the same way, and writes nothing.
  const count = () => countRows(polcenter.orm, 'unit');
  const before = await count();
  const merge = await expectDomainError(
    units.merge(staff, {
      units: [
        { id: a.unit.id, version: a.unit.version },
        { id: b.unit.id, version: b.unit.version },
      ],
      successor: { code: 'C1-AB', name: 'Xã Mới' },
      effectiveOn: '2026-07-01',
    }),
  );
  assert.is(merge.code, 'UNIT.IN_USE');
  assert.is(merge.fields[0]?.field, 'units.1.id');
  assert.is(await count(), before);

  // Villages closed, nothing else: the commune closes.
  for (const v of a.villages) await units.close(staff, { id: v.id, version: v.version, validTo: '2026-12-31' });
  const closed = await units.close(staff, { id: a.unit.id, version: a.unit.version, validTo: '2026-12-31' });
  assert.is(closed.validTo, '2026-12-31');
  const again = await expectDomainError(
    units.close(staff, { id: a.unit.id, version: closed.version, validTo: '2027-01-31' }),
  );
  assert.is(again.code, 'UNIT.CHANGE_INVALID');
});

test('a merger is refused for a taken code, mixed levels or a unit already ended', async () => {
  const { province, a, b } = await twoCommunes('X1');
  const taken = await expectDomainError(
    units.merge(staff, {
      units: [
        { id: a.unit.id, version: a.unit.version },
        { id: b.unit.id, version: b.unit.version },
      ],
      successor: { code: 'X1-A', name: 'Trùng mã' },
      effectiveOn: '2026-07-01',
    }),
  );
  assert.is(taken.code, 'UNIT.CODE_TAKEN');
  assert.is(taken.fields[0]?.field, 'successor.code');
  const mixed = await expectDomainError(
    units.merge(staff, {
      units: [
        { id: a.unit.id, version: a.unit.version },
        { id: province.id, version: province.version },
      ],
      successor: { code: 'X1-AP', name: 'Lẫn cấp' },
      effectiveOn: '2026-07-01',
    }),
  );
  assert.is(mixed.code, 'UNIT.CHANGE_INVALID');
  const one = await expectDomainError(
    units.merge(staff, {
      units: [{ id: a.unit.id, version: a.unit.version }],
      successor: { code: 'X1-1', name: 'Một' },
      effectiveOn: '2026-07-01',
    }),
  );
  assert.is(one.code, 'INPUT.INVALID');
  assert.is(one.fields[0]?.field, 'units');
});

test('reference data: admins rename entries and add to open lists; fixed lists keep their codes', async () => {
  const [tay] = await polcenter.reference.list('ethnicity').then((l) => l.filter((v) => v.code === 'tay'));
  const saved = await polcenter.reference.save(staff, {
    list: 'ethnicity',
    code: 'tay',
    rank: tay?.rank as number,
    nameVi: 'Tày (Thổ)',
    nameEn: 'Tay',
    version: tay?.version as number,
  });
  assert.is(saved.name.vi, 'Tày (Thổ)');
  assert.is(saved.version, (tay?.version as number) + 1);
  const stale = await expectDomainError(
    polcenter.reference.save(staff, {
      list: 'ethnicity',
      code: 'tay',
      rank: 1,
      nameVi: 'X',
      nameEn: 'X',
      version: tay?.version as number,
    }),
  );
  assert.is(stale.code, 'REFERENCE.STALE');
  const fixed = await expectDomainError(
    polcenter.reference.save(staff, { list: 'ethnicity', code: 'muong', rank: 90, nameVi: 'Mường', nameEn: 'Muong' }),
  );
  assert.is(fixed.code, 'REFERENCE.FIXED_LIST');
  assert.ok(fixed.text.vi.includes('chỉ sửa được tên'));

  const hamlet = await polcenter.reference.save(staff, {
    list: 'unit_level',
    code: 'hamlet_group',
    rank: 50,
    nameVi: 'Cụm dân cư',
    nameEn: 'Hamlet group',
  });
  assert.is(hamlet.version, 1);
  const unit = await units.create(SYSTEM_ACTOR, { code: 'CUM-1', name: 'Cụm 1', level: 'hamlet_group' });
  assert.is(unit.levelName.vi, 'Cụm dân cư');
  const taken = await expectDomainError(
    polcenter.reference.save(staff, { list: 'unit_level', code: 'hamlet_group', rank: 1, nameVi: 'A', nameEn: 'A' }),
  );
  assert.is(taken.code, 'REFERENCE.CODE_TAKEN');
  const bad = await expectDomainError(
    polcenter.reference.save(staff, { list: 'roster_level', code: 'Cấp Xã', rank: 1, nameVi: 'A', nameEn: 'A' }),
  );
  assert.is(bad.code, 'INPUT.INVALID');
  assert.is(bad.fields[0]?.field, 'code');
  assert.ok((await countRows(polcenter.orm, 'audit_log', "action LIKE 'reference.%'")) >= 2);
});

test.run();
