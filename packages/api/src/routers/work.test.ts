import {
  createTestPolCenter,
  fixtureClass,
  fixtureEnrolments,
  fixturePeople,
  fixtureProgram,
  fixtureUnit,
} from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from '../context.js';
import { createCaller } from '../root.js';
import { callerWithRole } from '../test-callers.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const orm = polcenter.orm;
const sql = (text: string, params: unknown[] = []) => orm.em.fork().execute(text, params);

// The server's today (Vietnam's date), as `work.todo` reads it.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// A district with a commune below it, and another district.
const district = await fixtureUnit(orm, 'Huyện Chợ Đồn');
const commune = await fixtureUnit(orm, 'Xã Phương Viên');
await sql('UPDATE unit SET parent_id = ? WHERE id = ?', [district, commune]);
const other = await fixtureUnit(orm, 'Huyện Ba Bể');
const program = await fixtureProgram(orm, 'NTĐ');

// The district's class: enrolment closes in three days, two of the commune's people wait.
const ours = await fixtureClass(orm, { programId: program.id, unitId: district, closesOn: inDays(3) });
await fixtureEnrolments(orm, ours.id, await fixturePeople(orm, 2, { unitId: commune }), 'requested');
// The other district's class is running, with a session today nobody has marked.
const theirs = await fixtureClass(orm, {
  programId: program.id,
  unitId: other,
  status: 'running',
  sessions: [{ date: today, start: '07:30', end: '11:30' }],
});
await fixtureEnrolments(orm, theirs.id, await fixturePeople(orm, 3, { unitId: other }), 'approved');

const callerWith = (role: Role, unitId: string | null) => callerWithRole(polcenter, role, unitId);

/** The caller's list as `kind: class code × count`, the kinds with nothing left out. */
async function seen(api: ReturnType<typeof createCaller>): Promise<string[]> {
  const list = await api.work.todo();
  return list.kinds.flatMap((k) => k.items.map((i) => `${k.kind}: ${i.class.code} × ${i.count}`));
}

test("the district's center staff see their classes' work, not the other district's", async () => {
  assert.equal(await seen(await callerWith('center_staff', district)), [
    `enrolment_closing: ${ours.code} × 30`,
    `requests_waiting: ${ours.code} × 2`,
  ]);
  assert.equal(await seen(await callerWith('center_staff', other)), [`attendance_missing: ${theirs.code} × 3`]);
});

test("a commune's coordinator: their people's waiting requests and the district's closing window, no class work", async () => {
  assert.equal(await seen(await callerWith('unit_coordinator', commune)), [
    `enrolment_closing: ${ours.code} × 30`,
    `requests_waiting: ${ours.code} × 2`,
  ]);
  // The commune's own center staff run no class: the district's work is not theirs to do.
  assert.equal(await seen(await callerWith('center_staff', commune)), []);
  assert.equal(await seen(await callerWith('unit_coordinator', other)), []);
});

test('roles without class work see an empty list; an administrator sees everything', async () => {
  assert.equal(await seen(await callerWith('lecturer', district)), []);
  assert.equal(await seen(await callerWith('propaganda_staff', district)), []);
  const all = await seen(await callerWith('admin', null));
  assert.ok(all.includes(`requests_waiting: ${ours.code} × 2`));
  assert.ok(all.includes(`attendance_missing: ${theirs.code} × 3`));
});

test('the limit cuts the items and keeps the total; signing in is required', async () => {
  const admin = await callerWith('admin', null);
  const list = await admin.work.todo({ limit: 1 });
  assert.ok(list.kinds.every((k) => k.items.length <= 1));
  assert.is(list.today, today);
  const bad = await admin.work.todo({ limit: 0 }).catch((e: unknown) => e);
  assert.is((bad as TRPCError).code, 'BAD_REQUEST');
  const anonymous = createCaller(createContextInner({ polcenter }));
  const refused = await anonymous.work.todo().catch((e: unknown) => e);
  assert.instance(refused, TRPCError);
  assert.is((refused as TRPCError).code, 'UNAUTHORIZED');
});

test.run();
