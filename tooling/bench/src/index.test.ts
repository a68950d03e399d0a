import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { declaredIds, selectBenches } from './discover.js';
import {
  compare,
  formatTable,
  measure,
  median,
  mergeFigures,
  normalise,
  readFigures,
  round,
  writeFigures,
} from './index.js';

test('median: odd, even, unsorted, one sample; none throws', () => {
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 3, 2]), 2.5);
  assert.is(median([7]), 7);
  assert.throws(() => median([]), /no samples/);
});

test('compare reads every operator, with or without spaces', () => {
  assert.ok(compare(4, '<= 4'));
  assert.not.ok(compare(4.01, '<= 4'));
  assert.ok(compare(0.5, '>= 0.5'));
  assert.not.ok(compare(0.49, '>=0.5'));
  assert.ok(compare(0, '== 0'));
  assert.not.ok(compare(1, '== 0'));
  assert.ok(compare(2.99, '< 3'));
  assert.not.ok(compare(3, '< 3'));
  assert.ok(compare(3.1, '> 3'));
  assert.ok(compare(1.2, ' ≤ 1.2 '));
  assert.ok(compare(-1, '< -0.5'));
});

test('compare: a value that is not a number never passes; an unreadable target throws', () => {
  assert.not.ok(compare(Number.NaN, '<= 4'));
  assert.not.ok(compare(Number.POSITIVE_INFINITY, '>= 0'));
  assert.throws(() => compare(1, 'about 4'), /unreadable target/);
  assert.throws(() => compare(1, '<= '), /unreadable target/);
});

test('measure runs the warm-up unmeasured, then one sample per round', async () => {
  const calls: number[] = [];
  const samples = await measure(3, 2, async (round) => {
    calls.push(round);
    await new Promise((r) => setTimeout(r, 5));
  });
  assert.equal(calls, [-1, -2, 0, 1, 2]);
  assert.is(samples.length, 3);
  for (const ms of samples) assert.ok(ms >= 4 && ms < 1000, `${ms} ms`);
});

test('round keeps significant digits', () => {
  assert.is(round(2.34567), 2.35);
  assert.is(round(1234.5, 2), 1200);
  assert.is(round(0), 0);
});

test('normalise puts keys in BENCH.md order and computes pass from the target', () => {
  const figure = normalise({ note: 'n', target: '<= 3', unit: 'x raw pg', value: 2.1, id: 'a.b', baseline: 'raw pg' });
  assert.equal(Object.keys(figure), ['id', 'value', 'unit', 'baseline', 'target', 'pass', 'note']);
  assert.is(figure.pass, true);
  assert.is(normalise({ id: 'a', value: 5, unit: 'x', target: '<= 3', pass: true }).pass, false);
  assert.not.ok('pass' in normalise({ id: 'a', value: 5, unit: 's' }));
});

test('mergeFigures replaces re-run ids in place, keeps the others, drops crashed ones', () => {
  const old = [
    { id: 'start.cold.seconds', value: 5, unit: 's' },
    { id: 'orm.read.ratio', value: 3, unit: 'x' },
    { id: 'start.warm.seconds', value: 2, unit: 's' },
  ];
  const merged = mergeFigures(
    old,
    [
      { id: 'orm.read.ratio', value: 2, unit: 'x' },
      { id: 'new.one', value: 1, unit: 'x' },
    ],
    ['orm.read.ratio', 'new.one'],
  );
  assert.equal(
    merged.map((f) => [f.id, f.value]),
    [
      ['start.cold.seconds', 5],
      ['orm.read.ratio', 2],
      ['start.warm.seconds', 2],
      ['new.one', 1],
    ],
  );
  const crashed = mergeFigures(old, [], ['start.cold.seconds', 'start.warm.seconds']);
  assert.equal(
    crashed.map((f) => f.id),
    ['orm.read.ratio'],
  );
});

test('writeFigures writes a JSON array that readFigures reads back', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-test-'));
  try {
    const file = path.join(dir, 'bench-results.json');
    assert.equal(readFigures(file), []);
    writeFigures(file, [{ id: 'x.y', value: 1.5, unit: 'x', target: '<= 2' }]);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(parsed, [{ id: 'x.y', value: 1.5, unit: 'x', target: '<= 2', pass: true }]);
    assert.equal(readFigures(file), parsed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('declaredIds reads the literal array; a file without one is refused', () => {
  assert.equal(declaredIds('export const ids = [\'start.cold.seconds\', "start.warm.seconds"];'), [
    'start.cold.seconds',
    'start.warm.seconds',
  ]);
  assert.equal(declaredIds('export const ids: readonly string[] = [\n  "orm.read.ratio",\n] as const;'), [
    'orm.read.ratio',
  ]);
  assert.throws(() => declaredIds('export default async () => []', 'x.bench.ts'), /x\.bench\.ts declares no/);
});

test('selectBenches filters by id prefix', () => {
  const benches = [
    { file: 'a', name: 'a', packageDir: '.', ids: ['orm.read.ratio'] },
    { file: 'b', name: 'b', packageDir: '.', ids: ['start.cold.seconds', 'start.warm.seconds'] },
  ];
  assert.is(selectBenches(benches, []).length, 2);
  assert.equal(
    selectBenches(benches, ['orm.read']).map((b) => b.name),
    ['a'],
  );
  assert.equal(
    selectBenches(benches, ['start.warm', 'orm']).map((b) => b.name),
    ['a', 'b'],
  );
  assert.is(selectBenches(benches, ['enrol']).length, 0);
});

test('a value just over its target misses it: pass is judged unrounded, the file keeps the value, the table rounds', () => {
  const figure = normalise({ id: 'api.memory.growthRatio', value: 1.2024, unit: 'x', target: '< 1.2' });
  assert.is(figure.pass, false);
  assert.is(normalise({ id: 'x', value: 1.2024, unit: 'x', target: '<= 1.2' }).pass, false);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-bench-test-'));
  try {
    const file = path.join(dir, 'bench-results.json');
    writeFigures(file, [figure]);
    assert.is(readFigures(file)[0]?.value, 1.2024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(formatTable([figure]), /api\.memory\.growthRatio\s+1\.2\s+x\s+< 1\.2\s+MISSED/);
});

test('formatTable shows each figure and its result', () => {
  const table = formatTable([
    normalise({ id: 'orm.read.ratio', value: 2.5, unit: 'x raw pg', target: '<= 4', note: 'n' }),
    normalise({ id: 'start.cold.seconds', value: 4.2, unit: 's' }),
  ]);
  assert.match(table, /orm\.read\.ratio\s+2\.5\s+x raw pg\s+<= 4\s+ok/);
  assert.match(table, /start\.cold\.seconds\s+4\.2\s+s\s+\(report\)/);
  assert.match(table, /orm\.read\.ratio: n/);
});

test.run();
