import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isDatabaseUnavailable, isRetryable } from './db-errors.js';
import { numberedPlaceholders } from './sql-text.js';

export { numberedPlaceholders, withoutLiterals } from './sql-text.js';

import type { Orm } from '../orm.js';

/**
 * What hand-written SQL needs of a database session: `?` placeholders, rows back. MikroORM's
 * EntityManager has it, and so does the transaction `inTransaction` opens, so the SQL helpers of
 * the services (audit, locks, checks) run on either.
 */
export interface Sql {
  // Shaped like MikroORM's own, so an EntityManager is one, but written without MikroORM's types:
  // the declarations of the services name it, and must load none of them (ADR 0032).
  execute<T extends object = Record<string, unknown>[]>(
    sql: string,
    params?: unknown[],
    method?: 'all' | 'run',
  ): Promise<T>;
}

/**
 * Thrown by work that found the world changed under it in a way only a fresh start handles (a seat
 * freed while it waited for a lock): `inTransaction` rolls back and runs the work again.
 */
export class RetryTransaction extends Error {}

/** The pg client MikroORM's pool hands out (knex's), with what we use of it. */
interface PooledClient {
  query(
    statement: string | { name: string; text: string; values: unknown[] },
    params?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  /** Set by knex when the connection broke; the pool then discards it instead of lending it again. */
  __knex__disposed?: unknown;
}

interface KnexClient {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(client: PooledClient): Promise<void>;
}

/**
 * The transaction `atomically` opened for the current async call chain: the service calls made
 * inside it join it instead of opening their own (ADR 0011).
 */
interface Ambient {
  /** A MikroORM fork whose transaction context is the open transaction. */
  readonly em: EntityManager;
  /** The pooled connection that transaction runs on. */
  readonly connection: PooledClient;
}

const ambient = new AsyncLocalStorage<Ambient>();

/**
 * Runs `work` — any number of service calls — as one transaction: every `inTransaction`,
 * `transactional` and `session` reached from inside joins it, so either all of it commits or none
 * of it does. Idempotent mutations use it to commit their key and answer together with their effect
 * (ADR 0011). A deadlock, serialization failure or `RetryTransaction` re-runs the whole of `work`
 * (twice at most). Nested calls join the outer one.
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export async function atomically<T>(orm: Orm, work: (tx: Sql) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return work(new Transaction(outer.connection));
  for (let attempt = 1; ; attempt++) {
    const em = (orm.em as EntityManager).fork();
    try {
      await em.begin();
    } catch (error) {
      // As in inTransaction: nothing ran yet; knex has dropped the dead connection.
      if (attempt < 3) continue;
      throw error;
    }
    try {
      const trx = em.getTransactionContext<{ client: KnexClient }>();
      if (!trx) throw new Error('no transaction after begin');
      // Knex's transaction client lends exactly the connection its transaction runs on.
      const connection = await trx.client.acquireConnection();
      const result = await ambient.run({ em, connection }, () => work(new Transaction(connection)));
      await em.commit();
      return result;
    } catch (error) {
      await em.rollback().catch(() => {
        // The connection is gone (a killed backend): PostgreSQL rolled back already, and knex drops it.
      });
      if (attempt >= 3 || !(error instanceof RetryTransaction || isRetryable(error))) throw error;
    }
  }
}

/**
 * MikroORM's `em.fork().transactional(cb)`, joining the transaction of `atomically` when there is
 * one (as a savepoint, so a failure the service handles itself leaves the outer transaction usable).
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export function transactional<T>(orm: Orm, cb: (em: EntityManager) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  return outer ? outer.em.transactional(cb) : (orm.em as EntityManager).fork().transactional(cb);
}

/**
 * Where a service reads: inside `atomically`, its transaction (which sees what the calls before
 * wrote, and takes no second connection from the pool while it holds one); elsewhere a fresh fork.
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export function session(orm: Orm): EntityManager {
  return ambient.getStore()?.em ?? (orm.em as EntityManager).fork();
}

/**
 * One unit of work in its own transaction (ADR 0004), for work that is hand-written SQL only: the
 * enrolment lifecycle. It borrows a connection from MikroORM's pool and talks to it directly,
 * without an EntityManager or knex's transaction machinery around each statement — which cost
 * three to four times the CPU of the statements themselves on the busiest path (ADR 0007). A
 * deadlock or serialization failure (possible between a withdrawal and a staff approval in one
 * class) is retried twice. Inside `atomically` it joins that transaction, whose caller retries.
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export async function inTransaction<T>(orm: Orm, work: (tx: Sql) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return work(new Transaction(outer.connection));
  const knex = (orm.em as EntityManager).getConnection().getKnex().client as unknown as KnexClient;
  for (let attempt = 1; ; attempt++) {
    const client = await knex.acquireConnection();
    try {
      try {
        await client.query('BEGIN');
      } catch (error) {
        // A connection that died in the pool (its backend killed, say): nothing ran yet, so take another.
        client.__knex__disposed = error;
        if (attempt < 3) continue;
        throw error;
      }
      const result = await work(new Transaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back must not go back to the pool mid-transaction.
        client.__knex__disposed = rollbackError;
      });
      if (attempt >= 3 || !(error instanceof RetryTransaction || isRetryable(error))) throw error;
    } finally {
      await knex.releaseConnection(client);
    }
  }
}

/**
 * One statement, prepared, on a connection borrowed from the pool for it alone (or in the ambient
 * transaction): for the statement every authenticated request runs first (the token check), which
 * through an EntityManager and knex cost more CPU than the statement itself (ADR 0007). A connection
 * that failed under it is not lent again.
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export async function runStatement<T>(orm: Orm, sql: string, params: unknown[] = []): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return new Transaction(outer.connection).execute<T>(sql, params);
  const knex = (orm.em as EntityManager).getConnection().getKnex().client as unknown as KnexClient;
  const client = await knex.acquireConnection();
  try {
    return await new Transaction(client).execute<T>(sql, params);
  } catch (error) {
    if (isDatabaseUnavailable(error)) client.__knex__disposed = error;
    throw error;
  } finally {
    await knex.releaseConnection(client);
  }
}

/** Statements each connection keeps prepared, by name; past the cap a statement is sent unnamed. */
const preparedOn = new WeakMap<PooledClient, Set<string>>();
const PREPARED_MAX = 200;

class Transaction implements Sql {
  constructor(private readonly client: PooledClient) {}

