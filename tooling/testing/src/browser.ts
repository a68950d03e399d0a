import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

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

async function executablePath(): Promise<{ path: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, args: [] };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), args: packaged.args };
}

export async function launchBrowser(): Promise<TestBrowser> {
  const { path: executable, args } = await executablePath();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'polcenter-chromium-'));
  const wanted = [...new Set([...args.filter((arg) => !arg.startsWith('--single-process')), ...QUIET])];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    args: process.getuid?.() === 0 ? [...wanted, '--no-sandbox'] : wanted,
    locale: 'vi-VN',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
