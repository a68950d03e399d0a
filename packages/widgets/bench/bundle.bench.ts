import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Figure } from '@polcenter/bench';
import type { Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { classCatalogStyles, demoPortal, rosterStyles } from './portal';

export const ids = ['widgets.bundle.gzipKB', 'widgets.bundle.reactRatio'];

interface Transfer {
  readonly url: string;
  /** Body bytes as they came over the wire (compressed as the server sent them). */
  readonly encoded: number;
  /** Body bytes once decoded. */
  readonly decoded: number;
}

/** The widget script and everything it imported, as the page loaded them (Resource Timing). */
function widgetTransfers(page: Page, prefix: string): Promise<Transfer[]> {
  return page.evaluate(
    (prefix) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(prefix) && entry.name.endsWith('.js'))
        .map((entry) => {
          const r = entry as PerformanceResourceTiming;
          return { url: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
        }),
    prefix,
  );
}

/**
 * Compression as the server applies it to its static files (ADR 0008), written here independently:
 * brotli 11 in text mode or gzip 9, and a file under 1 KB is sent as it is.
 */
function compressLikeServer(body: Buffer, encoding: string): number {
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : encoding === 'gzip'
        ? gzipSync(body, { level: 9 })
        : body;
  return body.length < 1024 ? body.length : compressed.length;
}

/** The React equivalent (bench/react), built with the widgets' own Vite settings, in memory. */
async function buildReact(): Promise<Map<string, Buffer>> {
  const root = new URL('..', import.meta.url).pathname;
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // Library mode leaves `process.env.NODE_ENV` alone; a page bundle sets it, so React ships its production build.
    define: {
      'process.env.NODE_ENV': '"production"',
      __PC_CSS__: JSON.stringify({ catalog: await classCatalogStyles(), roster: await rosterStyles() }),
    },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: { 'pc-react': `${root}bench/react/widgets.jsx` },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = new Map<string, Buffer>();
  for (const output of outputs.flatMap((o) => o.output)) {
    if (output.type === 'chunk') files.set(output.fileName, Buffer.from(output.code));
  }
  return files;
}

/** What a widget shows, as text: each catalog card and each roster row. */
function shown(page: Page, catalog: string, roster: string): Promise<{ cards: string[]; rows: string[] }> {
  return page.evaluate(
    ([catalog, roster]) => {
      // Templates differ in the white space between elements, not in what a visitor reads.
      const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '');
      return {
        cards: [...(document.querySelector(catalog)?.shadowRoot?.querySelectorAll('li[data-code]') ?? [])].map(text),
        rows: [...(document.querySelector(roster)?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map(text),
      };
    },
    [catalog, roster] as const,
  );
}

/**
 * `widgets.bundle.gzipKB`: the bytes the demo portal page (`/`) actually receives for its widget
 * script and everything the script imports, from `polcenter start`, compressed as the server sends
 * them to Chromium (whose Accept-Encoding decides brotli or gzip).
 * `widgets.bundle.reactRatio`: that ÷ the class catalog and the roster written in React (same data
 * through the same API client, same markup, same styles), built by Vite with the same settings and
 * compressed the same way. Both sides are loaded against the same server and must show the same
 * cards and rows.
 */
export default async function bundleBench(): Promise<Figure[]> {
  const portal = await demoPortal();
  try {
    const page = await portal.newPage();
    const encodings = new Map<string, string>();
    page.on('response', async (response) => {
      encodings.set(response.url(), (await response.allHeaders())['content-encoding'] ?? 'identity');
    });
    await page.goto(`${portal.url}/`);
    await page.locator('pc-class-catalog li[data-code]').first().waitFor({ timeout: 30_000 });
    await page.locator('pc-rapporteur-roster tbody tr').first().waitFor();
    const lit = await widgetTransfers(page, `${portal.url}/widgets/`);
    if (lit.length < 2) throw new Error(`expected the embed script and its chunk, saw ${lit.map((t) => t.url)}`);
    const litBytes = lit.reduce((sum, t) => sum + t.encoded, 0);
    const litShown = await shown(page, 'pc-class-catalog', 'pc-rapporteur-roster');

    // The encoding the server chose for the code (the chunk), which the React build gets too; and a
    // check that this bench compresses as the server does: same bytes for the same files.
    const chunk = lit.reduce((a, b) => (a.decoded > b.decoded ? a : b));
    const encoding = encodings.get(chunk.url) ?? 'identity';
    const recompressed = await Promise.all(
      lit.map(async (t) => compressLikeServer(Buffer.from(await (await fetch(t.url)).arrayBuffer()), encoding)),
    );
    if (recompressed.reduce((a, b) => a + b, 0) !== litBytes) {
      throw new Error(
        `the bench compresses differently from the server: ${recompressed} vs ${lit.map((t) => t.encoded)}`,
      );
    }

    const react = await buildReact();
    const reactBytes = [...react.values()].reduce((sum, body) => sum + compressLikeServer(body, encoding), 0);
    const reactRaw = [...react.values()].reduce((sum, body) => sum + body.length, 0);
    // The React build, loaded from the server's origin so it calls the same API, must show the same.
    const reactPage = await portal.newPage();
    await reactPage.route(`${portal.url}/react-bench/**`, (route) => {
      const name = new URL(route.request().url()).pathname.slice('/react-bench/'.length);
      if (name === '') {
        return route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="vi"><script type="module" src="/react-bench/pc-react.js"></script><body>
            <pcr-class-catalog></pcr-class-catalog>
            <pcr-rapporteur-roster unit="064" level="district" date="2022-10-15"></pcr-rapporteur-roster></body></html>`,
        });
      }
      const body = react.get(name);
      return body ? route.fulfill({ contentType: 'text/javascript', body }) : route.fulfill({ status: 404 });
    });
    await reactPage.goto(`${portal.url}/react-bench/`);
    await reactPage.locator('pcr-class-catalog li[data-code]').first().waitFor({ timeout: 30_000 });
    await reactPage.locator('pcr-rapporteur-roster tbody tr').first().waitFor();
    const reactShown = await shown(reactPage, 'pcr-class-catalog', 'pcr-rapporteur-roster');
    if (JSON.stringify(reactShown) !== JSON.stringify(litShown)) {
      throw new Error(
        `the React widgets show something else:\n${JSON.stringify(reactShown)}\n${JSON.stringify(litShown)}`,
      );
    }

    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const litRaw = lit.reduce((sum, t) => sum + t.decoded, 0);
    return [
      {
        id: 'widgets.bundle.gzipKB',
        value: litBytes / 1024,
        unit: 'KB',
        target: '<= 25',
        note: `as transferred to Chromium for the portal page (${encoding}): ${lit.length} files, ${kb(litRaw)} KB minified → ${kb(litBytes)} KB; five widgets (class catalog, enrol form, rapporteur roster, unit directory, certificate check), Lit, the tRPC client`,
      },
      {
        id: 'widgets.bundle.reactRatio',
        value: litBytes / reactBytes,
        unit: 'x React',
        baseline: 'class catalog + roster in React 19 (same client, markup, styles), Vite, same compression',
        target: '<= 0.35',
        note: `React: ${kb(reactRaw)} KB minified → ${kb(reactBytes)} KB ${encoding}; same ${litShown.cards.length} cards and ${litShown.rows.length} rows shown`,
      },
    ];
  } finally {
    await portal.close();
  }
}
