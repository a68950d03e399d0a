import { createRequire } from 'node:module';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually, recordWarnings, startWidgetHarness } from '../testing.js';

// A real Chromium (web security on) against a real server on the demo data; the test reads the
// server's database to see what a registration wrote.
const harness = await startWidgetHarness({ database: true });
const db = new pg.Client({ connectionString: harness.databaseUrl as string });
await db.connect();
test.after(async () => {
  await db.end();
  await harness.close();
});
const one = async <T = Record<string, string>>(sql: string, params: unknown[] = []) =>
  (await db.query(sql, params)).rows[0] as T;

// The demo's open class of the new commune: its dates (and code's year) follow the day the demo was
// seeded, and its enrolment window holds that day.
const open_ = await one<{ id: string; code: string; start: string; end: string }>(
  "SELECT id, code, start_date::text AS start, end_date::text AS end FROM training_class WHERE status = 'open' AND code LIKE 'NTĐ-01/%'",
);
const classId = open_.id;
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const { id: commune } = await one("SELECT id FROM unit WHERE code = 'TN-CHODON'");
const form = `<pc-enrol-form class-id="${classId}"></pc-enrol-form>`;

interface Person {
  readonly name: string;
  readonly birth: string;
  readonly id: string;
}
const person = (n: number): Person => ({
  name: `Triệu Thị Xuân ${'ABCDEFGHIJ'[n]}`,
  birth: '14/02/2001',
  id: `00630101234${n}`,
});

const recordRegistrations = (page: Page) =>
  page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { pcRegistered: seen });
    document.addEventListener('pc-registered', (event) => seen.push((event as CustomEvent).detail));
  });
const registrations = (page: Page) =>
  page.evaluate(() => (window as unknown as { pcRegistered: unknown[] }).pcRegistered);

async function open(options: { lang?: string } = {}): Promise<Page> {
  const page = await harness.pageWith(form, { beforeLoad: recordRegistrations, ...options });
  await page.locator('pc-enrol-form form').waitFor();
  return page;
}

async function fill(page: Page, who: Person): Promise<void> {
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel('Ngày sinh').fill(who.birth);
  await page.getByLabel('Giới tính').selectOption('female');
  await page.getByLabel('Dân tộc').selectOption('dao');
  await page.getByLabel('Đơn vị').selectOption(commune as string);
  await page.getByLabel('Số CCCD').fill(who.id);
}

const result = (page: Page) => page.locator('pc-enrol-form [part=result]');
const enrolmentsOf = async (who: Person) =>
  (
    await db.query(
      'SELECT e.id, e.state, e.note FROM enrolment e JOIN person p ON p.id = e.person_id WHERE p.national_id = $1',
      [who.id],
    )
  ).rows as { id: string; state: string; note: string | null }[];

test('a visitor registers: the reference and the next step are shown, the fields emptied, the enrolment recorded', async () => {
  const page = await open();
  const shown = (await page.locator('pc-enrol-form [part=class]').textContent()) ?? '';
  assert.match(shown, open_.code);
  assert.match(shown, `${dmy(open_.start)} – ${dmy(open_.end)}`);
  const me = person(1);
  await fill(page, me);
  const answer = page.waitForResponse((r) => r.url().includes('enrolment.register'));
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  const body = await (await answer).text();
  await page.locator('pc-enrol-form .done').waitFor();

  const reference = (await page.locator('pc-enrol-form .reference').textContent()) ?? '';
  assert.match(String(await result(page).textContent()), 'Đã nhận đăng ký của bạn.');
  assert.match(String(await result(page).textContent()), 'cán bộ Trung tâm sẽ xem xét và duyệt');
  assert.equal(await registrations(page), [{ reference, state: 'requested' }]);
  assert.equal(await enrolmentsOf(me), [{ id: reference, state: 'requested', note: null }]);
  // Nothing personal comes back from the server, nor stays on the page.
  for (const secret of [me.name, me.id, '2001-02-14', '14/02/2001']) {
    assert.not.match(body, secret, 'the answer echoes nothing personal');
    const html = await page.locator('pc-enrol-form').evaluate((el) => el.shadowRoot?.innerHTML ?? '');
    assert.not.match(html, secret);
  }
  assert.is(await page.getByLabel('Họ và tên').inputValue(), '');
  assert.is(await page.getByLabel('Số CCCD').inputValue(), '');
  assert.is(await page.getByLabel('Giới tính').inputValue(), '');

  // The same details again: told so, with the first reference; nothing new is written.
  await fill(page, me);
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.locator('pc-enrol-form .done[data-state=already_registered]').waitFor();
  assert.match(String(await result(page).textContent()), 'Bạn đã đăng ký lớp này rồi.');
  assert.is(await page.locator('pc-enrol-form .reference').textContent(), reference);
  assert.is((await enrolmentsOf(me)).length, 1);
  await page.close();
});

