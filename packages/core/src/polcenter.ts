import { ActivityService } from './activities/activities.js';
import { AssignmentService } from './assignments/assignments.js';
import { AuditTrailService } from './audit/audit-trail.js';
import { AccountService } from './auth/accounts.js';
import { type AuthOptions, AuthService } from './auth/auth.js';
import { CertificateService } from './certificates/certificates.js';
import { ClassService } from './classes/classes.js';
import { TimetableService } from './classes/timetable-service.js';
import { EnrolmentService } from './enrolment/enrolment.js';
import { RegistrationService } from './enrolment/registration.js';
import { ExportService } from './imports/exports.js';
import { ImportJobService } from './imports/import-jobs.js';
import { ImportService } from './imports/imports.js';
import { IdempotencyService } from './kernel/idempotency.js';
import { migrate } from './migrate.js';
import { ObligationService } from './obligations/obligations.js';
import { createOrm, type Orm } from './orm.js';
import { PeopleService } from './people/people.js';
import { PlanTargetService } from './plans/plan-targets.js';
import { PropagandaOutputService } from './plans/propaganda-output.js';
import { ProgramService } from './programs/programs.js';
import { ReferenceDataService } from './reference/reference-data.js';
import { ReportService } from './reports/reports.js';
import { AttendanceService } from './results/attendance.js';
import { ResultService } from './results/results.js';
import { RosterService } from './rosters/rosters.js';
import { UnitService } from './units/units.js';
import { WorkService } from './work/work.js';

export interface PolCenterOptions {
  /** Any PostgreSQL 15+; the server app starts an embedded one when the user gives none. */
  readonly databaseUrl: string;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  readonly poolSize?: number;
  /** Log SQL statements, without their values. */
  readonly debug?: boolean;
  /** How long a call waits for a pooled connection (default 10 s) before it fails as unavailable. */
  readonly acquireTimeoutMs?: number;
  /**
   * The portal page where the public checks a certificate; printed certificates carry a QR code
   * of it with `?code=` (see `CertificateOptions.checkUrl`).
   */
  readonly certificateCheckUrl?: string | null | (() => string | null);
  /** Sign-in sessions: absolute and idle limits (12 hours, 30 minutes by default). */
  readonly auth?: AuthOptions;
}

/** The library, ready to use: typed services over one connection pool. */
export interface PolCenter {
  /**
   * @internal The MikroORM under the services: the workspace's tests and the server reach it here;
   * an app outside uses `ormOf(polcenter)` from `@polcenter/core/orm`, so that only a program that
   * asks for MikroORM loads its types (ADR 0032).
   */
  readonly orm: Orm;
  readonly units: UnitService;
  /** Unit levels, roster levels, program kinds, fields of expertise, ethnic groups: rows admins edit. */
  readonly reference: ReferenceDataService;
  readonly people: PeopleService;
  readonly programs: ProgramService;
  readonly classes: ClassService;
  /** Nominate, request, approve, reject, withdraw (with waitlist promotion), lists. */
  readonly enrolment: EnrolmentService;
  /** Self-registration through the portal, answered alike whatever is on file (ADR 0014). */
  readonly registration: RegistrationService;
  /** 6-month and annual figures, and what the portal may publish: counts, never a person. */
  readonly reports: ReportService;
  /** The year's plan targets a unit reports against. */
  readonly plans: PlanTargetService;
  /** Documents, news, radio items and banners a unit tallies per period. */
  readonly propagandaOutput: PropagandaOutputService;
  /** Attendance per session, one mark or a whole sheet. */
  readonly attendance: AttendanceService;
  /** Scores, and results by the program's rules. */
  readonly results: ResultService;
  /** Gap-free numbered certificates, revocation, public verification, printable data. */
  readonly certificates: CertificateService;
  readonly auth: AuthService;
  /** Staff accounts as administrators keep them (roles, disabling, password resets, sessions). */
  readonly accounts: AccountService;
  readonly auditTrail: AuditTrailService;
  readonly idempotency: IdempotencyService;
  /** Rapporteur rosters and the decisions that shape them. */
  readonly rosters: RosterService;
  /** Lecturers and rapporteurs assigned to class sessions, never double-booked. */
  readonly assignments: AssignmentService;
  /** A class's timetable as staff edit it: sessions edited and removed one at a time, with who teaches. */
  readonly timetable: TimetableService;
  /** Briefings, public-opinion reports, conferences, contests, workload. */
  readonly activities: ActivityService;
  /** Rapporteurs' obligations as data, and who falls short. */
  readonly obligations: ObligationService;
  /** People and enrolments from files: every row checked, all-or-nothing, audited. */
  readonly imports: ImportService;
  /** Imports started from the console: the file read once, a dry run, then the import, with progress any process can read. */
  readonly importJobs: ImportJobService;
  /** Whole tables for files; personal fields only when asked for, and then audited. */
  readonly exports: ExportService;
  /** What needs doing now in a person's units: the console's start page. */
  readonly work: WorkService;
  /** Runs a cheap query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createPolCenter(options: PolCenterOptions): Promise<PolCenter> {
  const orm = await createOrm(options);
  try {
    if (options.migrate ?? true) await migrate(orm);
  } catch (error) {
    await orm.close();
    throw error;
  }
  const people = new PeopleService(orm);
  const classes = new ClassService(orm);
  const enrolment = new EnrolmentService(orm);
  const auth = new AuthService(orm, options.auth);
  const imports = new ImportService(orm);
  const importJobs = new ImportJobService(orm, imports);
  return {
    orm,
    units: new UnitService(orm),
    reference: new ReferenceDataService(orm),
    people,
    programs: new ProgramService(orm),
    classes,
    enrolment,
    registration: new RegistrationService(orm, people, enrolment),
    reports: new ReportService(orm),
    plans: new PlanTargetService(orm),
    propagandaOutput: new PropagandaOutputService(orm),
    attendance: new AttendanceService(orm),
    results: new ResultService(orm),
    certificates: new CertificateService(orm, { checkUrl: options.certificateCheckUrl ?? null }),
    auth,
    accounts: new AccountService(orm, auth),
    auditTrail: new AuditTrailService(orm),
    idempotency: new IdempotencyService(orm),
    rosters: new RosterService(orm),
    assignments: new AssignmentService(orm),
    timetable: new TimetableService(orm),
    activities: new ActivityService(orm),
    obligations: new ObligationService(orm),
    imports,
    importJobs,
    exports: new ExportService(orm),
    work: new WorkService(orm),
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
    async close() {
      await importJobs.settled();
      await orm.close();
    },
  };
}
