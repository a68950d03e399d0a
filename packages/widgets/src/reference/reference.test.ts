import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Manifest, renderReference } from './reference.js';
import { MANIFEST, PAGE } from './write.js';

// The build reads the manifest out of the components' JSDoc; the committed page must say the same.
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;

test('docs/widgets-reference.md is what the manifest says (else: pnpm --filter @polcenter/widgets reference)', () => {
  assert.fixture(readFileSync(PAGE, 'utf8'), renderReference(manifest));
});

test('the manifest names every public widget with its attributes, events, parts and colour tokens', () => {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.equal(elements.map((e) => e.tagName).sort(), [
    'pc-certificate-check',
    'pc-class-catalog',
    'pc-enrol-form',
    'pc-rapporteur-roster',
    'pc-stats',
    'pc-unit-directory',
  ]);
  const catalog = elements.find((e) => e.tagName === 'pc-class-catalog');
  assert.equal(
    catalog?.attributes?.map((a) => a.name),
    ['organiser', 'program', 'from', 'to', 'page-size', 'api', 'timeout'],
  );
  assert.equal(
    catalog?.events?.map((e) => e.name),
    ['pc-loaded'],
  );
  const tokens = catalog?.cssProperties?.map((p) => p.name) ?? [];
  for (const token of ['--pc-color-on-accent', '--pc-color-success', '--pc-color-error', '--pc-color-focus']) {
    assert.ok(tokens.includes(token), token);
  }
});

test.run();
