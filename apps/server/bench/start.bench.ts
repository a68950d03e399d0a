import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Figure, freePort, median, round, stopProcess as stop } from '@polcenter/bench';
import { tempDataDir } from '@polcenter/testing/server-process';

export const ids = ['start.cold.seconds', 'start.warm.seconds'];

const ROUNDS = 3;
const START_TIMEOUT_MS = 120_000;
const POLL_MS = 10;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `start.cold.seconds` / `start.warm.seconds`: from the command users type, `pnpm start` in the
 * repository (turbo's build check, nothing to rebuild since `pnpm bench` built first, then the
 * built server on plain node), to the first 200 from GET /healthz, on an empty new data folder
 * (initdb, migrations, demo seed) and then again on the same folder. Each round has its own
 * temporary folder; one warm-up round first fills the OS file cache, so "cold" means a new
 * database, not a cold disk. Stopped as Ctrl-C stops it: SIGINT to the whole process group.
 */
export default async function startBench(): Promise<Figure[]> {
  const floor: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let r = -1; r < ROUNDS; r++) {
    const data = tempDataDir();
    try {
      const first = await timeStart(data.dir);
      const second = await timeStart(data.dir);
      if (r < 0) continue;
      cold.push(first);
      warm.push(second);
      floor.push(await timeBareNode());
    } finally {
      data.remove();
      assertNoPostgresIn(data.dir);
    }
  }
  const sizes = `median of ${ROUNDS} rounds after 1 warm-up, each in a new temporary data folder`;
  const how = 'pnpm start (build check included, nothing to rebuild) until GET /healthz answers 200';
  const bare = `a bare node:http process answers in ${round(median(floor))} s`;
  return [
    {
      id: 'start.cold.seconds',
      value: median(cold),
      unit: 's',
      note: `first start on an empty folder (initdb, migrations, demo seed): ${how}; ${sizes}; rounds ${cold.map((s) => round(s)).join(', ')} s; ${bare}`,
    },
    {
      id: 'start.warm.seconds',
      value: median(warm),
      unit: 's',
      target: '< 3',
      note: `second start on the same folder: ${how}; ${sizes}; rounds ${warm.map((s) => round(s)).join(', ')} s; ${bare}`,
    },
  ];
}

/** Seconds from typing `pnpm start` (data in `dataDir`) to a 200 from /healthz; then Ctrl-C. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    // The embedded default is what `pnpm start` measures, whatever DATABASE_URL the shell has.
    env: {
      ...process.env,
      DATABASE_URL: '',
      POLCENTER_DATA_DIR: dataDir,
      POLCENTER_PORT: String(port),
      POLCENTER_LANG: 'en',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let seconds: number;
  try {
    seconds = await untilHealthy(child, port, started);
  } catch (error) {
    await interrupt(child);
    throw error;
  }
  // A start that did not stop cleanly would make the next (warm) start time a recovery instead.
  const code = await interrupt(child);
  if (code !== 0 && code !== 130 && code !== 'SIGINT') {
    throw new Error(`pnpm start exited with ${code} on Ctrl-C instead of stopping cleanly`);
  }
  return seconds;
}

/** Ctrl-C in a terminal: SIGINT to the whole group (pnpm, turbo, the server); waits for all of it to end. */
async function interrupt(child: ChildProcess): Promise<number | string | null> {
  const group = child.pid as number;
  const exited = new Promise<number | string | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? child.signalCode);
    else child.once('exit', (code, signal) => resolve(code ?? signal));
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // The group is gone already.
    }
  };
  signal('SIGINT');
  const kill = setTimeout(() => signal('SIGKILL'), 30_000);
  const code = await exited;
  // pnpm may end before the server has stopped its PostgreSQL: wait for the rest of the group.
  for (let waited = 0; waited < 30_000 && groupAlive(group); waited += 50) await new Promise((r) => setTimeout(r, 50));
  clearTimeout(kill);
  return code;
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** The floor of any Node server start: a plain node:http process, timed the same way. */
async function timeBareNode(): Promise<number> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    return await untilHealthy(child, port, started, '/');
  } finally {
    await stop(child);
  }
}

function untilHealthy(child: ChildProcess, port: number, started: bigint, route = '/healthz'): Promise<number> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    let done = false;
    const fail = (why: string) => {
      if (done) return;
      done = true;
      reject(new Error(`${why}; its output:\n${output}`));
    };
    child.once('exit', (code, signal) => fail(`the server exited (${signal ?? code}) before it was healthy`));
    const deadline = setTimeout(() => fail(`no 200 from ${route} in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const poll = async () => {
      while (!done) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}${route}`, { signal: AbortSignal.timeout(2000) });
          await response.arrayBuffer();
          if (response.status === 200) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            done = true;
            clearTimeout(deadline);
            resolve(seconds);
            return;
          }
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    void poll();
  });
}

/** A postgres still running on a removed folder would be a leak the product must not have. */
function assertNoPostgresIn(dir: string): void {
  if (process.platform !== 'linux') return;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (command.includes('postgres') && command.includes(dir)) {
      throw new Error(`a PostgreSQL (pid ${pid}) outlived its server in ${dir}: ${command}`);
    }
  }
}
