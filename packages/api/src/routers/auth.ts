import { apiTokenInput, changePasswordInput, signInInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { reachOf } from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { clearedSessionCookie, sessionCookie } from '../session-cookie.js';
import { protectedProcedure, publicProcedure } from '../trpc.js';

const isAdmin = (ctx: { principal: { roles: readonly { role: string }[] } }) =>
  ctx.principal.roles.some((g) => g.role === 'admin');

/**
 * Limited twice: attempts per address and username (guessing one account's password), and failed
 * attempts per address whatever the username (one password tried on many accounts). The failure
 * is counted before the attempt, so parallel guesses cannot slip past the limit, and given back
 * when the sign-in succeeds.
 */
async function limitedSignIn(ctx: Context, input: { username: string; password: string }) {
  await ctx.limits.signIn.take(`${ctx.clientKey}|${input.username}`);
  await ctx.limits.signInFailures.take(ctx.clientKey);
  const signedIn = await ctx.polcenter.auth.signIn(input);
  await ctx.limits.signInFailures.giveBack(ctx.clientKey);
  return signedIn;
}

/**
 * Staff sign-in: a bearer token for API clients and widgets on a portal's origin (`signIn`), or a
 * session cookie no script can read for the console on our origin (`startSession`).
 */
export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => limitedSignIn(ctx, input)),
  /**
   * The console's sign-in: the session token goes into an HttpOnly, SameSite=Strict cookie and never
   * into the answer, so no script (an injected one included) can read or send it elsewhere.
   */
  startSession: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { token, expiresAt, principal } = await limitedSignIn(ctx, input);
    ctx.session.setCookies.push(sessionCookie(token, expiresAt, ctx.session.https));
    const reach = await ctx.polcenter.auth.reachOf(principal);
    return {
      expiresAt,
      idleMinutes: ctx.polcenter.auth.idleMinutes,
      principal: { ...principal, reach: reach.units() },
    };
  }),
  /** Ends the caller's session (bearer or cookie; the cookie is removed too). */
  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await ctx.polcenter.auth.signOut(ctx.token);
    if (ctx.session.via === 'cookie') ctx.session.setCookies.push(clearedSessionCookie(ctx.session.https));
    return { signedOut: true as const };
  }),
  /**
   * Who is calling: name, roles by unit, the token's scope and expiry, and `reach`, each unit their
   * roles reach with the roles that reach it (the console hides what the API would refuse).
   */
  me: protectedProcedure.query(async ({ ctx }) => ({ ...ctx.principal, reach: (await reachOf(ctx)).units() })),
  /**
   * One's own password, the current one required (limited like sign-in: it is a password guess too).
   * Every other sign-in session of the account ends; the one it was changed from and API tokens stay.
   */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await ctx.limits.signInFailures.take(ctx.clientKey);
    const keep = ctx.principal.token?.kind === 'session' ? ctx.principal.token.id : undefined;
    await ctx.polcenter.auth.changePassword(actorOf(ctx), ctx.principal.userId, input, keep);
    await ctx.limits.signInFailures.giveBack(ctx.clientKey);
    return { changed: true as const };
  }),
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
