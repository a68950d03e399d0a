import {
  attendanceMarkInput,
  attendanceSheetInput,
  certificateIssueInput,
  certificateLookupInput,
  certificateRevocationInput,
  classWorkInput,
  recordRef,
  scoreGridInput,
  scoreSheetInput,
} from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertCertificateAccess, assertClassIdAccess, assertEnrolmentAccess, assertSessionAccess } from '../access.js';
import { actorOf } from '../actor.js';
import type { Context } from '../context.js';
import { once } from '../idempotency.js';
import { publicProcedure, roleProcedure } from '../trpc.js';

const center = roleProcedure('center_staff');
type Staff = Context & { principal: NonNullable<Context['principal']> };

const CENTER = ['center_staff'] as const;
const byClass = (ctx: Staff, classId: string) => assertClassIdAccess(ctx, classId, CENTER);
const bySession = (ctx: Staff, sessionId: string) => assertSessionAccess(ctx, sessionId, CENTER);
const byEnrolment = (ctx: Staff, enrolmentId: string) => assertEnrolmentAccess(ctx, enrolmentId, CENTER);
const byCertificate = (ctx: Staff, certificateId: string) => assertCertificateAccess(ctx, certificateId, CENTER);

/** Attendance per session: one mark, or a whole sheet at once; by the organising center. */
export const attendanceRouter = {
  recordSheet: center.input(attendanceSheetInput).mutation(async ({ ctx, input }) => {
    await bySession(ctx, input.sessionId);
    return ctx.polcenter.attendance.recordSheet(actorOf(ctx), input);
  }),
  /** The console saves each mark as it is typed, retrying with one Idempotency-Key until answered. */
  recordMark: center.input(attendanceMarkInput).mutation(async ({ ctx, input }) => {
    await bySession(ctx, input.sessionId);
    return once(ctx, 'attendance.recordMark', input, () => ctx.polcenter.attendance.recordMark(actorOf(ctx), input));
  }),
  sheet: center.input(z.object({ sessionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await bySession(ctx, input.sessionId);
    return ctx.polcenter.attendance.sheet(input.sessionId);
  }),
} satisfies TRPCRouterRecord;

/** Scores and results computed by the program's rules. */
export const resultsRouter = {
  recordScores: center.input(scoreSheetInput).mutation(async ({ ctx, input }) => {
    await byEnrolment(ctx, input.enrolmentId);
    return ctx.polcenter.results.recordScores(actorOf(ctx), input);
  }),
  scores: center.input(z.object({ enrolmentId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await byEnrolment(ctx, input.enrolmentId);
    return ctx.polcenter.results.scores(input.enrolmentId);
  }),
  /** The class's score grid, a page at a time: scores, attendance so far, results with their reasons. */
  grid: center.input(scoreGridInput).query(async ({ ctx, input }) => {
    await byClass(ctx, input.classId);
    return ctx.polcenter.results.grid(input);
  }),
  computeForClass: center.input(classWorkInput).mutation(async ({ ctx, input }) => {
    await byClass(ctx, input.classId);
    return ctx.polcenter.results.computeForClass(actorOf(ctx), input);
  }),
} satisfies TRPCRouterRecord;

/** Certificates: issued and revoked by the organising center; anyone may verify one by its code. */
export const certificatesRouter = {
  /** Public: validity, holder's name, program, dates and issuer — nothing personal beyond the name. */
  verify: publicProcedure
    .input(certificateLookupInput)
    .query(({ ctx, input }) => ctx.polcenter.certificates.verify(input)),
  issue: center.input(certificateIssueInput).mutation(async ({ ctx, input }) => {
    await byEnrolment(ctx, input.enrolmentId);
    return once(ctx, 'certificates.issue', input, () => ctx.polcenter.certificates.issue(actorOf(ctx), input));
  }),
  issueForClass: center.input(classWorkInput).mutation(async ({ ctx, input }) => {
    await byClass(ctx, input.classId);
    return once(ctx, 'certificates.issueForClass', input, () =>
      ctx.polcenter.certificates.issueForClass(actorOf(ctx), input),
    );
  }),
  revoke: center.input(certificateRevocationInput).mutation(async ({ ctx, input }) => {
    await byCertificate(ctx, input.certificateId);
    return ctx.polcenter.certificates.revoke(actorOf(ctx), input);
  }),
  get: center.input(recordRef).query(async ({ ctx, input }) => {
    return byCertificate(ctx, input.id);
  }),
  /** The data of the printable page: staff only (it carries the birth date). */
  printable: center.input(recordRef).mutation(async ({ ctx, input }) => {
    await byCertificate(ctx, input.id);
    return ctx.polcenter.certificates.printable(input.id);
  }),
  /**
   * The printed certificate as one HTML page (A4 landscape) to print or save as PDF; in the
   * caller's language unless `lang` says otherwise. A mutation like `printable`: it is not cached.
   */
  printPage: center
    .input(z.object({ id: z.uuid(), lang: z.enum(['vi', 'en']).optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await byCertificate(ctx, input.id);
      return ctx.polcenter.certificates.printPage(input.id, input.lang ?? ctx.lang);
    }),
  listForClass: center.input(z.object({ classId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    await byClass(ctx, input.classId);
    return ctx.polcenter.certificates.listForClass(input.classId);
  }),
} satisfies TRPCRouterRecord;
