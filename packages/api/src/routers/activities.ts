import {
  activityRangeInput,
  briefingInput,
  briefingUpdateInput,
  conferenceAttendanceInput,
  conferenceInput,
  conferenceSitesInput,
  contestEntrantInput,
  contestInput,
  contestJudgesInput,
  contestScoresInput,
  opinionReportInput,
  opinionReportUpdateInput,
  propagandaReportInput,
  type Role,
  recordRef,
  workloadInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  assertPeopleAccess,
  assertUnitAccess,
  assertUnitsAccess,
  assertUnitVisible,
  isAdmin,
  ownUnit,
  reachOf,
} from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { forbidden, roleProcedure } from '../trpc.js';

const PROPAGANDA = ['propaganda_staff'] as const;
const propaganda = roleProcedure(...PROPAGANDA);
/** Who logs the grassroots work: the department, unit coordinators, the rapporteurs themselves. */
const LOGGERS = ['propaganda_staff', 'unit_coordinator', 'lecturer'] as const;
const loggers = roleProcedure(...LOGGERS);
const STAFF = ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'] as const;
const staff = roleProcedure(...STAFF);
const WORKLOAD = ['propaganda_staff', 'center_staff'] as const;

/** Sensitive and complex opinion reports are for the propaganda department (and admins) only. */
function viewerOf(ctx: Context): 'propaganda' | 'staff' {
  return ctx.principal?.roles.some((g) => g.role === 'admin' || g.role === 'propaganda_staff') ? 'propaganda' : 'staff';
}

type Staff = Context & { principal: NonNullable<Context['principal']> };

/** Non-admins see the activities of a unit they hold a role for (their first, when none is named). */
async function scopedUnit(ctx: Staff, unitId: string | undefined, roles: readonly Role[] = STAFF) {
  if (isAdmin(ctx)) return unitId;
  const unit = unitId ?? ownUnit(ctx, roles) ?? undefined;
  await assertUnitAccess(ctx, unit ?? null, roles);
  return unit;
}

/**
 * Conferences and contests are their owner unit's business: the propaganda staff of that unit (or
 * a unit above) run them; staff on the owner's line read them (ADR 0009).
 */
async function conferenceOwner(ctx: Staff, conferenceId: string) {
  return (await ctx.polcenter.activities.conference(conferenceId)).ownerUnitId;
}
async function contestOwner(ctx: Staff, contestId: string) {
  return (await ctx.polcenter.activities.contest(contestId)).ownerUnitId;
}

