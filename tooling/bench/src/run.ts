import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchFile, discoverBenches, selectBenches } from './discover.js';
import { formatTable, mergeFigures, readFigures, writeFigures } from './index.js';
import { type Outcome, runBench } from './run-bench.js';

/**
 * `pnpm bench [id-prefix…]`: runs every bench file (or those declaring an id with one of the
 * prefixes), one after another, and writes bench-results.json at the repository root.
 *
 * Each bench file runs in a child process of its own (`run-bench.ts`): a crash or a hang stays
 * contained and is reported by name, and whatever the bench started (the throwaway PostgreSQL, a
 * server, a browser) is stopped with it, on a timeout too. The cost, about half a second of
 * start-up per file, is nothing next to benchmarks that run for tens of seconds.
 * Sequential, not parallel: these machines have two cores and the figures are timings.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = path.join(ROOT, 'bench-results.json');
const TIMEOUT_MS = Number(process.env.POLCENTER_BENCH_TIMEOUT_S || 600) * 1000;

// The bench runs in a process group of its own, out of the terminal's reach: Ctrl-C stops it here.
let stopCurrent: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping the running bench and what it started`);
    void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130));
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
    const outcome = await runBench(bench, {
      timeoutMs: TIMEOUT_MS,
      onStart: (stop) => {
        stopCurrent = stop;
      },
    });
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
