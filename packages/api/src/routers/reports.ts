import { reportFile } from '@polcenter/core';
import {
  periodReportInput,
  planListInput,
  planTargetInput,
  planTargetUpdateInput,
  propagandaOutputInput,
  propagandaOutputListInput,
  propagandaOutputUpdateInput,
  publishedReportInput,
  reportFileInput,
  reportInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { assertUnitAccess, isAdmin, ownUnit } from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

/** Who reads a unit's reports: its staff (and staff of a unit above it), for it and the units it carries on. */
const READERS = ['center_staff', 'propaganda_staff', 'unit_coordinator'] as const;
/** Who enters a unit's plan and propaganda output. */
const PLANNERS = ['center_staff', 'propaganda_staff'] as const;
const readers = roleProcedure(...READERS);
const planners = roleProcedure(...PLANNERS);

type Staff = Context & { principal: NonNullable<Context['principal']> };

/** Sensitive and complex opinion topics are for the propaganda department (and admins) only. */
const viewerOf = (ctx: Staff) =>
  ctx.principal.roles.some((g) => g.role === 'admin' || g.role === 'propaganda_staff') ? 'propaganda' : 'staff';

/**
 * The unit a report is read for: the one named, which the caller must reach (a role for it or a
 * unit above it; the units it carries on are reached through it), or the caller's own. Only an
 * administrator reads every unit at once.
 */
async function reportUnit(ctx: Staff, unitId: string | undefined): Promise<string | undefined> {
  if (isAdmin(ctx)) return unitId;
  const unit = unitId ?? ownUnit(ctx, READERS) ?? undefined;
  await assertUnitAccess(ctx, unit ?? null, READERS);
  return unit;
}

/**
 * Reports of a period for a unit and everything within it, following successor links (ADR 0033),
 * the plan they measure against and the propaganda output they count. `training` and `published`
 * are public (aggregates only); the rest is for the unit's staff.
 */
export const reportsRouter = {
  /** The training figures and sentence (public): the period report's, cut down. */
  training: publicProcedure.input(reportInput).query(({ ctx, input }) => ctx.polcenter.reports.training(input)),
  /** The published subset of the period report (public; `<pc-stats>`): aggregates only. */
  published: publicProcedure
    .input(publishedReportInput)
    .query(({ ctx, input }) => ctx.polcenter.reports.published(input)),
  /** Every figure of the period for a unit the caller reaches (their own when none is named). */
  period: readers.input(periodReportInput).query(async ({ ctx, input }) => {
    const unitId = await reportUnit(ctx, input.unitId);
    return ctx.polcenter.reports.period(
      { from: input.from, to: input.to, ...(unitId ? { unitId } : {}) },
      viewerOf(ctx),
    );
  }),
  /**
   * The same report as a file (`{ fileName, mimeType, base64 }`): JSON, CSV, XLSX (a sheet per
   * section) or the A4 print view as HTML, in the caller's language.
   */
  file: readers.input(reportFileInput).query(async ({ ctx, input }) => {
    const unitId = await reportUnit(ctx, input.unitId);
    const report = await ctx.polcenter.reports.period(
      { from: input.from, to: input.to, ...(unitId ? { unitId } : {}) },
      viewerOf(ctx),
    );
    const file = await reportFile(report, input.format, ctx.lang);
    return { fileName: file.fileName, mimeType: file.mimeType, base64: file.body.toString('base64') };
  }),
  /** A unit's targets for a year. */
  plan: readers.input(planListInput).query(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, READERS);
    return ctx.polcenter.plans.list(input);
  }),
  /** A new target of a unit's year plan: its center or propaganda staff (or a unit above's). */
  setTarget: planners.input(planTargetInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, PLANNERS);
    return ctx.polcenter.plans.set(actorOf(ctx), input);
  }),
  /** A target corrected on the version read (PLAN.STALE otherwise). */
  updateTarget: planners.input(planTargetUpdateInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.plans.get(input.id)).unitId, PLANNERS);
    return ctx.polcenter.plans.update(actorOf(ctx), input);
  }),
  /** A unit's own propaganda output tallies that meet a period. */
  outputs: readers.input(propagandaOutputListInput).query(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, READERS);
    return ctx.polcenter.propagandaOutput.list(input);
  }),
  /** A tally of documents, news, radio items or banners for a period (once per idempotency key). */
  recordOutput: planners.input(propagandaOutputInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.unitId, PLANNERS);
    return once(ctx, 'reports.recordOutput', input, () => ctx.polcenter.propagandaOutput.record(actorOf(ctx), input));
  }),
  updateOutput: planners.input(propagandaOutputUpdateInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.propagandaOutput.get(input.id)).unitId, PLANNERS);
    return ctx.polcenter.propagandaOutput.update(actorOf(ctx), input);
  }),
} satisfies TRPCRouterRecord;