/** What rapporteurs do: briefings, public-opinion reports, conferences, contests, workload. */
export const activitiesRouter = {
  recordBriefing: loggers.input(briefingInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, LOGGERS);
    // Presenters are people the caller keeps: a coordinator logs their own propagandists' briefings.
    await assertPeopleAccess(ctx, input.presenterIds, LOGGERS);
    return once(ctx, 'activities.recordBriefing', input, () =>
      ctx.polcenter.activities.recordBriefing(actorOf(ctx), input),
    );
  }),
  /** A correction: the briefing's unit, the new unit and every presenter are the caller's. */
  updateBriefing: loggers.input(briefingUpdateInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.activities.briefing(input.id)).unitId, LOGGERS);
    await assertUnitAccess(ctx, input.unitId, LOGGERS);
    await assertPeopleAccess(ctx, input.presenterIds, LOGGERS);
    return ctx.polcenter.activities.updateBriefing(actorOf(ctx), input);
  }),
  briefing: staff.input(recordRef).query(async ({ ctx, input }) => {
    const briefing = await ctx.polcenter.activities.briefing(input.id);
    await assertUnitAccess(ctx, briefing.unitId, STAFF);
    return briefing;
  }),
  briefings: staff.input(activityRangeInput).query(async ({ ctx, input }) => {
    const unitId = await scopedUnit(ctx, input.unitId);
    return ctx.polcenter.activities.briefings({ ...input, ...(unitId ? { unitId } : {}) });
  }),
  /**
   * The period's propaganda output in the caller's unit (or one they name): briefings and their
   * audience by people and gender, conferences by site, opinion reports by topic — sensitive topics
   * for the propaganda department only, only counted for the others.
   */
  report: staff.input(propagandaReportInput).query(async ({ ctx, input }) => {
    const unitId = await scopedUnit(ctx, input.unitId);
    return ctx.polcenter.reports.propaganda({ ...input, ...(unitId ? { unitId } : {}) }, viewerOf(ctx));
  }),
  recordOpinionReport: loggers.input(opinionReportInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, LOGGERS);
    await assertPeopleAccess(ctx, input.reporterIds, LOGGERS);
    return once(ctx, 'activities.recordOpinionReport', input, () =>
      ctx.polcenter.activities.recordOpinionReport(actorOf(ctx), input),
    );
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
    await assertUnitAccess(ctx, report.unitId, PROPAGANDA);
    return ctx.polcenter.activities.updateOpinionReport(actorOf(ctx), input);
  }),
  createConference: propaganda.input(conferenceInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.ownerUnitId, PROPAGANDA);
    // The roster it is held for and the units hosting its sites are the caller's too.
    if (input.rosterId)
      await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(input.rosterId)).ownerUnitId, PROPAGANDA);
    await assertUnitsAccess(
      ctx,
      input.sites.map((site) => site.unitId),
      PROPAGANDA,
    );
    return once(ctx, 'activities.createConference', input, () =>
      ctx.polcenter.activities.createConference(actorOf(ctx), input),
    );
  }),
  /** Sites and their headcounts, set as listed; the units hosting them are the caller's too. */
  updateConferenceSites: propaganda.input(conferenceSitesInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await conferenceOwner(ctx, input.conferenceId), PROPAGANDA);
    await assertUnitsAccess(
      ctx,
      input.sites.map((site) => site.unitId),
      PROPAGANDA,
    );
    return ctx.polcenter.activities.updateConferenceSites(actorOf(ctx), input);
  }),
  recordAttendance: propaganda.input(conferenceAttendanceInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await conferenceOwner(ctx, input.conferenceId), PROPAGANDA);
    await assertPeopleAccess(
      ctx,
      input.entries.map((e) => e.personId),
      PROPAGANDA,
    );
    return ctx.polcenter.activities.recordAttendance(actorOf(ctx), input);
  }),
  /** The conferences on the caller's line: their units', and those of the units above them. */
  conferences: staff.input(activityRangeInput).query(async ({ ctx, input }) => {
    if (input.unitId) await assertUnitVisible(ctx, input.unitId, STAFF);
    const all = await ctx.polcenter.activities.conferences(input);
    const reach = await reachOf(ctx);
    return all.filter((c) => reach.sees(c.ownerUnitId, STAFF));
  }),
  conference: staff.input(recordRef).query(async ({ ctx, input }) => {
    const conference = await ctx.polcenter.activities.conference(input.id);
    await assertUnitVisible(ctx, conference.ownerUnitId, STAFF);
    return conference;
  }),
  createContest: propaganda.input(contestInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.ownerUnitId, PROPAGANDA);
    return once(ctx, 'activities.createContest', input, () =>
      ctx.polcenter.activities.createContest(actorOf(ctx), input),
    );
  }),
  /** The jury: people the caller keeps. */
  setJudges: propaganda.input(contestJudgesInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await contestOwner(ctx, input.contestId), PROPAGANDA);
    await assertPeopleAccess(ctx, input.judgeIds, PROPAGANDA);
    return ctx.polcenter.activities.setJudges(actorOf(ctx), input);
  }),
  /** The contests on the caller's line, as for conferences. */
  contests: staff.input(activityRangeInput).query(async ({ ctx, input }) => {
    if (input.unitId) await assertUnitVisible(ctx, input.unitId, STAFF);
    const all = await ctx.polcenter.activities.contests(input);
    const reach = await reachOf(ctx);
    return all.filter((c) => reach.sees(c.ownerUnitId, STAFF));
  }),
  addEntrant: propaganda.input(contestEntrantInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await contestOwner(ctx, input.contestId), PROPAGANDA);
    await assertPeopleAccess(ctx, [input.personId], PROPAGANDA);
    return ctx.polcenter.activities.addEntrant(actorOf(ctx), input);
  }),
  recordScores: propaganda.input(contestScoresInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await contestOwner(ctx, input.contestId), PROPAGANDA);
    // Entrants: the service takes only entrants of this contest. Judges are people the caller keeps.
    await assertPeopleAccess(
      ctx,
      input.scores.map((s) => s.judgeId),
      PROPAGANDA,
    );
    return ctx.polcenter.activities.recordScores(actorOf(ctx), input);
  }),
  finaliseContest: propaganda.input(recordRef).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, await contestOwner(ctx, input.id), PROPAGANDA);
    return ctx.polcenter.activities.finaliseContest(actorOf(ctx), input.id);
  }),
  contest: staff.input(recordRef).query(async ({ ctx, input }) => {
    const contest = await ctx.polcenter.activities.contest(input.id);
    await assertUnitVisible(ctx, contest.ownerUnitId, STAFF);
    return contest;
  }),
  /** Periods taught and briefings given: of the people named, or of the caller's unit's people. */
  workload: roleProcedure(...WORKLOAD)
    .input(workloadInput)
    .query(async ({ ctx, input }) => {
      const unitId = input.personIds && !input.unitId ? undefined : await scopedUnit(ctx, input.unitId, WORKLOAD);
      await assertPeopleAccess(ctx, input.personIds ?? [], WORKLOAD);
      return ctx.polcenter.activities.workload({ ...input, ...(unitId ? { unitId } : {}) });
    }),
} satisfies TRPCRouterRecord;
