import {
  accountActiveInput,
  accountCreateInput,
  accountListInput,
  accountRef,
  accountRolesInput,
  accountSessionRevokeInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { actorOf } from '../actor.js';
import { roleProcedure } from '../trpc.js';

/** Administrators only: `roleProcedure()` with no role lets admins alone through. */
const admin = roleProcedure();

/**
 * Staff accounts, for administrators: list, create (a temporary password shown once), roles per
 * unit, disable and enable, password reset, and each account's sessions and API tokens with revoke.
 */
export const accountsRouter = {
  list: admin.input(accountListInput).query(({ ctx, input }) => ctx.polcenter.accounts.list(input)),
  get: admin.input(accountRef).query(({ ctx, input }) => ctx.polcenter.accounts.get(input.userId)),
  /**
   * The temporary password is in this answer only. Not kept for a repeated `Idempotency-Key` (that
   * would store it in plain text); a repeat is refused as USER.USERNAME_TAKEN instead.
   */
  create: admin
    .input(accountCreateInput)
    .mutation(({ ctx, input }) => ctx.polcenter.accounts.create(actorOf(ctx), input)),
  setRoles: admin
    .input(accountRolesInput)
    .mutation(({ ctx, input }) => ctx.polcenter.accounts.setRoles(actorOf(ctx), input)),
  setActive: admin
    .input(accountActiveInput)
    .mutation(({ ctx, input }) => ctx.polcenter.accounts.setActive(actorOf(ctx), input.userId, input.active)),
  resetPassword: admin
    .input(accountRef)
    .mutation(({ ctx, input }) => ctx.polcenter.accounts.resetPassword(actorOf(ctx), input.userId)),
  sessions: admin.input(accountRef).query(async ({ ctx, input }) => ({
    sessions: await ctx.polcenter.accounts.sessions(input.userId),
    tokens: await ctx.polcenter.accounts.tokens(input.userId),
  })),
  revoke: admin.input(accountSessionRevokeInput).mutation(async ({ ctx, input }) => {
    await ctx.polcenter.accounts.revoke(actorOf(ctx), input.userId, input.tokenId);
    return { revoked: true as const };
  }),
} satisfies TRPCRouterRecord;
