import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@polcenter/postgres';
import pg from 'pg';

/**
 * A fresh database for one test file. Without DATABASE_URL, each test process starts one
 * throwaway embedded PostgreSQL (durability off, deleted at exit) and hands every caller its own
 * database on it; with DATABASE_URL, the databases are made on that server and dropped after.
 * Packages therefore test in parallel without touching each other.
 */
export interface TestDatabase {
  /** Connection URL of the fresh database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database (the throwaway server goes at process exit anyway). */
  drop(): Promise<void>;
}

export interface TemplateOptions {
  /** Names the prepared template; databases with the same key are cloned from one template. */
  readonly key: string;
  /** Brings an empty database to the state every test starts from (e.g. runs migrations). */
  prepare(url: string): Promise<void>;
}

let server: Promise<EmbeddedPostgres> | undefined;

/** The throwaway server of this process, started on first use. */
export function testServer(): Promise<EmbeddedPostgres> {
  server ??= startEmbeddedPostgres({
    dir: mkdtempSync(path.join(os.tmpdir(), 'polcenter-test-pg-')),
    ephemeral: true,
    database: 'postgres',
  });
  return server;
}

async function adminUrl(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) return external;
  return (await testServer()).adminUrl;
}

function urlFor(admin: string, database: string): string {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: await adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const templates = new Map<string, Promise<string>>();
const made = new Set<string>();

async function template(options: TemplateOptions): Promise<string> {
  let name = templates.get(options.key);
  if (!name) {
    name = (async () => {
      const db = await createDatabase();
      await options.prepare(db.url);
      return db.name;
    })();
    templates.set(options.key, name);
  }
  return name;
}

let cleanupRegistered = false;

async function createDatabase(from?: string): Promise<TestDatabase> {
  if (process.env.DATABASE_URL && !cleanupRegistered) {
    // All test files of a package share one process: drop what it made only when it is done.
    cleanupRegistered = true;
    process.once('beforeExit', () => void dropTestDatabases());
  }
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await adminUrl();
  await withAdmin((c) =>
    c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}${from ? ` TEMPLATE ${c.escapeIdentifier(from)}` : ''}`),
  );
  made.add(name);
  return {
    url: urlFor(admin, name),
    name,
    async drop() {
      made.delete(name);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

/** A fresh, empty database — or a clone of a prepared template (fast: no migrations per file). */
export async function testDatabase(options?: { template?: TemplateOptions }): Promise<TestDatabase> {
  if (!options?.template) return createDatabase();
  return createDatabase(await template(options.template));
}

/** Drops what this process made on an external server; a throwaway server is simply deleted. */
async function dropTestDatabases(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const names = [...made, ...(await Promise.all(templates.values()))];
  await withAdmin(async (c) => {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  });
  made.clear();
  templates.clear();
}
