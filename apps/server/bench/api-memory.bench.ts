import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Figure, freePort, launch, stopProcess as stop } from '@polcenter/bench';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { CLI } from '@polcenter/testing/server-process';
import autocannon from 'autocannon';

export const ids = ['api.memory.growthRatio'];

const MEMORY_REQUESTS = 100_000;

/**
 * The server's resident memory (`polcenter start`, production mode, logs off) after 20,000 catalog
 * requests of warm-up and after 100,000 more, at 50 connections, on the demo data with 20 open
 * classes. Its own file, apart from the catalog's ratios on the province dataset, so each stays
 * within the runner's time limit on a loaded machine. The ratio is compared unrounded.
 */
export default async function apiMemoryBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  let server: ChildProcess | undefined;
  try {
    await addOpenClasses(polcenter, 18);
    const port = await freePort();
    server = await launch(
      process.execPath,
      [CLI, 'start', '--port', String(port)],
      { ...process.env, DATABASE_URL: polcenter.url, NODE_ENV: 'production', POLCENTER_LOG: '0', POLCENTER_DEMO: '0' },
      /listening|đang chạy/,
    );
    const url = `http://127.0.0.1:${port}/trpc/classes.catalog?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
    await autocannon({ url, connections: 50, amount: 20_000 });
    const before = rss(server);
    const run = await autocannon({ url, connections: 50, amount: MEMORY_REQUESTS });
    const after = rss(server);
    return [
      {
        id: 'api.memory.growthRatio',
        value: after / before,
        unit: 'x',
        target: '<= 1.2',
        note: `server RSS ${(before / 1024).toFixed(1)} MiB after 20,000 warm-up catalog requests, ${(after / 1024).toFixed(1)} MiB after ${MEMORY_REQUESTS.toLocaleString('en')} more at 50 connections (${run.errors + run.non2xx} errors); demo data, 20 open classes`,
      },
    ];
  } finally {
    if (server) await stop(server);
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

function rss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
}
