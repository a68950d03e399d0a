import type { EntitySchema } from '@mikro-orm/core';
import {
  BriefingAudienceSchema,
  BriefingPersonSchema,
  BriefingSchema,
  ConferenceAttendanceSchema,
  ConferenceSchema,
  ConferenceSiteSchema,
  ContestCategorySchema,
  ContestEntrantSchema,
  ContestJudgeSchema,
  ContestSchema,
  ContestScoreSchema,
  OpinionReportPersonSchema,
  OpinionReportSchema,
} from './activities/entities.js';
import { TeachingAssignmentSchema } from './assignments/entities.js';
import { AuditLogSchema } from './audit/entities.js';
import { AppUserSchema, AuthTokenSchema, UserRoleSchema } from './auth/entities.js';
import { CertificateSchema } from './certificates/entities.js';
import { ClassSessionSchema, ClassSiteSchema, TrainingClassSchema } from './classes/entities.js';
import { AttendanceSchema, EnrolmentSchema, ScoreSchema } from './enrolment/entities.js';
import { ObligationSchema } from './obligations/entities.js';
import { PersonSchema } from './people/entities.js';
import { ProgramSchema, ProgramTopicSchema } from './programs/entities.js';
import { RosterDecisionItemSchema, RosterDecisionSchema, RosterSchema } from './rosters/entities.js';
import { UnitLevelSchema, UnitSchema } from './units/entities.js';
import { UnitLinkSchema } from './units/link-entities.js';

export * from './activities/entities.js';
export * from './assignments/entities.js';
export * from './audit/entities.js';
export * from './auth/entities.js';
export * from './certificates/entities.js';
export * from './classes/entities.js';
export * from './enrolment/entities.js';
export * from './obligations/entities.js';
export * from './people/entities.js';
export * from './programs/entities.js';
export * from './rosters/entities.js';
export * from './units/entities.js';
export * from './units/link-entities.js';

/** The rapporteur features' entities (rosters, activities, obligations, assignments), in their registration order. */
// biome-ignore lint/suspicious/noExplicitAny: a list of schemas of different entities.
export const ROSTER_ENTITIES: EntitySchema<any, any>[] = [
  RosterSchema,
  RosterDecisionSchema,
  RosterDecisionItemSchema,
  BriefingSchema,
  BriefingPersonSchema,
  BriefingAudienceSchema,
  OpinionReportSchema,
  OpinionReportPersonSchema,
  ConferenceSchema,
  ConferenceSiteSchema,
  ConferenceAttendanceSchema,
  ContestSchema,
  ContestCategorySchema,
  ContestEntrantSchema,
  ContestJudgeSchema,
  ContestScoreSchema,
  ObligationSchema,
  TeachingAssignmentSchema,
];

/** Every entity, registered explicitly (bundles and tests stay predictable). */
// Typed as a list of schemas: its inferred type, every entity's in full, is more than a declaration
// file can hold (TS7056).
// biome-ignore lint/suspicious/noExplicitAny: a list of schemas of different entities.
export const ENTITIES: EntitySchema<any, any>[] = [
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
