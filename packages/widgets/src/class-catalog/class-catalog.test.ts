import pg from 'pg';
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

// The catalog in a real Chromium, against `polcenter start` on a fresh demo database that this
// test can also open (to set an enrolment window whatever today's date is).
const { pageWith, close, databaseUrl } = await startWidgetHarness({ database: true });
const db = new pg.Client({ connectionString: databaseUrl as string });
await db.connect();
test.after(async () => {
  await db.end();
  await close();
});

// The demo's open classes: their dates, and their codes' year, follow the day the server seeded the
// demo (their enrolment window always holds that day).
interface OpenClass {
  readonly code: string;
  readonly start: string;
  readonly end: string;
  readonly closes: string;
}
const openClasses = (
  await db.query<OpenClass>(
    `SELECT code, start_date::text AS start, end_date::text AS end, enrolment_closes_on::text AS closes
       FROM training_class WHERE status = 'open' ORDER BY start_date`,
  )
).rows;
const [NTD, DVM] = openClasses as [OpenClass, OpenClass];
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Runs `work` with the demo's open NTĐ class's enrolment window set relative to today (SQL
 * expressions), then puts the demo's window back: register tests must not expire with the demo's dates.
 */
async function withWindow(opens: string, closes: string, work: () => Promise<void>): Promise<void> {
  const where = `WHERE code = '${NTD.code}'`;
  const [before] = (
    await db.query<{ opens: string | null; closes: string | null }>(
      `SELECT enrolment_opens_on::text AS opens, enrolment_closes_on::text AS closes FROM training_class ${where}`,
    )
  ).rows;
  await db.query(`UPDATE training_class SET enrolment_opens_on = ${opens}, enrolment_closes_on = ${closes} ${where}`);
  try {
    await work();
  } finally {
    await db.query(`UPDATE training_class SET enrolment_opens_on = $1, enrolment_closes_on = $2 ${where}`, [
      before?.opens ?? null,
      before?.closes ?? null,
    ]);
  }
}

test('shows the open classes with dates as dd/mm/yyyy, organiser and seats left', async () => {
  const page = await pageWith('<pc-class-catalog></pc-class-catalog>');
  const cards = page.locator('pc-class-catalog li[part=card]');
  await cards.first().waitFor();
  assert.equal(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))), [NTD.code, DVM.code]);
  assert.match(NTD.code, /^NTĐ-01\/\d{4}$/);
  const text = (await cards.first().textContent()) ?? '';
  assert.match(text, `${dmy(NTD.start)} – ${dmy(NTD.end)}`);
  assert.match(text, `đến hết ${dmy(NTD.closes)}`);
  assert.match(text, '80/80');
  await page.close();
});

test('pages with "show more" and speaks English on an English page; the focus goes to the new card', async () => {
  const page = await pageWith('<pc-class-catalog page-size="1"></pc-class-catalog>', { lang: 'en' });
  const cards = page.locator('pc-class-catalog li[part=card]');
  await cards.first().waitFor();
  assert.is(await cards.count(), 1);
  // By keyboard: the button goes away with the last page; the focus must not fall to the page.
  await page.locator('pc-class-catalog button', { hasText: 'Show more' }).focus();
  await page.keyboard.press('Enter');
  await cards.nth(1).waitFor();
  assert.is(await cards.count(), 2);
  assert.is(await page.locator('pc-class-catalog button.more').count(), 0);
  const focused = await page.evaluate(
    () =>
      document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-code') ?? document.activeElement?.tagName,
  );
  assert.is(focused, DVM.code, 'the first card of the new page has the focus');
  assert.match((await cards.first().textContent()) ?? '', 'Awareness of the Party');
  await page.close();
});

test('a failed "show more" keeps the cards, says why and retries', async () => {
  const page = await pageWith('<pc-class-catalog page-size="1"></pc-class-catalog>');
  const cards = page.locator('pc-class-catalog li[part=card]');
  await cards.first().waitFor();
  const restore = await breakApi(page, FAULTS.down);
  await page.locator('pc-class-catalog button.more').click();
  const notice = page.locator('pc-class-catalog .notice[role=alert]');
  await notice.getByText('Không kết nối được máy chủ PolCenter').waitFor();
  assert.is(await cards.count(), 1, 'the card already shown stays');
  assert.equal(await accessibilityViolations(page), []);
  // Retried by hand while still down: the same notice again, the card still there.
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await notice.getByText('Không kết nối được máy chủ PolCenter').waitFor();
  assert.is(await cards.count(), 1);
  await restore();
  await cards.nth(1).waitFor({ timeout: 15_000 });
  assert.is(await notice.count(), 0);
  await page.close();
});

