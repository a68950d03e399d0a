import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  accessibilityViolations,
  breakApi,
  eventually,
  FAULTS,
  recordWarnings,
  startWidgetHarness,
} from '../testing.js';

// The public roster in a real Chromium, against `polcenter start` on a fresh demo database.
const { pageWith, close } = await startWidgetHarness();

const ROSTER = '<pc-rapporteur-roster unit="064" level="district" date="2022-10-15"></pc-rapporteur-roster>';
test.after(close);

test('the district roster at a date: names, positions and fields, filtered by field by the visitor', async () => {
  const page = await pageWith(
    '<pc-rapporteur-roster unit="064" level="district" date="2022-10-15"></pc-rapporteur-roster>',
  );
  const rows = page.locator('pc-rapporteur-roster tbody tr');
  await rows.first().waitFor();
  const all = await rows.count();
  assert.is(all, 14);
  assert.match((await page.locator('pc-rapporteur-roster .meta').textContent()) ?? '', '15/10/2022');
  const text = (await page.locator('pc-rapporteur-roster table').textContent()) ?? '';
  assert.not.match(text, /\d{12}|09\d{8}/);

  await page.locator('pc-rapporteur-roster select').selectOption('party_building');
  await page.waitForFunction(
    (count) =>
      document.querySelector('pc-rapporteur-roster')?.shadowRoot?.querySelectorAll('tbody tr').length !== count,
    all,
  );
  const filtered = await rows.count();
  assert.ok(filtered > 0 && filtered < all, `filtered ${filtered} of ${all}`);
  const fields = await rows.locator('td:nth-child(3)').allTextContents();
  assert.ok(fields.every((f) => f.includes('Xây dựng Đảng')));
  assert.is(await page.locator('pc-rapporteur-roster').getAttribute('field'), 'party_building');
  await page.close();
});

test('a unit without such a roster says so', async () => {
  const page = await pageWith('<pc-rapporteur-roster unit="02029" level="province"></pc-rapporteur-roster>');
  await page.locator('pc-rapporteur-roster [role=status]', { hasText: 'Chưa có danh sách' }).waitFor();
  await page.close();
});

test('a field the visitor picks while the API is down keeps the table, says why, and retries', async () => {
  const page = await pageWith(ROSTER);
  const rows = page.locator('pc-rapporteur-roster tbody tr');
  await rows.first().waitFor();
  const restore = await breakApi(page, FAULTS.proxyPage);
  await page.locator('pc-rapporteur-roster select').selectOption('party_building');
  const notice = page.locator('pc-rapporteur-roster .notice[role=alert]');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', 'Máy chủ PolCenter đang tạm thời gián đoạn');
  assert.is(await rows.count(), 14, 'the table shown before stays');
  assert.equal(await accessibilityViolations(page), []);
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await notice.getByText('Máy chủ PolCenter đang tạm thời gián đoạn').waitFor();
  await restore();
  await page.waitForFunction(
    () => document.querySelector('pc-rapporteur-roster')?.shadowRoot?.querySelectorAll('tbody tr').length !== 14,
    undefined,
    { timeout: 15_000 },
  );
  assert.is(await notice.count(), 0);
  await page.close();
});

test('webmaster mistakes: no unit, an unknown field, unit or level are named inline and in the console', async () => {
  const page = await pageWith('<pc-rapporteur-roster></pc-rapporteur-roster>');
  const warnings = recordWarnings(page);
  const widget = page.locator('pc-rapporteur-roster');
  const problem = widget.locator('.problem[role=alert]');
  await problem.getByText('Thiếu thuộc tính unit (ví dụ unit="064").').waitFor();
  await widget.evaluate((el) => el.setAttribute('lang', 'en'));
  await problem.getByText('The unit attribute is missing (e.g. unit="064").').waitFor();
  await widget.evaluate((el) => {
    el.setAttribute('unit', '064');
    el.setAttribute('field', 'cooking');
  });
  await problem.getByText('field="cooking" is not accepted; use one of: party_building, politics_ideology').waitFor();
  assert.ok(warnings.some((w) => w.startsWith('<pc-rapporteur-roster> field:') && w.includes('party_building')));
  await widget.evaluate((el) => {
    el.removeAttribute('field');
    el.setAttribute('level', 'huyen');
  });
  await problem.getByText('There is no roster level "huyen"; use one of: central, province, district').waitFor();
  await widget.evaluate((el) => {
    el.setAttribute('level', 'district');
    el.setAttribute('unit', 'CD');
  });
  await problem.getByText('No unit has the code "CD".').waitFor();
  await eventually(
    () =>
      warnings.some((w) =>
        w.startsWith('<pc-rapporteur-roster> unit: No unit has the code "CD". [19 (Tỉnh Thái Nguyên), TN-BACHTHONG'),
      ),
    () => warnings.join('\n'),
  );
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('switched to English after loading: headings, the field list and its label change', async () => {
  const page = await pageWith(ROSTER);
  await page.locator('pc-rapporteur-roster tbody tr').first().waitFor();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await page.locator('pc-rapporteur-roster th', { hasText: 'Position, unit' }).waitFor();
  assert.is(await page.locator('pc-rapporteur-roster select option').first().textContent(), 'All');
  await page.getByLabel('Field').selectOption('party_building');
  assert.match((await page.locator('pc-rapporteur-roster .meta').textContent()) ?? '', 'As of 15/10/2022');
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test.run();
