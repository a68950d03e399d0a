import {
  annulDecisionInput,
  EXPERTISE_FIELDS,
  isoDate,
  recordRef,
  rosterAtInput,
  rosterDecisionInput,
  rosterInput,
  rosterListInput,
  rostersOfInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertUnitAccess } from '../access';
import { actorOf } from '../actor';
import { protectedProcedure, publicProcedure, roleProcedure } from '../trpc';

const propaganda = roleProcedure('propaganda_staff');
const STAFF = ['propaganda_staff', 'center_staff', 'unit_coordinator'] as const;

/**
 * Rapporteur rosters: the propaganda department records the decisions that shape them; staff of a
 * unit read its rosters; the public sees who the rapporteurs are and their fields, nothing more.
 */
export const rostersRouter = {
  /** The public roster: names, fields of expertise, position and unit — no personal data. */
  public: publicProcedure
    .input(
      z
        .object({
          ownerUnitCode: z.string().trim().min(1).max(40),
          level: z.string().trim().min(1).max(40),
          date: isoDate.optional(),
          field: z.enum(EXPERTISE_FIELDS).optional(),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const owner = await ctx.polcenter.units.findByCode(input.ownerUnitCode);
      if (!owner) return { roster: null, members: [] };
      const at = await ctx.polcenter.rosters
        .rosterAt({
          ownerUnitId: owner.id,
          level: input.level,
          date: input.date ?? new Date().toISOString().slice(0, 10),
        })
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === 'ROSTER.NOT_FOUND') return null;
          throw error;
        });
      if (!at) return { roster: null, members: [] };
      const members = at.members
        .filter((m) => !input.field || m.fields.includes(input.field))
        .map((m) => ({ fullName: m.fullName, fields: m.fields, position: m.position, unitName: m.unitName }));
      return {
        roster: {
          level: at.roster.level,
          levelName: at.roster.levelName,
          owner: at.roster.ownerUnitName,
          term: `${at.roster.termStartYear}–${at.roster.termEndYear}`,
        },
        date: at.date,
        members,
      };
    }),
  list: protectedProcedure.input(rosterListInput).query(({ ctx, input }) => ctx.polcenter.rosters.list(input)),
  get: protectedProcedure.input(recordRef).query(({ ctx, input }) => ctx.polcenter.rosters.get(input.id)),
  at: roleProcedure(...STAFF)
    .input(rosterAtInput)
    .query(async ({ ctx, input }) => {
      const ownerUnitId = input.rosterId
        ? (await ctx.polcenter.rosters.get(input.rosterId)).ownerUnitId
        : input.ownerUnitId;
      await assertUnitAccess(ctx, ownerUnitId ?? null, STAFF);
      return ctx.polcenter.rosters.rosterAt(input);
    }),
  rostersOf: roleProcedure(...STAFF)
    .input(rostersOfInput)
    .query(async ({ ctx, input }) => {
      const person = await ctx.polcenter.people.get(input.personId);
      await assertUnitAccess(ctx, person.unitId, STAFF);
      return ctx.polcenter.rosters.rostersOf(input.personId, input.date);
    }),
  decisions: roleProcedure(...STAFF)
    .input(recordRef)
    .query(async ({ ctx, input }) => {
      await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(input.id)).ownerUnitId, STAFF);
      return ctx.polcenter.rosters.decisions(input.id);
    }),
  create: propaganda.input(rosterInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, input.ownerUnitId, ['propaganda_staff']);
    return ctx.polcenter.rosters.create(actorOf(ctx), input);
  }),
  recordDecision: propaganda.input(rosterDecisionInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(input.rosterId)).ownerUnitId, ['propaganda_staff']);
    return ctx.polcenter.rosters.recordDecision(actorOf(ctx), input);
  }),
  annul: propaganda.input(annulDecisionInput).mutation(async ({ ctx, input }) => {
    const decision = await ctx.polcenter.rosters.decision(input.decisionId);
    await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(decision.rosterId)).ownerUnitId, ['propaganda_staff']);
    return ctx.polcenter.rosters.annul(actorOf(ctx), input);
  }),
} satisfies TRPCRouterRecord;
