import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Figure, freePort, launch, median, round, stopProcess as stop } from '@polcenter/bench';
import { createTestPolCenter } from '@polcenter/core/testing';
import { CLI } from '@polcenter/testing/server-process';
import autocannon from 'autocannon';

export const ids = ['server.rss.idleMB', 'server.rss.loadMB'];

const STARTS = 3;
const LOAD_REQUESTS = 100_000;
const SETTLE_MS = 2_000;

/**
 * `server.rss.idleMB` / `server.rss.loadMB`: the resident memory of `polcenter start` as users run
 * it (the built JavaScript, plain node), after start and after 100,000 catalog requests. The
 * baseline, side by side on the same database, is the same server run from its TypeScript source
 * through tsx, as `pnpm start` ran it before ADR 0017: the figure to halve.
 */
export default async function memoryBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  try {
    const env = {
      ...process.env,
      DATABASE_URL: polcenter.url,
      NODE_ENV: 'production',
      POLCENTER_LOG: '0',
      POLCENTER_DEMO: '0',
    };
    const built = await measure([CLI], env);
    const source = await measure(['--conditions=@polcenter/source', '--import', import.meta.resolve('tsx'), CLI], env);
    const sizes = `median of ${STARTS} starts, ${SETTLE_MS / 1000} s after the listening line; load: ${LOAD_REQUESTS.toLocaleString('en')} GET /trpc/classes.catalog (demo data), 50 connections, after the last start`;
    const baseline = 'the same server run from source through tsx (before ADR 0017)';
    return [
      {
        id: 'server.rss.idleMB',
        value: round(built.idle),
        unit: 'MiB',
        baseline,
        note: `built ${round(built.idle)} MiB vs source through tsx ${round(source.idle)} MiB (${round(built.idle / source.idle)}x); ${sizes}`,
      },
      {
        id: 'server.rss.loadMB',
        value: round(built.load),
        unit: 'MiB',
        baseline,
        note: `built ${round(built.load)} MiB vs source through tsx ${round(source.load)} MiB (${round(built.load / source.load)}x); ${sizes}; errors ${built.errors} / ${source.errors}`,
      },
    ];
  } finally {
    await polcenter.close();
  }
}

async function measure(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ idle: number; load: number; errors: number }> {
  const idle: number[] = [];
  for (let start = 1; start <= STARTS; start++) {
    const port = await freePort();
    const server = await launch(
      process.execPath,
      [...args, 'start', '--port', String(port)],
      env,
      /http:\/\/localhost:\d+/,
    );
    try {
      await new Promise((settle) => setTimeout(settle, SETTLE_MS));
      idle.push(rssMiB(server));
      if (start < STARTS) continue;
      const url = `http://127.0.0.1:${port}/trpc/classes.catalog?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
      const run = await autocannon({ url, connections: 50, amount: LOAD_REQUESTS });
      return { idle: median(idle), load: rssMiB(server), errors: run.errors + run.non2xx };
    } finally {
      await stop(server);
    }
  }
  throw new Error('unreachable');
}

function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}
