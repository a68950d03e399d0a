import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/**
 * A headless Chromium for component and end-to-end tests. The binary comes from npm
 * (@sparticuz/chromium, unpacked to /tmp on first use) so tests need nothing installed by hand;
 * CHROMIUM_PATH points at another one (e.g. Debian's /usr/bin/chromium).
 */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

// This machine has no network beyond localhost and the package registries: background services
// would only fail their lookups, slowly.
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
];

/**
 * Flags of the packaged Chromium's defaults (made for serverless scraping) that turn off what a
 * visitor's browser enforces: with them, a widget refused by CORS still works in tests and a
 * blank embed on a real portal goes unseen. The features it disables are site isolation's.
 */
const INSECURE = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
]);

/** The packaged defaults without the insecure ones; `--disable-features` keeps only harmless entries. */
export function secureArgs(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    const flag = arg.split('=')[0] ?? arg;
    if (INSECURE.has(flag)) return [];
    if (flag === '--disable-features') {
      const kept = arg
        .slice(flag.length + 1)
        .split(',')
        .filter((feature) => feature && feature !== 'IsolateOrigins' && feature !== 'site-per-process');
      return kept.length > 0 ? [`--disable-features=${kept.join(',')}`] : [];
    }
    return [arg];
  });
}

async function executablePath(): Promise<{ path: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, args: [] };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), args: secureArgs(packaged.args) };
}

async function launchOptions(): Promise<{ executablePath: string; headless: true; args: string[] }> {
  const { path: executable, args } = await executablePath();
  const wanted = [...new Set([...args, ...QUIET])];
  return {
    executablePath: executable,
    headless: true,
    args: process.getuid?.() === 0 ? [...wanted, '--no-sandbox'] : wanted,
  };
}

/**
 * Starts Chromium, once more if the first one dies before it is up: on a loaded machine the
 * packaged binary has been seen to crash at start (SIGSEGV, before any page), which says nothing
 * of the code under test. A second failure is reported as it is.
 */
async function launched<T>(launch: () => Promise<T>): Promise<T> {
  try {
    return await launch();
  } catch (error) {
    console.warn(`Chromium did not start (${String(error).split('\n')[0]}); starting it again.`);
    return launch();
  }
}

export async function launchBrowser(): Promise<TestBrowser> {
  const options = await launchOptions();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'polcenter-chromium-'));
  const context = await launched(() => chromium.launchPersistentContext(profile, { ...options, locale: 'vi-VN' }));
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let shared: { browser: Promise<Browser>; users: number } | undefined;

/**
 * A browser of its own for one test file — its own cookies, storage, downloads and offline switch
 * (a fresh context, as a private window is) — on one Chromium shared by every file of the test
 * process, which closes with the last context. The console's end-to-end files each hold one for
 * their whole run: one Chromium instead of one per file on two busy cores (docs/adr/0038).
 */
export async function browserContext(): Promise<TestBrowser> {
  if (!shared) {
    const browser = launchOptions().then((options) => launched(() => chromium.launch(options)));
    shared = { browser, users: 0 };
    // A failed launch is not kept: the next file tries again.
    browser.catch(() => {
      shared = undefined;
    });
  }
  const mine = shared;
  mine.users++;
  try {
    const context = await (await mine.browser).newContext({ locale: 'vi-VN' });
    return {
      context,
      async close() {
        await context.close();
        if (--mine.users === 0) {
          if (shared === mine) shared = undefined;
          await (await mine.browser).close();
        }
      },
    };
  } catch (error) {
    mine.users--;
    throw error;
  }
}
