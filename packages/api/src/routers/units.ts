import { unitListInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

/** Organisation units: public reference data (names, codes, the tree), no personal data. */
export const unitsRouter = {
  list: publicProcedure.input(unitListInput).query(({ ctx, input }) => ctx.polcenter.units.list(input)),
} satisfies TRPCRouterRecord;
