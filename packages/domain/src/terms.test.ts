import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

/**
 * The browser's half of the domain (ADR 0043): the `*-terms` modules and the schema-free modules
 * the console and widgets read must not reach zod at run time, or every page that shows a label
 * downloads the schema library again (zod was 86 KB of the console's first chunk).
 */
const dir = new URL('./', import.meta.url);
const SCHEMA_FREE = [
  'calendar',
  'errors',
  'expertise',
  'i18n',
  'imports',
  'person-fields',
  'registration-form',
  'vietnamese',
];

/** What a module imports at run time: `import type` and all-`type` specifier lists load nothing. */
function runtimeImports(name: string): string[] {
  const file = `${name}.ts`;
  const source = ts.createSourceFile(file, readFileSync(new URL(file, dir), 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!isImport && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (isImport) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly))
        continue;
    } else if (statement.isTypeOnly) continue;
    found.push(specifier.text);
  }
  return found;
}

/** The path by which `start` reaches a package at run time, or null when it reaches none. */
function pathToPackage(start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (name: string, path: string[]): string[] | null => {
    if (seen.has(name)) return null;
    seen.add(name);
    for (const target of runtimeImports(name)) {
      if (!target.startsWith('./')) return [...path, name, target];
      const found = walk(target.slice(2).replace(/\.js$/, ''), [...path, name]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, []);
}

const terms = readdirSync(dir)
  .filter((f) => f.endsWith('-terms.ts'))
  .map((f) => f.slice(0, -3));

test('there are terms modules to check', () => {
  assert.ok(terms.length >= 19, `only ${terms.length} *-terms modules`);
});

for (const name of [...terms, ...SCHEMA_FREE]) {
  test(`${name} reaches no package at run time`, () => {
    const path = pathToPackage(name);
    assert.is(path, null, `${name} reaches ${path?.join(' → ')}`);
  });
}

test('the check sees a module that builds schemas', () => {
  assert.equal(pathToPackage('units')?.at(-1), 'zod');
});

test.run();
