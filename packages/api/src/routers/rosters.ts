import {
  annulDecisionInput,
  codeNotFoundError,
  DEFAULT_ROSTER_LEVELS,
  EXPERTISE_FIELDS,
  isoDate,
  memberRecordInput,
  notOneOfError,
  recordRef,
  rosterAtInput,
  rosterDecisionInput,
  rosterInput,
  rosterListInput,
  rostersOfInput,
  rosterUpdateInput,
  text,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertPeopleAccess, assertUnitAccess } from '../access.js';
import { actorOf } from '../actor.js';
import { protectedProcedure, publicProcedure, roleProcedure } from '../trpc.js';

const PROPAGANDA = ['propaganda_staff'] as const;
const propaganda = roleProcedure(...PROPAGANDA);
const UNIT = { vi: 'đơn vị', en: 'unit' };
const ROSTER_LEVEL = { vi: 'cấp báo cáo viên', en: 'roster level' };
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
          ownerUnitCode: text(40),
          level: text(40),
          date: isoDate.optional(),
          field: z.enum(EXPERTISE_FIELDS).optional(),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const owner = await ctx.polcenter.units.findByCode(input.ownerUnitCode);
      if (!owner) throw codeNotFoundError('UNIT.NOT_FOUND', UNIT, input.ownerUnitCode, 'ownerUnitCode');
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
      if (!at) {
        // No roster then; but a level no roster has ever had is a typo worth saying, with the levels there are.
        const levels = new Set(DEFAULT_ROSTER_LEVELS.map((l) => l.code));
        for (const r of await ctx.polcenter.rosters.list({ ownerUnitId: owner.id })) levels.add(r.level);
        if (!levels.has(input.level)) throw notOneOfError('level', ROSTER_LEVEL, input.level, [...levels]);
        return { roster: null, members: [] };
      }
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
  /**
   * Roster headers (level, owner, term) of any unit, for any signed-in caller: no more than the
   * public roster shows. Members and decisions are scoped (`at`, `decisions`).
   */
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
  /**
   * A member's page: the rosters they sit on at a date, every decision that named them, their
   * briefings of a year. For staff of the person's unit or a unit above it, as `rostersOf`.
   */
  member: roleProcedure(...STAFF)
    .input(memberRecordInput)
    .query(async ({ ctx, input }) => {
      const person = await ctx.polcenter.people.get(input.personId);
      await assertUnitAccess(ctx, person.unitId, STAFF);
      return ctx.polcenter.rosters.member(input);
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
  /** Corrects a roster's level, term or name (its owner's propaganda staff), on the version read. */
  update: propaganda.input(rosterUpdateInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(input.id)).ownerUnitId, PROPAGANDA);
    return ctx.polcenter.rosters.update(actorOf(ctx), input);
  }),
  recordDecision: propaganda.input(rosterDecisionInput).mutation(async ({ ctx, input }) => {
    await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(input.rosterId)).ownerUnitId, PROPAGANDA);
    // A transfer changes the roster moved to as well: it must be the caller's too, or its owner would
    // gain a member it never decided on.
    for (const target of new Set(input.items.flatMap((item) => (item.toRosterId ? [item.toRosterId] : [])))) {
      await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(target)).ownerUnitId, PROPAGANDA);
    }
    // Whom a decision adds or re-appoints is someone the caller keeps. Whom it removes or transfers
    // must sit on this roster (the service checks it against the roster), wherever they live now.
    // `annulsDecisionId` must name a decision of this same roster (checked by the service too).
    await assertPeopleAccess(
      ctx,
      input.items.filter((item) => item.change === 'add' || item.change === 'reappoint').map((item) => item.personId),
      PROPAGANDA,
    );
    return ctx.polcenter.rosters.recordDecision(actorOf(ctx), input);
  }),
  annul: propaganda.input(annulDecisionInput).mutation(async ({ ctx, input }) => {
    const decision = await ctx.polcenter.rosters.decision(input.decisionId);
    await assertUnitAccess(ctx, (await ctx.polcenter.rosters.get(decision.rosterId)).ownerUnitId, ['propaganda_staff']);
    return ctx.polcenter.rosters.annul(actorOf(ctx), input);
  }),
} satisfies TRPCRouterRecord;
