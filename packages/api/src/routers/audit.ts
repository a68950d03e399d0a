import { auditTrailInput, classAuditInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertClassIdAccess } from '../access.js';
import { roleProcedure } from '../trpc.js';

/** The audit log: who changed what, when, before and after. */
export const auditRouter = {
  /** The whole log, for administrators (it names staff accounts by username). */
  list: roleProcedure()
    .input(auditTrailInput)
    .query(({ ctx, input }) => ctx.polcenter.auditTrail.list(input)),
  /** One class and everything in it, for the center staff who run it (staff by display name). */
  forClass: roleProcedure('center_staff')
    .input(classAuditInput)
    .query(async ({ ctx, input }) => {
      await assertClassIdAccess(ctx, input.classId, ['center_staff']);
      return ctx.polcenter.auditTrail.forClass(input);
    }),
} satisfies TRPCRouterRecord;
