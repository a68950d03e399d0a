import { SYSTEM_ACTOR } from '@polcenter/core';
import { unitIdByCode } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

// A program for everyone (read only to center staff) and one of the staff's own unit (editable).
const sc = await rig.polcenter.programs.getByCode('SC');
const [staffUnit] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
const own = await rig.polcenter.programs.create(
  { id: null, label: 'test' },
  {
    code: 'A11Y',
    ownerUnitId: staffUnit?.id ?? null,
    kind: 'skills',
    name: 'Bồi dưỡng kỹ năng số',
    topics: [{ number: 1, title: 'Chuyển đổi số ở cơ sở', periods: 4 }],
    endsWith: 'attendance',
    passRule: { by: 'attendance' },
    certificateKind: 'completion',
  },
);

/** A class of the staff's center with a session, for the pages of a class. */
const cls = await rig.polcenter.classes.create(SYSTEM_ACTOR, {
  code: 'NTĐ-51/2026',
  programId: (await rig.polcenter.programs.getByCode('NTĐ')).id,
  organiserUnitId: await unitIdByCode(rig.polcenter.orm, 'TN-CHODON'),
  mode: 'in_person',
  venue: 'Hội trường Trung tâm',
  capacity: 30,
  startDate: '2026-03-16',
  endDate: '2026-03-20',
  sessions: [{ date: '2026-03-16', part: 'morning', topicNumber: 1, periods: 4 }],
});

/**
 * Every console page, with what shows once it has loaded. A page added to `routes.ts` is added
 * here too: axe-core finds no serious or critical violation, and nothing scrolls sideways at 360 px.
 */
const PAGES: readonly { path: string; ready: string }[] = [
  { path: '/', ready: 'Việc cần làm' },
  { path: '/classes', ready: 'Lớp học' },
  { path: '/classes/new', ready: 'Mở lớp mới' },
  { path: '/programs', ready: 'Chương trình' },
  { path: `/programs/${sc.id}`, ready: 'Sơ cấp lý luận chính trị' },
  { path: '/programs/new', ready: 'Tạo chương trình' },
  { path: `/programs/${own.id}/edit`, ready: 'Sửa quy định chương trình' },
  { path: '/password', ready: 'Đổi mật khẩu' },
  { path: `/classes/${cls.id}/timetable`, ready: 'Lịch học' },
];

test('the sign-in page: no serious or critical accessibility violation, usable at 360 px', async () => {
  const page = await rig.page(360);
  await page.context().clearCookies();
  await page.goto(`${rig.url}/console/`);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  assert.equal(await accessibilityViolations(page), []);
  assert.not.ok(await overflowsSideways(page));
  await page.close();
});

for (const { path, ready } of PAGES) {
  test(`${path}: no serious or critical accessibility violation, usable at 360 px`, async () => {
    const page = await rig.page(360);
    await signIn(page, rig.url, rig.users.staff, undefined, path);
    await page.getByRole('heading', { name: ready, level: 1 }).waitFor();
    assert.equal(await accessibilityViolations(page), []);
    assert.not.ok(await overflowsSideways(page), 'nothing wider than 360 px');
    await page.close();
  });
}

test('at 360 px the menu folds behind one button, so the page starts on the first screen; wide, it shows whole', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, rig.users.staff, undefined, '/classes');
  const heading = page.getByRole('heading', { name: 'Lớp học', level: 1 });
  await heading.waitFor();
  const menu = page.getByRole('navigation').getByRole('button', { name: /Chức năng: Lớp học/ });
  assert.is(await menu.getAttribute('aria-expanded'), 'false');
  assert.not.ok(await page.getByRole('navigation').getByRole('link', { name: 'Chương trình' }).isVisible());
  const top = (await heading.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  assert.ok(top < 400, `the page's heading starts at ${top} px, within the first half-screen`);
  // By keyboard: Enter opens it, Tab reaches the first entry, a chosen entry moves and folds it again.
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.is(await menu.getAttribute('aria-expanded'), 'true');
  const programs = page.getByRole('navigation').getByRole('link', { name: 'Chương trình' });
  assert.ok(await programs.isVisible());
  await programs.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Chương trình', level: 1 }).waitFor();
  assert.is(await page.getByRole('navigation').getByRole('button').getAttribute('aria-expanded'), 'false');
  assert.not.ok(await programs.isVisible());
  // Widened (a tablet turned, a desktop), the same page shows the whole menu and no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(await programs.isVisible());
  assert.not.ok(await page.getByRole('navigation').getByRole('button').isVisible());
  await page.close();
});

test.run();
