import { launchBrowser } from '@polcenter/testing/browser';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, unitIdByCode } from '../../testing/index.js';
import { reportHtml } from './report-print.js';
import { reportTables } from './report-tables.js';

/** The print view in a real Chromium (web security on): one A4 sheet per section, nothing cut off. */
const polcenter = await createTestPolCenter({ demo: true });
const browser = await launchBrowser();
test.after(async () => {
  await browser.close();
  await polcenter.close();
});

for (const [code, period] of [
  ['064', { from: '2022-01-01', to: '2022-12-31' }],
  ['19', { from: '2022-01-01', to: '2022-06-30' }],
] as const) {
  test(`${code}, ${period.from}–${period.to}: a page per section, each inside its sheet`, async () => {
    const report = await polcenter.reports.period(
      { ...period, unitId: await unitIdByCode(polcenter.orm, code) },
      'propaganda',
    );
    const sections = reportTables(report).length;
    const page = await browser.context.newPage();
    try {
      await page.setContent(reportHtml(report, 'vi', '2022-12-31'), { waitUntil: 'load' });
      assert.is(await page.locator('section.page').count(), sections);
      // A string, as this package is compiled without the DOM's types.
      const overflows = await page.evaluate<number[]>(
        "[...document.querySelectorAll('section.page')].map((s) => s.scrollHeight - s.clientHeight + Math.max(0, s.scrollWidth - s.clientWidth))",
      );
      assert.equal(
        overflows.filter((o) => o > 0),
        [],
        `overflow by section: ${overflows.join(', ')}`,
      );
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      assert.is(pages.length, sections, 'one sheet of paper per section');
      assert.is(await page.locator('h1').textContent(), `BÁO CÁOKết quả công tác ${report.periodTitle.vi}`);
    } finally {
      await page.close();
    }
  });
}

test.run();
