import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  accessibilityViolations,
  breakApi,
  eventually,
  FAULTS,
  recordWarnings,
  slowApi,
  startWidgetHarness,
} from '../testing.js';

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
const pageWith = (html: string, options: { lang?: string } = {}) =>
  harness.pageWith(html, { ...options, beforeLoad: recordLoaded });

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

test('a date not written YYYY-MM-DD is said inline and in the console, naming the attribute', async () => {
  const page = await pageWith('<pc-unit-directory under="064" at="31/02/2022"></pc-unit-directory>');
  const warnings = recordWarnings(page);
  const alert = page.locator('pc-unit-directory .problem');
  await alert.waitFor();
  assert.is(
    await alert.textContent(),
    'Thuộc tính at="31/02/2022" không phải một ngày có thật dạng YYYY-MM-DD (ví dụ 2022-06-01).',
  );
  await page.locator('pc-unit-directory').evaluate((el) => el.setAttribute('at', '2022-02-31'));
  await alert.getByText('at="2022-02-31"').waitFor();
  assert.match(warnings.join('\n'), '<pc-unit-directory> at: Thuộc tính at="2022-02-31"');
  assert.match(warnings.join('\n'), '[YYYY-MM-DD]');
  // Put right, the widget shows the units: no reload needed.
  await page.locator('pc-unit-directory').evaluate((el) => el.setAttribute('at', '2022-06-01'));
  await page.locator('pc-unit-directory li').first().waitFor();
  await page.close();
});

test('an unknown unit code or level is named, with the accepted values fetched from the API', async () => {
  const page = await pageWith('<pc-unit-directory under="999"></pc-unit-directory>');
  const warnings = recordWarnings(page);
  await page.locator('pc-unit-directory .problem', { hasText: 'Không tìm thấy đơn vị mã "999".' }).waitFor();
  await eventually(
    () => warnings.some((w) => w.startsWith('<pc-unit-directory> under: Không tìm thấy đơn vị mã "999".')),
    () => warnings.join('\n'),
  );
  assert.match(warnings.join('\n'), '[19 (Tỉnh Thái Nguyên), TN-BACHTHONG (Xã Bạch Thông)');
  await page.locator('pc-unit-directory').evaluate((el) => {
    el.setAttribute('under', '064');
    el.setAttribute('level', 'xa');
  });
  await page
    .locator('pc-unit-directory .problem', {
      hasText: 'Không có cấp đơn vị "xa"; chỉ có: province, district, commune, village.',
    })
    .waitFor();
  await eventually(
    () => warnings.some((w) => w.startsWith('<pc-unit-directory> level: Không có cấp đơn vị "xa"')),
    () => warnings.join('\n'),
  );
  assert.not.match(warnings.join('\n'), /INPUT\.INVALID|UNIT\.NOT_FOUND|underCode/);
  await page.close();
});

test('the language follows <html lang> and the element’s lang, changed at any time', async () => {
  const page = await pageWith('<pc-unit-directory under="064" level="commune" at="2019-06-01"></pc-unit-directory>');
  const heading = page.locator('pc-unit-directory h2');
  await heading.getByText('22 đơn vị (ngày 01/06/2019)').waitFor();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await heading.getByText('22 units (on 01/06/2019)').waitFor();
  await page.locator('pc-unit-directory').evaluate((el) => el.setAttribute('lang', 'vi'));
  await heading.getByText('22 đơn vị (ngày 01/06/2019)').waitFor();
  // A message from the server is asked for again in the new language.
  await page.locator('pc-unit-directory').evaluate((el) => el.setAttribute('under', '999'));
  await page.locator('pc-unit-directory .problem', { hasText: 'Không tìm thấy đơn vị mã "999".' }).waitFor();
  await page.locator('pc-unit-directory').evaluate((el) => el.removeAttribute('lang'));
  await page.locator('pc-unit-directory .problem', { hasText: 'No unit has the code "999".' }).waitFor();
  await page.close();
});

