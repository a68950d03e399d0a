import path from 'node:path';
import type { LocalizedText } from '@polcenter/domain';
import { checkDatabase, type EmbeddedPostgres, redactUrl, startEmbeddedPostgres } from '@polcenter/postgres';
import type { Settings } from './settings.js';

export interface OpenDatabase {
  readonly url: string;
  /** Where the data lives, for the one line the server prints at start. */
  readonly where: string;
  /** True on the first start of an embedded server (the data folder was just created). */
  readonly created: boolean;
  close(): Promise<void>;
}

/** The database the settings name: DATABASE_URL when given, else the embedded server. */
export async function openDatabase(settings: Settings, log: (line: LocalizedText) => void): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    await checkDatabase(settings.databaseUrl);
    return { url: settings.databaseUrl, where: redactUrl(settings.databaseUrl), created: false, close: async () => {} };
  }
  const server: EmbeddedPostgres = await startEmbeddedPostgres({
    dir: settings.dataDir,
    port: settings.pgPort,
    explicitDir: settings.dataDirExplicit,
    log,
  });
  // As root, the cluster may live outside the data folder (see @polcenter/postgres placement): say where.
  const elsewhere = server.cluster === path.join(server.dir, 'pg') ? '' : ` → ${server.cluster}`;
  return {
    url: server.url,
    where: `embedded PostgreSQL 18, ${settings.dataDir}${elsewhere} (127.0.0.1:${server.port})`,
    created: server.created,
    close: () => server.stop(),
  };
}
