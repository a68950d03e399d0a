import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from './context.js';
import { createCaller } from './root.js';

/**
 * Staff usernames are for those who manage accounts (administrators). Whatever other staff read —
 * a class's history, who changed what — names people by their display name.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const district = (await polcenter.units.findByCode('064'))?.id as string;
const phuongVien = (await polcenter.units.findByCode('02050'))?.id as string;
const callerFor = async (username: string, displayName: string, role: Role, unitId: string | null) => {
  const principal = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username,
    displayName,
    password: 'a long test password',
    roles: [{ role, unitId }],
  });
  return { principal, api: createCaller(createContextInner({ polcenter, principal })) };
};
const center = await callerFor('nguyen.van.an', 'Nguyễn Văn An', 'center_staff', district);
const coordinator = await callerFor('ma.thi.hoa', 'Ma Thị Hoa', 'unit_coordinator', phuongVien);
const admin = await callerFor('quantri', 'Quản trị', 'admin', null);

const created = await center.api.classes.create({
  code: 'CNKT-77/2030',
  programId: (await polcenter.programs.getByCode('CNKT')).id,
  organiserUnitId: district,
  mode: 'in_person',
  venue: 'Hội trường Trung tâm',
  capacity: 30,
  startDate: '2030-03-02',
  endDate: '2030-03-03',
});
await center.api.classes.transition({ classId: created.id, to: 'open' });

test("a class's history names the staff who acted by display name, never by username", async () => {
  const history = await coordinator.api.classes.history({ id: created.id });
  assert.equal(
    history.map((h) => [h.to, h.actor.label]),
    [
      ['draft', 'Nguyễn Văn An'],
      ['open', 'Nguyễn Văn An'],
    ],
  );
  assert.not.match(JSON.stringify(history), 'nguyen.van.an');
});

test('rows written with the old "Name (username)" label read back without the username', async () => {
  await polcenter.orm.em.fork().execute(
    `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, before, after)
     VALUES (?, 'Nguyễn Văn An (nguyen.van.an)', 'class.transition', 'class', ?, '{"status":"open"}', '{"status":"running"}')`,
    [center.principal.userId, created.id],
  );
  const history = await coordinator.api.classes.history({ id: created.id });
  assert.equal(history.at(-1)?.actor.label, 'Nguyễn Văn An');
  assert.not.match(JSON.stringify(history), 'nguyen.van.an');
});

test('the audit log, for administrators, shows which account acted', async () => {
  const { items } = await admin.api.audit.list({ entity: 'class', entityId: created.id });
  assert.ok(items.length >= 2);
  assert.ok(items.every((row) => row.actorUsername === 'nguyen.van.an'));
  assert.ok(items.some((row) => row.actorLabel === 'Nguyễn Văn An'));
});

test.run();
