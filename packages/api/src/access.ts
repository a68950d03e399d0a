import type { Principal } from '@polcenter/core';
import type { Role } from '@polcenter/domain';
import type { Context } from './context';
import { forbidden } from './trpc';

/**
 * The one check every procedure that takes an id makes: the caller holds a role (of `roles`, when
 * given) for the object's unit or a unit above it. Objects outside the caller's units are
 * FORBIDDEN, never silently returned.
 */
export async function assertUnitAccess(
  ctx: Context & { principal: Principal },
  unitId: string | null,
  roles?: readonly Role[],
): Promise<void> {
  if (ctx.principal.roles.some((g) => g.role === 'admin')) return;
  if (!unitId || !(await ctx.polcenter.auth.canAccessUnit(ctx.principal, unitId, roles))) throw forbidden();
}
