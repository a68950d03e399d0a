import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logLeakError, scanLog } from './log-scan.js';
import { staleBuild } from './server-build.js';

/**
 * The `polcenter` CLI as a child process, for the server's own tests and for end-to-end tests.
 * Tests run the real entry exactly as `pnpm polcenter` / `pnpm start` do, never an in-process copy.
 */
export const CLI = fileURLToPath(new URL('../../../apps/server/bin/polcenter.js', import.meta.url));

const SOURCE = '@polcenter/source';

/**
 * Node's arguments for the CLI. A test process (one under the `@polcenter/source` condition) starts
 * the built server, as users run it, when that build is current: every module the server runs has
 * its `dist/` file, written after its source was last changed (`pnpm test` builds first). Otherwise
 * (`pnpm --filter … test` after an edit, with no build) it runs the TypeScript source through tsx,
 * so a test never tries a build gone stale behind the source (ADR 0017). The build saves each start
 * about 1.8 s of CPU: tsx transpiling MikroORM's and our modules (ADR 0042). A process without the
 * condition (a bench) starts the built server. tsx by URL: a test may start the CLI in a folder
 * outside the workspace.
 */
export const CLI_NODE_ARGS =
  process.execArgv.some((arg) => arg.includes(SOURCE)) && staleBuild() !== null
    ? [`--conditions=${SOURCE}`, '--import', import.meta.resolve('tsx')]
    : [];

/** Where the CLI's code runs from in tests: `built`, or `source` with the reason. */
export const CLI_RUNS = CLI_NODE_ARGS.length === 0 ? 'built' : `source (${staleBuild()})`;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one CLI command to its end (a minute at most, unless `timeoutMs` says otherwise), in `cwd`
 * (default: this process's folder).
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin = '',
  timeoutMs = 60_000,
  cwd?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, CLI, ...args], { env: { ...process.env, ...env }, cwd });
    child.stdin.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /**
   * SIGINT, as Ctrl-C does; resolves with the exit code. Rejects, failing the test that started
   * the server, when anything it printed carries personal data, a token or SQL values (log-scan.ts).
   */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `polcenter start` as a real process (on a free port unless `port` is given, as a restart on
 * the same address needs) and waits for its listening line. Without DATABASE_URL in `env`, it runs
 * the embedded PostgreSQL in `env.POLCENTER_DATA_DIR`, or, when that is unset too, in `.data` under
 * `cwd` (as `pnpm start` does in a clone).
 */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; port?: number } = {},
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, CLI, 'start', '--port', String(options.port ?? 0)], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      cwd: options.cwd,
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    // Generous: on two busy cores several test files start servers, databases and browsers at once.
    // Ctrl-C first, so the server stops its PostgreSQL instead of leaving it running.
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      reject(new Error(`server did not start in 180 s:\n${output}`));
    }, 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/localhost:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          child,
          output: () => output,
          async stop(signal = 'SIGINT') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            const code = await exited;
            const leak = logLeakError('polcenter start', scanLog(output));
            if (leak) throw leak;
            return code;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** A temporary data folder, removed by the returned function. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-data-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
