import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBench } from './run-bench.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/**
 * A bench that hangs after starting what real benches start: a server in its process group, and a
 * detached one (as the embedded PostgreSQL runs), both deaf to SIGTERM, as is the bench itself.
 */
const HANGING_BENCH = `
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
export const ids = ['fixture.hang'];
const deaf = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";
export default async function hang() {
  process.on('SIGTERM', () => {});
  const inGroup = spawn(process.execPath, ['-e', deaf], { stdio: 'ignore' });
  const detached = spawn(process.execPath, ['-e', deaf], { stdio: 'ignore', detached: true });
  detached.unref();
  writeFileSync(process.env.PIDS_FILE, JSON.stringify([inGroup.pid, detached.pid]));
  await new Promise(() => {});
}
`;

test('a bench that times out leaves nothing running: its group, what left the group, itself', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-hang-'));
  const pidsFile = path.join(dir, 'pids.json');
  process.env.PIDS_FILE = pidsFile;
  try {
    const file = path.join(dir, 'hang.bench.ts');
    writeFileSync(file, HANGING_BENCH);
    const outcome = await runBench(
      { file, name: 'hang.bench.ts', packageDir: dir, ids: ['fixture.hang'] },
      // Long enough for the child to start on a loaded machine and write its pids.
      { timeoutMs: 15_000, graceMs: 500 },
    );
    assert.match(outcome.error ?? '', /timed out after 15 s/);
    assert.not.match(outcome.error ?? '', /would not stop/);
    assert.ok(existsSync(pidsFile), 'the bench started its processes before the timeout');
    const pids = JSON.parse(readFileSync(pidsFile, 'utf8')) as number[];
    assert.is(pids.length, 2);
    for (const pid of pids) assert.not.ok(alive(pid), `process ${pid} still runs`);
  } finally {
    delete process.env.PIDS_FILE;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bench that exits with a server still running in its group: the server is stopped', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-left-'));
  const pidsFile = path.join(dir, 'pids.json');
  process.env.PIDS_FILE = pidsFile;
  try {
    const file = path.join(dir, 'left.bench.ts');
    writeFileSync(
      file,
      `import { spawn } from 'node:child_process';
       import { writeFileSync } from 'node:fs';
       export const ids = ['fixture.left'];
       export default async function left() {
         const server = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         server.unref();
         writeFileSync(process.env.PIDS_FILE, JSON.stringify([server.pid]));
         return [{ id: 'fixture.left', value: 1, unit: 'x' }];
       }`,
    );
    const outcome = await runBench(
      { file, name: 'left.bench.ts', packageDir: dir, ids: ['fixture.left'] },
      { timeoutMs: 60_000, graceMs: 500 },
    );
    assert.is(outcome.error, undefined);
    assert.equal(
      outcome.figures?.map((f) => f.value),
      [1],
    );
    const [server] = JSON.parse(readFileSync(pidsFile, 'utf8')) as number[];
    assert.not.ok(alive(server as number), `server ${server} still runs`);
  } finally {
    delete process.env.PIDS_FILE;
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
