import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestPolCenter } from '@polcenter/core/testing';
import { CLI, tempDataDir } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { missingBuild } from './built-assets.js';
import { createHttpServer } from './http-server.js';

// The server as users run it: `pnpm start` builds, then `polcenter start` runs dist/ on plain node.

interface Ran {
  readonly code: number | null;
  readonly output: string;
}

/** Plain `node` (none of the test's loader or conditions), until `until` shows up or the process ends. */
function plainNode(args: string[], env: NodeJS.ProcessEnv, until?: RegExp): Promise<Ran & { stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const { NODE_OPTIONS: _options, ...inherited } = process.env;
    const child = spawn(process.execPath, args, { env: { ...inherited, DATABASE_URL: '', ...env } });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    };
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (until?.test(output)) resolve({ code: null, output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    exited.then((code) => resolve({ code, output, stop }));
  });
}

test('polcenter start runs the build on plain node: no TypeScript, no loader, the widget bundle served', async () => {
  const data = tempDataDir();
  const server = await plainNode(
    [CLI, 'start', '--port', '0'],
    { POLCENTER_DATA_DIR: data.dir },
    /http:\/\/localhost:\d+/,
  );
  try {
    const url = /http:\/\/localhost:\d+/.exec(server.output)?.[0];
    assert.ok(url, `the server did not start:\n${server.output}`);
    assert.is((await fetch(`${url}/healthz`)).status, 200);
    const bundle = await fetch(`${url}/widgets/pc-widgets.js`);
    assert.is(bundle.status, 200, 'the widget bundle is built');
    assert.is((await fetch(`${url}/console/`)).status, 200, 'the console is built');
    assert.not.match(server.output, /pnpm build/);
  } finally {
    await server.stop();
    data.remove();
  }
});

test('in a clone with nothing built, the CLI says in one sentence what to run (vi, en)', async () => {
  // The CLI's own files without a dist/ beside them, as a fresh clone has them.
  const clone = mkdtempSync(path.join(os.tmpdir(), 'polcenter-unbuilt-'));
  try {
    const app = path.join(clone, 'apps/server');
    mkdirSync(path.join(app, 'bin'), { recursive: true });
    cpSync(CLI, path.join(app, 'bin/polcenter.js'));
    cpSync(path.join(path.dirname(CLI), '../package.json'), path.join(app, 'package.json'));
    const vi = await plainNode([path.join(app, 'bin/polcenter.js'), 'start'], {});
    assert.is(vi.code, 1);
    assert.is(vi.output.trim(), vi.output.trim().split('\n')[0], 'one line');
    assert.match(vi.output, /^PolCenter chưa được dựng .*`pnpm build`/);
    const en = await plainNode([path.join(app, 'bin/polcenter.js'), '--help'], { POLCENTER_LANG: 'en' });
    assert.is(en.code, 1);
    assert.match(en.output, /^PolCenter is not built yet .*`pnpm build`/);
    assert.not.match(en.output + vi.output, /at .*\(|ERR_MODULE_NOT_FOUND/, 'no stack trace');
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});

test('an unbuilt widget bundle or console is answered with what to run, in the asker’s language, not a bare 404', async () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'polcenter-no-widgets-'));
  const polcenter = await createTestPolCenter();
  const unbuilt = {
    what: { vi: 'bộ widget nhúng', en: 'the embeddable widget bundle' },
    folder: empty,
    entry: 'pc-widgets.js',
  };
  const noConsole = {
    what: { vi: 'trang quản trị (console)', en: 'the staff console' },
    folder: empty,
    entry: 'index.html',
  };
  const server = createHttpServer({ polcenter, widgetBundle: unbuilt, consoleApp: noConsole });
  try {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const vi = await fetch(`${base}/widgets/pc-widgets.js`);
    assert.is(vi.status, 404);
    assert.equal(await vi.json(), { error: missingBuild(unbuilt)?.vi });
    const en = await fetch(`${base}/widgets/chunks/widgets-abc.js`, { headers: { 'accept-language': 'en' } });
    assert.match(
      ((await en.json()) as { error: string }).error,
      /^The embeddable widget bundle is not built: run `pnpm build`/,
    );
    const staff = await fetch(`${base}/console/classes`, { headers: { 'accept-language': 'en' } });
    assert.is(staff.status, 404);
    assert.match(
      ((await staff.json()) as { error: string }).error,
      /^The staff console is not built: run `pnpm build`/,
    );
    // Built, the same route is an ordinary 404 for a file that does not exist.
    assert.is(missingBuild({ ...unbuilt, folder: path.dirname(CLI), entry: 'polcenter.js' }), null);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await polcenter.close();
    rmSync(empty, { recursive: true, force: true });
  }
});

test.run();
