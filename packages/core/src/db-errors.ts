/** PostgreSQL's SQLSTATE of a driver error (MikroORM wraps it; the code survives on the error). */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code ?? e?.cause?.code;
}

function constraintOf(error: unknown): string | undefined {
  const e = error as { constraint?: string; cause?: { constraint?: string } } | undefined;
  return e?.constraint ?? e?.cause?.constraint;
}

/** A unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlState(error) === '23505' && (!constraint || constraintOf(error) === constraint);
}

/** A CHECK violation, optionally of one named constraint. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return sqlState(error) === '23514' && (!constraint || constraintOf(error) === constraint);
}

/** A serialization failure or deadlock: the transaction may simply be retried. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40001' || state === '40P01';
}
