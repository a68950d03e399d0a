import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LocalizedText } from '@polcenter/domain';
import { cachedBinaries, type PostgresBinaries, postgresOf } from './binaries.js';
import { SetupError } from './setup-error.js';
import { blockedSteps, describeStep, type RunAs, stateFolder } from './system-user.js';

export interface Placement {
  /** The cluster folder PostgreSQL runs on: `dir/pg`, or where the link `dir/pg` points. */
  readonly cluster: string;
  readonly binaries: PostgresBinaries;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must pass through every folder above
 * its binaries and its data. A clone under a folder only root may enter (root's home, a
 * `mktemp -d` folder) blocks both. Then, and only then:
 * - the binaries are used from a cache under /var/lib/polcenter/postgres (hard links, see
 *   `cachedBinaries`);
 * - the cluster of a data folder PolCenter chose itself is kept under /var/lib/polcenter/data and
 *   `dir/pg` becomes a link to it, so every later start finds it again through `dir`. The password
 *   and owner lock stay in `dir`, readable by root alone. A folder the operator named
 *   (`explicitDir`) is never moved: they are told what to do instead.
 * One `sh` run as `postgres` checks both ways; a start that needs nothing moved costs that alone.
 */
export async function placeForPostgresUser(args: {
  dir: string;
  runAs: RunAs;
  binaries: PostgresBinaries;
  explicitDir: boolean;
  log: (line: LocalizedText) => void;
}): Promise<Placement> {
  const { dir, runAs, log } = args;
  const link = path.join(dir, 'pg');
  const existing = await fs.lstat(link).catch(() => undefined);
  let cluster = link;
  if (existing?.isSymbolicLink()) {
    cluster = path.resolve(dir, await fs.readlink(link));
    // The linked folder was emptied by hand: start afresh in the same place.
    await fs.mkdir(path.dirname(cluster), { recursive: true, mode: 0o755 });
  }
  const [binariesBlocked, dataBlocked] = blockedSteps(runAs, [postgresOf(args.binaries), path.dirname(cluster)]);
  const binaries = binariesBlocked ? await cachedBinaries(args.binaries, await stateFolder('postgres')) : args.binaries;
  if (!dataBlocked) return { cluster, binaries };

  const blocked = await describeStep(dataBlocked);
  if (existing) {
    throw new SetupError('DATA_DIR_UNREACHABLE', {
      vi: `Dữ liệu PostgreSQL nằm trong ${cluster} nhưng người dùng hệ thống "postgres" (PostgreSQL không chạy bằng root) không vào được vì ${blocked.vi} chặn đường; hãy cho người dùng đó đi qua (chmod o+x ${dataBlocked}) hoặc chuyển dữ liệu tới nơi nó vào được rồi đặt POLCENTER_DATA_DIR.`,
      en: `The PostgreSQL data is in ${cluster} but the system user "postgres" (PostgreSQL will not run as root) cannot reach it: ${blocked.en} is in the way; let that user through (chmod o+x ${dataBlocked}) or move the data where it can reach and set POLCENTER_DATA_DIR.`,
    });
  }
  if (args.explicitDir) {
    throw new SetupError('DATA_DIR_UNREACHABLE', {
      vi: `Người dùng hệ thống "postgres" (PostgreSQL không chạy bằng root) không vào được thư mục dữ liệu ${dir} vì ${blocked.vi} chặn đường; hãy đặt POLCENTER_DATA_DIR ở nơi người dùng đó vào được (ví dụ /srv/polcenter), hoặc bỏ POLCENTER_DATA_DIR để PolCenter tự chọn chỗ.`,
      en: `The system user "postgres" (PostgreSQL will not run as root) cannot reach the data folder ${dir}: ${blocked.en} is in the way; set POLCENTER_DATA_DIR to a folder that user can reach (e.g. /srv/polcenter), or unset it to let PolCenter choose.`,
    });
  }

  const home = await stateFolder('data', homeName(dir));
  const placed = path.join(home, 'pg');
  if (await fs.lstat(placed).catch(() => undefined)) {
    // Left by an earlier data folder at this same path that was deleted since (with its
    // password): keep it aside rather than reuse or delete someone's data.
    const aside = `${placed}.before-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    await fs.rename(placed, aside);
    log({
      vi: `Dữ liệu PostgreSQL cũ của thư mục ${dir} (đã bị xoá) được để riêng tại ${aside}; hãy xoá nó nếu không cần.`,
      en: `Older PostgreSQL data of ${dir} (since deleted) is kept aside in ${aside}; delete it if it is not needed.`,
    });
  }
  await fs.symlink(placed, link);
  log({
    vi: `Người dùng hệ thống "postgres" không vào được ${dir} (${blocked.vi} chặn đường), nên dữ liệu PostgreSQL nằm tại ${placed}; ${link} trỏ tới đó.`,
    en: `The system user "postgres" cannot reach ${dir} (${blocked.en} is in the way), so the PostgreSQL data lives in ${placed}; ${link} points there.`,
  });
  return { cluster: placed, binaries };
}

/** `polcenter-1a2b3c4d5e`: the clone's folder name for people, a hash of the full path for uniqueness. */
function homeName(dir: string): string {
  const name = path
    .basename(path.dirname(dir))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 40);
  return `${name || 'data'}-${createHash('sha256').update(dir).digest('hex').slice(0, 10)}`;
}
