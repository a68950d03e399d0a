import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { recordWarnings, accessibilityViolations as violations } from '../testing.js';
import { periodDates } from './stats.component.js';

// <pc-stats> on a district portal of another site (127.0.0.1, PolCenter on localhost), under the
// Content-Security-Policy docs/embedding.md advises, in a real Chromium with web security on,
// against `polcenter start` on a fresh demo database: the article's first half of 2022, read from
// the public subset of the period report (`reports.published`).

let polcenter = '';
let body = '';
const portal = http.createServer((req, res) => {
  res
    .writeHead(req.url === '/' ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src 'self' ${polcenter}; connect-src 'self' ${polcenter}; style-src 'self'; object-src 'none'`,
    })
    .end(
      `<!doctype html><html lang="vi"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng Thông tin điện tử huyện Chợ Đồn</title><script type="module" src="${polcenter}/widgets/pc-widgets.js"></script><body>${body}</body></html>`,
    );
});
await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
const data = tempDataDir();
const server = await startServerProcess({
  ...(process.env.DATABASE_URL ? { DATABASE_URL: (await testDatabase()).url } : { POLCENTER_DATA_DIR: data.dir }),
  POLCENTER_CORS_ORIGINS: origin,
});
polcenter = server.url;
assert.not.equal(new URL(polcenter).hostname, new URL(origin).hostname);
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.stop();
  await new Promise((resolve) => portal.close(resolve));
  data.remove();
});

async function portalWith(html: string, width = 1024): Promise<{ page: Page; console: string[] }> {
  body = html;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${origin}/`);
  return { page, console };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core under the portal's policy: evaluated by the test's driver, not added as a script tag the policy refuses. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return violations(page);
}

const figures = (page: Page) => page.locator('pc-stats dd').allTextContents();

test('periods: a year, its halves and its quarters', () => {
  assert.equal(periodDates(2022), { from: '2022-01-01', to: '2022-12-31' });
  assert.equal(periodDates(2022, 1), { from: '2022-01-01', to: '2022-06-30' });
  assert.equal(periodDates(2022, 2), { from: '2022-07-01', to: '2022-12-31' });
  assert.equal(periodDates(2022, undefined, 3), { from: '2022-07-01', to: '2022-09-30' });
  assert.equal(periodDates(2024, undefined, 1), { from: '2024-01-01', to: '2024-03-31' });
});

/** Each row of a table, cell by cell as shown. */
const tableRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim())));

test('the first half of 2022 in Chợ Đồn: the article’s 04 classes, 211 trainees and its propaganda output, drawn and tabled', async () => {
  const { page, console } = await portalWith('<pc-stats unit="064" year="2022" half="1"></pc-stats>');
  try {
    await page.locator('pc-stats table').first().waitFor({ timeout: 15_000 });
    assert.match(
      (await page.locator('pc-stats .meta').textContent()) ?? '',
      /^06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên, đạt 34,6% kế hoạch năm\.$/,
    );
    // Classes, trainees, passed, village briefings.
    assert.equal(await figures(page), ['4', '211', '198', '48']);
    // Four programs, one bar each; the biggest class fills its bar, the others in proportion.
    const bars = page.locator('pc-stats figure').first().locator('rect');
    assert.is(await bars.count(), 4);
    const widths = await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
    assert.ok(widths.includes('100%'), String(widths));
    const rows = page.locator('pc-stats table').first().locator('tbody tr');
    assert.is(await rows.count(), 4);
    const trainees = (await rows.locator('td:nth-of-type(2)').allTextContents()).map(Number);
    assert.is(
      trainees.reduce((a, b) => a + b, 0),
      211,
    );
    assert.equal(await page.locator('pc-stats table').first().locator('tfoot td').allTextContents(), [
      '4',
      '211',
      '198',
    ]);
    // The article's output: 98 documents, nearly 200 news items, over 450 radio items, each against
    // the year's plan; banners, which nobody counted, are not shown as a zero.
    const output = page.locator('pc-stats figure').nth(1);
    assert.is(await output.locator('figcaption').textContent(), 'Sản phẩm tuyên truyền');
    assert.equal(await output.locator('.bar b').allTextContents(), ['98', '196', '457']);
    const outputBars = await output.locator('rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
    assert.equal(outputBars, [`${(100 * 98) / 457}%`, `${(100 * 196) / 457}%`, '100%']);
    assert.equal(await tableRows(page, 'Sản phẩm tuyên truyền — 06 tháng đầu năm 2022'), [
      ['Văn bản ban hành', '98', '200', '49%'],
      ['Tin, bài', '196', '400', '49%'],
      ['Tin phát thanh, loa truyền thanh', '457', '900', '50,8%'],
    ]);
    // Counts only: no name, phone or ID number anywhere in the widget.
    const text = (await page.locator('pc-stats').evaluate((el) => el.shadowRoot?.textContent)) ?? '';
    // (A name: "Nông Văn Tuấn"; not "Văn bản ban hành", the documents' kind.)
    assert.not.match(text, /\d{12}|09\d{8}|\p{Lu}\p{Ll}* (Văn|Thị) \p{Lu}/u);
    assert.not.ok(
      console.some((line) => /CORS|Content Security Policy/i.test(line)),
      console.join('\n'),
    );
  } finally {
    await page.close();
  }
});

test('at 360 px: nothing scrolls sideways, axe finds nothing serious, and the keyboard reaches each table', async () => {
  const { page } = await portalWith('<pc-stats unit="064" year="2022"></pc-stats>', 360);
  try {
    await page.locator('pc-stats table').first().waitFor({ timeout: 15_000 });
    assert.equal((await figures(page)).slice(0, 2), ['8', '392']);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the page scrolls sideways',
    );
    assert.equal(await accessibilityViolations(page), []);
    // The chart is a picture of the tables: hidden from screen readers, which read the tables.
    assert.is(await page.locator('pc-stats figure').first().getAttribute('aria-hidden'), 'true');
    const focused: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const active = document.querySelector('pc-stats')?.shadowRoot?.activeElement;
          return `${active?.getAttribute('role')} ${active?.getAttribute('aria-label')}`;
        }),
      );
    }
    assert.equal(focused, [
      'region Học viên theo chương trình — năm 2022',
      'region Sản phẩm tuyên truyền — năm 2022',
      'region Học viên theo dân tộc — năm 2022',
    ]);
    assert.equal(await tableRows(page, 'Sản phẩm tuyên truyền — năm 2022'), [
      ['Văn bản ban hành', '205', '200', '102,5%'],
      ['Tin, bài', '404', '400', '101%'],
      ['Tin phát thanh, loa truyền thanh', '936', '900', '104%'],
    ]);
    const table = page.getByRole('table', { name: 'Học viên theo dân tộc — năm 2022' });
    assert.match((await table.locator('tbody tr').first().textContent()) ?? '', 'Tày');
  } finally {
    await page.close();
  }
});

