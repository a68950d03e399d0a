import { verificationCodeFromBytes } from '@polcenter/domain';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, breakApi, FAULTS, startWidgetHarness } from '../testing.js';

// A real Chromium against a real server on the demo data. The demo seed is deterministic: the
// first certificate of 2022 is Lục Văn Chiến's, number 1/GCN-TTCT, code V6AM-14PV-QZF1.
const harness = await startWidgetHarness();
test.after(harness.close);

const CODE = 'V6AM-14PV-QZF1';

const recordChecks = (page: Page) =>
  page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { pcChecked: seen });
    document.addEventListener('pc-checked', (event) => seen.push((event as CustomEvent).detail));
  });
const checks = (page: Page) => page.evaluate(() => (window as unknown as { pcChecked: unknown[] }).pcChecked);

async function typeAndCheck(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Mã xác minh in trên giấy chứng nhận');
  await field.fill(code);
  await field.press('Enter');
}

test('a code typed in lower case with spaces finds the certificate, dates as dd/mm/yyyy', async () => {
  const page = await harness.pageWith('<pc-certificate-check></pc-certificate-check>', { beforeLoad: recordChecks });
  await typeAndCheck(page, ' v6am 14pv qzf1 ');
  const verdict = page.locator('pc-certificate-check h2');
  await verdict.waitFor();
  assert.is(await verdict.textContent(), 'Giấy chứng nhận hợp lệ');
  assert.is(await page.locator('pc-certificate-check .holder').textContent(), 'Lục Văn Chiến');
  assert.is(await page.locator('pc-certificate-check .number').textContent(), '1/GCN-TTCT');
  assert.is(
    await page.locator('pc-certificate-check .class').textContent(),
    'NTĐ-01/2022, từ 14/03/2022 đến 18/03/2022',
  );
  assert.is(await page.locator('pc-certificate-check .issued').textContent(), '18/03/2022');
  assert.equal(await checks(page), [{ valid: true }]);

  // A well-formed code (its check digit right) that no certificate has: the server says so.
  await typeAndCheck(page, verificationCodeFromBytes(new Uint8Array(16)));
  const alert = page.locator('pc-certificate-check [role=alert]');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', 'Không tìm thấy giấy chứng nhận');
  assert.equal(await checks(page), [{ valid: true }, { valid: null }]);

  // One character mistyped: the check digit catches it, with the field's own message.
  await typeAndCheck(page, 'V6AM-14PV-QZF2');
  await page.getByText('Mã xác minh không đúng', { exact: false }).waitFor();
  assert.is(await page.locator('pc-certificate-check h2').count(), 0, 'no stale certificate beside the error');

  // Nothing typed: said at once, without asking the server.
  await typeAndCheck(page, '   ');
  await page.getByText('Hãy nhập mã xác minh.').waitFor();

  // Without a mouse: Tab to the button, Space; the focus stays on the button for the next try.
  const field = page.getByLabel('Mã xác minh in trên giấy chứng nhận');
  await field.fill('GGDK-36Q1-VY3B');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.locator('pc-certificate-check .number').getByText('2/GCN-TTCT').waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName);
  assert.is(await focused(), 'BUTTON');

  // A code retyped while the first is still being checked wins: the answer matches the field.
  await typeAndCheck(page, CODE);
  await typeAndCheck(page, 'E7MP-ABAY-1W9X');
  await page.locator('pc-certificate-check .number').getByText('3/GCN-TTCT').waitFor();
  assert.is(await page.locator('pc-certificate-check .holder').count(), 1);
  await page.close();
});

test('a revoked certificate says so, with the date, as an alert', async () => {
  // The demo's 7/GCN-TTCT of 2022 was revoked on 04/04/2022.
  const page = await harness.pageWith('<pc-certificate-check code="0V81-V9P9-36AY"></pc-certificate-check>', {
    beforeLoad: recordChecks,
  });
  const verdict = page.locator('pc-certificate-check h2[role=alert]');
  await verdict.waitFor();
  assert.is(await verdict.textContent(), 'Giấy chứng nhận đã bị thu hồi ngày 04/04/2022');
  assert.is(await page.locator('pc-certificate-check .number').textContent(), '7/GCN-TTCT');
  assert.equal(await checks(page), [{ valid: false }]);
  await page.close();
});

test('a code in the attribute, or in the page address, is checked on arrival; English when asked', async () => {
  const page = await harness.pageWith(`<pc-certificate-check lang="en" code="${CODE}"></pc-certificate-check>`);
  const verdict = page.locator('pc-certificate-check h2');
  await verdict.waitFor();
  assert.is(await verdict.textContent(), 'Valid certificate');
  assert.is(await page.locator('pc-certificate-check .class').textContent(), 'NTĐ-01/2022, 14/03/2022 to 18/03/2022');
  assert.is(await page.getByRole('button').textContent(), 'Check');
  await page.close();

  // As a QR code on the certificate would open it: the page's address carries the code.
  const fromUrl = await harness.pageWith('<pc-certificate-check></pc-certificate-check>', {
    beforeLoad: (p) =>
      p.addInitScript((code) => history.replaceState(null, '', `${location.pathname}?code=${code}`), CODE),
  });
  await fromUrl.locator('pc-certificate-check .holder').waitFor();
  assert.is(await fromUrl.locator('pc-certificate-check .holder').textContent(), 'Lục Văn Chiến');
  assert.is(await fromUrl.getByLabel('Mã xác minh in trên giấy chứng nhận').inputValue(), CODE);
  await fromUrl.close();
});

test('a check while the API is down: a plain sentence, a retry, the answer when it returns; English after a switch', async () => {
  const page = await harness.pageWith('<pc-certificate-check></pc-certificate-check>', { beforeLoad: recordChecks });
  const restore = await breakApi(page, FAULTS.proxyPage);
  await typeAndCheck(page, CODE);
  const failure = page.locator('pc-certificate-check .failure');
  await failure.getByText('Máy chủ PolCenter đang tạm thời gián đoạn; vui lòng thử lại sau.').waitFor();
  assert.not.match((await failure.textContent()) ?? '', /JSON|Unexpected|502/);
  assert.equal(await accessibilityViolations(page), []);
  assert.equal(await checks(page), [], 'no verdict is announced for an outage');
  await failure.getByRole('button', { name: 'Thử lại' }).click();
  await failure.getByText('Máy chủ PolCenter đang tạm thời gián đoạn').waitFor();
  await restore();
  await page.locator('pc-certificate-check .holder').waitFor({ timeout: 15_000 });
  assert.equal(await checks(page), [{ valid: true }]);

  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await page.getByLabel('Verification code printed on the certificate').waitFor();
  assert.is(await page.locator('pc-certificate-check h2').textContent(), 'Valid certificate');
  assert.is(await page.locator('pc-certificate-check .class').textContent(), 'NTĐ-01/2022, 14/03/2022 to 18/03/2022');
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test.run();
