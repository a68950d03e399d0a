import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { namedBlocks } from './markdown.js';
import { publicPackages, ROOT } from './public-packages.js';

/**
 * What a team outside the monorepo gets, tried as they would: the public packages packed by
 * `pnpm pack`, installed with npm into empty folders outside the workspace, the programs of
 * docs/library.md type-checked by a strict consumer and run on plain `node` (no loader) against a
 * real PostgreSQL and a real server. Third-party dependencies come from the npm registry (npm's cache
 * keeps that quick after the first run).
 */

const page = namedBlocks(readFileSync(path.join(ROOT, 'docs/library.md'), 'utf8'));
const block = (name: string): string => {
  const body = page.get(name);
  if (body === undefined) throw new Error(`docs/library.md has no block named ${name}`);
  return body;
};

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
/** The consumer's own tools, at the versions the workspace uses. */
const TOOLS = [`typescript@${version('typescript')}`, `@types/node@${version('@types/node')}`];

/** What a consumer's shell has: none of the workspace's loaders, conditions or database. */
const consumerEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _options, DATABASE_URL: _database, ...env } = process.env;
  return { ...env, ...extra };
};

interface Ran {
  readonly code: number | null;
  readonly output: string;
  readonly stdout: string;
  readonly seconds: number;
}

function run(command: string, args: string[], cwd: string, env = consumerEnv()): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, output, stdout, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

async function succeed(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<Ran> {
  const ran = await run(command, args, cwd, env);
  if (ran.code !== 0) assert.unreachable(`${command} ${args.join(' ')} failed (${ran.code}) in ${cwd}:\n${ran.output}`);
  return ran;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'polcenter-packaging-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const tarballDir = path.join(scratch, 'tarballs');
mkdirSync(tarballDir);

/** An empty folder outside the workspace, with only a package.json (as `npm init` leaves it). */
function consumerFolder(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  assert.not.ok(dir.startsWith(ROOT), 'the consumer must live outside the workspace');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2));
  return dir;
}

const tarballs = new Map<string, string>();
const npmInstall = (dir: string, specs: string[]) =>
  succeed('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], dir);
const TSC = (dir: string) => path.join(dir, 'node_modules/typescript/bin/tsc');
const tsc = (dir: string, args: string[] = []) => succeed(process.execPath, [TSC(dir), '-p', '.', ...args], dir);

test('every public package packs its built JavaScript, declarations, README and licence, nothing else', async () => {
  const packages = publicPackages();
  assert.equal(
    packages.map((p) => p.name),
    ['@polcenter/client', '@polcenter/core', '@polcenter/domain', '@polcenter/postgres'],
  );
  for (const pkg of packages) {
    await succeed('pnpm', ['pack', '--pack-destination', tarballDir], pkg.dir);
    const file = path.join(tarballDir, `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`);
    assert.ok(existsSync(file), `${pkg.name} packed into ${readdirSync(tarballDir).join(', ')}`);
    tarballs.set(pkg.name, file);

    const entries = (await succeed('tar', ['-tzf', file], scratch)).stdout.trim().split('\n');
    const stray = entries.filter(
      (entry) => !/^package\/(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts))$/.test(entry),
    );
    assert.equal(stray, [], `${pkg.name} carries more than what runs`);
    assert.ok(entries.includes('package/dist/index.js') && entries.includes('package/dist/index.d.ts'));
    assert.ok(entries.includes('package/README.md') && entries.includes('package/LICENSE'));

    const manifest = (await succeed('tar', ['-xzOf', file, 'package/package.json'], scratch)).stdout;
    assert.not.match(manifest, /workspace:|catalog:/, `${pkg.name}'s manifest names workspace-only versions`);
    const parsed = JSON.parse(manifest) as { license?: string; publishConfig?: { access?: string } };
    assert.is(parsed.license, 'MIT');
    assert.is(parsed.publishConfig?.access, 'public');
  }
});

