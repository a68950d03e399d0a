import { programInput, recordRef } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertUnitAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/**
 * Programs and their rules are public reference data: any unit runs classes of any program. Who
 * defines one depends on whose it is (ADR 0009): a unit's center staff its own programs, only
 * administrators the programs for everyone (the six defaults are such).
 */
export const programsRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.polcenter.programs.list()),
  get: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.programs.get(input.id)),
  create: roleProcedure('center_staff')
    .input(programInput)
    .mutation(async ({ ctx, input }) => {
      // No owner: everyone's, which only an admin may define (a null unit passes for admins only).
      await assertUnitAccess(ctx, input.ownerUnitId ?? null, ['center_staff']);
      return ctx.polcenter.programs.create(actorOf(ctx), input);
    }),
} satisfies TRPCRouterRecord;
