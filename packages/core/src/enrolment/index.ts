/** `@polcenter/core/enrolment`: nominations and requests, decisions, the waitlist; self-registration from the portal. */

export {
  EnrolmentService,
  type EnrolmentView,
  type NominationResult,
  type RequestOptions,
  type WithdrawalResult,
} from './enrolment.js';
export * from './entities.js';
export {
  type RegistrationReceipt,
  type RegistrationReview,
  RegistrationService,
  type ReviewReason,
} from './registration.js';
