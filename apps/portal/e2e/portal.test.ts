import { launchBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openDemoClass } from './demo-class.js';

test('the portal page served by `polcenter start` shows the communes, open classes, a registration form and checks a certificate', async () => {
  // A fresh database: the embedded server in a new folder, or a new database on DATABASE_URL.
  const data = tempDataDir();
  const env = process.env.DATABASE_URL
    ? { DATABASE_URL: (await testDatabase()).url }
    : { POLCENTER_DATA_DIR: data.dir };
  const server = await startServerProcess(env);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    const items = page.locator('pc-unit-directory li');
    await items.first().waitFor({ timeout: 15_000 });
    assert.is(await items.count(), 20);
    const names = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('.name')?.textContent));
    assert.is(names[0], 'Thị trấn Bằng Lũng');
    assert.ok(names.includes('Xã Đồng Thắng'));
    assert.match((await page.locator('pc-unit-directory h2').textContent()) ?? '', '20 đơn vị (ngày 01/06/2022)');

    const demoClass = await openDemoClass(server.url);
    const card = page.locator(`pc-class-catalog li[data-code="${demoClass.code}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, 'Bồi dưỡng nhận thức về Đảng');
    assert.match(text, demoClass.dates);
    assert.match(text, '80/80');
    assert.match(text, 'Xã Chợ Đồn');

    // The registration form of that class: what it is for, then the fields.
    const enrol = page.locator('pc-enrol-form');
    await enrol.locator('[part=class]').getByText(demoClass.code).waitFor();
    assert.match((await enrol.locator('[part=class]').textContent()) ?? '', 'Bồi dưỡng nhận thức về Đảng');
    assert.ok(await enrol.getByLabel('Số CCCD').isVisible());

    // A certificate's code, as the printed page tells its reader to check it here.
    const field = page.getByLabel('Mã xác minh in trên giấy chứng nhận');
    await field.fill('V6AM-14PV-QZF1');
    await field.press('Enter');
    await page.locator('pc-certificate-check .holder').waitFor();
    assert.is(await page.locator('pc-certificate-check h2').textContent(), 'Giấy chứng nhận hợp lệ');
  } finally {
    await browser.close();
    assert.is(await server.stop(), 0, server.output());
    data.remove();
  }
});

test.run();
