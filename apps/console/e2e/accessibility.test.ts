import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

/**
 * Every console page, with what shows once it has loaded. A page added to `routes.ts` is added
 * here too: axe-core finds no serious or critical violation, and nothing scrolls sideways at 360 px.
 */
const PAGES: readonly { path: string; ready: string }[] = [
  { path: '/', ready: 'Việc cần làm' },
  { path: '/programs', ready: 'Chương trình' },
  { path: '/password', ready: 'Đổi mật khẩu' },
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

test.run();
