import type { Context } from './context';

/**
 * Runs a mutation once per `Idempotency-Key`: a repeat of the same request (a flaky network, a
 * double click) gets the first answer again instead of a second execution. Without a key the
 * mutation simply runs. A failure frees the key, so the client can retry.
 */
export async function once<T>(ctx: Context, procedure: string, input: unknown, run: () => Promise<T>): Promise<T> {
  const key = ctx.idempotencyKey;
  if (!key) return run();
  const scope = ctx.principal ? `user:${ctx.principal.userId}` : `client:${ctx.clientKey}`;
  const claim = await ctx.polcenter.idempotency.claim<T>(scope, key, procedure, input);
  if (claim.kind === 'replay') return claim.response;
  try {
    const result = await run();
    await ctx.polcenter.idempotency.complete(scope, key, result);
    return result;
  } catch (error) {
    await ctx.polcenter.idempotency.release(scope, key);
    throw error;
  }
}
