import { obligationInput, shortfallInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertUnitAccess } from '../access';
import { actorOf } from '../actor';
import { roleProcedure } from '../trpc';

const STAFF = ['propaganda_staff', 'center_staff', 'unit_coordinator'] as const;

/** Rapporteurs' obligations as data, and who falls short of them. */
export const obligationsRouter = {
  define: roleProcedure('propaganda_staff')
    .input(obligationInput)
    .mutation(({ ctx, input }) => ctx.polcenter.obligations.define(actorOf(ctx), input)),
  list: roleProcedure(...STAFF)
    .input(z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict())
    .query(({ ctx, input }) => ctx.polcenter.obligations.list(input.year)),
  shortfalls: roleProcedure(...STAFF)
    .input(shortfallInput)
    .query(async ({ ctx, input }) => {
      const isAdmin = ctx.principal.roles.some((g) => g.role === 'admin');
      const unitId = input.unitId ?? (isAdmin ? undefined : ctx.principal.roles.find((g) => g.unitId)?.unitId);
      if (!isAdmin) await assertUnitAccess(ctx, unitId ?? null, STAFF);
      return ctx.polcenter.obligations.shortfalls({ ...input, ...(unitId ? { unitId } : {}) });
    }),
} satisfies TRPCRouterRecord;
