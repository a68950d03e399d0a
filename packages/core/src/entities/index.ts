import { AuditLogSchema } from './audit';
import { AppUserSchema, AuthTokenSchema, UserRoleSchema } from './auth';
import { CertificateSchema } from './certificates';
import { ClassSessionSchema, ClassSiteSchema, TrainingClassSchema } from './classes';
import { AttendanceSchema, EnrolmentSchema, ScoreSchema } from './enrolment';
import { PersonSchema } from './people';
import { ProgramSchema, ProgramTopicSchema } from './programs';
import { ROSTER_ENTITIES } from './rosters';
import { UnitLevelSchema, UnitSchema } from './unit';
import { UnitLinkSchema } from './unit-link';

export * from './audit';
export * from './auth';
export * from './certificates';
export * from './classes';
export * from './enrolment';
export * from './people';
export * from './programs';
export * from './rosters';
export * from './unit';
export * from './unit-link';

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
