import { SetupError } from '@polcenter/postgres';

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

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  readonly statement?: unknown;
  readonly constraint?: unknown;
  readonly stack?: unknown;
}

/** The error and what caused it, outermost first (a few levels; AggregateError's first error too). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let e = error as ErrorLike | undefined; e && typeof e === 'object' && out.length < 6; ) {
    out.push(e);
    e = (e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined)) as ErrorLike | undefined;
  }
  return out;
}

/** Driver and socket codes that mean "the database is away", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
/** What pg, knex and tarn say, without a code, when a connection dies, cannot be made or lent. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end/i;
const UNAVAILABLE_NAMES = new Set(['ConnectionException', 'KnexTimeoutError']);

/** Whether an error, or anything in its cause chain, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      e instanceof SetupError ||
      (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) ||
      (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)),
  );
}

/** What a log line may say about an error (docs/operations.md, ADR 0010). */
export interface ErrorSummary {
  /** The kind: `DriverException`, `UniqueConstraintViolationException`, `TypeError`… */
  readonly error: string;
  /** PostgreSQL's SQLSTATE (`22021`) or the socket's code (`ECONNREFUSED`). */
  readonly code?: string;
  /** The prepared statement that failed (`pc_…`, see sql.ts), when there is one. */
  readonly statement?: string;
  /** The constraint a violation names: a name in our schema, not a value. */
  readonly constraint?: string;
  /** Where it was thrown: stack frames only, without the message line(s). */
  readonly at?: readonly string[];
}

/**
 * An error for the log, without its message: a driver's message holds the SQL with its values
 * inlined (MikroORM inlines them), PostgreSQL's `detail` the values of a violated key, and ours may
 * quote input. Kind, codes and frames say what failed and where; the request id says which call.
 */
export function summariseError(error: unknown): ErrorSummary {
  // tRPC's wrapper says only "internal error"; what it wraps says what failed.
  const errors = chain(error).filter((e, i, all) => e.name !== 'TRPCError' || i === all.length - 1);
  const pick = (key: 'code' | 'statement' | 'constraint') =>
    errors.map((e) => e[key]).find((value): value is string => typeof value === 'string' && value.length <= 100);
  // pg names its errors "error" (class DatabaseError): take the first name that says something.
  const nameOf = (e: ErrorLike) => {
    const name = typeof e.name === 'string' ? e.name : '';
    return /^error$/i.test(name) || !name ? (e.constructor as { name?: string } | undefined)?.name || name : name;
  };
  const named = errors.find((e) => !/^error$/i.test(nameOf(e))) ?? errors[0];
  const source = errors.find((e) => typeof e.stack === 'string') ?? errors[0];
  const frames =
    typeof source?.stack === 'string'
      ? source.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map((line) => line.trim())
      : [];
  // Our own frames say where; the driver's parser internals say nothing.
  const ours = frames.filter((line) => !line.includes('node_modules') && !line.includes('(node:'));
  const at = (ours.length > 0 ? ours : frames).slice(0, 6);
  const summary: { -readonly [K in keyof ErrorSummary]: ErrorSummary[K] } = {
    error: named ? nameOf(named) || 'Error' : typeof error,
  };
  const code = pick('code');
  const statement = pick('statement');
  const constraint = pick('constraint');
  if (code) summary.code = code;
  if (statement) summary.statement = statement;
  if (constraint) summary.constraint = constraint;
  if (at.length > 0) summary.at = at;
  return summary;
}
