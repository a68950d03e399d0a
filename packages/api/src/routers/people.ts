import {
  duplicateCandidateInput,
  personInput,
  personPatch,
  personSearchInput,
  recordRef,
  versionNumber,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertUnitAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { once } from '../idempotency.js';
import { forbidden, roleProcedure } from '../trpc.js';

/** Staff who keep people's records: the center, the propaganda department, unit coordinators. */
const staff = roleProcedure('center_staff', 'propaganda_staff', 'unit_coordinator');
const PEOPLE_ROLES = ['center_staff', 'propaganda_staff', 'unit_coordinator'] as const;

/**
 * People are never public. Staff see the people of their units (and below); lists mask personal
 * fields; opening a full record is audited. Names and personal data travel in POST bodies only
 * where they identify someone (duplicates, create, update), never in a GET query string.
 */
export const peopleRouter = {
  search: staff.input(personSearchInput).query(async ({ ctx, input }) => {
    const isAdmin = ctx.principal.roles.some((g) => g.role === 'admin');
    // Without a unit, a non-admin searches the unit they hold their role for.
    const unitId = input?.unitId ?? (isAdmin ? undefined : ctx.principal.roles.find((g) => g.unitId)?.unitId);
    if (!isAdmin) {
      if (!unitId) throw forbidden();
      await assertUnitAccess(ctx, unitId, PEOPLE_ROLES);
    }
    return ctx.polcenter.people.search({ ...input, ...(unitId ? { unitId } : {}) });
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
