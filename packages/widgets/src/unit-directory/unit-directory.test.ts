import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startWidgetHarness } from '../testing';

// The component runs in a real Chromium against a real server (the `polcenter start` CLI on a fresh
// database), loaded from the built bundle exactly as a portal page loads it.
const harness = await startWidgetHarness();
test.after(harness.close);

// Record the widgets' events from the very start, before any widget can fire one.
const recordLoaded = (page: Page) =>
  page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { pcLoaded: seen });
    document.addEventListener('pc-loaded', (event) => seen.push((event as CustomEvent).detail));
  });
const pageWith = (html: string) => harness.pageWith(html, { beforeLoad: recordLoaded });

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
  assert.match((await alert.textContent()) ?? '', '"31/02/2022" không phải là một ngày có thật');
  await page.close();
});

test('loading the embed script twice is harmless (guarded define)', async () => {
  const page = await pageWith('<pc-unit-directory under="02026" at="2022-06-01"></pc-unit-directory>');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addScriptTag({ url: `${harness.url}/widgets/pc-widgets.js?again`, type: 'module' });
  await page.locator('pc-unit-directory li').first().waitFor();
  assert.equal(errors, []);
  assert.is(await page.locator('pc-unit-directory li').count(), 3);
  await page.close();
});

test.run();