test('on a slow link a placeholder shaped like the list shows, then the list', async () => {
  const page = await pageWith('');
  await slowApi(page, 1500);
  await page.evaluate(() => {
    document.body.innerHTML = '<pc-unit-directory under="02050" at="2022-06-01"></pc-unit-directory>';
  });
  const placeholder = page.locator('pc-unit-directory .placeholder[role=status][aria-busy=true]');
  await placeholder.waitFor();
  assert.ok((await placeholder.locator('.bone').count()) >= 8);
  assert.is(await placeholder.locator('.sr-only').textContent(), 'Đang tải danh sách đơn vị…');
  assert.equal(await accessibilityViolations(page), []);
  await page.locator('pc-unit-directory li').first().waitFor();
  assert.is(await placeholder.count(), 0);
  await page.close();
});

test('the API down: a plain sentence and a retry button, then recovery by itself when it returns', async () => {
  const page = await pageWith('');
  const restore = await breakApi(page, FAULTS.down);
  await page.evaluate(() => {
    document.body.innerHTML = '<pc-unit-directory under="02050" at="2022-06-01"></pc-unit-directory>';
  });
  const failure = page.locator('pc-unit-directory .failure[role=alert]');
  await failure.waitFor();
  assert.is(
    (await failure.locator('p').textContent())?.trim(),
    'Không kết nối được máy chủ PolCenter; vui lòng thử lại sau.',
  );
  assert.is((await failure.getByRole('button').textContent())?.trim(), 'Thử lại');
  assert.equal(await accessibilityViolations(page), []);
  await restore();
  // Nobody clicks: the widget's own retries find the server back.
  await page.locator('pc-unit-directory li').first().waitFor({ timeout: 15_000 });
  assert.is(await failure.count(), 0);
  await page.close();
});

test('the browser coming back online retries at once', async () => {
  const page = await pageWith('');
  const restore = await breakApi(page, FAULTS.down);
  await page.evaluate(() => {
    document.body.innerHTML = '<pc-unit-directory under="02050" at="2022-06-01"></pc-unit-directory>';
  });
  await page.locator('pc-unit-directory .failure').waitFor();
  // Let two automatic retries fail, so the next one is seconds away, then say we are online.
  await page.waitForTimeout(3500);
  await restore();
  const started = Date.now();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.locator('pc-unit-directory li').first().waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started < 2000);
  await page.close();
});

test('a proxy’s HTML error page or a cut-off answer is a plain sentence, never a parse error', async () => {
  for (const fault of [FAULTS.proxyPage, FAULTS.truncated]) {
    const page = await pageWith('', { lang: 'en' });
    await breakApi(page, fault);
    await page.evaluate(() => {
      document.body.innerHTML = '<pc-unit-directory under="02050"></pc-unit-directory>';
    });
    const failure = page.locator('pc-unit-directory .failure p');
    await failure.waitFor();
    assert.is(
      (await failure.textContent())?.trim(),
      'The PolCenter server is temporarily unavailable; please try again later.',
    );
    await page.close();
  }
});

test('a too slow server times out into a sentence with a retry; the retry, by keyboard, keeps the focus in the widget', async () => {
  const page = await pageWith('');
  const restore = await slowApi(page, 3000);
  await page.evaluate(() => {
    document.body.innerHTML = '<pc-unit-directory timeout="0.5" under="02050" at="2022-06-01"></pc-unit-directory>';
  });
  const retry = page.locator('pc-unit-directory .failure button');
  await page.locator('pc-unit-directory .failure p', { hasText: 'Máy chủ PolCenter trả lời quá chậm' }).waitFor();
  await retry.focus();
  await restore();
  await page.keyboard.press('Enter');
  await page.locator('pc-unit-directory li').first().waitFor();
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName);
  assert.is(focused, 'SECTION', 'the list took the focus from the retry button it replaced');
  assert.equal(await accessibilityViolations(page), []);
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
