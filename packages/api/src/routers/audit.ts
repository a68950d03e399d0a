import { auditTrailInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { roleProcedure } from '../trpc.js';

/** The audit log, for administrators: who changed what, when, before and after. */
export const auditRouter = {
  list: roleProcedure()
    .input(auditTrailInput)
    .query(({ ctx, input }) => ctx.polcenter.auditTrail.list(input)),
} satisfies TRPCRouterRecord;
