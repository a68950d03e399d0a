export { assertUnitAccess } from './access.js';
export {
  type Context,
  createContextFromHeaders,
  createContextInner,
  defaultLimits,
  LIMIT_RULES,
  type Limits,
  sharedLimits,
} from './context.js';
export {
  DATABASE_RETRY_SECONDS,
  type ErrorData,
  type ErrorShape,
  isDatabaseUnavailable,
  toTRPCError,
} from './errors.js';
export { RateLimiter, type RateLimitRule } from './rate-limit.js';
export {
  type AppRouter,
  appRouter,
  createCaller,
  procedures,
  type RouterInputs,
  type RouterOutputs,
} from './root.js';
export { errorEnvelope, transportText } from './transport-errors.js';
