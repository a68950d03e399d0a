import { launchBrowser } from '@polcenter/testing/browser';
import { readSvgQrCode } from '@polcenter/testing/qr';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter, readableTest as it } from '../testing/index.js';
import { certificateCheckLink, certificateFileName, certificatePage } from './certificate-page.js';
import type { PrintableCertificate } from './certificate-views.js';
import { CertificateService } from './certificates.js';

const polcenter = await createTestPolCenter({ demo: true });
const browser = await launchBrowser();
test.after(async () => {
  await browser.close();
  await polcenter.close();
});

const certificate: PrintableCertificate = {
  id: '7d3f4c1e-0000-4000-8000-000000000001',
  enrolmentId: '7d3f4c1e-0000-4000-8000-000000000002',
  personId: '7d3f4c1e-0000-4000-8000-000000000003',
  personName: 'Hoàng Thị <Mai>',
  birthDate: '1990-03-07',
  classId: '7d3f4c1e-0000-4000-8000-000000000004',
  classCode: 'NTĐ-01/2022',
  classTitle: 'Lớp bồi dưỡng nhận thức về Đảng xã Bằng Lãng',
  classStartDate: '2022-03-14',
  classEndDate: '2022-03-18',
  program: { code: 'NTĐ', name: { vi: 'Bồi dưỡng nhận thức về Đảng', en: 'Awareness of the Party' } },
  kind: 'completion',
  kindName: { vi: 'Giấy chứng nhận hoàn thành khóa học', en: 'Certificate of completion' },
  issuer: { id: '7d3f4c1e-0000-4000-8000-000000000005', name: 'Trung tâm Chính trị huyện Chợ Đồn' },
  year: 2022,
  number: 125,
  numberText: '125/GCN-TTCT',
  verificationCode: '7KQ2-M9XD-B4T8',
  issuedOn: '2022-03-25',
  revokedAt: null,
  revokeReason: null,
  valid: true,
  finalScore: 8.5,
  classification: { code: 'excellent', name: { vi: 'Giỏi', en: 'Excellent' }, min: 8 },
};

test('the page reads as a Vietnamese certificate: dd/mm/yyyy, decimal comma, escaped names', () => {
  const html = certificatePage(certificate);
  for (const text of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Số: 125/GCN-TTCT',
    'Sinh ngày: 07/03/1990',
    'từ ngày 14/03/2022 đến ngày 18/03/2022',
    'Điểm tổng kết: <strong>8,5</strong>',
    'Xếp loại: <strong>Giỏi</strong>',
    'Ngày 25 tháng 03 năm 2022',
    '7KQ2-M9XD-B4T8',
  ]) {
    assert.ok(html.includes(text), text);
  }
  assert.ok(html.includes('Hoàng Thị &#60;Mai&#62;'), 'a name is text, never markup');
  assert.not.ok(html.includes('<Mai>'));
  assert.not.ok(html.includes('ĐÃ THU HỒI'));
  assert.is(certificateFileName(certificate), 'giay-chung-nhan-125-GCN-TTCT-2022.html');
});

test('in English, and a revoked certificate says so with its reason', () => {
  const html = certificatePage(
    { ...certificate, revokedAt: '2022-05-02T03:00:00.000Z', revokeReason: 'Cấp nhầm người', valid: false },
    'en',
  );
  assert.ok(html.includes('<html lang="en">'));
  assert.ok(html.includes('Final score: <strong>8.5</strong>'));
  assert.ok(html.includes('Issued on 25/03/2022'));
  assert.ok(html.includes('REVOKED on 02/05/2022 — Reason: Cấp nhầm người'));
});

