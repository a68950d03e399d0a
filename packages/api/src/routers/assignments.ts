import { assignmentInput, recordNotFoundError } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertPeopleAccess, assertSessionAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { protectedProcedure, roleProcedure } from '../trpc.js';

const center = roleProcedure('center_staff');

/** Lecturers and rapporteurs assigned to class sessions, by the staff of the organising unit. */
export const assignmentsRouter = {
  assign: center.input(assignmentInput).mutation(async ({ ctx, input }) => {
    await assertSessionAccess(ctx, input.sessionId, ['center_staff']);
    // The lecturer is someone the organiser's staff keep: no booking another unit's people.
    await assertPeopleAccess(ctx, [input.personId], ['center_staff']);
    return ctx.polcenter.assignments.assign(actorOf(ctx), input);
  }),
  unassign: center.input(z.object({ id: z.uuid(), sessionId: z.uuid() }).strict()).mutation(async ({ ctx, input }) => {
    await assertSessionAccess(ctx, input.sessionId, ['center_staff']);
    // The access check was on the session named; the assignment must be one of its own.
    const assignments = await ctx.polcenter.assignments.ofSession(input.sessionId);
    if (!assignments.some((a) => a.id === input.id)) {
      throw recordNotFoundError('ASSIGNMENT.SESSION_NOT_FOUND', { vi: 'phân công', en: 'assignment' }, input.id);
    }
    return ctx.polcenter.assignments.unassign(actorOf(ctx), input.id);
  }),
  /** Who teaches a session: for those who see the class (`classes.get`), to plan across units. */
  ofSession: protectedProcedure.input(z.object({ sessionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await assertSessionAccess(ctx, input.sessionId);
    return ctx.polcenter.assignments.ofSession(input.sessionId);
  }),
} satisfies TRPCRouterRecord;
