import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openDemoClass } from './demo-class.js';

// A district portal on another site embeds the widgets exactly as docs/embedding.md says: the demo
// portal page, its script tag made absolute, served by a plain web server of its own, with the
// Content-Security-Policy the docs advise. PolCenter runs as `polcenter start` with that portal on
// POLCENTER_CORS_ORIGINS; a second portal, not on the list, gets the script but no answers.

const PORTAL_PAGE = readFileSync(new URL('../public/index.html', import.meta.url), 'utf8');

/** A portal's own web server on 127.0.0.1 (another site than PolCenter's `localhost`). */
async function portalServer(page: () => string, headers: () => Record<string, string>) {
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers() }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let polcenter = '';
const embedded = () => {
  const tag = `<script type="module" src="${polcenter}/widgets/pc-widgets.js"></script>`;
  assert.ok(PORTAL_PAGE.includes('<script type="module" src="/widgets/pc-widgets.js"></script>'));
  return PORTAL_PAGE.replace('<script type="module" src="/widgets/pc-widgets.js"></script>', tag);
};
// The policy docs/embedding.md advises a portal: its own scripts and styles, PolCenter's script and
// API. The demo page's own <style> block is allowed by its hash, not by 'unsafe-inline', so the
// widgets' styles are shown to need no exception.
const pageStyle = /<style>([\s\S]*?)<\/style>/.exec(PORTAL_PAGE)?.[1] ?? '';
const advisedPolicy = () => ({
  'content-security-policy': [
    "default-src 'self'",
    `script-src 'self' ${polcenter}`,
    `connect-src 'self' ${polcenter}`,
    `style-src 'self' 'sha256-${createHash('sha256').update(pageStyle).digest('base64')}'`,
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; '),
});
const listed = await portalServer(embedded, advisedPolicy);
const unlisted = await portalServer(embedded, advisedPolicy);

const data = tempDataDir();
const server = await startServerProcess({
  ...(process.env.DATABASE_URL ? { DATABASE_URL: (await testDatabase()).url } : { POLCENTER_DATA_DIR: data.dir }),
  POLCENTER_CORS_ORIGINS: listed.origin,
});
polcenter = server.url;
assert.not.equal(new URL(polcenter).hostname, new URL(listed.origin).hostname);
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  assert.is(await server.stop(), 0, server.output());
  await Promise.all([listed.close(), unlisted.close()]);
  data.remove();
});

/** Opens a portal page, keeping what the browser reports on its console (CORS refusals among it). */
async function open(url: string): Promise<{ page: Page; console: string[] }> {
  const page = await browser.context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(url);
  return { page, console };
}

test('a portal on the allow-list shows every public widget with its data, from PolCenter on another site', async () => {
  const { page, console } = await open(`${listed.origin}/?code=V6AM-14PV-QZF1`);
  try {
    const communes = page.locator('pc-unit-directory li');
    await communes.first().waitFor({ timeout: 15_000 });
    assert.is(await communes.count(), 20, console.join('\n'));
    assert.is(await communes.first().locator('.name').textContent(), 'Thị trấn Bằng Lũng');

    const demoClass = await openDemoClass(polcenter);
    const card = page.locator(`pc-class-catalog li[data-code="${demoClass.code}"]`);
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', demoClass.dates);
    // Styled as the widget's own sheet says (a card has a border), under the portal's strict policy.
    assert.is(await card.evaluate((li) => getComputedStyle(li).borderTopStyle), 'solid');
    assert.is(
      await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(244, 241, 234)',
      'the page’s own style block applies',
    );

    const rapporteurs = page.locator('pc-rapporteur-roster tbody tr');
    await rapporteurs.first().waitFor();
    assert.is(await rapporteurs.count(), 14);

    await page.locator('pc-certificate-check .holder').waitFor();
    assert.is(await page.locator('pc-certificate-check h2').textContent(), 'Giấy chứng nhận hợp lệ');

    assert.is(await page.evaluate(() => location.origin), listed.origin);
    assert.not.ok(
      console.some((line) => /CORS|Content Security Policy/i.test(line)),
      console.join('\n'),
    );
  } finally {
    await page.close();
  }
});

test('a portal not on the list loads the script, but the browser refuses it every answer', async () => {
  const { page, console } = await open(`${unlisted.origin}/?code=V6AM-14PV-QZF1`);
  try {
    // The code is public: the elements are defined. The data is not shown.
    await page.waitForFunction(() => customElements.get('pc-unit-directory') !== undefined, null, { timeout: 15_000 });
    for (const widget of ['pc-unit-directory', 'pc-class-catalog', 'pc-rapporteur-roster', 'pc-certificate-check']) {
      await page.locator(`${widget} [role=alert]`).waitFor({ timeout: 15_000 });
    }
    assert.is(await page.locator('pc-unit-directory li').count(), 0);
    assert.is(await page.locator('pc-class-catalog li').count(), 0);
    assert.is(await page.locator('pc-rapporteur-roster tbody tr').count(), 0);
    assert.is(await page.locator('pc-certificate-check .holder').count(), 0);
    assert.ok(
      console.some((line) => line.includes('blocked by CORS policy') && line.includes(unlisted.origin)),
      console.join('\n'),
    );
  } finally {
    await page.close();
  }
});

test.run();
