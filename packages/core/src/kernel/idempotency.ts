import { createHash } from 'node:crypto';
import { DomainError } from '@polcenter/domain';
import type { Orm } from '../orm.js';
import { atomically, type Sql } from './sql.js';

/** How long a repeat waits for the first request with its key before it is told to come back. */
const WAIT_FOR_FIRST = '5s';
/** Expired keys are swept at most this often by one process. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Runs a mutation once per idempotency key and remembers its answer (ADR 0011). The key's row, the
 * mutation's effect and its answer commit in one transaction: a crash, a killed backend or a lost
 * connection anywhere before the commit leaves neither (a retry runs afresh), and after it both (a
 * retry gets the answer). A repeat arriving while the first is still running waits for it on the
 * key's unique index and then replays its answer; after five seconds it is told to come back
 * (REQUEST.IN_PROGRESS) — only ever while the first is really running. A mutation that fails rolls
 * back its key with everything else, so the client may retry it.
 */
export class IdempotencyService {
  private sweptAt = 0;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async once<T>(scope: string, key: string, procedure: string, input: unknown, run: () => Promise<T>): Promise<T> {
    const hash = createHash('sha256')
      .update(JSON.stringify(input ?? null))
      .digest('hex');
    await this.sweep();
    return atomically(this.orm, async (tx) => {
      const claimed = await claim(tx, scope, key, procedure, hash);
      if (!claimed) return replay<T>(tx, scope, key, procedure, hash);
      const response = await run();
      await tx.execute(
        'UPDATE idempotency_key SET response = ?::jsonb, completed_at = now() WHERE scope = ? AND key = ?',
        [JSON.stringify(response ?? null), scope, key],
        'run',
      );
      return response;
    });
  }

  /** Keys are kept for a day; each process sweeps the expired ones at most once a minute. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    await this.orm.em
      .fork()
      .execute("DELETE FROM idempotency_key WHERE created_at < now() - interval '1 day'", [], 'run');
  }
}

/**
 * Inserts the key's row. While another transaction holds an uncommitted row for the same key, the
 * insert waits for it (the unique index): if that one commits, this finds its row; if it rolls back
 * or its backend dies, this insert goes through. The wait is bounded (`lock_timeout`) for this
 * statement only, in the statement itself: set as its row is made, before the index is probed, and
 * given back as the row is returned — one round trip, where SET LOCAL before and after took three
 * (a key that was taken keeps the bound, for the one read of its answer that follows).
 */
async function claim(tx: Sql, scope: string, key: string, procedure: string, hash: string): Promise<boolean> {
  try {
    const inserted = await tx.execute<{ key: string }[]>(
      `INSERT INTO idempotency_key (scope, key, procedure, request_hash)
       SELECT ?, ?, ?, ? FROM (SELECT set_config('lock_timeout', '${WAIT_FOR_FIRST}', true)) AS bounded
       ON CONFLICT (scope, key) DO NOTHING
       RETURNING key, set_config('lock_timeout', (SELECT reset_val FROM pg_settings WHERE name = 'lock_timeout'), true)`,
      [scope, key, procedure, hash],
    );
    return inserted.length > 0;
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw inProgressError();
    throw error;
  }
}

async function replay<T>(tx: Sql, scope: string, key: string, procedure: string, hash: string): Promise<T> {
  const [row] = await tx.execute<{ procedure: string; request_hash: string; response: T | null }[]>(
    'SELECT procedure, request_hash, response FROM idempotency_key WHERE scope = ? AND key = ?',
    [scope, key],
  );
  if (!row || row.procedure !== procedure || row.request_hash !== hash) {
    throw new DomainError('REQUEST.KEY_REUSED', {
      vi: 'Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      en: 'This Idempotency-Key was already used for a different request.',
    });
  }
  return row.response as T;
}

function inProgressError(): DomainError {
  return new DomainError(
    'REQUEST.IN_PROGRESS',
    {
      vi: 'Yêu cầu này đang được xử lý; vui lòng thử lại sau giây lát.',
      en: 'This request is still being processed; please try again in a moment.',
    },
    { details: { retryAfterSeconds: 1 } },
  );
}
