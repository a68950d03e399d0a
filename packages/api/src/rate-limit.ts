import { DomainError } from '@polcenter/domain';

/**
 * A sliding-window counter per key (client address, or address + username for sign-in), kept in
 * memory. Each server process counts on its own: behind a load balancer with N processes a client
 * gets up to N× the limit, which is still a hard ceiling on guessing and spam (docs/operations.md).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call; throws RATE.LIMITED with the seconds to wait when the key is over its limit. */
  take(key: string): void {
    const now = this.now();
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
      this.hits.set(key, recent);
      throw new DomainError(
        'RATE.LIMITED',
        {
          vi: `Quá nhiều yêu cầu; vui lòng thử lại sau ${retryAfterSeconds} giây.`,
          en: `Too many requests; please try again in ${retryAfterSeconds} seconds.`,
        },
        { details: { retryAfterSeconds } },
      );
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.prune(since);
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(key);
  }
}