test('the library tour of docs/library.md type-checks strictly and runs on plain node from the tarballs', async () => {
  const dir = consumerFolder('polcenter-tour');
  writeFileSync(path.join(dir, 'tsconfig.json'), block('tsconfig.json'));
  writeFileSync(path.join(dir, 'tour.ts'), block('tour.ts'));
  const library = ['@polcenter/core', '@polcenter/postgres', '@polcenter/domain'].map((name) => tarballs.get(name));
  assert.ok(library.every(Boolean), 'the tarballs were packed');
  await npmInstall(dir, [...(library as string[]), ...TOOLS]);

  // The page's settings leave skipLibCheck at false: every declaration the program loads is checked,
  // and none of MikroORM's may be among them (ADR 0032: 6.6.16's fail under exactOptionalPropertyTypes).
  assert.not.match(block('tsconfig.json'), /skipLibCheck/, 'the page checks every declaration');
  // nodenext as the page shows it (and emit tour.js), then node16 and bundler on the same program.
  const nodenext = await tsc(dir, ['--listFiles']);
  const loaded = nodenext.stdout.trim().split('\n');
  assert.equal(
    loaded.filter((file) => file.includes('/node_modules/@mikro-orm/')),
    [],
    'the library tour loads none of MikroORM’s declarations',
  );
  assert.equal(
    loaded.filter((file) => !file.startsWith('/')),
    [],
    'no diagnostics',
  );
  await tsc(dir, ['--module', 'node16', '--moduleResolution', 'node16', '--noEmit']);
  await tsc(dir, ['--module', 'preserve', '--moduleResolution', 'bundler', '--noEmit']);
  // Every entry point but `./orm` (which is MikroORM's, on purpose) checks clean the same way.
  const entries = Object.keys(
    (
      JSON.parse(readFileSync(path.join(dir, 'node_modules/@polcenter/core/package.json'), 'utf8')) as {
        exports: Record<string, unknown>;
      }
    ).exports,
  ).filter((key) => !['./orm', './testing', './package.json'].includes(key));
  assert.ok(entries.length >= 10, entries.join(', '));
  writeFileSync(
    path.join(dir, 'entries.ts'),
    entries.map((key, i) => `export * as entry${i} from '@polcenter/core${key.slice(1)}';\n`).join(''),
  );
  writeFileSync(
    path.join(dir, 'tsconfig.entries.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, files: ['entries.ts'] }),
  );
  const everyEntry = await succeed(process.execPath, [TSC(dir), '-p', 'tsconfig.entries.json'], dir);
  assert.is(everyEntry.output, '', 'no diagnostics');
  console.log(`  consumer tsc of the library (skipLibCheck false): ${nodenext.seconds.toFixed(1)} s`);

  // Plain node, no loader, the embedded PostgreSQL of the installed @polcenter/postgres.
  const tour = await succeed(process.execPath, ['tour.js'], dir);
  assert.fixture(tour.stdout, block('output'));
  assert.not.ok(existsSync(path.join(dir, '.polcenter-tour')), 'the ephemeral database folder is gone');
});

test('a consumer of the client alone type-checks without any server package and calls a real server', async () => {
  const dir = consumerFolder('polcenter-client-only');
  // The page's settings, every declaration checked.
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    block('tsconfig.json').replace('"files": ["tour.ts"]', '"files": ["client.ts"]'),
  );
  writeFileSync(path.join(dir, 'client.ts'), block('client.ts'));
  const client = tarballs.get('@polcenter/client');
  assert.ok(client, 'the client was packed');
  await npmInstall(dir, [client, ...TOOLS]);
  for (const server of [
    '@polcenter/core',
    '@polcenter/api',
    '@polcenter/domain',
    '@polcenter/postgres',
    'pg',
    '@mikro-orm/core',
    'zod',
  ]) {
    assert.not.ok(existsSync(path.join(dir, 'node_modules', server)), `${server} was installed with the client`);
  }
  const checked = await tsc(dir);
  assert.is(checked.output, '', 'no diagnostics');
  console.log(`  consumer tsc of the client alone (skipLibCheck false): ${checked.seconds.toFixed(1)} s`);

  const data = tempDataDir();
  const server = await startServerProcess({ POLCENTER_DATA_DIR: data.dir });
  try {
    const ran = await succeed(
      process.execPath,
      ['client.js'],
      dir,
      consumerEnv({ POLCENTER_URL: `${server.url}/trpc` }),
    );
    const lines = ran.stdout.trim().split('\n');
    assert.ok(lines.length >= 1 && lines.length <= 5, ran.stdout);
    for (const line of lines) assert.match(line, /^\S+ \(.+\): \d+\/\d+ chỗ trống$/);
  } finally {
    await server.stop();
    data.remove();
  }
});

test.run();
