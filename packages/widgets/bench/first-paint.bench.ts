import { type Figure, median } from '@polcenter/bench';
import { demoPortal } from './portal.js';

export const ids = ['widgets.firstPaint.slowLinkSeconds'];

const LATENCY_MS = 2000;
const BYTES_PER_SECOND = 50 * 1024;
const ROUNDS = 3;

/**
 * `widgets.firstPaint.slowLinkSeconds`: a visitor on a slow district line (2 s round trips, 50 KB/s,
 * emulated by Chromium) opens the demo portal (`/`) with an empty cache; seconds from the start of
 * the navigation to the first class card on screen. Reported, no target. The note says what was
 * transferred, and the same visit with compression refused (`Accept-Encoding: identity`) for scale.
 */
export default async function firstPaintBench(): Promise<Figure[]> {
  const portal = await demoPortal();
  try {
    const visit = async (compressed: boolean) => {
      const page = await portal.newPage();
      const cdp = await portal.browser.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: BYTES_PER_SECOND,
        uploadThroughput: BYTES_PER_SECOND,
      });
      await page.goto(`${portal.url}/`, { waitUntil: 'commit', timeout: 120_000 });
      // performance.now() counts from the start of the navigation.
      const handle = await page.waitForFunction(
        () =>
          document.querySelector('pc-class-catalog')?.shadowRoot?.querySelector('li[data-code]')
            ? performance.now()
            : null,
        null,
        { polling: 'raf', timeout: 120_000 },
      );
      const ms = (await handle.jsonValue()) as number;
      const bytes = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
      );
      await page.close();
      return { seconds: ms / 1000, bytes };
    };
    const compressed: { seconds: number; bytes: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) compressed.push(await visit(true));
    const plain = await visit(false);
    const seconds = median(compressed.map((v) => v.seconds));
    return [
      {
        id: 'widgets.firstPaint.slowLinkSeconds',
        value: seconds,
        unit: 's',
        note: `demo portal, ${LATENCY_MS / 1000} s latency, ${BYTES_PER_SECOND / 1024} KB/s, empty cache, median of ${ROUNDS}: ${seconds.toFixed(1)} s with ${((compressed[0]?.bytes ?? 0) / 1024).toFixed(1)} KB of scripts and data; ${plain.seconds.toFixed(1)} s and ${(plain.bytes / 1024).toFixed(1)} KB with compression refused`,
      },
    ];
  } finally {
    await portal.close();
  }
}
