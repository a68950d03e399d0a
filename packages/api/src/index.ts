export { assertUnitAccess } from './access';
export { type Context, createContextFromHeaders, createContextInner } from './context';
export { type ErrorData, toTRPCError } from './errors';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root';
