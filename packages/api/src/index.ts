export { type Context, createContextInner } from './context';
export { type ErrorData, toTRPCError } from './errors';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root';
