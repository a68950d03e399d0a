import { AuditLogSchema } from './audit.js';
import { AppUserSchema, AuthTokenSchema, UserRoleSchema } from './auth.js';
import { CertificateSchema } from './certificates.js';
import { ClassSessionSchema, ClassSiteSchema, TrainingClassSchema } from './classes.js';
import { AttendanceSchema, EnrolmentSchema, ScoreSchema } from './enrolment.js';
import { PersonSchema } from './people.js';
import { ProgramSchema, ProgramTopicSchema } from './programs.js';
import { ROSTER_ENTITIES } from './rosters.js';
import { UnitLevelSchema, UnitSchema } from './unit.js';
import { UnitLinkSchema } from './unit-link.js';

export * from './audit.js';
export * from './auth.js';
export * from './certificates.js';
export * from './classes.js';
export * from './enrolment.js';
export * from './people.js';
export * from './programs.js';
export * from './rosters.js';
export * from './unit.js';
export * from './unit-link.js';

/** Every entity, registered explicitly (bundles and tests stay predictable). */
export const ENTITIES = [
  UnitLevelSchema,
  UnitSchema,
  UnitLinkSchema,
  PersonSchema,
  ProgramSchema,
  ProgramTopicSchema,
  TrainingClassSchema,
  ClassSiteSchema,
  ClassSessionSchema,
  EnrolmentSchema,
  AttendanceSchema,
  ScoreSchema,
  CertificateSchema,
  AuditLogSchema,
  AppUserSchema,
  UserRoleSchema,
  AuthTokenSchema,
  ...ROSTER_ENTITIES,
];
