import { reportInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.js';

/**
 * Published statistics: counts of classes, trainees, results, certificates and briefings for a
 * period and organiser, with the report's sentence. Aggregates only, so they are public.
 */
export const reportsRouter = {
  training: publicProcedure.input(reportInput).query(({ ctx, input }) => ctx.polcenter.reports.training(input)),
} satisfies TRPCRouterRecord;
