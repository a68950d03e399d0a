import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

test('the programs page lists the programs with their rules, numbers written the reader’s way', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  await page.getByRole('navigation').getByRole('link', { name: 'Chương trình' }).click();
  await page.getByRole('heading', { name: 'Chương trình', level: 1 }).waitFor();
  assert.match(page.url(), /\/console\/programs$/);
  const rows = page.locator('pc-programs-page tbody tr');
  await rows.first().waitFor();
  const count = await rows.count();
  const [row] = await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM program');
  assert.is(count, row?.n);
  assert.ok(await page.getByRole('cell', { name: 'Bồi dưỡng nhận thức về Đảng' }).isVisible());
  assert.ok(await page.getByRole('cell', { name: '20%' }).first().isVisible());
  // Back returns to the start page, Forward to the programs.
  await page.goBack();
  await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: 'Chương trình', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
  await page.getByRole('columnheader', { name: 'Absence limit' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.close();
});

test.run();
