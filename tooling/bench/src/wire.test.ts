import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesOnTheWire } from './wire.js';

test('bytes on the wire are the body as the server sent it, compressed, never decoded', async () => {
  const text = Buffer.from('Lớp bồi dưỡng lý luận chính trị '.repeat(200));
  const gzipped = gzipSync(text);
  const server = http.createServer((req, res) => {
    // As a server does: compressed only for a client that takes gzip.
    if (String(req.headers['accept-encoding']).includes('gzip')) {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipped);
    } else res.end(text);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await bytesOnTheWire(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(browser, { status: 200, encoding: 'gzip', bytes: gzipped.length });
    assert.ok(browser.bytes < text.length / 10);
    const plain = await bytesOnTheWire(url, {});
    assert.equal(plain, { status: 200, encoding: 'identity', bytes: text.length });
  } finally {
    server.close();
  }
});

test.run();
