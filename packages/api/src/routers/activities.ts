import {
  activityRangeInput,
  briefingInput,
  conferenceAttendanceInput,
  conferenceInput,
  contestEntrantInput,
  contestInput,
  contestScoresInput,
  opinionReportInput,
  opinionReportUpdateInput,
  recordRef,
  workloadInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertUnitAccess } from '../access';
import { actorOf } from '../actor';
import type { Context } from '../context';
import { forbidden, roleProcedure } from '../trpc';

const propaganda = roleProcedure('propaganda_staff');
/** Who logs the grassroots work: the department, unit coordinators, the rapporteurs themselves. */
const LOGGERS = ['propaganda_staff', 'unit_coordinator', 'lecturer'] as const;
const loggers = roleProcedure(...LOGGERS);
const STAFF = ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'] as const;
const staff = roleProcedure(...STAFF);

/** Sensitive and complex opinion reports are for the propaganda department (and admins) only. */
function viewerOf(ctx: Context): 'propaganda' | 'staff' {
  return ctx.principal?.roles.some((g) => g.role === 'admin' || g.role === 'propaganda_staff') ? 'propaganda' : 'staff';
}

/** Non-admins see the activities of a unit they hold a role for (their first, when none is named). */
async function scopedUnit(ctx: Context & { principal: NonNullable<Context['principal']> }, unitId?: string) {
  if (ctx.principal.roles.some((g) => g.role === 'admin')) return unitId;
  const unit = unitId ?? ctx.principal.roles.find((g) => g.unitId)?.unitId ?? undefined;
  await assertUnitAccess(ctx, unit ?? null, STAFF);
  return unit;
}

/** What rapporteurs do: briefings, public-opinion reports, conferences, contests, workload. */
export const activitiesRouter = {
  recordBriefing: loggers.input(briefingInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, LOGGERS);
    return ctx.polcenter.activities.recordBriefing(actorOf(ctx), input);
  }),
  briefings: staff.input(activityRangeInput).query(async ({ ctx, input }) => {
    const unitId = await scopedUnit(ctx, input.unitId);
    return ctx.polcenter.activities.briefings({ ...input, ...(unitId ? { unitId } : {}) });
  }),
  recordOpinionReport: loggers.input(opinionReportInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, LOGGERS);
    return ctx.polcenter.activities.recordOpinionReport(actorOf(ctx), input);
  }),
  opinionReports: staff.input(activityRangeInput).query(async ({ ctx, input }) => {
    const unitId = await scopedUnit(ctx, input.unitId);
    return ctx.polcenter.activities.opinionReports({ ...input, ...(unitId ? { unitId } : {}), viewer: viewerOf(ctx) });
  }),
  opinionReport: staff.input(recordRef).query(async ({ ctx, input }) => {
    const report = await ctx.polcenter.activities.opinionReport(input.id);
    await assertUnitAccess(ctx, report.unitId, STAFF);
    if (report.visibleTo === 'propaganda' && viewerOf(ctx) !== 'propaganda') throw forbidden();
    return report;
  }),
  updateOpinionReport: propaganda.input(opinionReportUpdateInput).mutation(async ({ ctx, input }) => {
    const report = await ctx.polcenter.activities.opinionReport(input.id);
    await assertUnitAccess(ctx, report.unitId, ['propaganda_staff']);
    return ctx.polcenter.activities.updateOpinionReport(actorOf(ctx), input);
  }),
  createConference: propaganda
    .input(conferenceInput)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.createConference(actorOf(ctx), input)),
  recordAttendance: propaganda
    .input(conferenceAttendanceInput)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.recordAttendance(actorOf(ctx), input)),
  conferences: staff.input(activityRangeInput).query(({ ctx, input }) => ctx.polcenter.activities.conferences(input)),
  conference: staff.input(recordRef).query(({ ctx, input }) => ctx.polcenter.activities.conference(input.id)),
  createContest: propaganda
    .input(contestInput)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.createContest(actorOf(ctx), input)),
  addEntrant: propaganda
    .input(contestEntrantInput)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.addEntrant(actorOf(ctx), input)),
  recordScores: propaganda
    .input(contestScoresInput)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.recordScores(actorOf(ctx), input)),
  finaliseContest: propaganda
    .input(recordRef)
    .mutation(({ ctx, input }) => ctx.polcenter.activities.finaliseContest(actorOf(ctx), input.id)),
  contest: staff.input(recordRef).query(({ ctx, input }) => ctx.polcenter.activities.contest(input.id)),
  workload: roleProcedure('propaganda_staff', 'center_staff')
    .input(workloadInput)
    .query(({ ctx, input }) => ctx.polcenter.activities.workload(input)),
} satisfies TRPCRouterRecord;
