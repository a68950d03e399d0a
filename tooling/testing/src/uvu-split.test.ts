import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exactly, shares, testFiles } from './uvu-split.js';

const RUNNER = fileURLToPath(new URL('./uvu-split.ts', import.meta.url));
/** A package's folder, from its main export (in `dist/`, for uvu and tsx). */
const installed = (name: string) => path.resolve(path.dirname(fileURLToPath(import.meta.resolve(name))), '..');

/** A package folder with uvu and tsx installed and `files` (relative path → content). */
function pkg(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-split-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(installed('uvu'), path.join(dir, 'node_modules/uvu'));
  symlinkSync(installed('tsx'), path.join(dir, 'node_modules/tsx'));
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const passing = (name: string) => `import { test } from 'uvu';\ntest('${name} passes', () => {});\ntest.run();\n`;

test('finds the files uvu would: the pattern on relative paths, no node_modules', () => {
  const p = pkg({ 'src/a.test.ts': '', 'src/deep/b.test.ts': '', 'src/c.ts': '', 'src/node_modules/d.test.ts': '' });
  try {
    assert.equal(testFiles(path.join(p.dir, 'src'), '\\.test\\.ts$'), ['a.test.ts', path.join('deep', 'b.test.ts')]);
  } finally {
    p.remove();
  }
});

test('shares are balanced by weight, heaviest first into the lightest share, and every file runs once', () => {
  const weight: Record<string, number> = { a: 9, b: 5, c: 4, d: 3, e: 1 };
  const split = shares(Object.keys(weight), 2, (file) => weight[file] ?? 0);
  assert.equal(split, [
    ['a', 'd'],
    ['b', 'c', 'e'],
  ]);
  assert.equal(
    shares(['a'], 2, () => 1),
    [['a']],
  );
  assert.equal(
    shares(['a', 'b'], 1, () => 1),
    [['a', 'b']],
  );
});

test('the pattern for a share matches its files and no other', () => {
  const pattern = new RegExp(exactly(['cli.test.ts', 'deep/x.test.ts']), 'i');
  assert.ok(pattern.test('cli.test.ts') && pattern.test('deep/x.test.ts'));
  assert.not.ok(pattern.test('clixtest.ts') || pattern.test('other/cli.test.ts') || pattern.test('cli.test.tsx'));
});

test('runs every file in its processes; one failing file fails the run, and its output is shown', () => {
  const p = pkg({
    'src/one.test.ts': passing('one'),
    'src/two.test.ts': passing('two'),
    'src/three.test.ts':
      "import { test } from 'uvu';\nimport * as assert from 'uvu/assert';\ntest('three fails', () => assert.is(1, 2));\ntest.run();\n",
  });
  try {
    const ran = spawnSync(process.execPath, [...process.execArgv, RUNNER, 'src', '\\.test\\.ts$'], {
      cwd: p.dir,
      encoding: 'utf8',
      env: { ...process.env, POLCENTER_TEST_PROCESSES: '2' },
    });
    const output = ran.stdout + ran.stderr;
    assert.is(ran.status, 1, output);
    assert.match(output, 'uvu process 1 of 2', output);
    assert.match(output, 'uvu process 2 of 2');
    assert.match(output, 'three fails');
    assert.is((output.match(/Passed: +\d/g) ?? []).length, 2, output);

    rmSync(path.join(p.dir, 'src/three.test.ts'));
    const green = spawnSync(process.execPath, [...process.execArgv, RUNNER, 'src', '\\.test\\.ts$'], {
      cwd: p.dir,
      encoding: 'utf8',
    });
    assert.is(green.status, 0, green.stdout + green.stderr);
  } finally {
    p.remove();
  }
});

test.run();
