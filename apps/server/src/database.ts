import path from 'node:path';
import type { LocalizedText } from '@polcenter/domain';
import {
  checkDatabase,
  type EmbeddedPostgres,
  findRunningInstance,
  redactUrl,
  SetupError,
  startEmbeddedPostgres,
} from '@polcenter/postgres';
import type { Settings } from './settings.js';

export interface OpenDatabase {
  readonly url: string;
  /** Where the data lives, for the one line the server prints at start. */
  readonly where: string;
  /** True on the first start of an embedded server (the data folder was just created). */
  readonly created: boolean;
  close(): Promise<void>;
}

/**
 * How a command uses the embedded database (ignored with DATABASE_URL):
 * - `serve`: the server; it owns the data folder and lets other commands use its PostgreSQL;
 * - `share`: a one-off command; it uses the running server's PostgreSQL when there is one, else
 *   starts its own for its run;
 * - `exclusive`: a command nobody else may write beside (restore); refused while a server runs.
 */
export type DatabaseUse = 'serve' | 'share' | 'exclusive';

/** The database the settings name: DATABASE_URL when given, else the embedded server. */
export async function openDatabase(
  settings: Settings,
  log: (line: LocalizedText) => void,
  use: DatabaseUse = 'share',
): Promise<OpenDatabase> {
  if (settings.databaseUrl) {
    await checkDatabase(settings.databaseUrl);
    return { url: settings.databaseUrl, where: redactUrl(settings.databaseUrl), created: false, close: async () => {} };
  }
  const running = await findRunningInstance(settings.dataDir);
  if (running && use === 'serve') throw alreadyServing(settings.dataDir, running.pid);
  if (running && use === 'exclusive') throw serverRunning(settings.dataDir, running.pid);
  if (running) {
    await checkDatabase(running.url);
    log({
      vi: `Dùng cơ sở dữ liệu của máy chủ PolCenter đang chạy (pid ${running.pid}).`,
      en: `Using the database of the running PolCenter server (pid ${running.pid}).`,
    });
    return {
      url: running.url,
      where: `embedded PostgreSQL 18, ${settings.dataDir} (127.0.0.1:${running.port}, pid ${running.pid})`,
      created: false,
      close: async () => {},
    };
  }
  const server: EmbeddedPostgres = await startEmbeddedPostgres({
    dir: settings.dataDir,
    port: settings.pgPort,
    explicitDir: settings.dataDirExplicit,
    shared: use === 'serve',
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

function alreadyServing(dir: string, pid: number): SetupError {
  return new SetupError('SERVER_RUNNING', {
    vi: `PolCenter đã đang chạy trên thư mục dữ liệu ${dir} (pid ${pid}); dùng máy chủ đó, hoặc dừng nó trước khi chạy lại, hoặc chọn thư mục khác bằng POLCENTER_DATA_DIR.`,
    en: `PolCenter is already running on the data folder ${dir} (pid ${pid}); use that server, or stop it before starting again, or choose another folder with POLCENTER_DATA_DIR.`,
  });
}

function serverRunning(dir: string, pid: number): SetupError {
  return new SetupError('SERVER_RUNNING', {
    vi: `Lệnh này cần dùng riêng cơ sở dữ liệu, nhưng máy chủ PolCenter (pid ${pid}) đang chạy trên thư mục dữ liệu ${dir}; hãy dừng máy chủ (Ctrl-C trong cửa sổ của nó, hoặc kill ${pid}), chạy lại lệnh này, rồi khởi động lại máy chủ.`,
    en: `This command needs the database to itself, but a PolCenter server (pid ${pid}) is running on the data folder ${dir}; stop the server (Ctrl-C in its window, or kill ${pid}), run this command again, then start the server again.`,
  });
}
