import { createTestPolCenter } from '@polcenter/core/testing';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context';
import { createCaller } from '../root';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());
const api = createCaller(createContextInner({ polcenter, lang: 'vi' }));

test('anyone can list the communes of Chợ Đồn by the district code', async () => {
  const communes = await api.units.list({ underCode: '064', level: 'commune', at: '2022-06-01' });
  assert.is(communes.length, 20);
  assert.equal(
    Object.keys(communes[0] ?? {}).sort(),
    ['code', 'id', 'kind', 'level', 'levelName', 'parentId', 'validFrom', 'validTo', 'name'].sort(),
  );
});

test('bad input is a BAD_REQUEST that keeps the domain code and names the field', async () => {
  const error = await api.units.list({ at: '31/02/2022' }).catch((e: unknown) => e);
  assert.instance(error, TRPCError);
  assert.is((error as TRPCError).code, 'BAD_REQUEST');
  assert.is((error as TRPCError & { cause: { code: string } }).cause.code, 'INPUT.INVALID');
});

test('the health check reaches the database', async () => {
  assert.equal(await api.system.health(), { status: 'ok' });
});

test.run();
