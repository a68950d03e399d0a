import { type DomainError, type ErrorKind, type FieldError, invalidInput, isDomainError } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

const TRPC_CODE: Record<ErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  unavailable: 'SERVICE_UNAVAILABLE',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/** Driver errors that mean "the database is away", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // terminated by administrator
  '57P02',
  '57P03', // cannot connect now (starting up, shutting down)
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|connect ECONNREFUSED/i;

/** Whether an error, or anything in its cause chain, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (e instanceof SetupError) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (e.name === 'ConnectionException') return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** The shape every error response carries in `error.data`, besides tRPC's own fields. */
export interface ErrorData {
  /** Stable domain code, e.g. `ENROLMENT.CLASS_FULL`; `INTERNAL` when the server failed. */
  readonly domainCode: string;
  readonly fields: readonly FieldError[];
  /** For RATE.LIMITED: the seconds to wait (also sent as `Retry-After`), so a widget can say it. */
  readonly retryAfterSeconds?: number;
}

/**
 * The one place where errors become transport errors: a domain error keeps its code, message and
 * field errors; bad input (zod) becomes INPUT.INVALID naming each field; a lost database is a
 * 503; anything else is a 500 whose message reveals nothing (no SQL, no constraint names).
 */
export function toTRPCError(error: unknown): TRPCError {
  // tRPC's own errors (a malformed request, a missing procedure) pass through; a TRPCError that only
  // wraps something a procedure threw is looked into.
  if (
    error instanceof TRPCError &&
    error.code !== 'INTERNAL_SERVER_ERROR' &&
    !(error.cause instanceof ZodError) &&
    !isDomainError(error.cause)
  ) {
    return error;
  }
  const cause = error instanceof TRPCError ? error.cause : error;
  const domain = asDomainError(cause);
  if (domain) return new TRPCError({ code: TRPC_CODE[domain.kind], message: domain.text.en, cause: domain });
  if (isDatabaseUnavailable(cause)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly.',
      cause,
    });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.', cause });
}

export function asDomainError(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (error instanceof ZodError) return invalidInput(error.issues);
  return undefined;
}
