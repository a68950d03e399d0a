import { DefaultLogger, type LogContext, MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { explainConnectionError, parseDatabaseUrl } from '@polcenter/postgres';
import { ENTITIES } from './entities.js';
import { withoutLiterals } from './kernel/sql-text.js';

export type Orm = MikroORM;

export interface OrmOptions {
  readonly databaseUrl: string;
  /** Largest number of pooled connections (default 20). */
  readonly poolSize?: number;
  /** Log every SQL statement (development), its literals masked: MikroORM inlines values. */
  readonly debug?: boolean;
  /** How long a call waits for a pooled connection before it fails with a 503 (default 10 s). */
  readonly acquireTimeoutMs?: number;
}

/**
 * MikroORM's logger, but a statement is logged without its values: MikroORM inlines parameters
 * into the SQL text, so its own query log would print names, birth dates and IDs (ADR 0010).
 */
class ParameterFreeLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    super.logQuery({ ...context, query: withoutLiterals(context.query), params: undefined });
  }
}

export function ormConfig(options: OrmOptions): Options {
  parseDatabaseUrl(options.databaseUrl);
  return {
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    entities: ENTITIES,
    // The list and the migrator are loaded by `migrate` when the database needs them (migrate.ts).
    migrations: {
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 20, idleTimeoutMillis: 30_000 },
    forceUtcTimezone: true,
    // One EntityManager per unit of work, forked explicitly: the global one must never be used.
    allowGlobalContext: false,
    debug: options.debug ?? false,
    discovery: { warnWhenNoEntities: false },
    // The pool says "Connection Error" on the console when a backend dies; the request that meets it
    // already fails with a clear 503 and the pool replaces the connection, so the line is only noise.
    driverOptions: {
      log: { warn: () => {}, deprecate: () => {} },
      // knex waits 60 s by default; a caller is better served by a prompt 503 and a retry.
      acquireConnectionTimeout: options.acquireTimeoutMs ?? 10_000,
    },
    loggerFactory: (loggerOptions) => new ParameterFreeLogger(loggerOptions),
  };
}

/** Connects MikroORM; a database that cannot be reached becomes one clear SetupError. */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  const config = ormConfig(options);
  try {
    const orm = await MikroORM.init(config);
    // Connecting lazily would hide a bad URL until the first request: check now.
    await orm.em.getConnection().execute('select 1');
    return orm;
  } catch (error) {
    throw explainConnectionError(error, options.databaseUrl);
  }
}
