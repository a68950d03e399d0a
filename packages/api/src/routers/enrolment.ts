import type { RequestOwners } from '@polcenter/core';
import {
  type EnrolmentListInput,
  enrolmentActionInput,
  enrolmentListInput,
  enrolmentRejectionInput,
  enrolmentRequestInput,
  nominationInput,
  recordRef,
  selfRegistrationInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  assertClassIdAccess,
  assertEnrolmentAccess,
  assertUnitAccess,
  classAccess,
  classHidden,
  mayActOn,
  reachOf,
} from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { forbidden, publicProcedure, roleProcedure } from '../trpc.js';

const PEOPLE_STAFF = ['center_staff', 'unit_coordinator'] as const;
const people = roleProcedure(...PEOPLE_STAFF);
const center = roleProcedure('center_staff');

type Staff = Context & { principal: NonNullable<Context['principal']> };

const CENTER = ['center_staff'] as const;

/** The class's organiser: the unit whose center staff decide on its enrolments. */
const assertOrganiser = (ctx: Staff, classId: string) => assertClassIdAccess(ctx, classId, CENTER);

/** A class's enrolments, for its organiser's center staff: the list, and its export (`exports.list`). */
export async function enrolmentsOfClass(ctx: Staff, input: EnrolmentListInput) {
  await assertOrganiser(ctx, input.classId);
  return ctx.polcenter.enrolment.listForClass(input);
}
const assertEnrolmentOrganiser = (ctx: Staff, enrolmentId: string) => assertEnrolmentAccess(ctx, enrolmentId, CENTER);

/**
 * Enrolment: units nominate their people (*cử đi học*), staff request seats for someone, people
 * register themselves through the portal; the organising center approves, waitlists, rejects and
 * withdraws. Mutations a flaky network may repeat take an Idempotency-Key.
 */
export const enrolmentRouter = {
  /**
   * Public self-registration: rate-limited, answered with a reference and a state — never personal
   * data, and never a hint of whether the national ID is on file (ADR 0014).
   */
  register: publicProcedure.input(selfRegistrationInput).mutation(async ({ ctx, input }) => {
    await ctx.limits.publicMutation.take(ctx.clientKey);
    return once(ctx, 'enrolment.register', input, () =>
      ctx.polcenter.registration.register({ id: null, label: `portal (${ctx.clientKey})` }, input),
    );
  }),
  /**
   * A unit sends its people to a class. `classId` is public by design: any unit may send people to
   * any class of the catalog (the district's classes are open to all its communes), as anyone may
   * register; the organiser's center decides on each request.
   */
  nominate: people.input(nominationInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, PEOPLE_STAFF);
    // A unit nominates its own people: each must belong to the nominating unit or below it,
    // checked for all of them in one statement.
    if ((await ctx.polcenter.people.notWithin(input.personIds, input.unitId)).length > 0) throw forbidden();
    return once(ctx, 'enrolment.nominate', input, () => ctx.polcenter.enrolment.nominate(actorOf(ctx), input));
  }),
  /**
   * A seat asked for someone the caller keeps, in any class (`classId` public, as for `nominate`);
   * the organising center's staff may admit at once (approve or waitlist).
   */
  request: people
    .input(enrolmentRequestInput.extend({ autoAdmit: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { autoAdmit, ...request } = input;
      const reach = await reachOf(ctx);
      // Checked on the person and class rows the request reads and locks anyway: no read of its own.
      const authorise = ({ personUnitId, organiserUnitId }: RequestOwners) => {
        if (!reach.reaches(personUnitId, PEOPLE_STAFF)) throw forbidden();
        if (autoAdmit) classAccess(reach, organiserUnitId, () => classHidden(request.classId), CENTER);
      };
      return once(ctx, 'enrolment.request', input, () =>
        ctx.polcenter.enrolment.request(actorOf(ctx), request, { autoAdmit, authorise }),
      );
    }),
  approve: center.input(enrolmentActionInput).mutation(async ({ ctx, input }) => {
    await assertEnrolmentOrganiser(ctx, input.enrolmentId);
    return ctx.polcenter.enrolment.approve(actorOf(ctx), input.enrolmentId);
  }),
  waitlist: center.input(enrolmentActionInput).mutation(async ({ ctx, input }) => {
    await assertEnrolmentOrganiser(ctx, input.enrolmentId);
    return ctx.polcenter.enrolment.waitlist(actorOf(ctx), input.enrolmentId);
  }),
  /** Seats freed or added: fill them from the waitlist, first come first served. */
  promote: center.input(z.object({ classId: z.uuid() }).strict()).mutation(async ({ ctx, input }) => {
    await assertOrganiser(ctx, input.classId);
    return ctx.polcenter.enrolment.promote(actorOf(ctx), input.classId);
  }),
  reject: center.input(enrolmentRejectionInput).mutation(async ({ ctx, input }) => {
    await assertEnrolmentOrganiser(ctx, input.enrolmentId);
    return ctx.polcenter.enrolment.reject(actorOf(ctx), input.enrolmentId, input.reason);
  }),
  /** The organiser withdraws anyone; a coordinator withdraws the people of their unit. */
  withdraw: people.input(enrolmentActionInput).mutation(async ({ ctx, input }) => {
    const enrolment = await ctx.polcenter.enrolment.get(input.enrolmentId);
    const person = await ctx.polcenter.people.get(enrolment.personId);
    const organiser = await ctx.polcenter.classes.organiserOf(enrolment.classId);
    const mayAsOrganiser = await mayActOn(ctx, organiser, CENTER);
    if (!mayAsOrganiser) await assertUnitAccess(ctx, person.unitId, PEOPLE_STAFF);
    return ctx.polcenter.enrolment.withdraw(actorOf(ctx), input.enrolmentId, input.reason);
  }),
  get: people.input(recordRef).query(async ({ ctx, input }) => {
    const enrolment = await ctx.polcenter.enrolment.get(input.id);
    const organiser = await ctx.polcenter.classes.organiserOf(enrolment.classId);
    if (!(await mayActOn(ctx, organiser, CENTER))) {
      await assertUnitAccess(ctx, (await ctx.polcenter.people.get(enrolment.personId)).unitId, PEOPLE_STAFF);
    }
    return enrolment;
  }),
  listForClass: center.input(enrolmentListInput).query(({ ctx, input }) => enrolmentsOfClass(ctx, input)),
  /** Self-registrations waiting for staff to settle who they are (ADR 0014), personal data masked. */
  reviews: center.input(z.object({ classId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await assertOrganiser(ctx, input.classId);
    return ctx.polcenter.registration.reviews(input.classId);
  }),
  listForPerson: people.input(z.object({ personId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.people.get(input.personId)).unitId, PEOPLE_STAFF);
    return ctx.polcenter.enrolment.listForPerson(input.personId);
  }),
} satisfies TRPCRouterRecord;
