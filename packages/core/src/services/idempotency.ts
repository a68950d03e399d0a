import { createHash } from 'node:crypto';
import { DomainError } from '@polcenter/domain';
import type { Orm } from '../orm';

export type Claim<T> = { readonly kind: 'fresh' } | { readonly kind: 'replay'; readonly response: T };

/**
 * Remembers the answer to a mutation sent with an idempotency key. The first request claims the
 * key (a row insert: the database decides who was first); a repeat gets the stored answer; a
 * repeat while the first is still running gets a conflict, never a second execution.
 */
export class IdempotencyService {
  constructor(private readonly orm: Orm) {}

  async claim<T>(scope: string, key: string, procedure: string, input: unknown): Promise<Claim<T>> {
    const hash = createHash('sha256')
      .update(JSON.stringify(input ?? null))
      .digest('hex');
    const em = this.orm.em.fork();
    // Keys are kept for a day; the expired ones go when a new one comes.
    await em.execute("DELETE FROM idempotency_key WHERE created_at < now() - interval '1 day'", [], 'run');
    const inserted = await em.execute<{ key: string }[]>(
      `INSERT INTO idempotency_key (scope, key, procedure, request_hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, procedure, hash],
    );
    if (inserted.length > 0) return { kind: 'fresh' };
    const [row] = await em.execute<
      { procedure: string; request_hash: string; response: T | null; completed_at: unknown }[]
    >('SELECT procedure, request_hash, response, completed_at FROM idempotency_key WHERE scope = ? AND key = ?', [
      scope,
      key,
    ]);
    if (!row || row.procedure !== procedure || row.request_hash !== hash) {
      throw new DomainError('REQUEST.KEY_REUSED', {
        vi: 'Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác.',
        en: 'This Idempotency-Key was already used for a different request.',
      });
    }
    if (!row.completed_at) {
      throw new DomainError('REQUEST.IN_PROGRESS', {
        vi: 'Yêu cầu này đang được xử lý; vui lòng đợi giây lát.',
        en: 'This request is still being processed; please wait a moment.',
      });
    }
    return { kind: 'replay', response: row.response as T };
  }

  async complete(scope: string, key: string, response: unknown): Promise<void> {
    await this.orm.em
      .fork()
      .execute(
        'UPDATE idempotency_key SET response = ?::jsonb, completed_at = now() WHERE scope = ? AND key = ?',
        [JSON.stringify(response ?? null), scope, key],
        'run',
      );
  }

  /** A failed request frees its key: the client may retry it. */
  async release(scope: string, key: string): Promise<void> {
    await this.orm.em
      .fork()
      .execute('DELETE FROM idempotency_key WHERE scope = ? AND key = ? AND completed_at IS NULL', [scope, key], 'run');
  }
}
