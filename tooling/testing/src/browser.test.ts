import http from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { browserContext, launchBrowser } from './browser.js';

async function serve(handler: http.RequestListener): Promise<{ url: string; close(): void }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

const browser = await launchBrowser();
test.after(() => browser.close());

test('the packaged Chromium renders a page served on localhost and runs its script', async () => {
  const site = await serve((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><p id="out"></p><script>out.textContent = "Xin chào " + (6 * 7)</script>');
  });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/`);
    assert.is(await page.textContent('#out'), 'Xin chào 42');
    await page.close();
  } finally {
    site.close();
  }
});

test('web security is on: another origin is unreadable without CORS, readable with it', async () => {
  // Two origins (the same host on two ports are two origins): a portal page and an API.
  const api = await serve((req, res) => {
    if (req.url === '/open') res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  const portal = await serve((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><p>portal</p>');
  });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url.replace('127.0.0.1', 'localhost')}/`);
    const read = (path: string) =>
      page.evaluate(
        (url) =>
          fetch(url).then(
            (r) => r.json().then((body) => `read ${(body as { ok: boolean }).ok}`),
            () => 'refused',
          ),
        `${api.url}${path}`,
      );
    assert.is(await read('/closed'), 'refused');
    assert.is(await read('/open'), 'read true');
    await page.close();
  } finally {
    api.close();
    portal.close();
  }
});

test('files sharing one Chromium each get a browser of their own: cookies, storage and offline apart', async () => {
  const site = await serve((req, res) => {
    if (req.url === '/set') res.setHeader('set-cookie', 'who=first; Path=/');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><p id="cookie">${req.headers.cookie ?? ''}</p>`);
  });
  const first = await browserContext();
  const second = await browserContext();
  try {
    assert.is(first.context.browser(), second.context.browser(), 'one Chromium');
    const one = await first.context.newPage();
    await one.goto(`${site.url}/set`);
    // A string: this package's type-check has no DOM library.
    await one.evaluate("localStorage.setItem('mark', 'unsent')");
    await one.goto(`${site.url}/`);
    assert.is(await one.textContent('#cookie'), 'who=first');
    const two = await second.context.newPage();
    await two.goto(`${site.url}/`);
    assert.is(await two.textContent('#cookie'), '', "the other file's cookie is not sent");
    assert.is(await two.evaluate("localStorage.getItem('mark')"), null, 'nor its storage seen');
    await first.context.setOffline(true);
    await two.reload();
    assert.is(await two.textContent('#cookie'), '', 'offline is one context’s switch');
  } finally {
    const chromium = first.context.browser();
    await first.close();
    assert.ok(chromium?.isConnected(), 'open while a file still uses it');
    await second.close();
    assert.not.ok(chromium?.isConnected(), 'closed with the last file');
    site.close();
  }
});

test.run();
