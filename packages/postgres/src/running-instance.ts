import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { commandLine, isAlive } from './processes.js';
import { SetupError } from './setup-error.js';

/**
 * What a shared embedded server (the one `polcenter start` runs) writes into its data folder once
 * its database answers, so that other PolCenter commands on the same folder can use it instead
 * of being refused: the folder belongs to the running server, not to them.
 *
 * `instance.json` sits beside the owner lock (`owner.pid`) and the password file, readable by the
 * folder's owner alone; it names no secret (the password stays in `password`).
 */
export const INSTANCE_FILE = 'instance.json';

interface InstanceRecord {
  /** The PolCenter process that owns the folder and its PostgreSQL. */
  readonly pid: number;
  /** When that process started (Linux clock ticks since boot): a reused pid has another. */
  readonly pidStartedAt: string;
  readonly postgresPid: number;
  readonly port: number;
  readonly database: string;
  /** False for a throwaway server (trust on loopback): no password file. */
  readonly password: boolean;
}

export interface RunningInstance {
  /** The running server's process. */
  readonly pid: number;
  readonly port: number;
  /** Connection URL of its database, password included. */
  readonly url: string;
}

/** The start time of a process as the kernel tells it ('' where it does not: not Linux, or gone). */
export function processStartedAt(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces); starttime is field 22 overall.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export async function writeInstanceFile(dir: string, record: Omit<InstanceRecord, 'pid' | 'pidStartedAt'>) {
  const file = path.join(dir, INSTANCE_FILE);
  const content: InstanceRecord = { pid: process.pid, pidStartedAt: processStartedAt(process.pid), ...record };
  // Written aside and renamed: a reader never sees half a file.
  await fs.writeFile(`${file}.${process.pid}`, JSON.stringify(content), { mode: 0o600 });
  await fs.rename(`${file}.${process.pid}`, file);
}

async function readRecord(dir: string): Promise<InstanceRecord | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(path.join(dir, INSTANCE_FILE), 'utf8')) as InstanceRecord;
    return Number.isInteger(record.pid) && Number.isInteger(record.port) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedded server a live PolCenter process runs on `dir`, or undefined when there is none.
 * Every claim of the file is checked against the system, so the file of a server that was killed
 * (`kill -9`, a power cut) misleads nobody: its owner must still be alive — the same process,
 * not a new one given its pid — still hold the owner lock, and its PostgreSQL must still run.
 */
export async function findRunningInstance(dir: string): Promise<RunningInstance | undefined> {
  const folder = path.resolve(dir);
  const record = await readRecord(folder);
  if (!record) return undefined;
  const owner = Number.parseInt(await fs.readFile(path.join(folder, 'owner.pid'), 'utf8').catch(() => ''), 10);
  const alive =
    owner === record.pid &&
    isAlive(record.pid) &&
    processStartedAt(record.pid) === record.pidStartedAt &&
    isAlive(record.postgresPid) &&
    /postgres/.test(commandLine(record.postgresPid));
  if (!alive) return undefined;
  let credentials = 'postgres';
  if (record.password) {
    const file = path.join(folder, 'password');
    let password: string;
    try {
      password = (await fs.readFile(file, 'utf8')).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new SetupError(
        'RUNNING_SERVER_UNREADABLE',
        {
          vi: `Máy chủ PolCenter (pid ${record.pid}) đang chạy trên thư mục dữ liệu ${folder} nhưng không đọc được tệp mật khẩu ${file} (${code}); hãy chạy lệnh bằng đúng người dùng đã chạy máy chủ.`,
          en: `A PolCenter server (pid ${record.pid}) is running on the data folder ${folder} but its password file ${file} cannot be read (${code}); run the command as the user who runs the server.`,
        },
        { cause: error },
      );
    }
    credentials = `postgres:${encodeURIComponent(password)}`;
  }
  return {
    pid: record.pid,
    port: record.port,
    url: `postgres://${credentials}@127.0.0.1:${record.port}/${record.database}`,
  };
}
