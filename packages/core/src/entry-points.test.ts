import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as library from './index.js';

// Every subpath of the exports map is a feature's entry point: it loads by the package's own name,
// and what it exports is the same object `@polcenter/core` exports under that name.
const { exports } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string>;
};
const features = Object.keys(exports).filter((key) => !['.', './testing', './package.json'].includes(key));

test('each feature has an entry point, and the library exports what it does', async () => {
  assert.ok(features.length >= 10, `features: ${features.join(', ')}`);
  for (const feature of features) {
    const entry = (await import(`@polcenter/core/${feature.slice(2)}`)) as Record<string, unknown>;
    const names = Object.keys(entry);
    assert.ok(names.length > 0, `${feature} exports nothing`);
    for (const name of names) {
      assert.is((library as Record<string, unknown>)[name], entry[name], `${feature}: ${name}`);
    }
  }
});

test.run();
