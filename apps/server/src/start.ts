import type http from 'node:http';
import { createPolCenter, describeSeed, type PolCenter, seedDemo } from '@polcenter/core';
import { SetupError } from '@polcenter/postgres';
import { BUILT_ASSETS, missingBuild } from './built-assets.js';
import { openDatabase } from './database.js';
import { createHttpServer } from './http-server.js';
import { jsonLogger, silentLogger } from './logger.js';
import type { Output } from './output.js';
import type { Settings } from './settings.js';

export interface RunningServer {
  readonly url: string;
  /** Where the data lives, said once at start. */
  readonly where: string;
  stop(): Promise<void>;
}

/**
 * `polcenter start`: the database (embedded unless DATABASE_URL), migrations, demo data on first
 * start, then HTTP. Whatever fails on the way undoes what was started before it.
 */
export async function startServer(settings: Settings, out: Output): Promise<RunningServer> {
  const db = await openDatabase(settings, (line) => out.note(line), 'serve');
  let polcenter: PolCenter | undefined;
  // Known once the server listens (the port may be chosen then): the demo portal page it serves.
  let ownPortal: string | null = null;
  try {
    polcenter = await createPolCenter({
      databaseUrl: db.url,
      certificateCheckUrl: () => settings.certificateCheckUrl ?? ownPortal,
    });
    if (settings.seedDemo) {
      const seeded = await seedDemo(polcenter);
      if (seeded.seeded) out.note(describeSeed(seeded));
    }
    const server = createHttpServer({
      polcenter,
      allowedOrigins: settings.corsOrigins,
      trustProxy: settings.trustProxy,
      logger: settings.logRequests ? jsonLogger() : silentLogger,
    });
    await listen(server, settings);
    for (const asset of BUILT_ASSETS) {
      const unbuilt = missingBuild(asset);
      if (unbuilt) out.note(unbuilt);
    }
    const shownHost = settings.host === '0.0.0.0' || settings.host === '127.0.0.1' ? 'localhost' : settings.host;
    const url = `http://${shownHost}:${(server.address() as { port: number }).port}`;
    ownPortal = `${url}/`;
    const open = polcenter;
    return {
      url,
      where: db.where,
      async stop() {
        await closeHttp(server);
        await open.close();
        await db.close();
      },
    };
  } catch (error) {
    await polcenter?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

function listen(server: http.Server, settings: Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new SetupError('PORT_IN_USE', {
            vi: `Cổng ${settings.port} đã có chương trình khác dùng; hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ POLCENTER_PORT=3001 pnpm start.`,
            en: `Port ${settings.port} is already in use; stop whatever uses it or choose another, e.g. POLCENTER_PORT=3001 pnpm start.`,
          }),
        );
      } else if (error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
        reject(
          new SetupError('LISTEN_DENIED', {
            vi: `Không mở được ${settings.host}:${settings.port} (${error.code}); hãy chọn địa chỉ hoặc cổng khác bằng POLCENTER_HOST / POLCENTER_PORT.`,
            en: `Cannot listen on ${settings.host}:${settings.port} (${error.code}); choose another address or port with POLCENTER_HOST / POLCENTER_PORT.`,
          }),
        );
      } else reject(error);
    });
    server.listen(settings.port, settings.host, () => resolve());
  });
}

/** Stops taking connections, lets requests in flight finish (10 s at most), then closes the rest. */
function closeHttp(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
