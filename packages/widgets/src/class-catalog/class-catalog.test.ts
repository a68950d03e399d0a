import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startWidgetHarness } from '../testing';

// The catalog in a real Chromium, against `polcenter start` on a fresh demo database.
const { pageWith, close } = await startWidgetHarness();
test.after(close);

test('shows the open classes with dates as dd/mm/yyyy, organiser and seats left', async () => {
  const page = await pageWith('<pc-class-catalog></pc-class-catalog>');
  const cards = page.locator('pc-class-catalog li');
  await cards.first().waitFor();
  assert.equal(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))), [
    'NTĐ-01/2027',
    'ĐVM-01/2027',
  ]);
  const text = (await cards.first().textContent()) ?? '';
  assert.match(text, '11/01/2027 – 15/01/2027');
  // The window's wording depends on today's date (open until 04/01/2027, closed after).
  assert.match(text, new Date() < new Date('2027-01-05') ? 'đến hết 04/01/2027' : 'đã hết hạn');
  assert.match(text, '80/80');
  await page.close();
});

test('pages with "show more" and speaks English on an English page', async () => {
  const page = await pageWith('<pc-class-catalog page-size="1"></pc-class-catalog>', { lang: 'en' });
  const cards = page.locator('pc-class-catalog li');
  await cards.first().waitFor();
  assert.is(await cards.count(), 1);
  await page.locator('pc-class-catalog button', { hasText: 'Show more' }).click();
  await cards.nth(1).waitFor();
  assert.is(await cards.count(), 2);
  assert.is(await page.locator('pc-class-catalog button').count(), 0);
  assert.match((await cards.first().textContent()) ?? '', 'Awareness of the Party');
  await page.close();
});

test('an organiser with no open class shows a friendly empty state', async () => {
  const page = await pageWith('<pc-class-catalog organiser="064"></pc-class-catalog>');
  const status = page.locator('pc-class-catalog [role=status]', { hasText: 'chưa có lớp' });
  await status.waitFor();
  await page.close();
});

test.run();
