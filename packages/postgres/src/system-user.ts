import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from './setup-error.js';

/** The system user PostgreSQL runs as when we are root. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

export const POSTGRES_USER = 'postgres';

/** PostgreSQL will not run as root; as root we run it as the system user `postgres` (created if missing). */
export function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const found = lookup();
  if (found) return found;
  spawnSync('useradd', ['--system', '--user-group', '--no-create-home', POSTGRES_USER], { encoding: 'utf8' });
  const made = lookup();
  if (made) return made;
  throw new SetupError('NO_POSTGRES_USER', {
    vi: 'Đang chạy với quyền root nhưng không tạo được người dùng hệ thống "postgres" để chạy PostgreSQL; hãy tạo người dùng này hoặc chạy PolCenter với một người dùng thường.',
    en: 'Running as root but could not create the system user "postgres" to run PostgreSQL as; create that user or run PolCenter as an ordinary user.',
  });
}

function lookup(): RunAs | undefined {
  const id = spawnSync('id', [POSTGRES_USER], { encoding: 'utf8' });
  const uid = /uid=(\d+)/.exec(id.stdout ?? '')?.[1];
  const gid = /gid=(\d+)/.exec(id.stdout ?? '')?.[1];
  if (id.status !== 0 || !uid || !gid) return undefined;
  return { uid: Number(uid), gid: Number(gid) };
}

/** Every folder from `/` down to `target`, then `target` itself. */
function lineage(target: string): string[] {
  const chain: string[] = [];
  for (let at = path.resolve(target); ; at = path.dirname(at)) {
    chain.unshift(at);
    if (path.dirname(at) === at) return chain;
  }
}

/**
 * For each target, the first folder on its way (or the target itself) that `runAs` may not pass
 * through, or undefined when it reaches it. The kernel answers (one `sh` run as that user, with
 * `test -x` on every step), so ACLs and group memberships count exactly as they will for PostgreSQL.
 */
export function blockedSteps(runAs: RunAs, targets: readonly string[]): (string | undefined)[] {
  const chains = targets.map(lineage);
  const steps = [...new Set(chains.flat())];
  const probe = spawnSync('sh', ['-c', 'for p; do [ -x "$p" ] || printf "%s\\0" "$p"; done', 'sh', ...steps], {
    encoding: 'utf8',
    cwd: '/',
    uid: runAs.uid,
    gid: runAs.gid,
  });
  if (probe.status !== 0) return targets.map(() => undefined);
  const denied = new Set(probe.stdout.split('\0').filter(Boolean));
  return chains.map((chain) => chain.find((step) => denied.has(step)));
}

/** "/root (quyền 700, chủ root)": what a message shows of a folder that blocks the way. */
export async function describeStep(step: string): Promise<{ vi: string; en: string }> {
  const stat = await fs.stat(step).catch(() => undefined);
  if (!stat) return { vi: step, en: step };
  const mode = (stat.mode & 0o777).toString(8);
  const owner = stat.uid === 0 ? 'root' : `uid ${stat.uid}`;
  return { vi: `${step} (quyền ${mode}, chủ ${owner})`, en: `${step} (mode ${mode}, owner ${owner})` };
}

/**
 * Where PolCenter keeps, as root, what the `postgres` user must reach: `/var/lib/polcenter`,
 * created root-owned and world-traversable, and trusted only while it stays so (nobody else can
 * then swap the binaries the server runs or the data it holds).
 */
export const STATE_ROOT = '/var/lib/polcenter';

export async function stateFolder(...parts: string[]): Promise<string> {
  const folder = path.join(STATE_ROOT, ...parts);
  const steps = parts.map((_, i) => path.join(STATE_ROOT, ...parts.slice(0, i + 1)));
  for (const step of [STATE_ROOT, ...steps]) {
    await fs.mkdir(step, { recursive: true, mode: 0o755 });
    const stat = await fs.lstat(step);
    if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
      throw new SetupError('STATE_DIR_UNSAFE', {
        vi: `Thư mục ${step} không thuộc root hoặc người khác ghi được vào, nên PolCenter không dùng nó; hãy sửa (chown root ${step} && chmod 755 ${step}) rồi chạy lại.`,
        en: `${step} is not owned by root or is writable by others, so PolCenter will not use it; fix it (chown root ${step} && chmod 755 ${step}) and start again.`,
      });
    }
    // A umask of 077 would leave it closed to the `postgres` user.
    if ((stat.mode & 0o755) !== 0o755) await fs.chmod(step, (stat.mode & 0o777) | 0o755);
  }
  return folder;
}
