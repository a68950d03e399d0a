import { z } from 'zod';
import { formatDate } from './calendar.js';
import { type EnrolmentWindow, enrolmentWindowState } from './classes.js';
import { CLASS_STATUS_NAMES } from './classes-terms.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { checkEligibility, describeIneligibility, type EligibilitySubject } from './programs.js';
import type { EligibilityRule } from './programs-terms.js';
import { text } from './text.js';
import { describeSession, type SessionTime } from './timetable.js';

/**
 * An enrolment is one person in one class, from nomination or request to result. A unit
 * nominates (*cử đi học*) or the person requests through the portal; staff approve, or the
 * class being full puts them on the waitlist.
 */

/** Approved while seats remain, waitlisted once they are taken: never over capacity. */
export function admissionFor(seats: { readonly capacity: number; readonly taken: number }): 'approved' | 'waitlisted' {
  return seats.taken < seats.capacity ? 'approved' : 'waitlisted';
}

/**
 * Waitlist order: first requested, first promoted; the id breaks ties between requests made
 * in the same instant, so every server agrees on who is next.
 */
export function compareWaitlist(
  a: { readonly requestedAt: Date | string; readonly id: string },
  b: { readonly requestedAt: Date | string; readonly id: string },
): number {
  const x = new Date(a.requestedAt).getTime();
  const y = new Date(b.requestedAt).getTime();
  return x - y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// — Refusals, each a typed error with its sentence in both languages —

/** ENROLMENT.CLASS_NOT_OPEN: the class is not taking enrolments in its present status. */
export function classNotOpenError(status: EnrolmentWindow['status']): DomainError {
  const name = CLASS_STATUS_NAMES[status];
  return new DomainError(
    'ENROLMENT.CLASS_NOT_OPEN',
    {
      vi: `Lớp không nhận đăng ký (trạng thái: ${name.vi.toLowerCase()}).`,
      en: `The class is not taking enrolments (status: ${name.en.toLowerCase()}).`,
    },
    { details: { status } },
  );
}

/** ENROLMENT.WINDOW_CLOSED: outside the enrolment window, saying when it opens or closed. */
export function windowClosedError(cls: EnrolmentWindow, today: string): DomainError {
  const state = enrolmentWindowState(cls, today);
  const text: LocalizedText =
    state === 'before' && cls.enrolmentOpensOn
      ? {
          vi: `Lớp bắt đầu nhận đăng ký từ ngày ${formatDate(cls.enrolmentOpensOn)}.`,
          en: `Enrolment opens on ${formatDate(cls.enrolmentOpensOn)}.`,
        }
      : {
          vi: `Đã hết hạn đăng ký${cls.enrolmentClosesOn ? ` (ngày ${formatDate(cls.enrolmentClosesOn)})` : ''}.`,
          en: `Enrolment has closed${cls.enrolmentClosesOn ? ` (on ${formatDate(cls.enrolmentClosesOn)})` : ''}.`,
        };
  return new DomainError('ENROLMENT.WINDOW_CLOSED', text, {
    details: { opensOn: cls.enrolmentOpensOn ?? null, closesOn: cls.enrolmentClosesOn ?? null, today },
  });
}

/**
 * Throws unless the class takes enrolments on `today`: status open, inside its window.
 * Staff nominating after the window closes is a decision for the service, not a rule here.
 */
export function assertOpenForEnrolment(cls: EnrolmentWindow, today: string): void {
  if (cls.status !== 'open') throw classNotOpenError(cls.status);
  if (enrolmentWindowState(cls, today) !== 'open') throw windowClosedError(cls, today);
}

/**
 * ENROLMENT.CLASS_FULL: said to whoever asks for a seat directly. (Requests through the normal
 * path are waitlisted instead; this is for explicit "approve now" over capacity.)
 */
export function classFullError(capacity: number): DomainError {
  return new DomainError(
    'ENROLMENT.CLASS_FULL',
    { vi: `Lớp đã đủ ${capacity} học viên.`, en: `The class is full (${capacity} seats).` },
    { details: { capacity } },
  );
}

/**
 * Throws ENROLMENT.ALREADY_PASSED when that is a reason (it is the one the person most needs to
 * hear), else ENROLMENT.NOT_ELIGIBLE listing every reason; returns quietly when eligible.
 */
export function assertEligible(
  program: { readonly code: string; readonly name?: LocalizedText; readonly eligibility: EligibilityRule },
  person: EligibilitySubject,
  programNames: Readonly<Record<string, LocalizedText>> = {},
): void {
  const reasons = checkEligibility(program, person);
  if (reasons.length === 0) return;
  const names = program.name ? { [program.code]: program.name, ...programNames } : programNames;
  if (reasons.some((r) => r.code === 'already_passed')) {
    const name = names[program.code] ?? { vi: program.code, en: program.code };
    throw new DomainError(
      'ENROLMENT.ALREADY_PASSED',
      {
        vi: `Người này đã hoàn thành chương trình ${name.vi}, không cần học lại.`,
        en: `This person has already passed ${name.en} and need not take it again.`,
      },
      { details: { program: program.code, reasons } },
    );
  }
  const sentences = reasons.map((r) => describeIneligibility(r, names));
  throw new DomainError(
    'ENROLMENT.NOT_ELIGIBLE',
    {
      vi: `Không đủ điều kiện tham gia: ${sentences.map((s) => s.vi).join(' ')}`,
      en: `Not eligible: ${sentences.map((s) => s.en).join(' ')}`,
    },
    { details: { program: program.code, reasons } },
  );
}

/** ENROLMENT.SCHEDULE_CLASH: the person already attends a class with a session at that time. */
export function scheduleClashError(otherClassCode: string, session: SessionTime): DomainError {
  const when = describeSession(session);
  return new DomainError(
    'ENROLMENT.SCHEDULE_CLASH',
    {
      vi: `Trùng lịch với lớp ${otherClassCode} vào buổi ${when.vi}.`,
      en: `Clashes with class ${otherClassCode} on the ${when.en}.`,
    },
    { details: { otherClassCode, date: session.date } },
  );
}

// — Inputs —

const reason = text(500, { multiline: true });

/** A unit sends many of its people to one class at once. */
export const nominationInput = z
  .object({
    classId: z.uuid(),
    unitId: z.uuid(),
    personIds: z
      .array(z.uuid())
      .min(1)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, {
        message: bilingual({ vi: 'Một người bị cử hai lần.', en: 'A person appears twice.' }),
      }),
    note: text(500, { min: 0, multiline: true }).nullish(),
  })
  .strict();
export type NominationInput = z.input<typeof nominationInput>;

/** A person (or staff for them) asks for a seat. */
export const enrolmentRequestInput = z
  .object({ classId: z.uuid(), personId: z.uuid(), note: text(500, { min: 0, multiline: true }).nullish() })
  .strict();
export type EnrolmentRequestInput = z.input<typeof enrolmentRequestInput>;

/** Approve, waitlist, withdraw or promote one enrolment; the reason is optional. */
export const enrolmentActionInput = z.object({ enrolmentId: z.uuid(), reason: reason.nullish() }).strict();
export type EnrolmentActionInput = z.input<typeof enrolmentActionInput>;

/** Rejecting someone always says why: the unit that nominated them will ask. */
export const enrolmentRejectionInput = z.object({ enrolmentId: z.uuid(), reason }).strict();
export type EnrolmentRejectionInput = z.input<typeof enrolmentRejectionInput>;
