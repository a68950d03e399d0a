import { signInInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure, publicProcedure } from '../trpc';

/** Staff sign-in with bearer tokens: works for the console on our origin and widgets on a portal's. */
export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => {
    ctx.limits.signIn.take(`${ctx.clientKey}|${input.username}`);
    return ctx.polcenter.auth.signIn(input);
  }),
  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await ctx.polcenter.auth.signOut(ctx.token);
    return { signedOut: true as const };
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.principal),
} satisfies TRPCRouterRecord;
