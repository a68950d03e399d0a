import type { RouterOutputs } from '@polcenter/client';
import type { Role } from '@polcenter/domain';

/** The signed-in person as `auth.me` tells it: name, roles by unit, the session's expiry. */
export type Me = RouterOutputs['auth']['me'];

/**
 * Whether `me` may do what needs one of `roles`: for `unitId` when given (a role held for it or a
 * unit above it, from `me.reach`), for some unit when not. Administrators may everything.
 */
export function mayDo(me: Me | undefined, roles: Role | readonly Role[], unitId?: string | null): boolean {
  if (!me) return false;
  const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  if (me.roles.some((g) => g.role === 'admin')) return true;
  if (unitId === undefined) return me.roles.some((g) => wanted.includes(g.role));
  return me.reach.some((u) => u.unitId === unitId && u.roles.some((r) => wanted.includes(r)));
}
