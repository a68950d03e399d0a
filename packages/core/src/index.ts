export { type Actor, SYSTEM_ACTOR } from './actor';
export { type AuditEntry, audit } from './audit';
export { type ErrorSummary, isDatabaseUnavailable, summariseError } from './db-errors';
export * from './entities';
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate';
export { MIGRATIONS } from './migrations';
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm';
export { createPolCenter, type PolCenter, type PolCenterOptions } from './polcenter';
export { describeSeed, type SeedReport, seedDemo } from './seed/demo';
export {
  ActivityService,
  type BriefingView,
  type ConferenceView,
  type ContestStanding,
  type ContestView,
  type OpinionFilter,
  type OpinionReportView,
} from './services/activities';
export { AssignmentService, type AssignmentView } from './services/assignments';
export { type AttendanceLine, AttendanceService, type AttendanceSheetView } from './services/attendance';
export { type AuditTrailEntry, AuditTrailService } from './services/audit-trail';
export {
  type ApiTokenView,
  AuthService,
  type CreatedApiToken,
  type Principal,
  type SignedIn,
  type TokenInUse,
} from './services/auth';
export {
  CertificateService,
  type CertificateView,
  type PrintableCertificate,
  type PublicCertificateView,
} from './services/certificates';
export {
  type CatalogEntry,
  ClassService,
  type ClassSessionView,
  type ClassSiteView,
  type ClassTransitionRecord,
  type ClassView,
  catalogQuery,
} from './services/classes';
export {
  EnrolmentService,
  type EnrolmentView,
  type NominationResult,
  type RequestOptions,
  type WithdrawalResult,
} from './services/enrolment';
export { IdempotencyService } from './services/idempotency';
export {
  type ImportOptions,
  type ImportProblem,
  type ImportReport,
  ImportService,
  type ImportSkip,
} from './services/imports';
export {
  BACKUP_FORMAT,
  type BackupHeader,
  type RestoreReport,
  restoreBackup,
  writeBackup,
} from './services/imports-backup';
export {
  CLASS_EXPORT_FIELDS,
  type ClassExportField,
  ENROLMENT_EXPORT_FIELDS,
  type EnrolmentExportField,
  type ExportOptions,
  ExportService,
  type ExportTable,
} from './services/imports-export';
export {
  ObligationService,
  type ObligationView,
  type ShortfallReport,
  type ShortfallView,
} from './services/obligations';
export {
  type CreatePersonOptions,
  type DuplicateHit,
  PeopleService,
  type PersonRecord,
  type PersonView,
} from './services/people';
export { ProgramService, type ProgramView, seedDefaultPrograms } from './services/programs';
export {
  type RegistrationReceipt,
  type RegistrationReview,
  RegistrationService,
  type ReviewReason,
} from './services/registration';
export { ReportService, type TrainingReport } from './services/reports';
export { ResultService, type ResultView, type ScoreLine, type ScoresView } from './services/results';
export {
  type DecisionItemView,
  type DecisionView,
  type MembershipView,
  type RosterAtView,
  type RosterMemberView,
  RosterService,
  type RosterView,
} from './services/rosters';
export { UnitService, type UnitView } from './services/units';
