import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Figure, freePort, launch, median, round, stopProcess as stop } from '@polcenter/bench';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { CLI } from '@polcenter/testing/server-process';
import autocannon from 'autocannon';

export const ids = [
  'api.classes.list.throughputRatio',
  'api.classes.list.p50Ratio',
  'api.classes.list.c10.throughputRatio',
  'api.classes.list.c10.p50Ratio',
  'api.memory.growthRatio',
];

const ROUNDS = 3;
const SECONDS = 4;
const MEMORY_REQUESTS = 100_000;
const BASELINE = fileURLToPath(new URL('./baseline-catalog.ts', import.meta.url));

/**
 * The public catalog over HTTP, through the real server (`polcenter start`, production mode, logs
 * off) and through a plain node:http handler running the same SQL with raw pg — both child
 * processes on one database with 20 open classes, loaded by autocannon from this process, in
 * interleaved rounds. Then the server's resident memory after a warm-up and after 100,000 more
 * requests.
 */
export default async function apiBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  const figures: Figure[] = [];
  const children: ChildProcess[] = [];
  try {
    await addOpenClasses(polcenter, 18);
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
    const check = (await (await fetch(trpcUrl)).json()) as { result: { data: { items: unknown[] } } };
    if (check.result.data.items.length !== 20) throw new Error('the catalog should list 20 open classes');

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
      const errors = [...ours, ...floor].reduce((sum, x) => sum + x.errors + x.non2xx, 0);
      const note = `${connections} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s, 20 open classes a page; tRPC ${Math.round(rps(ours))} req/s p50 ${p50(ours)} ms p99 ${p99(ours)} ms; raw pg ${Math.round(rps(floor))} req/s p50 ${p50(floor)} ms p99 ${p99(floor)} ms; errors ${errors}`;
      const prefix = connections === 100 ? 'api.classes.list' : 'api.classes.list.c10';
      figures.push(
        {
          id: `${prefix}.throughputRatio`,
          value: round(rps(ours) / rps(floor)),
          unit: 'x raw pg',
          baseline: 'plain node:http + raw pg, same SQL',
          target: '>= 0.4',
          note,
        },
        {
          id: `${prefix}.p50Ratio`,
          value: round(p50(ours) / Math.max(p50(floor), 0.5)),
          unit: 'x raw pg',
          baseline: 'plain node:http + raw pg, same SQL',
          target: '<= 3',
          note,
        },
      );
    }

    await load(trpcUrl, 50, 0, 20_000);
    const before = rss(server);
    const run = await load(trpcUrl, 50, 0, MEMORY_REQUESTS);
    const after = rss(server);
    figures.push({
      id: 'api.memory.growthRatio',
      value: round(after / before),
      unit: 'x',
      target: '<= 1.2',
      note: `server RSS ${(before / 1024).toFixed(1)} MiB after 20,000 warm-up requests, ${(after / 1024).toFixed(1)} MiB after ${MEMORY_REQUESTS.toLocaleString('en')} more (${run.errors + run.non2xx} errors)`,
    });
    return figures;
  } finally {
    for (const child of children) await stop(child);
    await polcenter.close();
  }
}

async function addOpenClasses(polcenter: Awaited<ReturnType<typeof createTestPolCenter>>, count: number) {
  const program = await polcenter.programs.getByCode('CNKT');
  const organiser = (await polcenter.units.findByCode('TN-CHODON'))?.id as string;
  for (let i = 1; i <= count; i++) {
    const day = String(i).padStart(2, '0');
    const created = await polcenter.classes.create(SYSTEM_ACTOR, {
      code: `CNKT-${day}/2028`,
      programId: program.id,
      organiserUnitId: organiser,
      mode: 'in_person',
      venue: 'Hội trường Đảng uỷ xã Chợ Đồn',
      capacity: 60,
      startDate: `2028-03-${day}`,
      endDate: `2028-03-${day}`,
      sessions: [
        { date: `2028-03-${day}`, part: 'morning', topicNumber: 1, periods: 4 },
        { date: `2028-03-${day}`, part: 'afternoon', topicNumber: 2, periods: 4 },
      ],
    });
    await polcenter.classes.transition(SYSTEM_ACTOR, created.id, 'open');
  }
}

function load(url: string, connections: number, seconds: number, amount?: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, ...(amount ? { amount } : { duration: seconds }) });
}

function rss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
}
