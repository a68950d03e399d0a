import { SYSTEM_ACTOR } from '@polcenter/core';
import { fixtureClass, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, signIn, startConsole } from './testing.js';

/**
 * The console hides what the API would refuse, unit by unit (`ConsolePage.can(role, unitId)` on
 * `auth.me`'s `reach`): a commune's center staff decide on their commune's classes, and only
 * nominate into the province's, whose lists the API keeps to the province's center staff.
 */
const rig = await startConsole();
test.after(() => rig.stop());

const orm = rig.polcenter.orm;
const [province, chodon] = [await unitIdByCode(orm, '19'), await unitIdByCode(orm, 'TN-CHODON')];
const program = await fixtureProgram(orm, 'NTĐ');
const provinceClass = await fixtureClass(orm, { programId: program.id, unitId: province, capacity: 20 });
const communeClass = await fixtureClass(orm, { programId: program.id, unitId: chodon, capacity: 20 });
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'dieuphoi.chodon',
  displayName: 'Ma Văn Điều',
  password: PASSWORD,
  roles: [{ role: 'unit_coordinator', unitId: chodon }],
});

const LISTS = 'Đăng ký và duyệt';
const NOMINATE = 'Cử người đi học';

test("the commune's center staff: the lists on their own class, only the nomination form on the province's", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff, undefined, `/classes/${communeClass.id}/enrolment`);
  const view = page.locator('pc-enrolment-page');
  await view.locator('h2', { hasText: LISTS }).waitFor();

  await page.goto(`${rig.url}/console/classes/${provinceClass.id}/enrolment`);
  await view.getByText('Còn 20/20 chỗ').waitFor();
  await view.locator('h2', { hasText: NOMINATE }).waitFor();
  // Hidden, not shown and then refused: no list, no error from the API on the page.
  assert.is(await view.locator('h2', { hasText: LISTS }).count(), 0);
  assert.is(await view.locator('[role=alert]').count(), 0);
  await page.close();
});

test("a coordinator of a commune under the organiser reads the province's class and nominates into it", async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'dieuphoi.chodon', undefined, `/classes/${provinceClass.id}/enrolment`);
  const view = page.locator('pc-enrolment-page');
  await view.getByText(`Ghi danh — ${provinceClass.code}`).waitFor();
  await view.locator('h2', { hasText: NOMINATE }).waitFor();
  assert.is(await view.locator('h2', { hasText: LISTS }).count(), 0);
  assert.is(await view.locator('[role=alert]').count(), 0);
  await page.close();
});

test('an administrator decides on every class', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, undefined, `/classes/${provinceClass.id}/enrolment`);
  await page.locator('pc-enrolment-page h2', { hasText: LISTS }).waitFor();
  await page.close();
});

test("programs: center staff edit their unit's own, not the province's; a coordinator neither creates nor edits", async () => {
  const ownedBy = (code: string, ownerUnitId: string) =>
    rig.polcenter.programs.create(SYSTEM_ACTOR, {
      code,
      ownerUnitId,
      kind: 'skills',
      name: `Bồi dưỡng nghiệp vụ ${code}`,
      topics: [{ number: 1, title: 'Kỹ năng', periods: 4 }],
      endsWith: 'attendance',
      passRule: { by: 'attendance' },
      certificateKind: null,
    });
  const [own, provinces] = [await ownedBy('XA', chodon), await ownedBy('TINH', province)];
  const EDIT = 'Sửa quy định';

  const staff = await rig.page();
  await signIn(staff, rig.url, rig.users.staff, undefined, '/programs');
  await staff.getByRole('link', { name: 'Tạo chương trình' }).waitFor();
  await staff.goto(`${rig.url}/console/programs/${own.id}`);
  await staff.getByRole('link', { name: EDIT }).waitFor();
  await staff.goto(`${rig.url}/console/programs/${provinces.id}`);
  await staff.getByRole('heading', { name: /Bồi dưỡng nghiệp vụ TINH/, level: 1 }).waitFor();
  assert.is(await staff.getByRole('link', { name: EDIT }).count(), 0);
  await staff.close();

  const coordinator = await rig.page();
  await signIn(coordinator, rig.url, 'dieuphoi.chodon', undefined, '/programs');
  await coordinator.locator('pc-programs-page tbody tr').first().waitFor();
  assert.is(await coordinator.getByRole('link', { name: 'Tạo chương trình' }).count(), 0);
  await coordinator.goto(`${rig.url}/console/programs/${own.id}`);
  await coordinator.getByRole('heading', { name: /Bồi dưỡng nghiệp vụ XA/, level: 1 }).waitFor();
  assert.is(await coordinator.getByRole('link', { name: EDIT }).count(), 0);
  assert.is(
    await coordinator.getByRole('heading', { name: 'Nhật ký thay đổi' }).count(),
    0,
    'the trail is for center staff',
  );
  assert.is(await coordinator.locator('[role=alert]').count(), 0);
  await coordinator.close();
});

test.run();