test('visitors filter by program, month and mode, and search without diacritics', async () => {
  const page = await pageWith('<pc-class-catalog></pc-class-catalog>');
  const cards = page.locator('pc-class-catalog li[part=card]');
  await cards.nth(1).waitFor();
  const codes = () => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
  const showing = async (expected: string[]) => {
    let seen = await codes();
    for (let i = 0; i < 50 && JSON.stringify(seen) !== JSON.stringify(expected); i++) {
      await page.waitForTimeout(100);
      seen = await codes();
    }
    assert.equal(seen, expected);
  };
  await page.getByLabel('Tìm lớp').fill('ly luan CHINH TRI');
  await showing([DVM.code]);
  await page.getByLabel('Tìm lớp').fill('nhan thuc dang');
  await showing([NTD.code]);
  await page.getByLabel('Tìm lớp').fill('');
  await showing([NTD.code, DVM.code]);
  await page.getByLabel('Chương trình').selectOption({ label: 'Lý luận chính trị dành cho đảng viên mới' });
  await showing([DVM.code]);
  await page.getByLabel('Chương trình').selectOption('');
  await page.getByLabel('Tháng').selectOption(NTD.start.slice(0, 7));
  await showing([NTD.code]);
  await page.getByLabel('Tháng').selectOption('');
  await page.getByLabel('Hình thức').selectOption('online');
  await page.locator('pc-class-catalog [role=status]', { hasText: 'Không có lớp nào khớp với lựa chọn.' }).waitFor();
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('a class’s details show its timetable; the register button opens the enrolment form', () =>
  withWindow('current_date - 1', 'current_date + 30', async () => {
    const page = await pageWith('<pc-class-catalog></pc-class-catalog>');
    const card = page.locator(`pc-class-catalog li[part=card][data-code="${NTD.code}"]`);
    await card.waitFor();
    const toggle = card.getByRole('button', { name: 'Chi tiết' });
    await toggle.click();
    assert.is(await toggle.getAttribute('aria-expanded'), 'true');
    const sessions = card.locator('[part=details] .sessions li');
    await sessions.first().waitFor();
    assert.match((await sessions.first().textContent()) ?? '', new RegExp(`${dmy(NTD.start)} · Sáng 07:\\d\\d–`));
    assert.equal(await accessibilityViolations(page), []);

    const register = card.getByRole('button', { name: 'Đăng ký học' });
    await register.click();
    const dialog = page.locator('pc-class-catalog dialog[open]');
    await dialog.waitFor();
    const id = await page.evaluate(async (code) => {
      const response = await fetch('/trpc/classes.catalog?input=%7B%7D');
      const body = (await response.json()) as { result: { data: { items: { code: string; id: string }[] } } };
      return body.result.data.items.find((c) => c.code === code)?.id;
    }, NTD.code);
    // The embed defines <pc-enrol-form>: the dialog holds the real form, for this class.
    const form = dialog.locator('pc-enrol-form');
    assert.is(await form.getAttribute('class-id'), id ?? 'missing');
    await form.locator('[part=class]').getByText(NTD.code).waitFor();
    assert.match(
      (await dialog.locator('h3').textContent()) ?? '',
      `Đăng ký học: Bồi dưỡng nhận thức về Đảng (${NTD.code})`,
    );
    assert.equal(await accessibilityViolations(page), []);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    assert.is(await page.locator('pc-class-catalog dialog[open]').count(), 0);
    await page.close();
  }));

test('a class whose enrolment window has closed shows no register button', () =>
  withWindow('current_date - 30', 'current_date - 1', async () => {
    const page = await pageWith('<pc-class-catalog></pc-class-catalog>');
    const card = page.locator(`pc-class-catalog li[part=card][data-code="${NTD.code}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Chi tiết' }).waitFor();
    assert.is(await card.getByRole('button', { name: 'Đăng ký học' }).count(), 0);
    await page.close();
  }));

test('webmaster mistakes are named inline and in the console; English after a switch', async () => {
  const page = await pageWith('<pc-class-catalog organiser="XYZ"></pc-class-catalog>');
  const warnings = recordWarnings(page);
  const widget = page.locator('pc-class-catalog');
  const problem = widget.locator('.problem[role=alert]');
  await problem.getByText('Không tìm thấy đơn vị mã "XYZ".').waitFor();
  await eventually(
    () =>
      warnings.some((w) =>
        w.startsWith('<pc-class-catalog> organiser: Không tìm thấy đơn vị mã "XYZ". [19 (Tỉnh Thái Nguyên)'),
      ),
    () => warnings.join('\n'),
  );
  await widget.evaluate((el) => el.setAttribute('lang', 'en'));
  await problem.getByText('No unit has the code "XYZ".').waitFor();
  await widget.evaluate((el) => {
    el.removeAttribute('organiser');
    el.setAttribute('program', 'QQ');
  });
  await problem.getByText('No program has the code "QQ".').waitFor();
  await eventually(
    () =>
      warnings.some(
        (w) =>
          w.startsWith('<pc-class-catalog> program: No program has the code "QQ". [') &&
          w.includes('ĐVM (Political theory for new party members)'),
      ),
    () => warnings.join('\n'),
  );
  await widget.evaluate((el) => {
    el.removeAttribute('program');
    el.setAttribute('page-size', '0');
  });
  await problem.getByText('page-size must be a whole number from 1 to 100.').waitFor();
  await widget.evaluate((el) => {
    el.setAttribute('page-size', '5');
    el.setAttribute('from', '2027-13-01');
  });
  await problem.getByText('from="2027-13-01" is not a real date written YYYY-MM-DD').waitFor();
  await widget.evaluate((el) => el.removeAttribute('from'));
  await widget.locator('li[part=card]').first().waitFor();
  // Everything visible is in English now, labels of the filters included.
  await page.getByLabel('Programme').waitFor();
  assert.is(await widget.locator('form[role=search]').getAttribute('aria-label'), 'Filter the classes');
  assert.match((await widget.locator('li[part=card]').first().textContent()) ?? '', 'Seats left');
  await page.close();
});

test('an organiser with no open class shows a friendly empty state', async () => {
  const page = await pageWith('<pc-class-catalog organiser="064"></pc-class-catalog>');
  const status = page.locator('pc-class-catalog [role=status]', { hasText: 'chưa có lớp' });
  await status.waitFor();
  await page.close();
});

test.run();