it('prints on exactly one A4 page in Chromium, everything inside the frame', async () => {
  const page = await browser.context.newPage();
  try {
    const long = { ...certificate, classTitle: 'Lớp bồi dưỡng '.repeat(8).trim(), personName: 'Triệu Thị Bích Ngọc' };
    await page.setContent(certificatePage(long), { waitUntil: 'load' });
    assert.is(await page.locator('h1').textContent(), 'GIẤY CHỨNG NHẬN');
    // A string, as this package is compiled without the DOM's types.
    const overflow = await page.evaluate<number>(
      "(() => { const frame = document.querySelector('.certificate'); return frame.scrollHeight - frame.clientHeight; })()",
    );
    assert.ok(overflow <= 0, `content overflows the frame by ${overflow}px`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.is(pages.length, 1, 'one sheet of paper');
  } finally {
    await page.close();
  }
});

it("its QR code opens the portal's certificate check with the code, and the page still fits one A4 sheet", async () => {
  const html = certificatePage(certificate, 'vi', 'https://chodon.backan.gov.vn/tra-cuu?lang=vi');
  const link = 'https://chodon.backan.gov.vn/tra-cuu?lang=vi&code=7KQ2-M9XD-B4T8';
  assert.is(certificateCheckLink('https://chodon.backan.gov.vn/tra-cuu?lang=vi', '7KQ2-M9XD-B4T8'), link);
  const page = await browser.context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const svg = await page.evaluate<string>("document.querySelector('.qr svg').outerHTML");
    assert.is(await readSvgQrCode(browser.context, svg), link);
    assert.is(await page.getByRole('img', { name: 'Mã QR tra cứu giấy chứng nhận' }).count(), 1);
    assert.is(
      await page.locator('.link').textContent(),
      link,
      'the address is printed too, for a reader without a phone',
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.is((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one sheet of paper');
  } finally {
    await page.close();
  }
  assert.not.ok(certificatePage(certificate).includes('<svg'), 'no address configured: no QR code');
});

it('the service prints the QR code of the check page it was given', async () => {
  const service = new CertificateService(polcenter.orm, { checkUrl: () => 'http://localhost:3000/' });
  const [row] = await polcenter.orm.em
    .fork()
    .execute<{ id: string }[]>('SELECT id FROM certificate WHERE revoked_at IS NULL ORDER BY number LIMIT 1');
  const { html } = await service.printPage(row?.id as string);
  const { verificationCode } = await service.printable(row?.id as string);
  assert.ok(html.includes(`http://localhost:3000/?code=${verificationCode}`));
  assert.ok(html.includes('<svg'));
});

it('the page runs no script, wherever it is shown: its own policy forbids it', async () => {
  const page = await browser.context.newPage();
  try {
    // As if a name slipped through unescaped one day.
    const html = certificatePage(certificate).replace(
      '</main>',
      '<script>document.title = "ran"</script><img src="x" onerror="document.title = \'ran\'"></main>',
    );
    await page.setContent(html, { waitUntil: 'load' });
    assert.not.equal(await page.title(), 'ran');
    assert.match(await page.title(), 'GIẤY CHỨNG NHẬN');
    // Its own styles still apply: the frame of the certificate is drawn.
    const border = await page.evaluate<string>(
      "getComputedStyle(document.querySelector('.certificate')).borderTopStyle",
    );
    assert.is.not(border, 'none');
  } finally {
    await page.close();
  }
});

it('the service renders a demo certificate with its holder, number and code', async () => {
  const [row] = await polcenter.orm.em
    .fork()
    .execute<{ id: string }[]>('SELECT id FROM certificate WHERE revoked_at IS NULL ORDER BY number LIMIT 1');
  const id = row?.id as string;
  const data = await polcenter.certificates.printable(id);
  const { fileName, html } = await polcenter.certificates.printPage(id);
  assert.ok(html.includes(data.personName));
  assert.ok(html.includes(`Số: ${data.numberText}`));
  assert.ok(html.includes(data.verificationCode));
  assert.is(fileName, certificateFileName(data));
  assert.ok((await polcenter.certificates.printPage(id, 'en')).html.includes('CERTIFICATE'));

  const [revoked] = await polcenter.orm.em
    .fork()
    .execute<{ id: string }[]>('SELECT id FROM certificate WHERE revoked_at IS NOT NULL ORDER BY number LIMIT 1');
  const marked = await polcenter.certificates.printPage(revoked?.id as string);
  assert.ok(
    marked.html.includes('ĐÃ THU HỒI ngày 04/04/2022 — Lý do: Cấp nhầm'),
    'the demo revoked one prints as revoked',
  );
});

test.run();
