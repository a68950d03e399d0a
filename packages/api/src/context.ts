import { randomUUID } from 'node:crypto';
import type { PolCenter, Principal } from '@polcenter/core';
import { type Lang, pickLang } from '@polcenter/domain';
import { RateLimiter, type RateLimitRule } from './rate-limit.js';

/** Limits on what the public can repeat (sign-in guesses, registrations); see docs/operations.md. */
export interface Limits {
  /** Sign-in attempts per client address and username (brute force on one account). */
  readonly signIn: RateLimiter;
  /** Failed sign-ins per client address, whatever the username (password spraying). */
  readonly signInFailures: RateLimiter;
  /** Public mutations (self-registration…) per client address. */
  readonly publicMutation: RateLimiter;
}

export const LIMIT_RULES = {
  signIn: { points: 10, seconds: 15 * 60 },
  signInFailures: { points: 30, seconds: 15 * 60 },
  publicMutation: { points: 20, seconds: 60 },
} as const satisfies Record<keyof Limits, RateLimitRule>;

/** The limits kept in the library's database: one limit for every server process that shares it. */
export function sharedLimits(polcenter: PolCenter, rules: Partial<Record<keyof Limits, RateLimitRule>> = {}): Limits {
  const rule = (name: keyof Limits) => rules[name] ?? LIMIT_RULES[name];
  return {
    signIn: RateLimiter.inDatabase(polcenter, 'sign-in', rule('signIn')),
    signInFailures: RateLimiter.inDatabase(polcenter, 'sign-in-failures', rule('signInFailures')),
    publicMutation: RateLimiter.inDatabase(polcenter, 'public-mutation', rule('publicMutation')),
  };
}

/** The same limits counted in this process only (a library embedded in one process, tests). */
export function defaultLimits(): Limits {
  return {
    signIn: RateLimiter.inMemory(LIMIT_RULES.signIn),
    signInFailures: RateLimiter.inMemory(LIMIT_RULES.signInFailures),
    publicMutation: RateLimiter.inMemory(LIMIT_RULES.publicMutation),
  };
}

/**
 * What every procedure sees: the library, who is asking (null for the public) and their language.
 * Built without HTTP, so tests call procedures directly with any caller they need.
 */
export interface Context {
  readonly polcenter: PolCenter;
  readonly principal: Principal | null;
  /** The raw bearer token of the caller (for signing out). */
  readonly token: string | null;
  /** Language of error messages for this caller (Vietnamese unless they ask for English). */
  readonly lang: Lang;
  /** The client's address, for rate limits. */
  readonly clientKey: string;
  /** The `Idempotency-Key` header of a mutation a client may repeat. */
  readonly idempotencyKey: string | null;
  readonly limits: Limits;
  /** Names this call in the server's log lines (the HTTP layer's `x-request-id`). */
  readonly requestId: string;
  /**
   * Why the caller could not be identified (the database was away while checking the token):
   * every procedure then fails with it, mapped like any other error (a 503), in the caller's language.
   */
  readonly failure: unknown;
}

export function createContextInner(options: {
  polcenter: PolCenter;
  principal?: Principal | null;
  token?: string | null;
  lang?: string | null;
  clientKey?: string;
  limits?: Limits;
  idempotencyKey?: string | null;
  requestId?: string;
  failure?: unknown;
}): Context {
  return {
    polcenter: options.polcenter,
    principal: options.principal ?? null,
    token: options.token ?? null,
    lang: pickLang(options.lang),
    clientKey: options.clientKey ?? 'local',
    idempotencyKey: options.idempotencyKey ?? null,
    limits: options.limits ?? defaultLimits(),
    requestId: options.requestId ?? randomUUID(),
    failure: options.failure ?? null,
  };
}

/** `Authorization: Bearer …` → the caller. An unknown or expired token is treated as no token. */
export async function createContextFromHeaders(
  polcenter: PolCenter,
  headers: {
    authorization?: string | undefined;
    'accept-language'?: string | undefined;
    'idempotency-key'?: string | string[] | undefined;
  },
  client: { clientKey: string; limits: Limits; requestId?: string },
): Promise<Context> {
  const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? null;
  let principal: Principal | null = null;
  let failure: unknown = null;
  try {
    principal = token ? await polcenter.auth.authenticate(token) : null;
  } catch (error) {
    // Thrown from here, tRPC would answer a bare 500 with no context (no language) and log the
    // driver's message, the token's hash in its SQL; carried in the context, the procedure's
    // error mapping answers it (a 503 when the database is away).
    failure = error;
  }
  return createContextInner({
    polcenter,
    principal,
    failure,
    token: principal ? token : null,
    lang: headers['accept-language'],
    idempotencyKey: idempotencyKeyOf(headers['idempotency-key']),
    ...client,
  });
}

function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  return key && key.length <= 200 ? key : null;
}
