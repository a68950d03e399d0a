import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Figure } from '@polcenter/bench';

export const ids = ['widgets.bundle.gzipKB'];

/**
 * `widgets.bundle.gzipKB`: the one-script public embed (dist/pc-widgets.js, built by `pnpm bench`'s
 * turbo build first), compressed with gzip -9 as a portal's server would send it.
 */
export default async function bundleBench(): Promise<Figure[]> {
  // The entry and the hashed chunk it imports: what a portal page downloads, all of it.
  const chunks = readdirSync(new URL('../dist/chunks/', import.meta.url)).filter((name) => name.endsWith('.js'));
  const bundle = Buffer.concat([
    readFileSync(new URL('../dist/pc-widgets.js', import.meta.url)),
    ...chunks.map((name) => readFileSync(new URL(`../dist/chunks/${name}`, import.meta.url))),
  ]);
  const gzipped = gzipSync(bundle, { level: 9 });
  return [
    {
      id: 'widgets.bundle.gzipKB',
      value: Math.round((gzipped.length / 1024) * 10) / 10,
      unit: 'KB',
      target: '<= 25',
      note: `pc-widgets.js and its chunk: ${(bundle.length / 1024).toFixed(1)} KB minified, ${(gzipped.length / 1024).toFixed(1)} KB gzip -9; four widgets (class catalog, rapporteur roster, unit directory, certificate check), Lit, the tRPC client`,
    },
  ];
}
