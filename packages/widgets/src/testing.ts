import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page, Route } from 'playwright-core';

// Test-only (the browser tests' shared setup): nothing in the bundle imports this file.

export interface WidgetPageOptions {
  /** The page's `lang`, which the widgets speak unless told otherwise (default `vi`). */
  readonly lang?: string;
  /** Runs on the new page before it loads, e.g. to add an init script that sees every event. */
  readonly beforeLoad?: (page: Page) => Promise<unknown>;
}

export interface WidgetHarnessOptions {
  /**
   * Run the server on a test database this process can open too (`databaseUrl`), so a test can
   * check what a widget wrote or set up data the demo lacks. Without it, the server keeps its own.
   */
  readonly database?: boolean;
}

export interface WidgetHarness {
  /** Origin of the server: its API, and the embed script at `/widgets/pc-widgets.js`. */
  readonly url: string;
  /** The server's database, when asked for with `database: true`. */
  readonly databaseUrl: string | null;
  /** A new page of the server's origin with nothing but the embed script and `html` in its body. */
  pageWith(html: string, options?: WidgetPageOptions): Promise<Page>;
  /** Closes the browser, stops the server and removes its data folder. */
  close(): Promise<void>;
}

/**
 * A real Chromium against a real server: the `polcenter start` CLI on a fresh demo database (the
 * embedded PostgreSQL in a temporary folder, or a test database on DATABASE_URL's server), serving
 * the built bundle that test pages load exactly as a portal page does. Build the widgets first.
 */
export async function startWidgetHarness(options: WidgetHarnessOptions = {}): Promise<WidgetHarness> {
  const data = tempDataDir();
  const databaseUrl = process.env.DATABASE_URL || options.database ? (await testDatabase()).url : null;
  const env = databaseUrl ? { DATABASE_URL: databaseUrl } : { POLCENTER_DATA_DIR: data.dir };
  const server = await startServerProcess(env);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    data.remove();
    throw error;
  });
  const testPage = `${server.url}/widget-test-page`;
  return {
    url: server.url,
    databaseUrl: options.database ? databaseUrl : null,
    async pageWith(html, { lang = 'vi', beforeLoad } = {}) {
      const page = await browser.context.newPage();
      await beforeLoad?.(page);
      await page.route(testPage, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="${lang}"><title>Widget test</title><script type="module" src="/widgets/pc-widgets.js"></script><body>${html}</body></html>`,
        }),
      );
      await page.goto(testPage);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
      data.remove();
    },
  };
}

/** Answers a broken network or proxy can give instead of the API's JSON. */
export const FAULTS = {
  /** Nothing answers: the connection fails as when the server is down or the visitor offline. */
  down: (route: Route) => route.abort('connectionrefused'),
  /** A reverse proxy's own error page, in HTML, with a 502. */
  proxyPage: (route: Route) =>
    route.fulfill({
      status: 502,
      contentType: 'text/html',
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    }),
  /** A 200 whose JSON body was cut off on the way. */
  truncated: (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[{"result":{"da' }),
};

/**
 * Breaks the page's API calls at the browser's network layer with `fault` (the widget code is
 * untouched) until the returned function lets them through again. `match` picks which calls
 * (default: all of `/trpc/`); `after` lets that many through first.
 */
export async function breakApi(
  page: Page,
  fault: (route: Route) => Promise<void>,
  { match = /\/trpc\//, after = 0 }: { match?: RegExp; after?: number } = {},
): Promise<() => Promise<void>> {
  let passed = 0;
  const handler = (route: Route) => (passed++ < after ? route.continue() : fault(route));
  await page.route(match, handler);
  return () => page.unroute(match, handler);
}

/** Holds the page's API calls for `ms` before sending them: a slow link. Returns the undo. */
export async function slowApi(page: Page, ms: number): Promise<() => Promise<void>> {
  const match = /\/trpc\//;
  const handler = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue().catch(() => undefined);
  };
  await page.route(match, handler);
  return () => page.unroute(match, handler);
}

/** Every `console.warn` of the page, from now on. */
export function recordWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is now (shadow roots included),
 * as `rule: target` lines; an empty list is a pass.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
  });
}

interface AxeResults {
  violations: { id: string; impact?: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}

/** Waits until `condition` holds (checked every 50 ms), failing with `what` after `ms`. */
export async function eventually(condition: () => boolean, what: () => string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
