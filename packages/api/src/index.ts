export { assertUnitAccess } from './access';
export {
  type Context,
  createContextFromHeaders,
  createContextInner,
  defaultLimits,
  LIMIT_RULES,
  type Limits,
  sharedLimits,
} from './context';
export { DATABASE_RETRY_SECONDS, type ErrorData, isDatabaseUnavailable, toTRPCError } from './errors';
export { RateLimiter, type RateLimitRule } from './rate-limit';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root';
