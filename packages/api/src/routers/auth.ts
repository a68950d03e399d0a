import { apiTokenInput, signInInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '../actor.js';
import { protectedProcedure, publicProcedure } from '../trpc.js';

const isAdmin = (ctx: { principal: { roles: readonly { role: string }[] } }) =>
  ctx.principal.roles.some((g) => g.role === 'admin');

/** Staff sign-in with bearer tokens: works for the console on our origin and widgets on a portal's. */
export const authRouter = {
  /**
   * Limited twice: attempts per address and username (guessing one account's password), and failed
   * attempts per address whatever the username (one password tried on many accounts). The failure
   * is counted before the attempt, so parallel guesses cannot slip past the limit, and given back
   * when the sign-in succeeds.
   */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    await ctx.limits.signIn.take(`${ctx.clientKey}|${input.username}`);
    await ctx.limits.signInFailures.take(ctx.clientKey);
    const signedIn = await ctx.polcenter.auth.signIn(input);
    await ctx.limits.signInFailures.giveBack(ctx.clientKey);
    return signedIn;
  }),
  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await ctx.polcenter.auth.signOut(ctx.token);
    return { signedOut: true as const };
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.principal),
  /**
   * An API token acting as the caller, shown this once. Made with a token, it is no wider than
   * that token and does not outlive it.
   */
  createToken: protectedProcedure
    .input(apiTokenInput)
    .mutation(({ ctx, input }) =>
      ctx.polcenter.auth.createApiToken(actorOf(ctx), ctx.principal.userId, input, ctx.principal.token),
    ),
  /** The caller's API tokens (an admin's list holds everyone's), without secrets or hashes. */
  tokens: protectedProcedure.query(({ ctx }) =>
    ctx.polcenter.auth.listApiTokens(isAdmin(ctx) ? {} : { userId: ctx.principal.userId }),
  ),
  /** Ends an API token now: one's own, or anyone's for an admin. */
  revokeToken: protectedProcedure
    .input(z.object({ id: z.uuid() }).strict())
    .mutation(({ ctx, input }) =>
      ctx.polcenter.auth.revokeApiToken(actorOf(ctx), input.id, isAdmin(ctx) ? undefined : ctx.principal.userId),
    ),
} satisfies TRPCRouterRecord;
