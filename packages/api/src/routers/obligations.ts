import {
  obligationInput,
  obligationListInput,
  obligationUpdateInput,
  shortfallInput,
  standingInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertUnitAccess, isAdmin, ownUnit } from '../access.js';
import { actorOf } from '../actor.js';
import { roleProcedure } from '../trpc.js';

const STAFF = ['propaganda_staff', 'center_staff', 'unit_coordinator'] as const;

/**
 * Rapporteurs' obligations as data, and who falls short of them. An obligation is its owner unit's
 * rule, binding that unit's rosters and those below (ADR 0009): the propaganda staff of a unit
 * define its rules; only administrators define rules for every roster everywhere.
 */
export const obligationsRouter = {
  define: roleProcedure('propaganda_staff')
    .input(obligationInput)
    .mutation(async ({ ctx, input }) => {
      // No owner: everyone's, which only an admin may define (a null unit passes for admins only).
      await assertUnitAccess(ctx, input.ownerUnitId ?? null, ['propaganda_staff']);
      return ctx.polcenter.obligations.define(actorOf(ctx), input);
    }),
  /** Corrects a rule: the propaganda staff of its owner unit (or above); everyone's, administrators only. */
  update: roleProcedure('propaganda_staff')
    .input(obligationUpdateInput)
    .mutation(async ({ ctx, input }) => {
      await assertUnitAccess(ctx, (await ctx.polcenter.obligations.get(input.id)).ownerUnitId, ['propaganda_staff']);
      return ctx.polcenter.obligations.update(actorOf(ctx), input);
    }),
  /** The rules that concern a unit (the caller's own, when none is named): everyone's, its line's, its own. */
  list: roleProcedure(...STAFF)
    .input(obligationListInput)
    .query(async ({ ctx, input }) => {
      const unitId = input.unitId ?? (isAdmin(ctx) ? undefined : (ownUnit(ctx, STAFF) ?? undefined));
      if (!isAdmin(ctx)) await assertUnitAccess(ctx, unitId ?? null, STAFF);
      return ctx.polcenter.obligations.list({ year: input.year, unitId });
    }),
  shortfalls: roleProcedure(...STAFF)
    .input(shortfallInput)
    .query(async ({ ctx, input }) => {
      const unitId = input.unitId ?? (isAdmin(ctx) ? undefined : (ownUnit(ctx, STAFF) ?? undefined));
      if (!isAdmin(ctx)) await assertUnitAccess(ctx, unitId ?? null, STAFF);
      return ctx.polcenter.obligations.shortfalls({ ...input, ...(unitId ? { unitId } : {}) });
    }),
  /** One member against every rule that binds them: for staff of the person's unit or a unit above it. */
  standing: roleProcedure(...STAFF)
    .input(standingInput)
    .query(async ({ ctx, input }) => {
      const person = await ctx.polcenter.people.get(input.personId);
      await assertUnitAccess(ctx, person.unitId, STAFF);
      return ctx.polcenter.obligations.standing(input);
    }),
} satisfies TRPCRouterRecord;
