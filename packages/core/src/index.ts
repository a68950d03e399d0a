export {
  ActivityService,
  type BriefingView,
  type ConferenceView,
  type ContestStanding,
  type ContestView,
  type OpinionFilter,
  type OpinionReportView,
} from './activities/activities.js';
export { AssignmentService, type AssignmentView } from './assignments/assignments.js';
export { type AuditTrailEntry, AuditTrailService } from './audit/audit-trail.js';
export {
  type ApiTokenView,
  AuthService,
  type CreatedApiToken,
  type Principal,
  type SignedIn,
  type TokenInUse,
} from './auth/auth.js';
export {
  CertificateService,
  type CertificateView,
  type PrintableCertificate,
  type PublicCertificateView,
} from './certificates/certificates.js';
export {
  type CatalogEntry,
  ClassService,
  type ClassSessionView,
  type ClassSiteView,
  type ClassTransitionRecord,
  type ClassView,
  catalogQuery,
} from './classes/classes.js';
export {
  EnrolmentService,
  type EnrolmentView,
  type NominationResult,
  type RequestOptions,
  type WithdrawalResult,
} from './enrolment/enrolment.js';
export {
  type RegistrationReceipt,
  type RegistrationReview,
  RegistrationService,
  type ReviewReason,
} from './enrolment/registration.js';
export * from './entities.js';
export {
  BACKUP_FORMAT,
  type BackupHeader,
  type RestoreReport,
  restoreBackup,
  writeBackup,
} from './imports/backup.js';
export {
  CLASS_EXPORT_FIELDS,
  type ClassExportField,
  ENROLMENT_EXPORT_FIELDS,
  type EnrolmentExportField,
  type ExportOptions,
  ExportService,
  type ExportTable,
} from './imports/exports.js';
export {
  type ImportOptions,
  type ImportProblem,
  type ImportReport,
  ImportService,
  type ImportSkip,
} from './imports/imports.js';
export { type Actor, SYSTEM_ACTOR } from './kernel/actor.js';
export { type AuditEntry, audit } from './kernel/audit.js';
export { type ErrorSummary, isDatabaseUnavailable, summariseError } from './kernel/db-errors.js';
export { IdempotencyService } from './kernel/idempotency.js';
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export {
  ObligationService,
  type ObligationView,
  type ShortfallReport,
  type ShortfallView,
} from './obligations/obligations.js';
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm.js';
export {
  type CreatePersonOptions,
  type DuplicateHit,
  PeopleService,
  type PersonRecord,
  type PersonView,
} from './people/people.js';
export { createPolCenter, type PolCenter, type PolCenterOptions } from './polcenter.js';
export { ProgramService, type ProgramView, seedDefaultPrograms } from './programs/programs.js';
export { ReportService, type TrainingReport } from './reports/reports.js';
export { type AttendanceLine, AttendanceService, type AttendanceSheetView } from './results/attendance.js';
export { ResultService, type ResultView, type ScoreLine, type ScoresView } from './results/results.js';
export {
  type DecisionItemView,
  type DecisionView,
  type MembershipView,
  type RosterAtView,
  type RosterMemberView,
  RosterService,
  type RosterView,
} from './rosters/rosters.js';
export { describeSeed, type SeedReport, seedDemo } from './seed/demo.js';
export { UnitService, type UnitView } from './units/units.js';
