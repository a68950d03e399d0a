import { createHash } from 'node:crypto';
import type { PolCenter } from '@polcenter/core';
import { ormOf } from '@polcenter/core/orm';
import { DomainError } from '@polcenter/domain';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** How many calls a key may make in a window. */
export interface RateLimitRule {
  readonly points: number;
  readonly seconds: number;
}

/**
 * A counter per key (a client address, or address + username) over a fixed window, counted by
 * `rate-limiter-flexible` (ADR 0011): in PostgreSQL for the server, so every process on one database
 * counts against one limit, or in memory for a library used in one process. Keys are hashed before
 * they are stored: the table holds no addresses or usernames.
 */
export class RateLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Counts one call; throws RATE.LIMITED with the seconds to wait when the key is over its limit. */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(hashed(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  /** Gives one call back: what was counted as a possible failure turned out not to be one. */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(hashed(key));
  }

  /** Counted in this process only. */
  static inMemory(rule: RateLimitRule): RateLimiter {
    return new RateLimiter(new RateLimiterMemory({ points: rule.points, duration: rule.seconds }));
  }

  /**
   * Counted in the `rate_limit` table of the library's database (one atomic upsert per call), under
   * `name`, so servers sharing the database share the limit.
   */
  static inDatabase(polcenter: PolCenter, name: string, rule: RateLimitRule): RateLimiter {
    return new RateLimiter(
      new RateLimiterPostgres({
        // MikroORM's own knex: one pool for everything.
        storeClient: ormOf(polcenter).em.getConnection().getKnex(),
        storeType: 'knex',
        tableName: 'rate_limit',
        // The migrations own the table.
        tableCreated: true,
        keyPrefix: name,
        points: rule.points,
        duration: rule.seconds,
      }),
    );
  }
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

function rateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'RATE.LIMITED',
    {
      vi: `Quá nhiều yêu cầu; vui lòng thử lại sau ${retryAfterSeconds} giây.`,
      en: `Too many requests; please try again in ${retryAfterSeconds} seconds.`,
    },
    { details: { retryAfterSeconds } },
  );
}
