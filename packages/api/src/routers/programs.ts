import { programAuditInput, programInput, programUpdateInput, recordRef } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertUnitAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { once } from '../idempotency.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/**
 * Programs and their rules are public reference data: any unit runs classes of any program. Who
 * defines or edits one depends on whose it is (ADR 0009): a unit's center staff its own programs
 * (and those of the units below), only administrators the programs for everyone (the six
 * defaults are such).
 */
export const programsRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.polcenter.programs.list()),
  get: publicProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.programs.get(input.id)),
  create: roleProcedure('center_staff')
    .input(programInput)
    .mutation(async ({ ctx, input }) => {
      // No owner: everyone's, which only an admin may define (a null unit passes for admins only).
      await assertUnitAccess(ctx, input.ownerUnitId ?? null, ['center_staff']);
      return once(ctx, 'programs.create', input, () => ctx.polcenter.programs.create(actorOf(ctx), input));
    }),
  /** New rules, whole, on the version read; they apply to classes opened from now on. */
  update: roleProcedure('center_staff')
    .input(programUpdateInput)
    .mutation(async ({ ctx, input }) => {
      await assertUnitAccess(ctx, await ctx.polcenter.programs.ownerOf(input.id), ['center_staff']);
      return once(ctx, 'programs.update', input, () => ctx.polcenter.programs.update(actorOf(ctx), input));
    }),
  /**
   * Who created and edited a program's rules, newest first. Programs are everyone's reference
   * data, so any center staff may read how one came to be; staff are named by display name.
   */
  history: roleProcedure('center_staff')
    .input(programAuditInput)
    .query(({ ctx, input }) => ctx.polcenter.programs.history(input)),
} satisfies TRPCRouterRecord;
