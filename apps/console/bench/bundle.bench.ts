import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Figure } from '@polcenter/bench';
import { signIn, startConsole } from '../e2e/testing.js';
import { ROUTES } from '../src/routes.js';

export const ids = ['console.bundle.gzipKB'];

/**
 * The console's JavaScript as the server sends it to a browser: the real `polcenter start`, a
 * Chromium that signs in as center staff and visits every page — a class's pages with a real
 * class and session of the demo — so every chunk it can load has loaded; the figure is the sum of the bodies as transferred (Resource
 * Timing's encoded size, in the encoding the server chose for Chromium). As a check, the built
 * files are compressed here independently (brotli 11): the two must agree.
 */
export default async function consoleBundleBench(): Promise<Figure[]> {
  const rig = await startConsole();
  try {
    const page = await rig.page();
    await signIn(page, rig.url, rig.users.staff);
    const encodings = new Set<string>();
    page.on('response', (response) => {
      if (response.url().includes('/console/assets/'))
        encodings.add(response.headers()['content-encoding'] ?? 'identity');
    });
    // Each visit is a new document (a reload, as people do): its scripts are read before the next.
    const wire = new Map<string, { encoded: number; decoded: number }>();
    const [held] = await rig.sql<{ id: string; session_id: string }>(
      'SELECT class_id AS id, id AS session_id FROM class_session ORDER BY class_id, id LIMIT 1',
    );
    if (!held) throw new Error('the demo has no class with a session: the class pages cannot be visited');
    const program = await rig.polcenter.programs.getByCode('SC');
    const unit = await rig.polcenter.units.findByCode('TN-CHODON');
    const params: Record<string, string> = { id: held.id, sessionId: held.session_id };
    for (const route of ROUTES) {
      // A program's pages take a program's id, a unit's page a unit's, a class's pages a class's.
      const named = route.path.startsWith('/programs/')
        ? { ...params, id: program.id }
        : route.path.startsWith('/units/')
          ? { ...params, id: unit?.id ?? '' }
          : params;
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => named[name] ?? name);
      await page.goto(`${rig.url}/console${path}`);
      // The page's own heading: its module has loaded and it has drawn what it read.
      await page.locator(`${route.tag} h1`).first().waitFor();
      const transfers = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/console/assets/') && entry.name.endsWith('.js'))
          .map((entry) => {
            const r = entry as PerformanceResourceTiming;
            return { url: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
          }),
      );
      for (const t of transfers) wire.set(t.url.split('/').pop() as string, t);
    }
    const dist = new URL('../dist/assets/', import.meta.url);
    const built = readdirSync(dist).filter((name) => name.endsWith('.js'));
    const brotli = built.reduce((sum, name) => {
      const body = readFileSync(new URL(name, dist));
      const size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return sum + (body.length < 1024 ? body.length : size);
    }, 0);
    const encoded = [...wire.values()].reduce((sum, t) => sum + t.encoded, 0);
    const decoded = [...wire.values()].reduce((sum, t) => sum + t.decoded, 0);
    const missing = built.filter((name) => !wire.has(name));
    return [
      {
        id: 'console.bundle.gzipKB',
        value: encoded / 1024,
        unit: 'KB',
        target: '<= 150',
        note:
          `${wire.size} scripts after visiting ${ROUTES.length} pages, sent as ${[...encodings].join('/')}; ` +
          `${(decoded / 1024).toFixed(1)} KB decoded; built files at brotli 11: ${(brotli / 1024).toFixed(1)} KB` +
          (missing.length ? `; not loaded by any page: ${missing.join(', ')}` : ''),
      },
    ];
  } finally {
    await rig.stop();
  }
}
