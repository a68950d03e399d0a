import { randomUUID } from 'node:crypto';
import type { PolCenter, Principal, SessionEnd, UnitReach } from '@polcenter/core';
import { type Lang, pickLang } from '@polcenter/domain';
import { RateLimiter, type RateLimitRule } from './rate-limit.js';
import { clearedSessionCookie, cookieMayAuthenticate, sessionCookieOf } from './session-cookie.js';

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
  /**
   * The units the caller's roles reach: computed once per call (with the token check, in the same
   * statement) and used by every access check of the call (`access.ts`). Null for the public.
   */
  readonly reach: () => Promise<UnitReach | null>;
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
  /** How the caller's sign-in came, and what the answer must tell the browser about its cookie. */
  readonly session: SessionTransport;
}

/** The browser session's side of a call: read from the request, written to the response. */
export interface SessionTransport {
  /** Where the token came from: an `Authorization` header, the console's cookie, or nowhere. */
  readonly via: 'bearer' | 'cookie' | null;
  /** The token was ours but no longer signs in, and why (told to the person). */
  readonly ended: SessionEnd | null;
  /** The request came over HTTPS: the cookie is then `Secure`. */
  readonly https: boolean;
  /** `Set-Cookie` values the HTTP layer sends with the answer (sign-in, sign-out, an ended session). */
  readonly setCookies: string[];
}

export function createContextInner(options: {
  polcenter: PolCenter;
  principal?: Principal | null;
  /** The principal's reach when the token check gave it; otherwise asked once, when first needed. */
  reach?: UnitReach | null;
  token?: string | null;
  lang?: string | null;
  clientKey?: string;
  limits?: Limits;
  idempotencyKey?: string | null;
  requestId?: string;
  failure?: unknown;
  session?: Partial<SessionTransport>;
}): Context {
  const principal = options.principal ?? null;
  let reach: Promise<UnitReach | null> | undefined = options.reach ? Promise.resolve(options.reach) : undefined;
  return {
    polcenter: options.polcenter,
    principal,
    reach: () => {
      reach ??= principal ? options.polcenter.auth.reachOf(principal) : Promise.resolve(null);
      return reach;
    },
    token: options.token ?? null,
    lang: pickLang(options.lang),
    clientKey: options.clientKey ?? 'local',
    idempotencyKey: options.idempotencyKey ?? null,
    limits: options.limits ?? defaultLimits(),
    requestId: options.requestId ?? randomUUID(),
    failure: options.failure ?? null,
    session: {
      via: options.session?.via ?? (options.token ? 'bearer' : null),
      ended: options.session?.ended ?? null,
      https: options.session?.https ?? false,
      setCookies: options.session?.setCookies ?? [],
    },
  };
}

/**
 * `Authorization: Bearer …` (API clients, widgets) or the console's session cookie → the caller.
 * The bearer header wins when both come. An unknown, expired, idle or revoked token is treated as
 * no token; when it was ours, `session.ended` says why, and an ended cookie is cleared.
 */
export async function createContextFromHeaders(
  polcenter: PolCenter,
  headers: {
    authorization?: string | undefined;
    'accept-language'?: string | undefined;
    'idempotency-key'?: string | string[] | undefined;
    cookie?: string | undefined;
    host?: string | undefined;
    origin?: string | undefined;
    'sec-fetch-site'?: string | string[] | undefined;
  },
  client: { clientKey: string; limits: Limits; requestId?: string; method?: string; https?: boolean },
): Promise<Context> {
  const https = client.https ?? false;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? null;
  const cookie = bearer ? null : sessionCookieOf(headers.cookie);
  const cookieAllowed = cookie !== null && cookieMayAuthenticate({ method: client.method ?? 'GET', https, headers });
  const token = bearer ?? (cookieAllowed ? cookie : null);
  const via = bearer ? 'bearer' : cookieAllowed ? 'cookie' : null;
  let principal: Principal | null = null;
  let reach: UnitReach | null = null;
  let ended: SessionEnd | null = null;
  let failure: unknown = null;
  try {
    const check = token ? await polcenter.auth.check(token) : null;
    if (check && 'principal' in check) ({ principal, reach } = check);
    else if (check) ended = check.ended;
  } catch (error) {
    // Thrown from here, tRPC would answer a bare 500 with no context (no language) and log the
    // driver's message, the token's hash in its SQL; carried in the context, the procedure's
    // error mapping answers it (a 503 when the database is away).
    failure = error;
  }
  const setCookies: string[] = [];
  // A cookie that signs no one in any more is removed, so the browser stops sending it.
  if (via === 'cookie' && !principal && !failure) setCookies.push(clearedSessionCookie(https));
  return createContextInner({
    polcenter,
    principal,
    reach,
    failure,
    token: principal ? token : null,
    lang: headers['accept-language'],
    idempotencyKey: idempotencyKeyOf(headers['idempotency-key']),
    session: { via: principal || ended ? via : null, ended, https, setCookies },
    ...client,
  });
}

function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  return key && key.length <= 200 ? key : null;
}
