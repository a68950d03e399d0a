import http from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchBrowser } from './browser';

test('the packaged Chromium renders a page served on localhost and runs its script', async () => {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><p id="out"></p><script>out.textContent = "Xin chào " + (6 * 7)</script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    assert.is(await page.textContent('#out'), 'Xin chào 42');
  } finally {
    await browser.close();
    server.close();
  }
});

test.run();
