import type { Actor, Principal } from '@polcenter/core';

/** The audit log's "who" for a signed-in caller. */
export function actorOf(ctx: { principal: Principal }): Actor {
  return { id: ctx.principal.userId, label: `${ctx.principal.displayName} (${ctx.principal.username})` };
}
