import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// What a consumer's compiler loads from the built declarations (ADR 0032): from `@polcenter/core`
// and each feature's entry point, never one of MikroORM's, whose 6.6.16 fails a strict consumer's
// check (`exactOptionalPropertyTypes`, `skipLibCheck: false`). Only `./orm` brings them, on purpose.
// The tarball test proves the same with npm and tsc; this one names the import chain at fault.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { exports } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, { types?: string } | string>;
};

/** Each import chain from `entry` to a package matching `outside`, following relative imports. */
function chainsTo(entry: string, outside: RegExp): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\()'([^']+)'/g)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) {
        const next = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.d.ts'));
        visit(next, [...chain, path.relative(ROOT, next)]);
      } else if (outside.test(specifier)) {
        found.push([...chain, specifier]);
      }
    }
  };
  visit(entry, [path.relative(ROOT, entry)]);
  return found;
}

test('no public entry point but ./orm declares anything of MikroORM', () => {
  const entries = Object.entries(exports).filter(([key]) => !['./orm', './testing', './package.json'].includes(key));
  assert.ok(entries.length >= 10, 'the feature entry points are there');
  for (const [key, target] of entries) {
    const types = typeof target === 'string' ? undefined : target.types;
    assert.ok(types, `${key} has declarations`);
    const file = path.join(ROOT, types);
    assert.ok(existsSync(file), `${file} is missing: run \`pnpm build\``);
    const chains = chainsTo(file, /^@mikro-orm\/|^knex$/);
    assert.equal(
      chains.map((chain) => chain.join(' → ')),
      [],
      `${key} loads MikroORM's declarations`,
    );
  }
});

test('./orm does bring them: the check above would see a leak', () => {
  const orm = exports['./orm'];
  assert.ok(typeof orm === 'object' && orm.types);
  assert.ok(chainsTo(path.join(ROOT, orm.types), /^@mikro-orm\//).length > 0);
});

test.run();
