import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The benchmark harness (BENCH.md): what a bench file exports and the helpers it uses.
 *
 * A bench file is `<package>/bench/<name>.bench.ts` and exports
 *   export const ids = ['area.subject.figure', …];   // a literal array: the runner reads it
 *                                                    // from the source to filter without loading
 *   export default async function (): Promise<Figure[]> { … }
 */

/** One line of bench-results.json; `id` is a contract (BENCH.md), keep it stable. */
export interface Figure {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  /** What the value is measured against, when it is a ratio (e.g. "raw pg same query"). */
  readonly baseline?: string;
  /** A comparison with the value: "<= 4", ">= 0.5", "== 0", "< 3". None: reported only. */
  readonly target?: string;
  /** Set by the runner from `target`; a bench sets it only for figures without a target. */
  readonly pass?: boolean;
  /** Sizes, rounds and absolute numbers behind the value. */
  readonly note?: string;
}

export type Bench = () => Promise<Figure[]>;

/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds one call of `fn` takes (awaited). */
export async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return elapsedMs(start);
}

/**
 * Runs `fn` `warmup` times unmeasured (JIT, caches, pools), then `rounds` times; returns each
 * round's milliseconds. Warm-up calls get negative round numbers.
 */
export async function measure(rounds: number, warmup: number, fn: (round: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await time(() => fn(i)));
  return samples;
}

const TARGET = /^\s*(<=|>=|==|!=|<|>|≤|≥)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

/** Whether `value` meets `target` ("<= 4", "≥ 0.5", "== 0"…); an unreadable target throws. */
export function compare(value: number, target: string): boolean {
  const match = TARGET.exec(target);
  if (!match) throw new Error(`unreadable target "${target}": expected e.g. "<= 4", ">= 0.5", "== 0"`);
  const bound = Number(match[2]);
  if (!Number.isFinite(value)) return false;
  switch (match[1]) {
    case '<=':
    case '≤':
      return value <= bound;
    case '>=':
    case '≥':
      return value >= bound;
    case '<':
      return value < bound;
    case '>':
      return value > bound;
    case '==':
      return value === bound;
    default:
      return value !== bound;
  }
}

/** Rounds to `digits` significant digits, so the results file shows what the noise allows. */
export function round(value: number, digits = 3): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}

/** The figure in BENCH.md's key order, with `pass` computed from its target. */
export function normalise(figure: Figure): Figure {
  const pass = figure.target !== undefined ? compare(figure.value, figure.target) : figure.pass;
  return {
    id: figure.id,
    value: figure.value,
    unit: figure.unit,
    ...(figure.baseline !== undefined && { baseline: figure.baseline }),
    ...(figure.target !== undefined && { target: figure.target }),
    ...(pass !== undefined && { pass }),
    ...(figure.note !== undefined && { note: figure.note }),
  };
}

/**
 * The results after a run: figures of `rerun` ids are replaced by `fresh` (in place, so the file's
 * order stays stable between filtered runs), figures of other ids are kept, new ones appended.
 */
export function mergeFigures(existing: readonly Figure[], fresh: readonly Figure[], rerun: Iterable<string>): Figure[] {
  const replaced = new Set([...rerun, ...fresh.map((f) => f.id)]);
  const byId = new Map(fresh.map((f) => [f.id, f]));
  const merged: Figure[] = [];
  for (const old of existing) {
    if (!replaced.has(old.id)) merged.push(old);
    else {
      const now = byId.get(old.id);
      if (now) merged.push(now);
      byId.delete(old.id);
    }
  }
  merged.push(...byId.values());
  return merged;
}

/** The figures of a results file; a missing or unreadable file holds none. */
export function readFigures(file: string): Figure[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter(isFigure) : [];
  } catch {
    return [];
  }
}

/** Writes the figures as a JSON array, one figure per line (diffable, still plain JSON). */
export function writeFigures(file: string, figures: readonly Figure[]): void {
  const lines = figures.map((f) => `  ${JSON.stringify(normalise(f))}`);
  writeFileSync(file, lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
}

export function isFigure(value: unknown): value is Figure {
  const f = value as Figure;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.id === 'string' &&
    typeof f.value === 'number' &&
    typeof f.unit === 'string' &&
    (f.target === undefined || typeof f.target === 'string') &&
    (f.note === undefined || typeof f.note === 'string') &&
    (f.baseline === undefined || typeof f.baseline === 'string') &&
    (f.pass === undefined || typeof f.pass === 'boolean')
  );
}

/** A readable table of the figures, then their notes. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.id,
    // Rounded here only: the file keeps the value the bench measured, and `pass` judged that one.
    String(round(f.value)),
    f.unit,
    f.target ?? '(report)',
    f.pass === undefined ? '' : f.pass ? 'ok' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'unit', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

export { freePort, launch, stopProcess } from './processes.js';
export { bytesOnTheWire, type OnTheWire } from './wire.js';
