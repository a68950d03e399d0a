import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchFile, discoverBenches, selectBenches } from './discover.js';
import { type Figure, formatTable, mergeFigures, normalise, readFigures, writeFigures } from './index.js';

/**
 * `pnpm bench [id-prefix…]`: runs every bench file (or those declaring an id with one of the
 * prefixes), one after another, and writes bench-results.json at the repository root.
 *
 * Each bench file runs in a child process of its own (`node --conditions=@polcenter/source --import tsx run-one.ts <file>`):
 * a fresh heap, JIT and module cache, so one bench's warm caches, leaked pools or GC debt never
 * colour the next one's timings; a crash or a hang stays contained and is reported by name; and
 * the throwaway PostgreSQL the test fixture starts per process goes away with it. The cost, about
 * half a second of start-up per file, is nothing next to benchmarks that run for tens of seconds.
 * Sequential, not parallel: these machines have two cores and the figures are timings.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = path.join(ROOT, 'bench-results.json');
const RUN_ONE = fileURLToPath(new URL('./run-one.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const TIMEOUT_MS = Number(process.env.POLCENTER_BENCH_TIMEOUT_S || 600) * 1000;

interface Outcome {
  readonly bench: BenchFile;
  readonly figures?: Figure[];
  readonly error?: string;
  readonly seconds: number;
}

function runBench(bench: BenchFile): Promise<Outcome> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-'));
  const out = path.join(scratch, 'figures.json');
  const started = Date.now();
  return new Promise((resolve) => {
    // Bench code reads the workspace's packages from source, as tests do (ADR 0017); a server a bench
    // starts through the CLI runs the build, as users run it.
    const child = spawn(
      process.execPath,
      ['--conditions=@polcenter/source', '--import', TSX, RUN_ONE, bench.file, out],
      {
        cwd: bench.packageDir,
        stdio: 'inherit',
      },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // SIGTERM first: the throwaway PostgreSQL of the test fixture stops on it.
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, TIMEOUT_MS);
    const finish = (error?: string) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      let figures: Figure[] | undefined;
      if (!error) {
        try {
          figures = (JSON.parse(readFileSync(out, 'utf8')) as Figure[]).map(normalise);
        } catch (e) {
          error = `its figures could not be read (${(e as Error).message})`;
        }
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ bench, figures, error, seconds });
    };
    child.once('error', (error) => finish(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (timedOut) finish(`timed out after ${TIMEOUT_MS / 1000} s (POLCENTER_BENCH_TIMEOUT_S)`);
      else if (code !== 0)
        finish(`crashed (${signal ? `signal ${signal}` : `exit code ${code}`}); its output is above`);
      else finish();
    });
  });
}

async function main(): Promise<number> {
  const prefixes = process.argv.slice(2).filter((arg) => arg !== '--');
  let benches: BenchFile[];
  try {
    benches = discoverBenches(ROOT);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 1;
  }
  const chosen = selectBenches(benches, prefixes);
  if (chosen.length === 0) {
    const known = benches.flatMap((b) => b.ids).join(', ') || '(none)';
    console.error(`bench: no benchmark declares an id starting with ${prefixes.join(' or ')}. Known ids: ${known}`);
    return 2;
  }

  const outcomes: Outcome[] = [];
  for (const bench of chosen) {
    console.log(`\n▶ ${bench.name} (${bench.ids.join(', ')})`);
    const outcome = await runBench(bench);
    console.log(`  ${outcome.error ? 'FAILED' : 'done'} in ${outcome.seconds.toFixed(1)} s`);
    outcomes.push(outcome);
  }

  const fresh = outcomes.flatMap((o) => o.figures ?? []);
  // A filtered run keeps the other benches' figures; a bench that crashed loses its old ones,
  // which would otherwise pass for fresh results.
  const existing = prefixes.length ? readFigures(RESULTS) : [];
  const rerun = chosen.flatMap((b) => b.ids);
  writeFigures(RESULTS, mergeFigures(existing, fresh, rerun));

  console.log(fresh.length ? `\n${formatTable(fresh)}\n` : '\nNo figures measured.\n');
  console.log(`Written to ${path.relative(process.cwd(), RESULTS) || RESULTS}.`);
  const missed = fresh.filter((f) => f.pass === false);
  if (missed.length) console.log(`${missed.length} figure(s) missed their target (reported, not a failure).`);
  const crashed = outcomes.filter((o) => o.error);
  for (const o of crashed) console.error(`bench: ${o.bench.name} ${o.error}`);
  return crashed.length ? 1 : 0;
}

process.exitCode = await main();
