export { assertUnitAccess } from './access';
export { type Context, createContextFromHeaders, createContextInner, defaultLimits, type Limits } from './context';
export { type ErrorData, toTRPCError } from './errors';
export { RateLimiter } from './rate-limit';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root';
