import { readFileSync, writeFileSync } from 'node:fs';
import { type Manifest, renderReference } from './reference.js';

// `pnpm --filter @polcenter/widgets reference`, after a build: rewrites the docs page.
export const MANIFEST = new URL('../../dist/custom-elements.json', import.meta.url);
export const PAGE = new URL('../../../../docs/widgets-reference.md', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'))) {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  writeFileSync(PAGE, renderReference(manifest));
  console.log(`wrote ${PAGE.pathname}`);
}
