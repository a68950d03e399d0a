import { z } from 'zod';
import { bilingual } from './errors.js';
import { personInput } from './people.js';
import { NATIONAL_ID_FOR_PORTAL } from './registration-form.js';

/**
 * A person asks for a seat through the portal. They identify themselves by national ID (it finds
 * their record if the district already has one); staff approve the request later. When the class
 * is full the request is taken only if the visitor agreed to the waitlist (`waitlist: true`).
 */
export const selfRegistrationInput = z
  .object({
    classId: z.uuid(),
    person: personInput,
    /** The visitor agrees to wait for a seat if the class is full (else the answer is CLASS_FULL). */
    waitlist: z.boolean().default(false),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.person.nationalId) {
      ctx.addIssue({ code: 'custom', path: ['person', 'nationalId'], message: bilingual(NATIONAL_ID_FOR_PORTAL) });
    }
  });
export type SelfRegistrationInput = z.input<typeof selfRegistrationInput>;

/**
 * What a self-registration answers, whoever asks and whatever the district holds on file:
 * - `requested`: a request is recorded; staff review it and approve a seat;
 * - `waitlisted`: the class was full and the visitor agreed to wait; staff review it, and it takes
 *   a seat in order of request when one frees;
 * - `already_registered`: these very details (national ID, name and birth date) already asked for
 *   this class; the reference is the one given then.
 * The answer never depends on whether a national ID is on file (ADR 0014).
 */
export const REGISTRATION_STATES = ['requested', 'waitlisted', 'already_registered'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
