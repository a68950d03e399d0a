import { REFERENCE_LISTS, referenceValueInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '../actor.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/** Reference data (ADR 0029): anyone reads the lists; administrators edit them. */
export const referenceRouter = {
  list: publicProcedure
    .input(
      z
        .object({ list: z.enum(REFERENCE_LISTS).optional() })
        .strict()
        .default({}),
    )
    .query(({ ctx, input }) => ctx.polcenter.reference.list(input.list)),
  save: roleProcedure()
    .input(referenceValueInput)
    .mutation(({ ctx, input }) => ctx.polcenter.reference.save(actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
