import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';
import { audit } from './audit.js';
import { inTransaction } from './sql.js';

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

test('many rows in one statement keep their order and their text, on either kind of transaction', async () => {
  const start = (await rows()).length;
  const odd = { note: `Lý do: "vắng" 2 buổi? 50% \\ 'x'` };
  const entries = Array.from({ length: 1200 }, (_, i) => ({
    action: 'test.many',
    entity: 'test',
    entityId: null,
    before: i === 0 ? odd : undefined,
    after: { i },
  }));
  await inTransaction(polcenter.orm, (tx) => audit(tx, actor, ...entries));
  await polcenter.orm.em.fork().transactional((tx) => audit(tx, actor, ...entries.slice(0, 2)));
  const written = (await rows()).slice(start) as { before: unknown; after: { i: number } }[];
  assert.is(written.length, 1202);
  assert.equal(
    written.slice(0, 1200).map((r) => r.after.i),
    entries.map((e) => e.after.i),
  );
  assert.equal(written[0]?.before, odd);
  assert.is(written[1]?.before, null);
  assert.equal(written[1200]?.before, odd, 'the same through MikroORM');
});

test.run();
