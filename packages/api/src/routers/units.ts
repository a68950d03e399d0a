import {
  isoDate,
  recordRef,
  successorsInput,
  unitCloseInput,
  unitInput,
  unitLinkInput,
  unitListInput,
  unitMergeInput,
  unitMoveInput,
  unitRenameInput,
  unitSplitInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '../actor.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/**
 * Organisation units: public reference data (names, codes, the tree at any date, its history of
 * mergers and splits); administrators change it, each change on the version they read.
 */
export const unitsRouter = {
  list: publicProcedure.input(unitListInput).query(({ ctx, input }) => ctx.polcenter.units.list(input)),
  get: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.units.get(input.id)),
  links: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.units.links(input.id)),
  successors: publicProcedure
    .input(z.object({ id: z.uuid(), at: isoDate.optional() }).strict())
    .query(({ ctx, input }) => ctx.polcenter.units.successorsOf(input.id, input.at)),
  rollUp: publicProcedure.input(successorsInput).query(({ ctx, input }) => ctx.polcenter.units.rollUp(input)),
  /** The unit's audit trail (who renamed, moved, closed, merged it, when): for administrators, as the audit log is. */
  history: roleProcedure()
    .input(recordRef)
    .query(({ ctx, input }) => ctx.polcenter.units.history(input.id)),
  create: roleProcedure()
    .input(unitInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.create(actorOf(ctx), input)),
  link: roleProcedure()
    .input(unitLinkInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.linkUnits(actorOf(ctx), input)),
  rename: roleProcedure()
    .input(unitRenameInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.rename(actorOf(ctx), input)),
  move: roleProcedure()
    .input(unitMoveInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.move(actorOf(ctx), input)),
  close: roleProcedure()
    .input(unitCloseInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.close(actorOf(ctx), input)),
  merge: roleProcedure()
    .input(unitMergeInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.merge(actorOf(ctx), input)),
  split: roleProcedure()
    .input(unitSplitInput)
    .mutation(({ ctx, input }) => ctx.polcenter.units.split(actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
