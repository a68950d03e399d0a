import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { audit } from './audit';
import { createTestPolCenter } from './testing';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const actor = { id: null, label: 'Hoàng Thị Mai' };

async function rows() {
  return polcenter.orm.em
    .fork()
    .execute('SELECT actor_label, action, entity, before, after FROM audit_log ORDER BY id');
}

test('audit rows commit with the change they record', async () => {
  await polcenter.orm.em.fork().transactional(async (tx) => {
    await audit(tx, actor, {
      action: 'unit.rename',
      entity: 'unit',
      entityId: null,
      before: { name: 'A' },
      after: { name: 'B' },
    });
  });
  assert.equal(await rows(), [
    {
      actor_label: 'Hoàng Thị Mai',
      action: 'unit.rename',
      entity: 'unit',
      before: { name: 'A' },
      after: { name: 'B' },
    },
  ]);
});

test('and roll back with it', async () => {
  const before = (await rows()).length;
  await polcenter.orm.em
    .fork()
    .transactional(async (tx) => {
      await audit(tx, actor, { action: 'unit.rename', entity: 'unit', entityId: null });
      throw new Error('the change failed');
    })
    .catch(() => {});
  assert.is((await rows()).length, before);
});

test.run();
