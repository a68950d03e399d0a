import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchFile {
  /** Absolute path of the `.bench.ts` file. */
  readonly file: string;
  /** Relative to the repository root, for messages. */
  readonly name: string;
  /** The package folder: the bench runs with it as working directory, like the package's tests. */
  readonly packageDir: string;
  /** The figure ids the file declares (`export const ids = [...]`). */
  readonly ids: readonly string[];
}

const GROUPS = ['packages', 'apps', 'tooling'];

/** Every `<group>/<package>/bench/*.bench.ts` of the repository, in a stable order. */
export function discoverBenches(root: string): BenchFile[] {
  const found: BenchFile[] = [];
  for (const group of GROUPS) {
    const groupDir = path.join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const pkg of readdirSync(groupDir, { withFileTypes: true })) {
      if (!pkg.isDirectory()) continue;
      const packageDir = path.join(groupDir, pkg.name);
      const benchDir = path.join(packageDir, 'bench');
      if (!existsSync(benchDir)) continue;
      for (const entry of readdirSync(benchDir).sort()) {
        if (!entry.endsWith('.bench.ts')) continue;
        const file = path.join(benchDir, entry);
        found.push({
          file,
          name: path.relative(root, file),
          packageDir,
          ids: declaredIds(readFileSync(file, 'utf8'), file),
        });
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The ids a bench file declares, read from its source: filtering by id must not load every
 * bench's dependencies (MikroORM, a browser…) just to learn what it measures.
 */
export function declaredIds(source: string, file = 'bench file'): string[] {
  const declaration = /export\s+const\s+ids\s*(?::[^=]*)?=\s*\[([^\]]*)\]/.exec(source);
  if (!declaration) {
    throw new Error(`${file} declares no figure ids: add \`export const ids = ['area.subject.figure']\``);
  }
  const ids = [...(declaration[1] ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  if (ids.length === 0) throw new Error(`${file}: \`export const ids\` is empty`);
  return ids;
}

/** The benches to run for the given id prefixes (all when none). */
export function selectBenches(benches: readonly BenchFile[], prefixes: readonly string[]): BenchFile[] {
  if (prefixes.length === 0) return [...benches];
  return benches.filter((b) => b.ids.some((id) => prefixes.some((p) => id.startsWith(p))));
}
