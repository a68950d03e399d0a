import { launchBrowser, type TestBrowser } from '@polcenter/testing/browser';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import type { Page } from 'playwright-core';

// Shared by the widget benches: the demo portal as a visitor gets it, and the widgets' style text.

export interface DemoPortal {
  /** Origin of `polcenter start`: the portal page at `/`, the widgets under `/widgets/`. */
  readonly url: string;
  readonly browser: TestBrowser;
  /** A new tab in which functions written in this bench may run (`page.evaluate`). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `polcenter start` on a fresh demo database (embedded PostgreSQL in a temporary folder), and a Chromium. */
export async function demoPortal(): Promise<DemoPortal> {
  const data = tempDataDir();
  const server = await startServerProcess({ POLCENTER_DATA_DIR: data.dir, POLCENTER_LOG: '0' }).catch(
    (error: unknown) => {
      data.remove();
      throw error;
    },
  );
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    data.remove();
    throw error;
  });
  return {
    url: server.url,
    browser,
    async newPage() {
      const page = await browser.context.newPage();
      // tsx compiles this file keeping function names through an `__name` helper, which functions
      // sent to the page would call: there it only has to hand the function back.
      await page.addInitScript('globalThis.__name = (fn) => fn');
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
      data.remove();
    },
  };
}

/** The style sheets of a Lit widget as CSS text, for a baseline that must look the same. */
async function cssOf(module: Promise<{ styles: { cssText: string } }>): Promise<string> {
  const [{ tokens, base }, { styles }] = await Promise.all([import('../src/tokens.styles.js'), module]);
  return [tokens, base, styles].map((sheet) => sheet.cssText).join('\n');
}

export const classCatalogStyles = () => cssOf(import('../src/class-catalog/class-catalog.styles.js'));
export const rosterStyles = () => cssOf(import('../src/rapporteur-roster/rapporteur-roster.styles.js'));
