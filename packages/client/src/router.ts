import type { ErrorShape, procedures } from '@polcenter/api';
import type {
  inferRouterInputs,
  inferRouterOutputs,
  TRPCBuiltRouter,
  TRPCDecorateCreateRouterOptions,
} from '@trpc/server';

/**
 * The API's type as a client sees it: the server's procedures and error shape, without the server's
 * context (the library, its database pool, its limits), which no client ever touches. Built from
 * the plain record of procedures, so the declaration the build bundles names nothing of
 * `@polcenter/core`'s services or MikroORM; `router.test.ts` checks it stays the server's type.
 */
export type AppRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: ErrorShape; transformer: false },
  TRPCDecorateCreateRouterOptions<typeof procedures>
>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
