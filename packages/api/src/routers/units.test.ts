import { createTestPolCenter } from '@polcenter/core/testing';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context.js';
import { createCaller } from '../root.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());
const api = createCaller(createContextInner({ polcenter, lang: 'vi' }));

test('anyone can list the communes of Chợ Đồn by the district code', async () => {
  const communes = await api.units.list({ underCode: '064', level: 'commune', at: '2022-06-01' });
  assert.is(communes.length, 20);
  assert.equal(
    Object.keys(communes[0] ?? {}).sort(),
    ['code', 'id', 'kind', 'level', 'levelName', 'parentId', 'validFrom', 'validTo', 'name', 'version'].sort(),
  );
});

test('bad input is a BAD_REQUEST that keeps the domain code and names the field', async () => {
  const error = await api.units.list({ at: '31/02/2022' }).catch((e: unknown) => e);
  assert.instance(error, TRPCError);
  assert.is((error as TRPCError).code, 'BAD_REQUEST');
  assert.is((error as TRPCError & { cause: { code: string } }).cause.code, 'INPUT.INVALID');
});

test('a code or level that names nothing is refused with what was typed, not answered with an empty list', async () => {
  const refusal = (call: Promise<unknown>) =>
    call.then(
      (): never => {
        throw new Error('expected a refusal');
      },
      (e: TRPCError & { cause: { code: string; fields: { field: string; message: { vi: string } }[] } }) => ({
        code: e.cause.code,
        ...e.cause.fields[0],
      }),
    );
  assert.equal(await refusal(api.units.list({ underCode: '999' })), {
    code: 'UNIT.NOT_FOUND',
    field: 'underCode',
    message: { vi: 'Không tìm thấy đơn vị mã "999".', en: 'No unit has the code "999".' },
  });
  const level = await refusal(api.units.list({ underCode: '064', level: 'xa' }));
  assert.is(level.field, 'level');
  assert.is(level.message?.vi, 'Không có cấp đơn vị "xa"; chỉ có: province, district, commune, village.');
  assert.is((await refusal(api.rosters.public({ ownerUnitCode: '999', level: 'district' }))).field, 'ownerUnitCode');
  const rosterLevel = await refusal(api.rosters.public({ ownerUnitCode: '064', level: 'huyen' }));
  assert.match(rosterLevel.message?.vi ?? '', 'chỉ có: central, province, district, commune');
  // A real level with no roster at this unit is no mistake: simply nothing to show.
  assert.equal(await api.rosters.public({ ownerUnitCode: '02029', level: 'province' }), { roster: null, members: [] });
  // A real unit with nothing of that level below it is an empty list, not an error.
  assert.equal(await api.units.list({ underCode: '02050', level: 'commune' }), []);
});

test('the health check reaches the database', async () => {
  assert.equal(await api.system.health(), { status: 'ok' });
});

test.run();
