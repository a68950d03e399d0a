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
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001']);

/** The shape every error response carries in `error.data`, besides tRPC's own fields. */
export interface ErrorData {
  /** Stable domain code, e.g. `ENROLMENT.CLASS_FULL`; `INTERNAL` when the server failed. */
  readonly domainCode: string;
  readonly fields: readonly FieldError[];
}

/**
 * The one place where errors become transport errors: a domain error keeps its code, message and
 * field errors; bad input (zod) becomes INPUT.INVALID naming each field; a lost database is a
 * 503; anything else is a 500 whose message reveals nothing (no SQL, no constraint names).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError && !(error.cause instanceof ZodError) && !isDomainError(error.cause)) return error;
  const cause = error instanceof TRPCError ? error.cause : error;
  const domain = asDomainError(cause);
  if (domain) return new TRPCError({ code: TRPC_CODE[domain.kind], message: domain.text.en, cause: domain });
  const code = (cause as { code?: string } | undefined)?.code ?? '';
  if (cause instanceof SetupError || UNAVAILABLE.has(code)) {
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