test('in English, a quarter: the third quarter of 2022', async () => {
  const { page } = await portalWith('<pc-stats unit="064" year="2022" quarter="3" lang="en"></pc-stats>');
  try {
    await page.locator('pc-stats table').first().waitFor({ timeout: 15_000 });
    assert.equal((await figures(page)).slice(0, 2), ['3', '136']);
    assert.is(await page.locator('pc-stats h2').textContent(), 'Training and education');
    // July to September: 17 + 18 + 16 documents, 33 + 35 + 32 news and 78 + 80 + 77 radio items.
    assert.equal(await tableRows(page, 'Propaganda output — Q3 2022'), [
      ['Documents issued', '51', '200', '25.5%'],
      ['News items', '100', '400', '25%'],
      ['Radio and loudspeaker items', '235', '900', '26.1%'],
    ]);
    assert.ok(await page.getByRole('columnheader', { name: 'Trainees' }).first().isVisible());
    assert.equal(await accessibilityViolations(page), []);
  } finally {
    await page.close();
  }
});

test('webmaster mistakes are named inline and in the console', async () => {
  const { page } = await portalWith('<pc-stats unit="064"></pc-stats>');
  const warnings = recordWarnings(page);
  try {
    const widget = page.locator('pc-stats');
    const problem = widget.locator('.problem[role=alert]');
    await problem.getByText('Thiếu thuộc tính year (ví dụ year="2022").').waitFor({ timeout: 15_000 });
    await widget.evaluate((el) => {
      el.setAttribute('year', '2022');
      el.setAttribute('half', '3');
    });
    await problem.getByText('Thuộc tính half phải là số nguyên từ 1 đến 2.').waitFor();
    assert.ok(warnings.some((w) => w.startsWith('<pc-stats> half:')));
    await widget.evaluate((el) => el.setAttribute('half', '1'));
    await widget.evaluate((el) => el.setAttribute('quarter', '2'));
    await problem.getByText('Chỉ dùng một trong hai thuộc tính half hoặc quarter.').waitFor();
    await widget.evaluate((el) => el.removeAttribute('quarter'));
    await page.locator('pc-stats table').first().waitFor();
    // A unit code the server does not know is the webmaster's mistake too: said inline, and named by
    // its attribute in the console.
    await widget.evaluate((el) => el.setAttribute('unit', '0640'));
    await problem.getByText('Không tìm thấy đơn vị.').waitFor();
    assert.ok(
      warnings.some((w) => w.startsWith('<pc-stats> unit:')),
      warnings.join('\n'),
    );
    await widget.evaluate((el) => el.setAttribute('unit', '064'));
    await page.locator('pc-stats table').first().waitFor();
    assert.equal(await accessibilityViolations(page), []);
  } finally {
    await page.close();
  }
});

test.run();
