import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type PolCenter, SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { browserContext, type TestBrowser } from '@polcenter/testing/browser';
import { readSvgQrCode } from '@polcenter/testing/qr';
import { type ServerProcess, startServerProcess } from '@polcenter/testing/server-process';
import type { Locator, Page } from 'playwright-core';

/** Passwords of the console's test accounts. */
export const PASSWORD = 'mat-khau-trung-tam-2026';

export interface ConsoleRig {
  readonly url: string;
  /** The library on the server's database: accounts, and what a test checks or sets behind the UI. */
  readonly polcenter: PolCenter;
  readonly server: ServerProcess;
  readonly browser: TestBrowser;
  /** Center staff of Xã Chợ Đồn (the demo classes' organiser), and an administrator. */
  readonly users: { readonly staff: string; readonly admin: string };
  /** A fresh page (new tab of one browser context: cookies shared, as tabs of one browser). */
  page(width?: number): Promise<Page>;
  sql<T>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The console as people get it: `polcenter start` as a real process on a database of this file's
 * own (the demo data: a clone of a template migrated and seeded once per test process, so the server
 * finds its schema current and its data there), two staff accounts, and a browser context of its
 * own on a Chromium with web security on (one Chromium per test process; docs/adr/0038).
 */
export async function startConsole(): Promise<ConsoleRig> {
  const polcenter = await createTestPolCenter({ demo: true, poolSize: 3 });
  const server = await startServerProcess({ DATABASE_URL: polcenter.url, POLCENTER_LOG: '0' });
  const [unit] = await polcenter.orm.em
    .fork()
    .execute<{ id: string }[]>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.chodon',
    displayName: 'Hoàng Thị Lan',
    password: PASSWORD,
    roles: [{ role: 'center_staff', unitId: unit?.id ?? null }],
  });
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'quantri',
    displayName: 'Nông Văn Quản',
    password: PASSWORD,
    roles: [{ role: 'admin', unitId: null }],
  });
  const browser = await browserContext();
  return {
    url: server.url,
    polcenter,
    server,
    browser,
    users: { staff: 'canbo.chodon', admin: 'quantri' },
    async page(width) {
      const page = await browser.context.newPage();
      if (width) await page.setViewportSize({ width, height: 800 });
      return page;
    },
    sql: (text, values = []) => polcenter.orm.em.fork().execute(text, values),
    async stop() {
      await browser.close();
      await server.stop();
      // Drops the database too.
      await polcenter.close();
    },
  };
}

/**
 * Signs in through the sign-in page of the address (the start page unless `path`), as a person new
 * to this browser (its cookies cleared), and waits for the console's header.
 */
export async function signIn(
  page: Page,
  url: string,
  username: string,
  password = PASSWORD,
  path = '/',
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${url}/console${path}`);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
}

/**
 * On a class's enrolment page: finds people by `search` (as typed, without diacritics), ticks the
 * first `count` found, nominates them, then approves each nominated row in turn as staff do, the
 * list reloading after each decision. Returns how many the nomination reported as sent.
 */
export async function nominateAndApproveAll(page: Page, search: string, count: number): Promise<number> {
  const view = page.locator('pc-enrolment-page');
  await view.getByLabel('Tìm theo tên (không cần dấu)').fill(search);
  await view.getByRole('button', { name: 'Tìm', exact: true }).click();
  const boxes = view.locator('ul.people input[type=checkbox]');
  await boxes.nth(count - 1).waitFor();
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await view.getByRole('button', { name: `Cử ${count} người` }).click();
  await view.getByText('Kết quả cử đi học').waitFor();
  const sent = await view.locator('.outcome li.success').count();
  const nominated = view.locator('tbody tr[data-state=nominated]');
  await nominated.first().waitFor();
  for (let left = await nominated.count(); left > 0; left--) {
    await nominated
      .first()
      .getByRole('button', { name: /^Duyệt/ })
      .click();
    for (let i = 0; i < 100 && (await nominated.count()) >= left; i++) await page.waitForTimeout(100);
  }
  return sent;
}

/**
 * On a class's results page: types `scores` into the grid by keyboard alone, as staff do (the first
 * cell, then Enter to the next open cell and the next score), and waits until each is saved.
 */
export async function typeScores(page: Page, scores: readonly string[]): Promise<void> {
  const view = page.locator('pc-results-page');
  const cells = view.locator('input.score');
  await cells.first().waitFor();
  await cells.first().fill(scores[0] ?? '');
  for (const score of scores.slice(1)) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(score);
  }
  await page.keyboard.press('Enter');
  await view
    .locator('.success', { hasText: 'Đã lưu' })
    .nth(scores.length - 1)
    .waitFor();
}

/**
 * Downloads the printed page of the certificate in `row` (of the certificates page), as the server
 * drew it, and reads the link its QR code holds.
 */
export async function printedQrLink(rig: ConsoleRig, page: Page, row: Locator): Promise<string | null> {
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: /^Tải trang in/ }).click();
  const html = readFileSync((await (await downloading).path()) as string, 'utf8');
  const printed = await rig.page();
  await printed.setContent(html);
  const svg = await printed.evaluate(() => document.querySelector('.qr svg')?.outerHTML ?? '');
  await printed.close();
  return readSvgQrCode(rig.browser.context, svg);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  violations: { id: string; impact?: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (shadow roots included), as
 * `rule: target` lines. axe is evaluated by the test driver, since the console's policy lets no
 * inline script run.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
  });
}

/** Whether anything on the page is wider than the window (a sideways scroll at 360 px). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * What sticks out past the window's right edge (tag, classes and right edge, the first 8), to say
 * which element makes a page scroll sideways; a table inside its scrolling `.table-wrap` is meant to.
 */
export function widerThanTheWindow(page: Page): Promise<string[]> {
  // Sent as text: tsx names this file's functions with a helper the page does not have (`__name`).
  return page.evaluate<string[]>(`(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.right > window.innerWidth + 1 && !el.closest('.table-wrap')) {
          const classes = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
          found.push(el.localName + classes + ' ' + Math.round(box.right));
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found.slice(0, 8);
  })()`);
}

/** Polls `done` every 100 ms until it holds, failing with `what` after `timeout` ms (15 s by default). */
export async function waitUntil(done: () => Promise<boolean>, what = 'condition', timeout = 15_000): Promise<void> {
  for (const until = Date.now() + timeout; !(await done()); ) {
    if (Date.now() > until) throw new Error(`${what}: not reached within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits for `locator` (at most `timeout`, 15 s by default) and, when it never comes, fails at once
 * saying what was awaited and what the page shows instead (its headings and alerts): a page that
 * answered with a refusal fails in seconds with the refusal, not after a long silent wait.
 */
export async function waitShown(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ timeout });
  } catch (error) {
    const page = locator.page();
    const seen = await page
      .locator('h1, h2, [role=alert]')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(
      `${what}: not shown within ${timeout} ms at ${page.url()}; the page shows: ${JSON.stringify(seen)} (${(error as Error).message.split('\n')[0]})`,
    );
  }
}
