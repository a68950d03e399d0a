import { foldDiacritics } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const DISTRICT = '064';

const idOf = (code: string) => unitIdByCode(polcenter.orm, code);

test('the 20 communes of Chợ Đồn in 2022, in Vietnamese alphabetical order', async () => {
  const communes = await polcenter.units.list({ at: '2022-06-01', under: await idOf(DISTRICT), level: 'commune' });
  assert.is(communes.length, 20);
  assert.is(communes[0]?.name, 'Thị trấn Bằng Lũng');
  const names = communes.map((c) => c.name);
  assert.ok(names.includes('Xã Đồng Thắng'));
  assert.not.ok(names.includes('Xã Rã Bản'));
});

test('the tree at a date: before the 2020 merger Rã Bản existed and Đồng Thắng did not', async () => {
  const district = await idOf(DISTRICT);
  const names = (await polcenter.units.list({ at: '2019-06-01', under: district, level: 'commune' })).map(
    (u) => u.name,
  );
  assert.ok(names.includes('Xã Rã Bản'));
  assert.not.ok(names.includes('Xã Đồng Thắng'));
  assert.is(names.length, 22);
});

test('units under a commune include its villages, at any depth', async () => {
  const villages = await polcenter.units.list({ at: '2022-06-01', under: await idOf('02050') });
  assert.is(villages.length, 8);
  const byCode = await polcenter.units.list({ at: '2022-06-01', underCode: '02050' });
  assert.equal(byCode, villages);
  assert.ok(villages.every((v) => v.level === 'village'));
  assert.ok(villages.some((v) => foldDiacritics(v.name) === 'thon na don'));
});

test('creating a unit validates the input and names the field at fault', async () => {
  const created = await polcenter.units.create(SYSTEM_ACTOR, {
    code: '02050-09',
    name: 'Thôn Nà Pẻn',
    level: 'village',
    parentId: await idOf('02050'),
    validFrom: '01/01/2023',
  });
  assert.is(created.validFrom, '2023-01-01');
  assert.is(created.levelName.vi, 'Thôn, bản, tổ dân phố');

  const duplicate = await expectDomainError(
    polcenter.units.create(SYSTEM_ACTOR, { code: '02050-09', name: 'Khác', level: 'village' }),
  );
  assert.is(duplicate.code, 'UNIT.CODE_TAKEN');
  assert.is(duplicate.fields[0]?.field, 'code');

  const badParent = await expectDomainError(
    polcenter.units.create(SYSTEM_ACTOR, {
      code: 'X1',
      name: 'X',
      level: 'village',
      parentId: '00000000-0000-4000-8000-000000000000',
    }),
  );
  assert.is(badParent.code, 'UNIT.NOT_FOUND');

  const before = (await polcenter.units.list({ at: '2024-01-01' })).length;
  const invalid = await expectDomainError(
    polcenter.units.create(SYSTEM_ACTOR, { code: '', name: '', level: 'village' }),
  );
  assert.is(invalid.code, 'INPUT.INVALID');
  assert.is((await polcenter.units.list({ at: '2024-01-01' })).length, before);
});

test.run();
