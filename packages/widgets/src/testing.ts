import { launchBrowser } from '@polcenter/testing/browser';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page } from 'playwright-core';

// Test-only (the browser tests' shared setup): nothing in the bundle imports this file.

export interface WidgetPageOptions {
  /** The page's `lang`, which the widgets speak unless told otherwise (default `vi`). */
  readonly lang?: string;
  /** Runs on the new page before it loads, e.g. to add an init script that sees every event. */
  readonly beforeLoad?: (page: Page) => Promise<unknown>;
}

export interface WidgetHarness {
  /** Origin of the server: its API, and the embed script at `/widgets/pc-widgets.js`. */
  readonly url: string;
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
export async function startWidgetHarness(): Promise<WidgetHarness> {
  const data = tempDataDir();
  const env = process.env.DATABASE_URL
    ? { DATABASE_URL: (await testDatabase()).url }
    : { POLCENTER_DATA_DIR: data.dir };
  const server = await startServerProcess(env);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    data.remove();
    throw error;
  });
  const testPage = `${server.url}/widget-test-page`;
  return {
    url: server.url,
    async pageWith(html, { lang = 'vi', beforeLoad } = {}) {
      const page = await browser.context.newPage();
      await beforeLoad?.(page);
      await page.route(testPage, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="${lang}"><script type="module" src="/widgets/pc-widgets.js"></script><body>${html}</body></html>`,
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
