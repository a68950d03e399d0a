import { isoDate, recordRef, successorsInput, unitInput, unitLinkInput, unitListInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '../actor.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/** Organisation units: public reference data (names, codes, the tree, its history); admins edit it. */
export const unitsRouter = {
  list: publicProcedure.input(unitListInput).query(({ ctx, input }) => ctx.polcenter.units.list(input)),
  get: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.units.get(input.id)),
  links: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.units.links(input.id)),
  successors: publicProcedure
    .input(z.object({ id: z.uuid(), at: isoDate.optional() }).strict())
    .query(({ ctx, input }) => ctx.polcenter.units.successorsOf(input.id, input.at)),
  rollUp: publicProcedure.input(successorsInput).query(({ ctx, input }) => ctx.polcenter.units.rollUp(input)),
  create: roleProcedure()
    .input(unitInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.create(actorOf(ctx), input)),
  link: roleProcedure()
    .input(unitLinkInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.linkUnits(actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
