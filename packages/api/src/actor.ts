import type { Actor, Principal } from '@polcenter/core';

/**
 * The audit log's "who" for a signed-in caller: their display name. The username stays out of the
 * label, which staff of every role read (a class's history); `id` ties the row to the account for
 * administrators, who manage accounts.
 */
export function actorOf(ctx: { principal: Principal }): Actor {
  return { id: ctx.principal.userId, label: ctx.principal.displayName };
}
