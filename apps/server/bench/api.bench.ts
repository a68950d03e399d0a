import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, freePort, launch, median, stopProcess as stop } from '@polcenter/bench';
import { createProvinceDataset } from '@polcenter/core/testing';
import { CLI } from '@polcenter/testing/server-process';
import autocannon from 'autocannon';

export const ids = [
  'api.classes.list.throughputRatio',
  'api.classes.list.p50Ratio',
  'api.classes.list.p99Ratio',
  'api.classes.list.c10.throughputRatio',
  'api.classes.list.c10.p50Ratio',
];

const ROUNDS = 3;
const SECONDS = 4;
const BASELINE = fileURLToPath(new URL('./baseline-catalog.ts', import.meta.url));

/**
 * The public catalog's first page (20 open classes) over HTTP, through the real server (`polcenter
 * start`, production mode, logs off) and through a plain node:http handler with raw pg written
 * independently (baseline-catalog.ts) — both child processes on the province dataset (docs/
 * benchmarks.md: 1,010 classes, a tenth open), loaded by autocannon from this process, in interleaved
 * rounds at 10 and 100 connections; both answers are checked to hold the same classes. The server's
 * memory under the catalog is api-memory.bench.ts.
 */
export default async function apiBench(): Promise<Figure[]> {
  const polcenter = await createProvinceDataset();
  const figures: Figure[] = [];
  const children: ChildProcess[] = [];
  try {
    const env = {
      ...process.env,
      DATABASE_URL: polcenter.url,
      NODE_ENV: 'production',
      POLCENTER_LOG: '0',
      POLCENTER_DEMO: '0',
    };
    const serverPort = await freePort();
    const server = await launch(
      process.execPath,
      [CLI, 'start', '--port', String(serverPort)],
      env,
      /listening|đang chạy/,
    );
    children.push(server);
    const baselinePort = await freePort();
    children.push(
      await launch(
        process.execPath,
        ['--import', 'tsx', BASELINE],
        { ...env, PORT: String(baselinePort) },
        /listening/,
      ),
    );

    const input = encodeURIComponent(JSON.stringify({ limit: 20 }));
    const trpcUrl = `http://127.0.0.1:${serverPort}/trpc/classes.catalog?input=${input}`;
    const rawUrl = `http://127.0.0.1:${baselinePort}/catalog`;
    await sameAnswer(trpcUrl, rawUrl);

    for (const connections of [10, 100]) {
      await load(trpcUrl, connections, 2);
      await load(rawUrl, connections, 2);
      const ours: autocannon.Result[] = [];
      const floor: autocannon.Result[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ours.push(await load(trpcUrl, connections, SECONDS));
        floor.push(await load(rawUrl, connections, SECONDS));
      }
      const rps = (results: autocannon.Result[]) => median(results.map((x) => x.requests.average));
      const p50 = (results: autocannon.Result[]) => median(results.map((x) => x.latency.p50));
      const p99 = (results: autocannon.Result[]) => median(results.map((x) => x.latency.p99));
      const errors = [...ours, ...floor].reduce((sum, x) => sum + x.errors + x.timeouts + x.non2xx, 0);
      const note = `${connections} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s, the first 20 open classes of the province dataset; tRPC ${Math.round(rps(ours))} req/s p50 ${p50(ours)} ms p99 ${p99(ours)} ms; raw pg ${Math.round(rps(floor))} req/s p50 ${p50(floor)} ms p99 ${p99(floor)} ms; errors, timeouts and non-2xx answers ${errors}`;
      const prefix = connections === 100 ? 'api.classes.list' : 'api.classes.list.c10';
      const baseline = 'plain node:http + raw pg, hand-written SQL building the same answer (checked equal)';
      figures.push(
        {
          id: `${prefix}.throughputRatio`,
          value: rps(ours) / rps(floor),
          unit: 'x raw pg',
          baseline,
          target: '>= 0.4',
          note,
        },
        {
          id: `${prefix}.p50Ratio`,
          value: p50(ours) / Math.max(p50(floor), 0.5),
          unit: 'x raw pg',
          baseline,
          target: '<= 3',
          note,
        },
      );
      if (connections === 100) {
        figures.push({
          id: 'api.classes.list.p99Ratio',
          value: p99(ours) / Math.max(p99(floor), 0.5),
          unit: 'x raw pg',
          baseline,
          target: '<= 3',
          note,
        });
      }
    }

    return figures;
  } finally {
    for (const child of children) await stop(child);
    await polcenter.close();
  }
}

/**
 * Both sides answer the same page: the same classes in the same order with the same fields (the
 * tRPC answer's `nextCursor` aside, which the baseline does not make).
 */
async function sameAnswer(trpcUrl: string, rawUrl: string): Promise<void> {
  const ours = ((await (await fetch(trpcUrl)).json()) as { result: { data: { items: unknown[] } } }).result.data.items;
  const floor = ((await (await fetch(rawUrl)).json()) as { items: unknown[] }).items;
  if (ours.length !== 20) throw new Error(`the catalog should list 20 open classes, listed ${ours.length}`);
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
    );
  if (canonical(ours) !== canonical(floor)) {
    throw new Error(
      `the baseline answers differently:\ntRPC     ${canonical(ours[0])}\nbaseline ${canonical(floor[0])}`,
    );
  }
}

function load(url: string, connections: number, seconds: number, amount?: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, ...(amount ? { amount } : { duration: seconds }) });
}
