import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFile } from './discover.js';
import { type Figure, normalise } from './index.js';

const RUN_ONE = fileURLToPath(new URL('./run-one.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface Outcome {
  readonly bench: BenchFile;
  readonly figures?: Figure[];
  readonly error?: string;
  readonly seconds: number;
}

export interface RunOptions {
  readonly timeoutMs: number;
  /** How long SIGTERM is given before SIGKILL, for the bench and whatever it started. */
  readonly graceMs?: number;
  /** Set by the runner so Ctrl-C can stop the bench that runs (it has a process group of its own). */
  readonly onStart?: (stop: () => Promise<void>) => void;
}

/**
 * Runs one bench file in a child process of its own (a fresh heap, JIT and module cache, so one
 * bench's warm caches or GC debt never colour the next one's timings) and reads its figures.
 *
 * The child leads a process group of its own, so what it starts (servers through the CLI, browsers)
 * can be stopped with it. Stopping it — on a timeout, on Ctrl-C, or after it exits with something
 * still running — takes everything it started: the group, and the processes that left the group
 * (an embedded PostgreSQL runs detached), found by walking parent links before anyone dies and
 * orphans are handed to init. SIGTERM first (the test fixture's PostgreSQL stops on it, a server
 * stops its own), SIGKILL for whatever outlives the grace.
 */
export function runBench(bench: BenchFile, options: RunOptions): Promise<Outcome> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-'));
  const out = path.join(scratch, 'figures.json');
  const started = Date.now();
  const graceMs = options.graceMs ?? 10_000;
  return new Promise((resolve) => {
    // Bench code reads the workspace's packages from source, as tests do (ADR 0017); a server a bench
    // starts through the CLI runs the build, as users run it.
    const child = spawn(
      process.execPath,
      ['--conditions=@polcenter/source', '--import', TSX, RUN_ONE, bench.file, out],
      { cwd: bench.packageDir, stdio: 'inherit', detached: true },
    );
    let timedOut = false;
    let stopping: Promise<string[]> | undefined;
    // Snapshot taken while the child lives: after it dies, its detached children belong to init.
    let lastTree: number[] = [];
    const watch = setInterval(() => {
      if (child.pid) lastTree = descendantsOf(child.pid);
    }, 1_000);
    const stop = () => {
      stopping ??= stopTree(child, lastTree, graceMs);
      return stopping;
    };
    options.onStart?.(async () => {
      await stop();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      void stop();
    }, options.timeoutMs);
    const finish = async (error?: string) => {
      clearTimeout(timer);
      clearInterval(watch);
      // A bench that exited may still have left a server behind: the same sweep.
      const survivors = await stop();
      const seconds = (Date.now() - started) / 1000;
      let figures: Figure[] | undefined;
      if (!error) {
        try {
          figures = (JSON.parse(readFileSync(out, 'utf8')) as Figure[]).map(normalise);
        } catch (e) {
          error = `its figures could not be read (${(e as Error).message})`;
        }
      }
      if (survivors.length) {
        error = `${error ? `${error}; ` : ''}processes it started would not stop: ${survivors.join(', ')}`;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ bench, figures, error, seconds });
    };
    child.once('error', (error) => void finish(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (timedOut) void finish(`timed out after ${options.timeoutMs / 1000} s (POLCENTER_BENCH_TIMEOUT_S)`);
      else if (code !== 0)
        void finish(`crashed (${signal ? `signal ${signal}` : `exit code ${code}`}); its output is above`);
      else void finish();
    });
  });
}

/**
 * Stops the child's process group and every process it started; resolves with the commands of
 * processes still alive after SIGKILL (none, normally).
 */
async function stopTree(child: ChildProcess, known: readonly number[], graceMs: number): Promise<string[]> {
  const group = child.pid;
  if (!group) return [];
  const tree = new Set([...known, ...descendantsOf(group), group]);
  const signal = (sig: NodeJS.Signals) => {
    for (const pid of tree) kill(pid, sig);
    kill(-group, sig);
    // Children they started since the snapshot (a server's PostgreSQL coming up).
    for (const pid of tree) for (const d of descendantsOf(pid)) tree.add(d);
  };
  const alive = () => [...tree].filter(isAlive).length > 0 || groupAlive(group);
  signal('SIGTERM');
  await waitUntil(() => !alive(), graceMs);
  if (alive()) {
    signal('SIGKILL');
    await waitUntil(() => !alive(), 5_000);
  }
  return [...tree].filter(isAlive).map((pid) => `${pid} (${commandOf(pid)})`);
}

function kill(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Gone already.
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive and not a zombie (a zombie is our own exited child not yet reaped: it is gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z';
}

function statOf(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim().slice(0, 120);
  } catch {
    return '?';
  }
}

/** Every process below `root` by parent links, read from /proc (empty where there is no /proc). */
export function descendantsOf(root: number): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const stat = statOf(pid);
    if (!stat) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

async function waitUntil(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}
