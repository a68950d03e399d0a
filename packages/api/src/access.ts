import type { Principal } from '@polcenter/core';
import type { Role } from '@polcenter/domain';
import type { Context } from './context.js';
import { forbidden } from './trpc.js';

type Staff = Context & { principal: Principal };

export const isAdmin = (ctx: Staff): boolean => ctx.principal.roles.some((g) => g.role === 'admin');

/**
 * The one check every procedure that takes an id makes: the caller holds a role (of `roles`, when
 * given) for the object's unit or a unit above it. Objects outside the caller's units are
 * FORBIDDEN, never silently returned.
 */
export async function assertUnitAccess(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<void> {
  if (isAdmin(ctx)) return;
  if (!unitId || !(await ctx.polcenter.auth.canAccessUnit(ctx.principal, unitId, roles))) throw forbidden();
}

/** The same check for every unit a procedure names beyond its first (sites, targets…), in one query. */
export async function assertUnitsAccess(
  ctx: Staff,
  unitIds: readonly (string | null | undefined)[],
  roles?: readonly Role[],
): Promise<void> {
  if (isAdmin(ctx)) return;
  const named = unitIds.filter((id): id is string => Boolean(id));
  if (!(await ctx.polcenter.auth.canAccessUnits(ctx.principal, named, roles))) throw forbidden();
}

/**
 * The people a procedure names (presenters, entrants, judges, lecturers, new roster members…)
 * belong to units the caller may act on. Ids of nobody pass here: the service answers them with a
 * not-found error naming the field, which tells nothing about other units.
 */
export async function assertPeopleAccess(
  ctx: Staff,
  personIds: readonly (string | null | undefined)[],
  roles?: readonly Role[],
): Promise<void> {
  if (isAdmin(ctx)) return;
  const named = [...new Set(personIds.filter((id): id is string => Boolean(id)))];
  if (named.length === 0) return;
  const units = await ctx.polcenter.people.unitsOf(named);
  if (units.some((unit) => unit === null)) throw forbidden();
  await assertUnitsAccess(ctx, units, roles);
}

/**
 * Reading a unit's own business (a conference, a contest): the caller may act on the unit, or it
 * lies above one of theirs — a commune's staff see the district's conferences, not another
 * commune's.
 */
export async function assertUnitVisible(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<void> {
  if (isAdmin(ctx)) return;
  if (!unitId || !(await ctx.polcenter.auth.canSeeUnit(ctx.principal, unitId, roles))) throw forbidden();
}

/** The unit a non-admin means when they name none: the first their roles are for. */
export function ownUnit(ctx: Staff, roles?: readonly Role[]): string | null {
  return ctx.principal.roles.find((g) => g.unitId && (!roles || roles.includes(g.role)))?.unitId ?? null;
}
