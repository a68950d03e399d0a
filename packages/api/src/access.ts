import type { Principal, UnitReach } from '@polcenter/core';
import {
  certificateNotFoundError,
  type DomainError,
  enrolmentNotFoundError,
  type Role,
  recordNotFoundError,
} from '@polcenter/domain';
import type { Context } from './context.js';
import { forbidden } from './trpc.js';

type Staff = Context & { principal: Principal };

export const isAdmin = (ctx: Staff): boolean => ctx.principal.roles.some((g) => g.role === 'admin');

/**
 * The units the caller's roles reach: asked once per call (the token check brings it in the same
 * statement), then every check below is answered in memory.
 */
export async function reachOf(ctx: Staff): Promise<UnitReach> {
  const reach = await ctx.reach();
  if (!reach) throw forbidden();
  return reach;
}

/** Whether the caller holds one of `roles` (any, when none given) for this unit or a unit above it. */
export async function mayActOn(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<boolean> {
  return (await reachOf(ctx)).reaches(unitId, roles);
}

/**
 * The one check every procedure that takes an id makes: the caller holds a role (of `roles`, when
 * given) for the object's unit or a unit above it. Objects outside the caller's units are
 * FORBIDDEN, never silently returned.
 */
export async function assertUnitAccess(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<void> {
  if (!(await mayActOn(ctx, unitId, roles))) throw forbidden();
}

/** The same check for every unit a procedure names beyond its first (sites, targets…). */
export async function assertUnitsAccess(
  ctx: Staff,
  unitIds: readonly (string | null | undefined)[],
  roles?: readonly Role[],
): Promise<void> {
  const named = unitIds.filter((id): id is string => Boolean(id));
  if (!(await reachOf(ctx)).reachesAll(named, roles)) throw forbidden();
}

/**
 * The people a procedure names (presenters, entrants, judges, lecturers, new roster members…)
 * belong to units the caller may act on. Ids of nobody pass here: the service answers them with a
 * not-found error naming the field, which tells nothing about other units.
 */
export async function assertPeopleAccess(
  ctx: Staff,
  personIds: readonly (string | null | undefined)[],
  roles?: readonly Role[],
): Promise<void> {
  if (isAdmin(ctx)) return;
  const named = [...new Set(personIds.filter((id): id is string => Boolean(id)))];
  if (named.length === 0) return;
  const units = await ctx.polcenter.people.unitsOf(named);
  if (units.some((unit) => unit === null)) throw forbidden();
  await assertUnitsAccess(ctx, units, roles);
}

/**
 * Reading a unit's own business (a conference, a contest, a class): the caller may act on the unit,
 * or it lies above one of theirs — a commune's staff see the district's business, not another
 * commune's.
 */
export async function maySee(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<boolean> {
  return (await reachOf(ctx)).sees(unitId, roles);
}

export async function assertUnitVisible(ctx: Staff, unitId: string | null, roles?: readonly Role[]): Promise<void> {
  if (!(await maySee(ctx, unitId, roles))) throw forbidden();
}

/**
 * Everything of one class — the class itself, its history, sessions, enrolments, scores,
 * certificates, audit trail — goes through this one rule (docs/api.md, "Who sees a class"):
 * - staff with any role see a class whose organiser is one of their units, below one of them, or
 *   above one of them (a commune's coordinator nominates into the district's classes, so reads
 *   them); anyone else gets `hidden`, which must be the very error an id of no record gets, so an
 *   answer never tells whether a class they may not see exists (404, not 403);
 * - acting (`roles` given) needs one of `roles` for the organiser or a unit above it: seeing the
 *   class but not holding the role is 403 AUTH.FORBIDDEN.
 * Administrators see and act on every class.
 */
export async function assertClassAccess(
  ctx: Staff,
  organiserUnitId: string,
  hidden: () => DomainError,
  roles?: readonly Role[],
): Promise<void> {
  classAccess(await reachOf(ctx), organiserUnitId, hidden, roles);
}

/** `assertClassAccess` on a reach already in hand (a check made inside a service's work). */
export function classAccess(
  reach: UnitReach,
  organiserUnitId: string,
  hidden: () => DomainError,
  roles?: readonly Role[],
): void {
  if (!reach.sees(organiserUnitId)) throw hidden();
  if (roles && !reach.reaches(organiserUnitId, roles)) throw forbidden();
}

/** What a hidden class is answered with: the very error of an id of no class. */
export const classHidden = (classId: string, field = 'classId'): DomainError =>
  recordNotFoundError('CLASS.NOT_FOUND', CLASS, classId, field);

/** A class, named by its id: the answer for one hidden is CLASS.NOT_FOUND, as for an id of no class. */
export async function assertClassIdAccess(ctx: Staff, classId: string, roles?: readonly Role[]): Promise<void> {
  const organiser = await ctx.polcenter.classes.organiserOf(classId);
  await assertClassAccess(ctx, organiser, () => classHidden(classId), roles);
}

/** A class, named by one of its sessions. */
export async function assertSessionAccess(ctx: Staff, sessionId: string, roles?: readonly Role[]): Promise<void> {
  const { organiserUnitId } = await ctx.polcenter.classes.sessionOwner(sessionId);
  await assertClassAccess(
    ctx,
    organiserUnitId,
    () => recordNotFoundError('CLASS.NOT_FOUND', SESSION, sessionId, 'sessionId'),
    roles,
  );
}

/** A class, named by one of its enrolments; the enrolment is returned for the procedure's use. */
export async function assertEnrolmentAccess(ctx: Staff, enrolmentId: string, roles?: readonly Role[]) {
  const enrolment = await ctx.polcenter.enrolment.get(enrolmentId);
  const organiser = await ctx.polcenter.classes.organiserOf(enrolment.classId);
  await assertClassAccess(ctx, organiser, () => enrolmentNotFoundError(enrolmentId, 'id'), roles);
  return enrolment;
}

/** A class, named by one of its certificates; the certificate is returned for the procedure's use. */
export async function assertCertificateAccess(ctx: Staff, certificateId: string, roles?: readonly Role[]) {
  const certificate = await ctx.polcenter.certificates.get(certificateId);
  const organiser = await ctx.polcenter.classes.organiserOf(certificate.classId);
  await assertClassAccess(ctx, organiser, () => certificateNotFoundError(certificateId, 'id'), roles);
  return certificate;
}

const CLASS = { vi: 'lớp', en: 'class' };
const SESSION = { vi: 'buổi học', en: 'session' };

/** The unit a non-admin means when they name none: the first their roles are for. */
export function ownUnit(ctx: Staff, roles?: readonly Role[]): string | null {
  return ctx.principal.roles.find((g) => g.unitId && (!roles || roles.includes(g.role)))?.unitId ?? null;
}
