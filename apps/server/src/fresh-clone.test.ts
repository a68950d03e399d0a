import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readlinkSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDataDir } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// A newcomer's first steps, where they most often fail: as root (CI and containers run as root),
// `git clone` into a folder only root may enter (a `mktemp -d` folder, like root's home, is mode
// 700), `pnpm install`, start. PostgreSQL refuses root and runs as `postgres`, which can reach
// neither the clone's binaries nor its `.data` (ADR 0015). Installed offline from the store the
// workspace was installed from, so the test needs no network.
const repository = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The workspace's turbo cache (turbo keeps one per repository, in the main checkout for a git
 * worktree). Under `pnpm test` every package was just built from the same commit, so the clone's
 * `turbo run build` finds each task's hash there and restores its `dist/` instead of compiling all
 * nine packages again: a second full build, the suite's longest step (ADR 0042). Read-only: the
 * clone adds nothing to it. With no current build there (a file changed since, or this test run
 * alone) the clone builds as a newcomer's does.
 */
function workspaceTurboCache(): string {
  if (process.env.TURBO_CACHE_DIR) return path.resolve(repository, process.env.TURBO_CACHE_DIR);
  const common = spawnSync('git', ['rev-parse', '--git-common-dir'], { cwd: repository, encoding: 'utf8' });
  return path.join(path.dirname(path.resolve(repository, common.stdout.trim())), '.turbo', 'cache');
}

/**
 * `pnpm start` as typed in a terminal (build, then the server), in its own process group so that
 * stopping it is the terminal's Ctrl-C: SIGINT to pnpm, turbo's and the server's processes at once.
 */
function pnpmStart(cwd: string) {
  const child = spawn('pnpm', ['start'], {
    cwd,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: '',
      POLCENTER_DATA_DIR: '',
      POLCENTER_PORT: '0',
      POLCENTER_LOG: '0',
      TURBO_CACHE_DIR: workspaceTurboCache(),
      TURBO_CACHE: 'local:r',
    },
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const listening = new Promise<string>((resolve, reject) => {
    // A fresh clone's first start builds every package first (ADR 0017): minutes on two busy cores.
    const timer = setTimeout(() => reject(new Error(`pnpm start did not listen in 600 s:\n${output}`)), 600_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/localhost:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    listening,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  assert.is(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

test('a clone inside a mode-700 folder installs and starts: the embedded database runs, the API answers', async () => {
  if (!existsSync(path.join(repository, '.git'))) {
    return console.log('  skipped: the repository is not a git checkout, so it cannot be cloned');
  }
  const parent = tempDataDir();
  chmodSync(parent.dir, 0o700);
  const clone = path.join(parent.dir, 'polcenter');
  let placed = '';
  try {
    assert.is(statSync(parent.dir).mode & 0o777, 0o700);
    run('git', ['clone', '--quiet', '--no-hardlinks', repository, clone], parent.dir);
    run('pnpm', ['install', '--offline', '--frozen-lockfile'], clone);
    const server = pnpmStart(clone);
    try {
      const url = await server.listening;
      const data = path.join(clone, '.data');
      placed = lstatSync(path.join(data, 'pg')).isSymbolicLink() ? readlinkSync(path.join(data, 'pg')) : '';
      if (process.getuid?.() === 0) assert.match(placed, /^\/var\/lib\/polcenter\/data\//);
      assert.match(server.output(), `dữ liệu: embedded PostgreSQL 18, ${data}`);
      assert.is((await fetch(`${url}/readyz`)).status, 200);
      const units = await fetch(
        `${url}/trpc/units.list?input=${encodeURIComponent('{"underCode":"064","at":"2022-06-01"}')}`,
      );
      assert.is(units.status, 200);
    } finally {
      await server.stop();
    }
    assert.match(server.output(), 'Đã dừng máy chủ và cơ sở dữ liệu');
  } finally {
    parent.remove();
    if (placed) rmSync(path.dirname(placed), { recursive: true, force: true });
  }
});

test.run();