test('a double click sends one request; a send lost on the way is retried with the same key and counted once', async () => {
  const page = await open();
  const sent: (string | null)[] = [];
  page.on('request', (r) => {
    if (r.url().includes('enrolment.register')) sent.push(r.headers()['idempotency-key'] ?? null);
  });
  const first = person(2);
  await fill(page, first);
  await page.getByRole('button', { name: 'Gửi đăng ký' }).dblclick();
  await page.locator('pc-enrol-form .done').waitFor();
  assert.is(sent.length, 1, 'one request for a double click');
  assert.is((await enrolmentsOf(first)).length, 1);

  // The server registers, but the answer never reaches the page (the network drops it).
  const lost = person(3);
  await page.route('**/trpc/enrolment.register*', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await fill(page, lost);
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.getByText('không kết nối được máy chủ', { exact: false }).waitFor();
  assert.is(await page.getByLabel('Số CCCD').inputValue(), lost.id, 'what was typed is kept');
  await page.unroute('**/trpc/enrolment.register*');
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.locator('pc-enrol-form .done[data-state=requested]').waitFor();
  assert.is(sent.length, 3);
  assert.ok(sent[1] && sent[1] === sent[2], 'the retry carries the same Idempotency-Key');
  assert.not.equal(sent[0], sent[1], 'another form, another key');
  assert.is((await enrolmentsOf(lost)).length, 1, 'registered once');
  await page.close();
});

test('a full class is said so, and the visitor may choose the waiting list', async () => {
  await db.query('UPDATE training_class SET seats_taken = capacity WHERE id = $1', [classId]);
  try {
    const page = await open();
    assert.match(String(await page.locator('pc-enrol-form [part=class]').textContent()), 'đã đủ chỗ');
    const me = person(4);
    await fill(page, me);
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await page.getByText('Lớp đã đủ chỗ. Bạn có muốn vào danh sách chờ không?', { exact: false }).waitFor();
    assert.equal(await enrolmentsOf(me), [], 'nothing is written before the visitor chooses');
    await page.getByRole('button', { name: 'Vào danh sách chờ' }).click();
    await page.locator('pc-enrol-form .done[data-state=waitlisted]').waitFor();
    assert.match(String(await result(page).textContent()), 'đăng ký của bạn đã được ghi vào danh sách chờ');
    const [row] = await enrolmentsOf(me);
    assert.is(row?.state, 'requested', 'staff still review it');
    assert.match(row?.note ?? '', 'đủ chỗ');
    await page.close();
  } finally {
    await db.query('UPDATE training_class SET seats_taken = 0 WHERE id = $1', [classId]);
  }
});

test('fields are checked as typed with the domain’s rules, errors tied to their fields', async () => {
  const page = await open();
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('enrolment.register')) sent.push(r.url());
  });
  const id = page.getByLabel('Số CCCD');
  await id.fill('0063 0101');
  await id.blur();
  const error = page.getByText('Số CCCD phải gồm đúng 12 chữ số.');
  await error.waitFor();
  assert.is(await id.getAttribute('aria-invalid'), 'true');
  assert.is(await id.getAttribute('aria-describedby'), await error.getAttribute('id'));
  // Typing on fixes it at the keystroke that makes it right.
  await id.pressSequentially('2345');
  await error.waitFor({ state: 'detached' });
  assert.is(await id.getAttribute('aria-invalid'), 'false');

  const birth = page.getByLabel('Ngày sinh');
  await birth.fill('31/02/2001');
  await birth.blur();
  await page.getByText('"31/02/2001" không phải là một ngày có thật (dạng dd/mm/yyyy).').waitFor();

  // Sending an incomplete form asks nothing of the server and points at the first field at fault.
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.getByText('Vui lòng sửa các mục được đánh dấu.').waitFor();
  assert.is(await page.getByLabel('Họ và tên').getAttribute('aria-invalid'), 'true');
  assert.is(await page.getByLabel('Giới tính').getAttribute('aria-invalid'), 'true');
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
  assert.is(focused, 'fullName');
  assert.equal(sent, []);
  await page.close();
});

