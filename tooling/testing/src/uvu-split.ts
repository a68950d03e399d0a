import { spawn } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `uvu <dir> <pattern>` in several processes at once, for a package whose tests mostly wait (on
 * server processes starting and stopping, an embedded PostgreSQL, timers) rather than compute: one
 * uvu process runs its files one after another, so such a package's wall time is the sum of its
 * files' and it finished the suite alone on one core (ADR 0042). Each process gets a share of the
 * files, its own PostgreSQL and template (as any test process), and the same Node arguments as this
 * one (`--conditions=@polcenter/source --import tsx`). Shares are balanced by file size, the longest
 * first into the lightest share. A process's output is printed whole when it ends, so files do not
 * interleave; the exit code is the first failure's.
 *
 * Usage, from the package folder: `node --conditions=@polcenter/source --import tsx
 * ./node_modules/@polcenter/testing/src/uvu-split.ts <dir> <pattern>`. POLCENTER_TEST_PROCESSES sets
 * how many processes (2 by default; 1 is plain uvu).
 */

/**
 * The files uvu runs for `dir` and `pattern`: relative paths matching it (case-insensitive), outside
 * `node_modules` and `.git`, in name order.
 */
export function testFiles(dir: string, pattern: string): string[] {
  const match = new RegExp(pattern, 'i');
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (/^\.git|node_modules/i.test(name)) continue;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile() && match.test(name)) found.push(name);
    }
  };
  walk('');
  return found.sort((a, b) => a.localeCompare(b));
}

/** Splits `files` into at most `count` shares of about equal `weight`, each share in name order. */
export function shares(files: string[], count: number, weight: (file: string) => number): string[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(count, files.length)) }, () => ({
    files: [] as string[],
    weight: 0,
  }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = groups.reduce((min, group) => (group.weight < min.weight ? group : min));
    lightest.files.push(file);
    lightest.weight += weight(file);
  }
  return groups.map((group) => group.files.sort((a, b) => a.localeCompare(b)));
}

/** A pattern uvu matches against exactly these relative paths. */
export function exactly(files: string[]): string {
  return `^(${files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

async function main(dir: string, pattern: string): Promise<number> {
  const uvu = path.resolve('node_modules/uvu/bin.js');
  const count = Number(process.env.POLCENTER_TEST_PROCESSES ?? 2);
  const groups = shares(testFiles(dir, pattern), count, (file) => statSync(path.join(dir, file)).size);
  const children = groups.map((files, i) => {
    console.log(`uvu process ${i + 1} of ${groups.length}: ${files.join(', ')}`);
    const child = spawn(process.execPath, [...process.execArgv, uvu, dir, exactly(files)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    return {
      child,
      done: new Promise<number>((resolve) =>
        child.once('close', (code, signal) => {
          process.stdout.write(`\nuvu process ${i + 1} of ${groups.length} (${files.join(', ')}):\n${output}`);
          resolve(code ?? (signal ? 1 : 0));
        }),
      ),
    };
  });
  // Ctrl-C or turbo stopping the run reaches every process, which stop their servers and databases.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const { child } of children) child.kill(signal);
    });
  }
  const codes = await Promise.all(children.map((c) => c.done));
  return codes.find((code) => code !== 0) ?? 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)) {
  const [dir = '.', pattern = '\\.test\\.ts$'] = process.argv.slice(2);
  process.exitCode = await main(dir, pattern);
}
