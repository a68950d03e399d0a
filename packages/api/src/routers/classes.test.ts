import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter, unitIdByCode } from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import type { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context.js';
import { createCaller } from '../root.js';

/**
 * What the classes router adds to the service: whose classes `list` shows, and the confirmation
 * `transition` passes on. The unit checks of every id are in authorization.test.ts.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const orm = polcenter.orm;
const district = await unitIdByCode(orm, '064');
const phuongVien = await unitIdByCode(orm, '02050');
const dongLac = await unitIdByCode(orm, '02029');
const program = await polcenter.programs.getByCode('CNKT');
let sequence = 0;
const caller = async (role: Role, unitId: string | null, idempotencyKey: string | null = null) =>
  createCaller(
    createContextInner({
      polcenter,
      lang: 'vi',
      idempotencyKey,
      principal: await polcenter.auth.createUser(SYSTEM_ACTOR, {
        username: `lop.${++sequence}`,
        displayName: `Cán bộ ${sequence}`,
        password: 'a long test password',
        roles: [{ role, unitId }],
      }),
    }),
  );
const classAt = (unitId: string, title: string) =>
  polcenter.classes.create(SYSTEM_ACTOR, {
    code: `CNKT-${String(++sequence).padStart(2, '0')}/2031`,
    programId: program.id,
    organiserUnitId: unitId,
    title,
    mode: 'in_person',
    venue: 'Hội trường',
    capacity: 30,
    startDate: '2031-03-03',
    endDate: '2031-03-04',
  });
const ofDistrict = await classAt(district, 'Lớp của huyện');
const ofPhuongVien = await classAt(phuongVien, 'Lớp của xã Phương Viên');
const ofDongLac = await classAt(dongLac, 'Lớp của xã Đồng Lạc');
const inYear = { year: 2031, limit: 100 };

test('list: a commune’s staff see their commune’s classes and the district’s, not a neighbour’s; the district all three', async () => {
  const commune = await caller('unit_coordinator', phuongVien);
  const seen = (await commune.classes.list(inYear)).items.map((c) => c.id);
  assert.ok(seen.includes(ofPhuongVien.id));
  assert.ok(seen.includes(ofDistrict.id));
  assert.not.ok(seen.includes(ofDongLac.id));
  const center = await caller('center_staff', district);
  const all = (await center.classes.list(inYear)).items.map((c) => c.id);
  for (const id of [ofDistrict.id, ofPhuongVien.id, ofDongLac.id]) assert.ok(all.includes(id));
  // Filtering by another unit narrows the caller's reach, never widens it.
  assert.equal((await commune.classes.list({ ...inYear, organiserUnitId: dongLac })).items, []);
  const admin = await caller('admin', null);
  assert.ok((await admin.classes.list(inYear)).items.length >= 3);
  const anonymous = createCaller(createContextInner({ polcenter, lang: 'vi' }));
  const refused = await anonymous.classes.list(inYear).catch((e: unknown) => e);
  assert.is((refused as TRPCError).code, 'UNAUTHORIZED');
});

test('update: the refusal of a capacity under the seats taken comes through with its code and field', async () => {
  const center = await caller('center_staff', district);
  await orm.em.fork().execute('UPDATE training_class SET seats_taken = 12 WHERE id = ?', [ofDistrict.id]);
  const error = (await center.classes
    .update({ classId: ofDistrict.id, expectedVersion: ofDistrict.version, capacity: 10 })
    .catch((e: unknown) => e)) as TRPCError & { cause: { code: string; fields: { field: string }[] } };
  assert.is(error.code, 'CONFLICT');
  assert.is(error.cause.code, 'CLASS.CAPACITY_BELOW_TAKEN');
  assert.is(error.cause.fields[0]?.field, 'capacity');
  const edited = await center.classes.update({
    classId: ofDistrict.id,
    expectedVersion: ofDistrict.version,
    capacity: 12,
  });
  assert.is(edited.capacity, 12);
});

test('transition to finished: refused for an empty class unless confirmEmpty says so', async () => {
  const center = await caller('center_staff', district);
  for (const to of ['open', 'running'] as const) await center.classes.transition({ classId: ofDongLac.id, to });
  const error = (await center.classes
    .transition({ classId: ofDongLac.id, to: 'finished' })
    .catch((e: unknown) => e)) as TRPCError & { cause: { code: string } };
  assert.is(error.cause.code, 'CLASS.FINISH_EMPTY');
  const finished = await center.classes.transition({ classId: ofDongLac.id, to: 'finished', confirmEmpty: true });
  assert.is(finished.status, 'finished');
});

test('addSessions: a repeat with the same Idempotency-Key (a retry after a lost answer) adds the sessions once', async () => {
  const cls = await classAt(district, 'Lớp thêm buổi học');
  const staff = await caller('center_staff', district, 'them-buoi-1');
  const input = {
    classId: cls.id,
    sessions: [
      { date: '2031-03-03', part: 'morning' as const, topicNumber: 1, periods: 4 },
      { date: '2031-03-04', part: 'morning' as const, topicNumber: 2, periods: 4 },
    ],
  };
  const first = await staff.classes.addSessions(input);
  const again = await staff.classes.addSessions(input);
  assert.equal(again, first);
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>('SELECT count(*)::int AS n FROM class_session WHERE class_id = ?', [cls.id]);
  assert.is(row?.n, 2);
});

test.run();
