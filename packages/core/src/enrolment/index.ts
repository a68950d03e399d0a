/** `@polcenter/core/enrolment`: nominations and requests, decisions, the waitlist; self-registration from the portal. */

export {
  EnrolmentService,
  type EnrolmentView,
  type NominationResult,
  type RequestOptions,
  type RequestOwners,
  type WithdrawalResult,
} from './enrolment.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export {
  type RegistrationReceipt,
  type RegistrationReview,
  RegistrationService,
  type ReviewReason,
} from './registration.js';
