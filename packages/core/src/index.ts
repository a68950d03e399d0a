export { type Actor, SYSTEM_ACTOR } from './actor.js';
export { type AuditEntry, audit } from './audit.js';
export { type ErrorSummary, isDatabaseUnavailable, summariseError } from './db-errors.js';
export * from './entities/index.js';
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm.js';
export { createPolCenter, type PolCenter, type PolCenterOptions } from './polcenter.js';
export { describeSeed, type SeedReport, seedDemo } from './seed/demo.js';
export {
  ActivityService,
  type BriefingView,
  type ConferenceView,
  type ContestStanding,
  type ContestView,
  type OpinionFilter,
  type OpinionReportView,
} from './services/activities.js';
export { AssignmentService, type AssignmentView } from './services/assignments.js';
export { type AttendanceLine, AttendanceService, type AttendanceSheetView } from './services/attendance.js';
export { type AuditTrailEntry, AuditTrailService } from './services/audit-trail.js';
export {
  type ApiTokenView,
  AuthService,
  type CreatedApiToken,
  type Principal,
  type SignedIn,
  type TokenInUse,
} from './services/auth.js';
export {
  CertificateService,
  type CertificateView,
  type PrintableCertificate,
  type PublicCertificateView,
} from './services/certificates.js';
export {
  type CatalogEntry,
  ClassService,
  type ClassSessionView,
  type ClassSiteView,
  type ClassTransitionRecord,
  type ClassView,
  catalogQuery,
} from './services/classes.js';
export {
  EnrolmentService,
  type EnrolmentView,
  type NominationResult,
  type RequestOptions,
  type WithdrawalResult,
} from './services/enrolment.js';
export { IdempotencyService } from './services/idempotency.js';
export {
  type ImportOptions,
  type ImportProblem,
  type ImportReport,
  ImportService,
  type ImportSkip,
} from './services/imports.js';
export {
  BACKUP_FORMAT,
  type BackupHeader,
  type RestoreReport,
  restoreBackup,
  writeBackup,
} from './services/imports-backup.js';
export {
  CLASS_EXPORT_FIELDS,
  type ClassExportField,
  ENROLMENT_EXPORT_FIELDS,
  type EnrolmentExportField,
  type ExportOptions,
  ExportService,
  type ExportTable,
} from './services/imports-export.js';
export {
  ObligationService,
  type ObligationView,
  type ShortfallReport,
  type ShortfallView,
} from './services/obligations.js';
export {
  type CreatePersonOptions,
  type DuplicateHit,
  PeopleService,
  type PersonRecord,
  type PersonView,
} from './services/people.js';
export { ProgramService, type ProgramView, seedDefaultPrograms } from './services/programs.js';
export {
  type RegistrationReceipt,
  type RegistrationReview,
  RegistrationService,
  type ReviewReason,
} from './services/registration.js';
export { ReportService, type TrainingReport } from './services/reports.js';
export { ResultService, type ResultView, type ScoreLine, type ScoresView } from './services/results.js';
export {
  type DecisionItemView,
  type DecisionView,
  type MembershipView,
  type RosterAtView,
  type RosterMemberView,
  RosterService,
  type RosterView,
} from './services/rosters.js';
export { UnitService, type UnitView } from './services/units.js';
