import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bytesOnTheWire, type Figure } from '@polcenter/bench';
import type { Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import widgetsVite from '../vite.config.js';
import { classCatalogStyles, demoPortal, rosterStyles } from './portal.js';

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
  // The widgets' own plugins, target, minifiers and tree-shaking (tRPC's unused links left out),
  // read from their config so the two builds cannot drift apart; only the entry and the chunking
  // differ (one entry, so one file; the embed splits its code into a long-cached chunk).
  const { plugins, build: widgetsBuild = {} } = widgetsVite;
  const { manualChunks: _chunking, ...output } = (widgetsBuild.rollupOptions?.output ?? {}) as Rolldown.OutputOptions;
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins,
    // Library mode leaves `process.env.NODE_ENV` alone; a page bundle sets it, so React ships its production build.
    define: {
      'process.env.NODE_ENV': '"production"',
      __PC_CSS__: JSON.stringify({ catalog: await classCatalogStyles(), roster: await rosterStyles() }),
    },
    build: {
      write: false,
      target: widgetsBuild.target,
      minify: widgetsBuild.minify,
      terserOptions: widgetsBuild.terserOptions,
      lib: {
        entry: { 'pc-react': `${root}bench/react/widgets.jsx` },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: { ...widgetsBuild.rollupOptions, output },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = new Map<string, Buffer>();
  for (const output of outputs.flatMap((o) => o.output)) {
    if (output.type === 'chunk') files.set(output.fileName, Buffer.from(output.code));
  }
  return files;
}

/** One side's two widgets: the tags of its class catalog and its rapporteur roster. */
interface Side {
  readonly catalog: string;
  readonly roster: string;
}

const LIT: Side = { catalog: 'pc-class-catalog', roster: 'pc-rapporteur-roster' };
const REACT: Side = { catalog: 'pcr-class-catalog', roster: 'pcr-rapporteur-roster' };
const CARD = 'li[data-code]';
const REGISTER = 'li[data-code] button.register';

/** What a widget shows, as text: each catalog card and each roster row. */
function shown(page: Page, side: Side): Promise<{ cards: string[]; rows: string[] }> {
  return page.evaluate(
    ([catalog, roster]) => {
      // Templates differ in the white space between elements, not in what a visitor reads.
      const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '');
      return {
        cards: [...(document.querySelector(catalog)?.shadowRoot?.querySelectorAll('li[data-code]') ?? [])].map(text),
        rows: [...(document.querySelector(roster)?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map(text),
      };
    },
    [side.catalog, side.roster] as const,
  );
}

/** The catalog's search and filters: the form's name, each label with its control and what it offers. */
async function filterControls(page: Page, side: Side) {
  // The program filter offers the programs once they are read.
  await page.waitForFunction(
    (catalog) => (document.querySelector(catalog)?.shadowRoot?.querySelectorAll('select')[0]?.options.length ?? 0) > 1,
    side.catalog,
  );
  return page.evaluate((catalog) => {
    const form = document.querySelector(catalog)?.shadowRoot?.querySelector('form[part=filters]');
    return {
      form: `${form?.getAttribute('role')} ${form?.getAttribute('aria-label')}`,
      controls: [...(form?.querySelectorAll('label') ?? [])].map((label) => {
        const control = label.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
        const own = [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
        return {
          label: own
            .map((node) => node.textContent)
            .join('')
            .trim(),
          control: control ? `${control.localName} ${control.type} ${control.getAttribute('name') ?? ''}` : 'none',
          options: control instanceof HTMLSelectElement ? [...control.options].map((o) => `${o.value}=${o.text}`) : [],
        };
      }),
    };
  }, side.catalog);
}

/** Waits until the catalog shows `count` elements matching `what`; throws naming the side if it never does. */
async function catalogShows(page: Page, side: Side, what: string, count: number, why: string): Promise<void> {
  const args = [side.catalog, what, count] as const;
  try {
    await page.waitForFunction(
      ([catalog, what, count]) => document.querySelector(catalog)?.shadowRoot?.querySelectorAll(what).length === count,
      args,
      { timeout: 15_000 },
    );
  } catch {
    const seen = await page.evaluate(
      ([catalog, what]) => document.querySelector(catalog)?.shadowRoot?.querySelectorAll(what).length,
      args,
    );
    throw new Error(`<${side.catalog}> shows ${seen} × ${what}, not ${count}, ${why}`);
  }
}

/**
 * The register button shows only once `<pc-enrol-form>` exists. The embed defines it; the React
 * page does not have it until a stand-in keeping its contract (tag, `class-id`, `lang`) is
 * defined here, after the cards are shown: then their buttons must appear.
 */
async function withEnrolForm(page: Page, side: Side, openClasses: number): Promise<void> {
  const defined = await page.evaluate(() => customElements.get('pc-enrol-form') !== undefined);
  if (!defined) {
    await catalogShows(page, side, REGISTER, 0, 'before <pc-enrol-form> exists');
    await page.evaluate(() => customElements.define('pc-enrol-form', class extends HTMLElement {}));
  }
  await catalogShows(
    page,
    side,
    REGISTER,
    openClasses,
    'once <pc-enrol-form> exists (one per class open for enrolment)',
  );
}

/**
 * What a visitor sees of each feature, used the same way on either side: the cards (with their
 * details and register buttons) and rows; the search and filter controls; a search without
 * diacritics (answered by the server); the first class's details with its timetable; the register
 * dialog of the first class open for enrolment; and a field picked in the roster while the API is
 * down (the table stays, a notice says why, with a retry button).
 */
async function exercise(page: Page, side: Side) {
  const catalog = page.locator(side.catalog);
  const initial = await shown(page, side);
  const filters = await filterControls(page, side);

  await catalog.getByLabel('Tìm lớp').fill('ly luan chinh tri');
  await catalogShows(page, side, CARD, 1, 'after a search for "ly luan chinh tri"');
  const searched = (await shown(page, side)).cards;
  await catalog.getByLabel('Tìm lớp').fill('');
  await catalogShows(page, side, CARD, initial.cards.length, 'once the search is cleared');

  const card = catalog.locator('li[data-code]').first();
  await card.locator('button.toggle').click();
  await card.locator('[part=details] .sessions li').first().waitFor({ timeout: 15_000 });
  const details = {
    expanded: await card.locator('button.toggle').getAttribute('aria-expanded'),
    text: ((await card.locator('[part=details]').textContent()) ?? '').replace(/\s+/g, ''),
  };
  await card.locator('button.toggle').click();

  let dialog: { title: string; form: string } | null = null;
  const register = catalog.locator('button.register');
  if ((await register.count()) > 0) {
    await register.first().click();
    const open = catalog.locator('dialog[open]');
    await open.waitFor();
    const form = open.locator('pc-enrol-form');
    dialog = {
      title: (await open.locator('h3').textContent()) ?? '',
      form: `${await form.getAttribute('class-id')} ${await form.getAttribute('lang')}`,
    };
    await open.getByRole('button', { name: 'Đóng' }).click();
    await catalog.locator('dialog[open]').waitFor({ state: 'detached' });
  }

  await page.route(/\/trpc\//, (route) => route.abort('connectionrefused'));
  await page.locator(`${side.roster} select`).selectOption('party_building');
  const notice = page.locator(`${side.roster} .notice[role=alert]`);
  await notice.waitFor({ timeout: 15_000 });
  const apiDown = {
    notice: await notice.evaluate((p) => {
      const sentence = p.cloneNode(true) as Element;
      sentence.querySelector('button')?.remove();
      return (sentence.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
    retry: await notice.locator('button.retry').count(),
    rows: (await shown(page, side)).rows.length,
  };
  await page.unroute(/\/trpc\//);

  return { initial, filters, searched, details, dialog, apiDown };
}

/** A page whose every API call fails from the start: what each widget says instead, and whether it offers a retry. */
async function failingFromTheStart(page: Page, url: string, side: Side) {
  await page.route(/\/trpc\//, (route) => route.abort('connectionrefused'));
  await page.goto(url);
  const said = [];
  for (const tag of [side.catalog, side.roster]) {
    const failure = page.locator(`${tag} .failure[role=alert]`);
    await failure.waitFor({ timeout: 30_000 });
    said.push({ text: await failure.locator('p').textContent(), retry: await failure.locator('button.retry').count() });
  }
  return said;
}

/** Throws unless both sides saw the same thing. */
function same(what: string, lit: unknown, react: unknown): void {
  if (JSON.stringify(react) !== JSON.stringify(lit)) {
    throw new Error(
      `the React widgets differ (${what}):\nReact ${JSON.stringify(react)}\nLit   ${JSON.stringify(lit)}`,
    );
  }
}

/**
 * `widgets.bundle.gzipKB`: the bytes the demo portal page (`/`) actually receives for its widget
 * script and everything the script imports, from `polcenter start`, compressed as the server sends
 * them to Chromium (whose Accept-Encoding decides brotli or gzip): each file is requested again over
 * HTTP with that Accept-Encoding and its body counted as sent, which must equal what Chromium got.
 * `widgets.bundle.reactRatio`: that ÷ the class catalog and the roster written in React with the
 * same features (bench/react: same API client, markup and styles), built by Vite with the same
 * settings and compressed the same way. The React side has no enrol form of its own: its register
 * button opens a stand-in `<pc-enrol-form>`, while the embed's bytes hold the real one (and the
 * unit directory and certificate check). Both sides are loaded against the same server and must
 * behave the same: same cards and rows, same filter controls, same answers to a search, the same
 * details, register buttons and dialog, and the same failures with retry buttons.
 */
export default async function bundleBench(): Promise<Figure[]> {
  const portal = await demoPortal();
  try {
    const page = await portal.newPage();
    const encodings = new Map<string, string>();
    page.on('response', async (response) => {
      encodings.set(response.url(), (await response.allHeaders())['content-encoding'] ?? 'identity');
    });
    // What Chromium asked for: the script requests' Accept-Encoding, sent again below.
    const accepted = new Map<string, string>();
    page.on('request', async (request) => {
      const header = (await request.allHeaders())['accept-encoding'];
      if (header) accepted.set(request.url(), header);
    });
    await page.goto(`${portal.url}/`);
    await page.locator('pc-class-catalog li[data-code]').first().waitFor({ timeout: 30_000 });
    await page.locator('pc-rapporteur-roster tbody tr').first().waitFor();
    const lit = await widgetTransfers(page, `${portal.url}/widgets/`);
    if (lit.length < 2) throw new Error(`expected the embed script and its chunk, saw ${lit.map((t) => t.url)}`);
    // The figure: each file requested again over HTTP with the very Accept-Encoding Chromium sent,
    // its body counted as the server sent it (nothing decoded or compressed here); it must be what
    // Chromium itself received (Resource Timing's encoded size).
    const wire = await Promise.all(
      lit.map(async (t) => {
        const acceptEncoding = accepted.get(t.url);
        if (!acceptEncoding) throw new Error(`Chromium's request for ${t.url} was not seen`);
        return { ...(await bytesOnTheWire(t.url, { 'accept-encoding': acceptEncoding })), acceptEncoding };
      }),
    );
    const litBytes = wire.reduce((sum, w) => sum + w.bytes, 0);
    if (litBytes !== lit.reduce((sum, t) => sum + t.encoded, 0)) {
      throw new Error(
        `the server sent other bytes than Chromium received: ${wire.map((w) => w.bytes)} vs ${lit.map((t) => t.encoded)}`,
      );
    }

    // The encoding the server chose for the code (the chunk), which the React build gets too (it is
    // not served, so the bench compresses it); and a check that the bench compresses as the server
    // does: the same bytes for the widget files as the server sent.
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

    // How many of the classes shown take enrolments today (the register buttons to expect).
    const catalogAnswer = (await (
      await fetch(`${portal.url}/trpc/classes.catalog?input=${encodeURIComponent(JSON.stringify({ limit: 12 }))}`)
    ).json()) as { result: { data: { items: { enrolment: string }[] } } };
    const openClasses = catalogAnswer.result.data.items.filter((item) => item.enrolment === 'open').length;

    // The React build, loaded from the server's origin so it calls the same API, must behave the same.
    const reactPage = async () => {
      const tab = await portal.newPage();
      await tab.route(`${portal.url}/react-bench/**`, (route) => {
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
      return tab;
    };
    const reactTab = await reactPage();
    await reactTab.goto(`${portal.url}/react-bench/`);
    await reactTab.locator('pcr-class-catalog li[data-code]').first().waitFor({ timeout: 30_000 });
    await reactTab.locator('pcr-rapporteur-roster tbody tr').first().waitFor();

    await withEnrolForm(page, LIT, openClasses);
    await withEnrolForm(reactTab, REACT, openClasses);
    const litSeen = await exercise(page, LIT);
    const reactSeen = await exercise(reactTab, REACT);
    for (const key of Object.keys(litSeen) as (keyof typeof litSeen)[]) same(key, litSeen[key], reactSeen[key]);
    same(
      'first load failing',
      await failingFromTheStart(await portal.newPage(), `${portal.url}/`, LIT),
      await failingFromTheStart(await reactPage(), `${portal.url}/react-bench/`, REACT),
    );

    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const litRaw = lit.reduce((sum, t) => sum + t.decoded, 0);
    const { cards, rows } = litSeen.initial;
    return [
      {
        id: 'widgets.bundle.gzipKB',
        value: litBytes / 1024,
        unit: 'KB',
        target: '<= 25',
        note: `body bytes as the server sends them (${encoding}), each file requested over HTTP with Chromium's Accept-Encoding (${wire[0]?.acceptEncoding}) and equal to what Chromium received on the portal page: ${lit.length} files, ${kb(litRaw)} KB minified → ${kb(litBytes)} KB; five widgets (class catalog, enrol form, rapporteur roster, unit directory, certificate check), Lit, the tRPC client`,
      },
      {
        id: 'widgets.bundle.reactRatio',
        value: litBytes / reactBytes,
        unit: 'x React',
        baseline:
          'class catalog + roster in React 19 with the same features (same client, markup, styles), Vite, same compression',
        target: '<= 0.35',
        note: `React: ${kb(reactRaw)} KB minified → ${kb(reactBytes)} KB ${encoding}, with the catalog's search, program/month/mode filters, details with timetable, register button and dialog (opening a stand-in <pc-enrol-form>: no form of its own), "show more", the roster's field choice, placeholders, failures and notices with retry (automatic with back-off), webmaster mistakes inline and in the console, live language and kept focus; both sides showed the same ${cards.length} cards and ${rows.length} rows, filter controls, search answer, details, register dialog and failures`,
      },
    ];
  } finally {
    await portal.close();
  }
}
