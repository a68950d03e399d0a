import type { Context } from './context.js';

/**
 * Runs a mutation once per `Idempotency-Key`: a repeat of the same request (a flaky network, a
 * double click, a retry after a crash) gets the first answer again instead of a second execution.
 * The key, the mutation's effect and its answer commit in one transaction (ADR 0011), so after any
 * fault a retry gets either the original answer or a clean re-run. Without a key the mutation
 * simply runs. A failure frees the key, so the client can retry.
 */
export function once<T>(ctx: Context, procedure: string, input: unknown, run: () => Promise<T>): Promise<T> {
  const key = ctx.idempotencyKey;
  if (!key) return run();
  const scope = ctx.principal ? `user:${ctx.principal.userId}` : `client:${ctx.clientKey}`;
  return ctx.polcenter.idempotency.once(scope, key, procedure, input, run);
}