test('the element speaks English when its lang is switched after loading', async () => {
  const page = await open();
  const id = page.getByLabel('Số CCCD');
  await id.fill('123');
  await id.blur();
  await page.getByText('Số CCCD phải gồm đúng 12 chữ số.').waitFor();
  await page.locator('pc-enrol-form').evaluate((el) => el.setAttribute('lang', 'en'));
  await page.getByRole('heading', { name: 'Register for a class' }).waitFor();
  await page.getByText('A national ID (CCCD) is exactly 12 digits.').waitFor();
  assert.is(await page.getByLabel('National ID').inputValue(), '123', 'what was typed stays');
  assert.ok(await page.getByRole('button', { name: 'Send registration' }).isVisible());
  assert.match(String(await page.locator('pc-enrol-form [part=class]').textContent()), 'Organiser');
  await page.close();
});

test('no serious or critical accessibility violation, with errors showing and after a registration', async () => {
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const page = await open();
  await page.addScriptTag({ path: axe });
  const violations = () =>
    page.evaluate(async () => {
      const run = (
        window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string }[] }> } }
      ).axe.run;
      // The element, not the bare test page around it (which has no title of its own).
      const { violations } = await run({ include: [['pc-enrol-form']] });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
  assert.equal(await violations(), [], 'the empty form');
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.getByText('Vui lòng sửa các mục được đánh dấu.').waitFor();
  assert.equal(await violations(), [], 'with every error showing');
  await fill(page, person(5));
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await page.locator('pc-enrol-form .done').waitFor();
  assert.equal(await violations(), [], 'after a registration');
  await page.close();
});

test('an unknown class and an unreachable server are each said in a plain sentence', async () => {
  const unknown = await harness.pageWith(
    '<pc-enrol-form class-id="00000000-0000-4000-8000-000000000000"></pc-enrol-form>',
  );
  await unknown.getByText('Không tìm thấy lớp học này; có thể đường dẫn đã cũ.').waitFor();
  await unknown.close();
  const down = await harness.pageWith(
    `<pc-enrol-form class-id="${classId}" api="http://127.0.0.1:9/trpc"></pc-enrol-form>`,
  );
  await down.getByText('Không kết nối được máy chủ PolCenter', { exact: false }).waitFor();
  await down.close();
});

test('a class-id that names no class by its form is a webmaster mistake, said inline and in the console', async () => {
  const page = await harness.pageWith('<pc-enrol-form class-id="NTĐ-01"></pc-enrol-form>');
  const warnings = recordWarnings(page);
  await page.locator('pc-enrol-form .problem[role=alert]').waitFor();
  await eventually(
    () => warnings.some((w) => w.startsWith('<pc-enrol-form> class-id: ')),
    () => warnings.join('\n'),
  );
  assert.is(await page.locator('pc-enrol-form form').count(), 0);
  await page.close();
});

test('the form follows the page’s language, as every widget does', async () => {
  const page = await open();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await page.getByRole('heading', { name: 'Register for a class' }).waitFor();
  assert.ok(await page.getByLabel('Full name').isVisible());
  await page.close();
});

// Last: the limit holds for this client address for a minute, whatever test would come after.
test('past the rate limit, the visitor is told how long to wait', async () => {
  const page = await open();
  // Use up the allowance with well-formed requests for a class long closed (nothing is written).
  const { id: past } = await one("SELECT id FROM training_class WHERE code = 'NTĐ-01/2022'");
  const limited = await page.evaluate(
    async ({ past, commune }) => {
      const input = {
        classId: past,
        person: {
          fullName: 'Lý Văn Thử',
          birthDate: '2000-01-01',
          gender: 'male',
          ethnicity: 'tay',
          unitId: commune,
          nationalId: '006300000001',
        },
      };
      for (let i = 0; i < 30; i++) {
        const r = await fetch('/trpc/enrolment.register', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (r.status === 429) return true;
      }
      return false;
    },
    { past, commune },
  );
  assert.ok(limited, 'the server limits public mutations');
  await fill(page, person(6));
  await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
  const alert = page.locator('pc-enrol-form [part=result] [role=alert]');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /^Bạn đã gửi quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
  assert.is(await page.getByLabel('Số CCCD').inputValue(), person(6).id, 'what was typed is kept for later');
  await page.close();
});

test.run();
