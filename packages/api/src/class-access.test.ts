import { type Principal, SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter, fixtureClass, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import type { RoleGrant } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextFromHeaders, createContextInner, defaultLimits } from './context.js';
import { createCaller } from './root.js';

/**
 * Who sees a class (docs/api.md, "Who sees a class"): staff of the organiser's line — its units,
 * those below it (a commune under the province nominates into the province's classes) and those
 * above it — and administrators. Anyone else gets the very answer an id of no class gets.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const orm = polcenter.orm;
const [province, chodon, namcuong] = [
  await unitIdByCode(orm, '19'),
  await unitIdByCode(orm, 'TN-CHODON'),
  await unitIdByCode(orm, 'TN-NAMCUONG'),
];
const program = await fixtureProgram(orm, 'NTĐ');
const communeClass = await fixtureClass(orm, { programId: program.id, unitId: chodon });
const provinceClass = await fixtureClass(orm, { programId: program.id, unitId: province });
const NO_CLASS = '00000000-0000-4000-8000-000000000000';

let users = 0;
const user = (role: RoleGrant) =>
  polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: `user${++users}`,
    displayName: `Người dùng ${users}`,
    password: 'a long test password',
    roles: [role],
  });
const callerOf = (principal: Principal) => createCaller(createContextInner({ polcenter, principal, lang: 'en' }));

const otherCommune = callerOf(await user({ role: 'unit_coordinator', unitId: namcuong }));
const communeCoordinator = callerOf(await user({ role: 'unit_coordinator', unitId: chodon }));
const organiserStaff = callerOf(await user({ role: 'center_staff', unitId: chodon }));
const provinceLecturer = callerOf(await user({ role: 'lecturer', unitId: province }));
const admin = callerOf(await user({ role: 'admin', unitId: null }));

const refusal = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => assert.unreachable('the call should be refused'),
    (e: unknown) => e,
  );
  assert.instance(error, TRPCError);
  const { code, message, cause } = error as TRPCError;
  return { code, message, domainCode: (cause as { code?: string }).code };
};

test("a coordinator of another commune is refused the class, its history and its sessions' lecturers", async () => {
  const refused = await refusal(otherCommune.classes.get({ id: communeClass.id }));
  assert.equal(refused, { code: 'NOT_FOUND', message: `No class ${communeClass.id}.`, domainCode: 'CLASS.NOT_FOUND' });
  // Exactly what an id of no class gets: the answer does not tell that the class exists.
  const none = await refusal(otherCommune.classes.get({ id: NO_CLASS }));
  assert.equal({ ...refused, message: refused.message.replace(communeClass.id, NO_CLASS) }, none);
  assert.is((await refusal(otherCommune.classes.history({ id: communeClass.id }))).domainCode, 'CLASS.NOT_FOUND');
  const session = communeClass.sessionIds[0] as string;
  assert.is((await refusal(otherCommune.assignments.ofSession({ sessionId: session }))).domainCode, 'CLASS.NOT_FOUND');
});

test('a coordinator of a commune under the organiser reads the class (to nominate into it), not its lists', async () => {
  assert.is((await communeCoordinator.classes.get({ id: provinceClass.id })).id, provinceClass.id);
  assert.ok(Array.isArray(await communeCoordinator.classes.history({ id: provinceClass.id })));
  // Seeing the class is no right to run it: 403, since the class is no secret to them.
  const refused = await refusal(communeCoordinator.enrolment.listForClass({ classId: provinceClass.id }));
  assert.is(refused.code, 'FORBIDDEN');
});

test("the organiser's center staff read and run their class; staff of a unit above it read it", async () => {
  assert.is((await organiserStaff.classes.get({ id: communeClass.id })).id, communeClass.id);
  assert.equal((await organiserStaff.enrolment.listForClass({ classId: communeClass.id })).items, []);
  assert.is((await provinceLecturer.classes.get({ id: communeClass.id })).id, communeClass.id);
});

test('an administrator reads every class; an id of no class is still not found', async () => {
  assert.is((await admin.classes.get({ id: communeClass.id })).id, communeClass.id);
  assert.is((await admin.classes.get({ id: provinceClass.id })).id, provinceClass.id);
  assert.is((await refusal(admin.classes.get({ id: NO_CLASS }))).domainCode, 'CLASS.NOT_FOUND');
});

/** A caller as the HTTP server builds one, from a sign-in's bearer token. */
const signedIn = async (username: string) => {
  const { token } = await polcenter.auth.signIn({ username, password: 'a long test password' });
  return async () =>
    createCaller(
      await createContextFromHeaders(
        polcenter,
        { authorization: `Bearer ${token}` },
        { clientKey: 'test', limits: defaultLimits() },
      ),
    );
};

test("the token check brings the units the caller's roles reach; auth.me tells them", async () => {
  const staff = await user({ role: 'center_staff', unitId: province });
  const call = await signedIn(staff.username);
  const me = await (await call()).auth.me();
  const reached = new Set(me.reach.map((u) => u.unitId));
  assert.ok(reached.has(province) && reached.has(chodon) && reached.has(namcuong));
  assert.equal(me.reach.find((u) => u.unitId === chodon)?.roles, ['center_staff']);
  assert.is((await (await call()).classes.get({ id: communeClass.id })).id, communeClass.id);
});

test('a disabled account is refused at its next call, whatever it reached', async () => {
  const staff = await user({ role: 'center_staff', unitId: chodon });
  const call = await signedIn(staff.username);
  assert.is((await (await call()).classes.get({ id: communeClass.id })).id, communeClass.id);
  await orm.em.fork().execute('UPDATE app_user SET active = false WHERE id = ?', [staff.userId]);
  const refused = await refusal((await call()).classes.get({ id: communeClass.id }));
  assert.equal([refused.code, refused.domainCode], ['UNAUTHORIZED', 'AUTH.SESSION_ENDED']);
});

test.run();
