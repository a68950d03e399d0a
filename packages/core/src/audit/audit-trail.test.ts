import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { audit } from '../kernel/audit.js';
import { inTransaction } from '../kernel/sql.js';
import { createTestPolCenter } from '../testing/index.js';

const polcenter = await createTestPolCenter();
const { orm, auditTrail } = polcenter;
const record = '6d0f3c8e-8f1a-4f6e-9b0e-3a6f1c2d4e5f';

// Three entries by two people on two days (Vietnam's calendar), one of them at 23:30 in Vietnam.
await inTransaction(orm, (tx) =>
  audit(
    tx,
    { id: null, label: 'Hoàng Thị Lan' },
    { action: 'person.create', entity: 'person', entityId: record, after: { fullName: 'Lò Văn A' } },
  ),
);
await inTransaction(orm, (tx) =>
  audit(
    tx,
    { id: null, label: 'Triệu Văn Khẩu' },
    { action: 'person.update', entity: 'person', entityId: record, before: { phone: null }, after: { phone: '0912' } },
  ),
);
await inTransaction(orm, (tx) =>
  audit(
    tx,
    { id: null, label: 'Hoàng Thị Lan' },
    { action: 'class.create', entity: 'class', entityId: null, after: {} },
  ),
);
const ids = (await orm.em.fork().execute<{ id: string }[]>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id);
await orm.em
  .fork()
  .execute(
    "UPDATE audit_log SET at = CASE WHEN id = ? THEN timestamptz '2026-03-01 23:30+07' ELSE timestamptz '2026-03-02 08:00+07' END",
    [ids[0]],
  );

const actions = async (filter: Parameters<typeof auditTrail.list>[0]) =>
  (await auditTrail.list(filter)).items.map((e) => `${e.actorLabel}/${e.action}`);

test('the audit log searched by who (words, diacritics optional), by what, by record and by days in Vietnam', async () => {
  assert.equal(await actions({ actor: 'hoang lan' }), ['Hoàng Thị Lan/class.create', 'Hoàng Thị Lan/person.create']);
  assert.equal(await actions({ actor: 'khau' }), ['Triệu Văn Khẩu/person.update']);
  assert.equal(await actions({ action: 'person' }), ['Triệu Văn Khẩu/person.update', 'Hoàng Thị Lan/person.create']);
  assert.equal(await actions({ action: 'person.create' }), ['Hoàng Thị Lan/person.create']);
  assert.equal(await actions({ entity: 'person', entityId: record, actor: 'Lan' }), ['Hoàng Thị Lan/person.create']);
  // 23:30 on 1 March in Vietnam is 16:30 UTC: it belongs to the 1st, not the 2nd.
  assert.equal(await actions({ from: '01/03/2026', to: '2026-03-01' }), ['Hoàng Thị Lan/person.create']);
  assert.equal(await actions({ from: '2026-03-02' }), ['Hoàng Thị Lan/class.create', 'Triệu Văn Khẩu/person.update']);
  assert.equal(await actions({ action: 'person%' }), []);
});

test('paged newest first: each page ends where the next begins', async () => {
  const first = await auditTrail.list({ limit: 2 });
  assert.is(first.items.length, 2);
  const second = await auditTrail.list({ limit: 2, before: first.nextBefore ?? undefined });
  assert.equal(
    [...first.items, ...second.items].map((e) => e.action),
    ['class.create', 'person.update', 'person.create'],
  );
  assert.is(second.nextBefore, null);
});

test.after(() => polcenter.close());
test.run();
