import { launchBrowser, type TestBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { type ServerProcess, startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The component runs in a real Chromium against a real server (the `polcenter start` CLI on a fresh
// database), loaded from the built bundle exactly as a portal page loads it.
const data = tempDataDir();
const env = process.env.DATABASE_URL ? { DATABASE_URL: (await testDatabase()).url } : { POLCENTER_DATA_DIR: data.dir };
const server: ServerProcess = await startServerProcess(env);
const browser: TestBrowser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.stop();
  data.remove();
});

async function pageWith(html: string): Promise<Page> {
  const page = await browser.context.newPage();
  // Record the widgets' events from the very start, before any widget can fire one.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { pcLoaded: seen });
    document.addEventListener('pc-loaded', (event) => seen.push((event as CustomEvent).detail));
  });
  // A page of the server's origin with nothing but the embed script and our markup.
  await page.route(`${server.url}/test-page`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="vi"><script type="module" src="/widgets/pc-widgets.js"></script><body>${html}</body></html>`,
    }),
  );
  await page.goto(`${server.url}/test-page`);
  return page;
}

test('lists the villages of a commune in Vietnamese order and announces the count', async () => {
  const page = await pageWith('<pc-unit-directory under="02050" at="2022-06-01"></pc-unit-directory>');
  const names = page.locator('pc-unit-directory li .name');
  await names.first().waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { pcLoaded: unknown[] }).pcLoaded), [{ count: 8 }]);
  const shown = await names.allTextContents();
  assert.equal(shown, [...shown].sort(new Intl.Collator('vi').compare));
  assert.ok(shown.includes('Thôn Nà Bjoóc'));
  await page.close();
});

test('speaks English when asked, and formats dates as dd/mm/yyyy', async () => {
  const page = await pageWith(
    '<pc-unit-directory lang="en" under="064" level="commune" at="2019-06-01"></pc-unit-directory>',
  );
  const heading = page.locator('pc-unit-directory h2');
  await heading.waitFor();
  assert.is(await heading.textContent(), '22 units (on 01/06/2019)');
  await page.close();
});

test('an unreachable API is a readable message, not an exception', async () => {
  const page = await pageWith('<pc-unit-directory api="http://127.0.0.1:1/trpc" under="064"></pc-unit-directory>');
  const alert = page.locator('pc-unit-directory [role=alert]');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', 'Không kết nối được máy chủ PolCenter');
  await page.close();
});

test('a bad attribute value gets the server’s field message, in Vietnamese', async () => {
  const page = await pageWith('<pc-unit-directory under="064" at="31/02/2022"></pc-unit-directory>');
  const alert = page.locator('pc-unit-directory [role=alert]');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', 'Dữ liệu không hợp lệ');
  await page.close();
});

test('loading the embed script twice is harmless (guarded define)', async () => {
  const page = await pageWith('<pc-unit-directory under="02026" at="2022-06-01"></pc-unit-directory>');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addScriptTag({ url: `${server.url}/widgets/pc-widgets.js?again`, type: 'module' });
  await page.locator('pc-unit-directory li').first().waitFor();
  assert.equal(errors, []);
  assert.is(await page.locator('pc-unit-directory li').count(), 3);
  await page.close();
});

test.run();
