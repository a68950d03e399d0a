import { programInput, recordRef } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { actorOf } from '../actor';
import { publicProcedure, roleProcedure } from '../trpc';

/** Programs and their rules are public; the political center's staff define them. */
export const programsRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.polcenter.programs.list()),
  get: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.programs.get(input.id)),
  create: roleProcedure('center_staff')
    .input(programInput)
    .mutation(({ ctx, input }) => ctx.polcenter.programs.create(actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
