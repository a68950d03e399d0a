import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { bytesOnTheWire, type Figure } from '@polcenter/bench';
import { signIn, startConsole } from '../e2e/testing.js';
import { ROUTES } from '../src/routes.js';

export const ids = ['console.bundle.gzipKB'];

/**
 * The console's JavaScript as the server sends it to a browser: the real `polcenter start`, a
 * Chromium that signs in as center staff and visits every page — a class's pages with a real
 * class and session of the demo — so every chunk it can load has loaded. The figure is the sum of
 * the bodies as the server sends them: each script requested again over HTTP with the
 * Accept-Encoding Chromium sent for it, counted before any decoding, and checked equal to what
 * Chromium received (Resource Timing's encoded size). The built files compressed here (brotli 11)
 * are in the note for comparison only.
 */
export default async function consoleBundleBench(): Promise<Figure[]> {
  const rig = await startConsole();
  try {
    const page = await rig.page();
    const encodings = new Set<string>();
    // What Chromium asked for: each script request's Accept-Encoding, sent again below.
    const accepted = new Map<string, string>();
    page.on('request', async (request) => {
      const header = (await request.allHeaders())['accept-encoding'];
      if (header && request.url().includes('/console/assets/')) accepted.set(request.url(), header);
    });
    page.on('response', (response) => {
      if (response.url().includes('/console/assets/'))
        encodings.add(response.headers()['content-encoding'] ?? 'identity');
    });
    // Signed in once the listeners are on: the sign-in page's scripts are among those counted.
    await signIn(page, rig.url, rig.users.staff);
    // Each visit is a new document (a reload, as people do): its scripts are read before the next.
    const wire = new Map<string, { url: string; encoded: number; decoded: number }>();
    const [held] = await rig.sql<{ id: string; session_id: string }>(
      'SELECT class_id AS id, id AS session_id FROM class_session ORDER BY class_id, id LIMIT 1',
    );
    if (!held) throw new Error('the demo has no class with a session: the class pages cannot be visited');
    const program = await rig.polcenter.programs.getByCode('SC');
    const unit = await rig.polcenter.units.findByCode('TN-CHODON');
    // A person the signed-in staff keep (of Xã Chợ Đồn or a unit within it: its villages, the communes it carries on).
    const [person] = await rig.sql<{ id: string }>(
      `WITH RECURSIVE within (id) AS (SELECT id FROM unit WHERE code = 'TN-CHODON'
         UNION SELECT uw.id FROM unit_within uw JOIN within w ON uw.parent_id = w.id)
       SELECT p.id FROM person p JOIN within w ON w.id = p.unit_id ORDER BY p.id LIMIT 1`,
    );
    if (!person) throw new Error('the demo has no person in Xã Chợ Đồn: the person pages cannot be visited');
    const [account] = await rig.sql<{ id: string }>('SELECT id FROM app_user WHERE username = ?', [rig.users.staff]);
    if (!account) throw new Error('the signed-in staff have no account row');
    const params: Record<string, string> = { id: held.id, sessionId: held.session_id };
    for (const route of ROUTES) {
      // A program's pages take a program's id, a unit's page a unit's, a person's a person's, a class's pages a class's.
      const named = route.path.startsWith('/programs/')
        ? { ...params, id: program.id }
        : route.path.startsWith('/units/')
          ? { ...params, id: unit?.id ?? '' }
          : route.path.startsWith('/people/')
            ? { ...params, id: person.id }
            : route.path.startsWith('/accounts/')
              ? { ...params, id: account.id }
              : params;
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => named[name] ?? name);
      await page.goto(`${rig.url}/console${path}`);
      // The page's own heading, or the API's refusal drawn in its place (an administrator's page
      // read by staff): either way its module has loaded and it has drawn what it read.
      await page.locator(`${route.tag} h1, ${route.tag} [role=alert]`).first().waitFor();
      const transfers = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/console/assets/') && entry.name.endsWith('.js'))
          .map((entry) => {
            const r = entry as PerformanceResourceTiming;
            return { url: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
          }),
      );
      for (const t of transfers) wire.set(t.url.split('/').pop() as string, { ...t, url: t.url });
    }
    const dist = new URL('../dist/assets/', import.meta.url);
    const built = readdirSync(dist).filter((name) => name.endsWith('.js'));
    const brotli = built.reduce((sum, name) => {
      const body = readFileSync(new URL(name, dist));
      const size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return sum + (body.length < 1024 ? body.length : size);
    }, 0);
    const received = [...wire.values()].reduce((sum, t) => sum + t.encoded, 0);
    // The figure: every script requested again over HTTP with the Accept-Encoding Chromium sent for
    // it, its body counted as the server sent it; it must be what Chromium received.
    const sent = await Promise.all(
      [...wire.values()].map(async (t) => {
        const acceptEncoding = accepted.get(t.url);
        if (!acceptEncoding) throw new Error(`Chromium's request for ${t.url} was not seen`);
        return bytesOnTheWire(t.url, { 'accept-encoding': acceptEncoding });
      }),
    );
    const encoded = sent.reduce((sum, w) => sum + w.bytes, 0);
    if (encoded !== received) {
      throw new Error(`the server sent ${encoded} bytes of script when asked again, Chromium received ${received}`);
    }
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
