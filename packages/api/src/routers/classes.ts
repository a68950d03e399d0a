import {
  addSessionsInput,
  type ClassListInput,
  classCatalogInput,
  classInput,
  classListInput,
  classTransitionInput,
  classUpdateInput,
  recordRef,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertClassIdAccess, assertPeopleAccess, assertUnitAccess, assertUnitsAccess, isAdmin } from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { protectedProcedure, publicProcedure, roleProcedure } from '../trpc.js';
import { timetableProcedures } from './timetable.js';

const CENTER = ['center_staff'] as const;

/** The classes of the caller's units, a page at a time: the list, and its export (`exports.list`). */
export function listClasses(ctx: Context & { principal: NonNullable<Context['principal']> }, input: ClassListInput) {
  const unitIds = [...new Set(ctx.principal.roles.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
  return ctx.polcenter.classes.list(isAdmin(ctx) ? { all: true } : { unitIds }, input);
}
const centerStaff = roleProcedure(...CENTER);

/**
 * Classes: the open catalog and timetables are public; the staff of the organising unit (or a unit
 * above it) create classes, change their status and edit their timetable.
 */
export const classesRouter = {
  catalog: publicProcedure.input(classCatalogInput).query(({ ctx, input }) => ctx.polcenter.classes.catalog(input)),
  /** What the public may know of a class: no lecturer ids, no links meant for participants. */
  timetable: publicProcedure.input(recordRef).query(async ({ ctx, input }) => {
    const view = await ctx.polcenter.classes.get(input.id);
    return {
      id: view.id,
      code: view.code,
      title: view.title,
      program: view.program,
      organiser: { id: view.organiser.id, code: view.organiser.code, name: view.organiser.name },
      mode: view.mode,
      venue: view.venue,
      sites: view.sites.map((site) => site.name),
      startDate: view.startDate,
      endDate: view.endDate,
      status: view.status,
      statusName: view.statusName,
      capacity: view.capacity,
      seatsLeft: view.seatsLeft,
      enrolmentOpensOn: view.enrolmentOpensOn,
      enrolmentClosesOn: view.enrolmentClosesOn,
      sessions: view.sessions.map((s) => ({
        date: s.date,
        part: s.part,
        startTime: s.startTime,
        endTime: s.endTime,
        topicNumber: s.topicNumber,
        title: s.title,
        periods: s.periods,
        siteName: s.siteName,
      })),
    };
  }),
  /**
   * The staff's list of classes: those organised by the caller's units, the units below them and
   * the units above them (where their people are trained) — everything for an administrator.
   */
  list: protectedProcedure.input(classListInput).query(({ ctx, input }) => listClasses(ctx, input)),
  /**
   * The class as staff plan it (lecturers, sites), and its history: for staff of the organiser's
   * line — its units, those below and those above it (a commune nominates into the district's
   * classes) — and no one else (`assertClassIdAccess`).
   */
  get: protectedProcedure.input(recordRef).query(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.id);
    return ctx.polcenter.classes.get(input.id);
  }),
  history: protectedProcedure.input(recordRef).query(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.id);
    return ctx.polcenter.classes.history(input.id);
  }),
  create: centerStaff.input(classInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.organiserUnitId, CENTER);
    // `programId` is reference data by design: any unit runs classes of any program (ADR 0009).
    // Sites and lecturers are the organiser's own: units it reaches, people it keeps.
    await assertUnitsAccess(
      ctx,
      input.sites.map((site) => site.unitId),
      CENTER,
    );
    await assertPeopleAccess(
      ctx,
      (input.sessions ?? []).map((session) => session.lecturerId),
      CENTER,
    );
    return once(ctx, 'classes.create', input, () => ctx.polcenter.classes.create(actorOf(ctx), input));
  }),
  /** Title, dates, venue, online link, sites, capacity, enrolment window; sites' units are the organiser's reach. */
  update: centerStaff.input(classUpdateInput).mutation(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.classId, CENTER);
    const { classId, expectedVersion, ...patch } = input;
    await assertUnitsAccess(
      ctx,
      (patch.sites ?? []).map((site) => site.unitId),
      CENTER,
    );
    return once(ctx, 'classes.update', input, () =>
      ctx.polcenter.classes.update(actorOf(ctx), classId, patch, expectedVersion),
    );
  }),
  transition: centerStaff.input(classTransitionInput).mutation(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.classId, CENTER);
    return ctx.polcenter.classes.transition(actorOf(ctx), input.classId, input.to, input.expectedVersion, {
      confirmEmpty: input.confirmEmpty ?? false,
    });
  }),
  addSessions: centerStaff.input(addSessionsInput.extend({ classId: z.uuid() })).mutation(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.classId, CENTER);
    await assertPeopleAccess(
      ctx,
      input.sessions.map((session) => session.lecturerId),
      CENTER,
    );
    // A repeat with the same key (a retry after a dropped answer) must not add the sessions twice.
    return once(ctx, 'classes.addSessions', input, () =>
      ctx.polcenter.classes.addSessions(actorOf(ctx), input.classId, input.sessions),
    );
  }),
  // sessions, updateSession, removeSession (routers/timetable.ts).
  ...timetableProcedures,
} satisfies TRPCRouterRecord;