  /**
   * Runs the statement as a named prepared statement of this connection, so PostgreSQL parses it
   * once and may reuse its plan: planning the enrolment checks costs three times their execution.
   * Statements whose text varies (a list of placeholders as long as the input) would fill the connection
   * with one-off plans, hence the cap.
   */
  async execute<T>(sql: string, params: unknown[] = [], method: 'all' | 'run' = 'all'): Promise<T> {
    const { text, name } = statement(sql);
    // MikroORM would spread an array into a list; bound, it would be one array literal. Say so now.
    if (params.some(Array.isArray))
      throw new Error(`pass arrays as one literal (uuidArray, JSON), not as a list: ${sql}`);
    const prepared = preparedOn.get(this.client) ?? new Set<string>();
    preparedOn.set(this.client, prepared);
    const named = prepared.has(name) || prepared.size < PREPARED_MAX;
    if (named) prepared.add(name);
    let result: Awaited<ReturnType<PooledClient['query']>>;
    try {
      result = await this.client.query(named ? { name, text, values: params } : text, named ? undefined : params);
    } catch (error) {
      // The log names the statement that failed (never its values): see summariseError.
      if (error && typeof error === 'object')
        Object.defineProperty(error, 'statement', { value: name, configurable: true });
      throw error;
    }
    const out = method === 'run' ? { affectedRows: result.rowCount ?? 0, rows: result.rows } : result.rows;
    return out as T;
  }
}

interface Statement {
  /** With `$1…$n` placeholders. */
  readonly text: string;
  /** Its name when prepared: the same text always gets the same name. */
  readonly name: string;
}

const statements = new Map<string, Statement>();
const STATEMENTS_MAX = 1_000;

function statement(sql: string): Statement {
  let found = statements.get(sql);
  if (!found) {
    const text = numberedPlaceholders(sql);
    found = { text, name: `pc_${createHash('sha1').update(text).digest('base64url')}` };
    if (statements.size >= STATEMENTS_MAX) statements.clear();
    statements.set(sql, found);
  }
  return found;
}
