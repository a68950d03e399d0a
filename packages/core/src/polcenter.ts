import { migrate } from './migrate';
import { createOrm, type Orm } from './orm';
import { ActivityService } from './services/activities';
import { AssignmentService } from './services/assignments';
import { AuthService } from './services/auth';
import { ClassService } from './services/classes';
import { IdempotencyService } from './services/idempotency';
import { ObligationService } from './services/obligations';
import { PeopleService } from './services/people';
import { ProgramService } from './services/programs';
import { RosterService } from './services/rosters';
import { UnitService } from './services/units';

export interface PolCenterOptions {
  /** Any PostgreSQL 15+; the server app starts an embedded one when the user gives none. */
  readonly databaseUrl: string;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  readonly poolSize?: number;
  readonly debug?: boolean;
}

/** The library, ready to use: typed services over one connection pool. */
export interface PolCenter {
  readonly orm: Orm;
  readonly units: UnitService;
  readonly people: PeopleService;
  readonly programs: ProgramService;
  readonly classes: ClassService;
  readonly auth: AuthService;
  readonly idempotency: IdempotencyService;
  /** Rapporteur rosters and the decisions that shape them. */
  readonly rosters: RosterService;
  /** Lecturers and rapporteurs assigned to class sessions, never double-booked. */
  readonly assignments: AssignmentService;
  /** Briefings, public-opinion reports, conferences, contests, workload. */
  readonly activities: ActivityService;
  /** Rapporteurs' obligations as data, and who falls short. */
  readonly obligations: ObligationService;
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
  return {
    orm,
    units: new UnitService(orm),
    people: new PeopleService(orm),
    programs: new ProgramService(orm),
    classes: new ClassService(orm),
    auth: new AuthService(orm),
    idempotency: new IdempotencyService(orm),
    rosters: new RosterService(orm),
    assignments: new AssignmentService(orm),
    activities: new ActivityService(orm),
    obligations: new ObligationService(orm),
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
    close: () => orm.close(),
  };
}
