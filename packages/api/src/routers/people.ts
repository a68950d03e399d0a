import {
  duplicateCandidateInput,
  duplicateGroupsInput,
  personHistoryInput,
  personInput,
  personMergeInput,
  personPatch,
  personRevealInput,
  personSearchInput,
  recordRef,
  versionNumber,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertPeopleAccess, assertUnitAccess, isAdmin, reachOf } from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { roleProcedure } from '../trpc.js';

/** Staff who keep people's records: the center, the propaganda department, unit coordinators. */
const staff = roleProcedure('center_staff', 'propaganda_staff', 'unit_coordinator');
const PEOPLE_ROLES = ['center_staff', 'propaganda_staff', 'unit_coordinator'] as const;

/**
 * People are never public. Staff see the people of their units (and below); lists mask personal
 * fields; opening a full record is audited. Names and personal data travel in POST bodies only
 * where they identify someone (duplicates, create, update), never in a GET query string.
 */
export const peopleRouter = {
  /**
   * Within one unit and below it (`unitId`, which the caller must reach), or else every unit the
   * caller's roles for people reach (their `UnitReach`: a merged commune's people included).
   */
  search: staff.input(personSearchInput).query(async ({ ctx, input }) => {
    if (input?.unitId) await assertUnitAccess(ctx, input.unitId, PEOPLE_ROLES);
    return ctx.polcenter.people.search(input, await peopleScope(ctx));
  }),
  get: staff.input(recordRef).query(async ({ ctx, input }) => {
    const person = await ctx.polcenter.people.get(input.id);
    await assertUnitAccess(ctx, person.unitId, PEOPLE_ROLES);
    return person;
  }),
  /** The unmasked record: audited, and sent by POST so it is never cached or logged by URL. */
  getFull: staff.input(recordRef).mutation(async ({ ctx, input }) => {
    const person = await ctx.polcenter.people.get(input.id);
    await assertUnitAccess(ctx, person.unitId, PEOPLE_ROLES);
    return ctx.polcenter.people.getFull(actorOf(ctx), input.id);
  }),
  /** Personal fields unmasked, for a reason the audit log keeps with the read (POST: never cached). */
  reveal: staff.input(personRevealInput).mutation(async ({ ctx, input }) => {
    const person = await ctx.polcenter.people.get(input.id);
    await assertUnitAccess(ctx, person.unitId, PEOPLE_ROLES);
    return ctx.polcenter.people.reveal(actorOf(ctx), input);
  }),
  /** The person's own audit trail, personal fields masked. */
  history: staff.input(personHistoryInput).query(async ({ ctx, input }) => {
    const person = await ctx.polcenter.people.get(input.id);
    await assertUnitAccess(ctx, person.unitId, PEOPLE_ROLES);
    return ctx.polcenter.people.history(input);
  }),
  /** Records that are probably one person, among the people the caller reaches (masked). */
  duplicates: staff
    .input(duplicateGroupsInput)
    .query(async ({ ctx, input }) => ctx.polcenter.people.duplicateGroups(input, await peopleScope(ctx))),
  /** Two records of one person become one; both must be of the caller's units. */
  merge: staff.input(personMergeInput).mutation(async ({ ctx, input }) => {
    await assertPeopleAccess(ctx, [input.survivorId, input.mergedId], PEOPLE_ROLES);
    return once(ctx, 'people.merge', input, () => ctx.polcenter.people.merge(actorOf(ctx), input));
  }),
  findDuplicates: staff
    .input(duplicateCandidateInput)
    .mutation(({ ctx, input }) => ctx.polcenter.people.findDuplicates(input)),
  create: staff
    .input(personInput.and(z.object({ allowDuplicateOfId: z.uuid().optional() })))
    .mutation(async ({ ctx, input }) => {
      const { allowDuplicateOfId, ...person } = input;
      await assertUnitAccess(ctx, person.unitId ?? null, PEOPLE_ROLES);
      // `allowDuplicateOfId` acknowledges a look-alike `findDuplicates` showed (staff-wide by design,
      // masked): it reads and changes nothing of that person, whichever unit holds them.
      return once(ctx, 'people.create', input, () =>
        ctx.polcenter.people.create(actorOf(ctx), person, allowDuplicateOfId ? { allowDuplicateOfId } : {}),
      );
    }),
  update: staff
    .input(z.object({ id: z.uuid(), version: versionNumber, patch: personPatch }).strict())
    .mutation(async ({ ctx, input }) => {
      const person = await ctx.polcenter.people.get(input.id);
      await assertUnitAccess(ctx, person.unitId, PEOPLE_ROLES);
      if (input.patch.unitId) await assertUnitAccess(ctx, input.patch.unitId, PEOPLE_ROLES);
      return ctx.polcenter.people.update(actorOf(ctx), input.id, input.version, input.patch);
    }),
} satisfies TRPCRouterRecord;

/** The units whose people a non-admin may list: those their roles for people reach (none for an admin: all). */
async function peopleScope(ctx: Context & { principal: NonNullable<Context['principal']> }) {
  if (isAdmin(ctx)) return {};
  const reach = await reachOf(ctx);
  const withinUnits = reach
    .units()
    .filter((u) => u.roles.some((role) => (PEOPLE_ROLES as readonly string[]).includes(role)))
    .map((u) => u.unitId);
  return { withinUnits };
}
