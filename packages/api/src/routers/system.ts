import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.js';

export const systemRouter = {
  /** Liveness and database reachability, for monitors and the portal's widgets. */
  health: publicProcedure.query(async ({ ctx }) => {
    await ctx.polcenter.ping();
    return { status: 'ok' as const };
  }),
} satisfies TRPCRouterRecord;
