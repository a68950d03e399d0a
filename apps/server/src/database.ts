import { checkDatabase, type EmbeddedPostgres, redactUrl, startEmbeddedPostgres } from '@polcenter/postgres';
import type { Settings } from './settings';

export interface OpenDatabase {
  readonly url: string;
  /** Where the data lives, for the one line the server prints at start. */
  readonly where: string;
  /** True on the first start of an embedded server (the data folder was just created). */
  readonly created: boolean;
  close(): Promise<void>;
}

/** The database the settings name: DATABASE_URL when given, else the embedded server. */
export async function openDatabase(settings: Settings, log: (line: string) => void): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    await checkDatabase(settings.databaseUrl);
    return { url: settings.databaseUrl, where: redactUrl(settings.databaseUrl), created: false, close: async () => {} };
  }
  const server: EmbeddedPostgres = await startEmbeddedPostgres({
    dir: settings.dataDir,
    port: settings.pgPort,
    log,
  });
  return {
    url: server.url,
    where: `embedded PostgreSQL 18, ${settings.dataDir} (127.0.0.1:${server.port})`,
    created: server.created,
    close: () => server.stop(),
  };
}
