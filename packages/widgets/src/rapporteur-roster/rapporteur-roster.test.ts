import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startWidgetHarness } from '../testing';

// The public roster in a real Chromium, against `polcenter start` on a fresh demo database.
const { pageWith, close } = await startWidgetHarness();
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

test.run();
