import { isDatabaseUnavailable } from '@polcenter/core';
import {
  type DomainError,
  type ErrorKind,
  type FieldError,
  invalidInput,
  isDomainError,
  type LocalizedText,
} from '@polcenter/domain';
import { type TRPC_ERROR_CODE_NUMBER, type TRPCDefaultErrorData, TRPCError } from '@trpc/server';
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

export { isDatabaseUnavailable };

/** What a 503 for a database that is away asks the client to wait (`Retry-After`), in seconds. */
export const DATABASE_RETRY_SECONDS = 5;

/** The shape every error response carries in `error.data`, besides tRPC's own fields. */
export interface ErrorData {
  /** Stable domain code, e.g. `ENROLMENT.CLASS_FULL`; `INTERNAL` when the server failed. */
  readonly domainCode: string;
  readonly fields: readonly FieldError[];
  /**
   * The message in both languages (the envelope's `message` is in the one asked for), so a screen
   * that switches language can say an error it already shows in the other one.
   */
  readonly text: LocalizedText;
  /** For RATE.LIMITED: the seconds to wait (also sent as `Retry-After`), so a widget can say it. */
  readonly retryAfterSeconds?: number;
  /** For AUTH.SESSION_ENDED: why (`idle`, `expired`, `revoked`), so the console can say it. */
  readonly sessionEnd?: string;
}

/** What every error response carries: tRPC's shape, its `data` extended with PolCenter's (`ErrorData`). */
export interface ErrorShape {
  readonly code: TRPC_ERROR_CODE_NUMBER;
  readonly message: string;
  readonly data: TRPCDefaultErrorData & ErrorData;
}

/**
 * The one place where errors become transport errors: a domain error keeps its code, message and
 * field errors; bad input (zod) becomes INPUT.INVALID naming each field; a lost database is a
 * 503; anything else is a 500 whose message reveals nothing (no SQL, no constraint names).
 */
export function toTRPCError(error: unknown, input?: unknown): TRPCError {
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
  const domain = asDomainError(cause, input);
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

/** `input`, what the procedure was given, lets bad input say "required" only where nothing was. */
export function asDomainError(error: unknown, input?: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (error instanceof ZodError) return invalidInput(error.issues, input);
  return undefined;
}
