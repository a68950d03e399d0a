import type { Principal, WorkScope } from '@polcenter/core';
import { workTodoInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure } from '../trpc.js';

/**
 * Whose work a person sees, from their roles, as the other staff calls decide it: center staff
 * act on the classes their units organise (every kind of work); a unit's coordinator sends its
 * people and may withdraw them (their requests still waiting, and the windows closing of the classes
 * they go to); an administrator acts on everything. Other roles have no class work to do.
 */
export function workScopeOf(principal: Principal): WorkScope {
  const unitsOf = (role: string) =>
    principal.roles.filter((g) => g.role === role && g.unitId).map((g) => g.unitId as string);
  if (principal.roles.some((g) => g.role === 'admin')) return { runs: 'all', sends: [] };
  return { runs: unitsOf('center_staff'), sends: unitsOf('unit_coordinator') };
}

/** What needs doing now in the caller's units: the console's start page. */
export const workRouter = {
  todo: protectedProcedure
    .input(workTodoInput.optional())
    .query(({ ctx, input }) => ctx.polcenter.work.todo(workScopeOf(ctx.principal), { limit: input?.limit })),
} satisfies TRPCRouterRecord;
