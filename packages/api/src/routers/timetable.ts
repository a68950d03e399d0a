import { recordRef, removeSessionInput, updateSessionInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertClassIdAccess, assertPeopleAccess, assertSessionAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { once } from '../idempotency.js';
import { roleProcedure } from '../trpc.js';

const CENTER = ['center_staff'] as const;
const centerStaff = roleProcedure(...CENTER);

/**
 * Editing a class's timetable one session at a time, beside `classes.addSessions` (spread into the
 * classes router): the organiser's center staff only (`assertClassIdAccess`, "Who sees a class"); a
 * lecturer named must be someone they keep, as for `addSessions`. Who teaches is changed through
 * `assignments.assign`, which warns of a clash.
 */
export const timetableProcedures = {
  /** The timetable as staff edit it: sessions with versions, topic titles, who teaches, marks taken. */
  sessions: centerStaff.input(recordRef).query(async ({ ctx, input }) => {
    await assertClassIdAccess(ctx, input.id, CENTER);
    return ctx.polcenter.timetable.view(input.id);
  }),
  updateSession: centerStaff.input(updateSessionInput).mutation(async ({ ctx, input }) => {
    await assertSessionAccess(ctx, input.sessionId, CENTER);
    await assertPeopleAccess(ctx, [input.session.lecturerId], CENTER);
    return once(ctx, 'classes.updateSession', input, () => ctx.polcenter.timetable.updateSession(actorOf(ctx), input));
  }),
  removeSession: centerStaff.input(removeSessionInput).mutation(async ({ ctx, input }) => {
    await assertSessionAccess(ctx, input.sessionId, CENTER);
    return once(ctx, 'classes.removeSession', input, () => ctx.polcenter.timetable.removeSession(actorOf(ctx), input));
  }),
} satisfies TRPCRouterRecord;
