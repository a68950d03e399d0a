import { demoOpenClass } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { overflowsSideways, signIn, startConsole, waitShown, widerThanTheWindow } from './testing.js';

/**
 * Every list page with "Tải CSV" and "Tải Excel" (`pc-export-buttons`) at 360 px wide: the row of
 * buttons wraps inside the page, nothing scrolls sideways (tables scroll in their own box).
 */
const rig = await startConsole();
test.after(() => rig.stop());

const open = await demoOpenClass(rig.polcenter.orm, 'NTĐ');
const [roster] = await rig.sql<{ id: string }>("SELECT id FROM roster WHERE name = 'Báo cáo viên Huyện ủy Chợ Đồn'");

const PAGES: readonly { path: string; tag: string; admin?: boolean }[] = [
  { path: '/classes', tag: 'pc-classes-page' },
  { path: `/classes/${open.id}/enrolment`, tag: 'pc-enrolment-page' },
  { path: '/programs', tag: 'pc-programs-page' },
  { path: '/people?q=nguyen', tag: 'pc-people-page' },
  { path: '/units', tag: 'pc-units-page' },
  { path: '/briefings?from=2022-01-01&to=2022-12-31', tag: 'pc-briefings-page' },
  { path: '/opinions?from=2022-01-01&to=2022-12-31', tag: 'pc-opinions-page' },
  { path: '/conferences?from=2022-01-01&to=2022-12-31', tag: 'pc-conferences-page' },
  { path: '/contests?from=2022-01-01&to=2022-12-31', tag: 'pc-contests-page' },
  { path: '/rosters', tag: 'pc-rosters-page' },
  { path: '/obligations?year=2022', tag: 'pc-obligations-page' },
  // An administrator sees every button the department would beside the export row.
  { path: '/rosters', tag: 'pc-rosters-page', admin: true },
  { path: `/rosters/${roster?.id}`, tag: 'pc-roster-page', admin: true },
  { path: '/obligations?year=2022', tag: 'pc-obligations-page', admin: true },
  { path: '/accounts', tag: 'pc-accounts-page', admin: true },
  { path: '/audit', tag: 'pc-audit-log-page', admin: true },
];

/**
 * What sticks out to the right (outside a table's own scrolling box), shadow roots included, to name
 * it when a page is too wide. A string: the test runner's transform must not touch what runs in the page.
 */

let signedIn: string | undefined;

for (const { path, tag, admin } of PAGES) {
  test(`${path}${admin ? ' (administrator)' : ''}: the export row at 360 px, nothing wider than the page`, async () => {
    const page = await rig.page(360);
    // One sign-in per account (the pages share the browser's cookies): sign-in is rate limited.
    const user = admin ? rig.users.admin : rig.users.staff;
    if (signedIn !== user) {
      await signIn(page, rig.url, user, undefined, path);
      signedIn = user;
    } else {
      await page.goto(`${rig.url}/console${path}`);
    }
    await waitShown(page.locator(`${tag} pc-export-buttons button`), 'the export buttons');
    // The list drawn too (its first row, or its empty state), as a person would see the page.
    await page.waitForLoadState('networkidle');
    const wide = await widerThanTheWindow(page);
    assert.not.ok(await overflowsSideways(page), `wider than 360 px: ${wide.join(', ')}`);
    await page.close();
  });
}

test('the rosters’ pages in English (longer button labels), as an administrator: nothing wider than 360 px', async () => {
  const page = await rig.page(360);
  if (signedIn !== rig.users.admin) await signIn(page, rig.url, rig.users.admin, undefined, '/rosters');
  else await page.goto(`${rig.url}/console/rosters`);
  await page.getByRole('button', { name: 'English' }).click();
  for (const [path, tag] of [
    ['/rosters', 'pc-rosters-page'],
    [`/rosters/${roster?.id}`, 'pc-roster-page'],
    ['/obligations?year=2022', 'pc-obligations-page'],
  ] as const) {
    await page.goto(`${rig.url}/console${path}`);
    await waitShown(
      page.locator(`${tag} pc-export-buttons button`, { hasText: 'Download Excel' }),
      'the export buttons',
    );
    await page.waitForLoadState('networkidle');
    const wide = await widerThanTheWindow(page);
    assert.not.ok(await overflowsSideways(page), `${path} wider than 360 px: ${wide.join(', ')}`);
  }
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.close();
});

test.run();
