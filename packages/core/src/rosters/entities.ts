import { defineEntity, type InferEntity } from '@mikro-orm/core';
import {
  ASSIGNMENT_ROLES,
  ATTENDANCE_STATUSES,
  AWARDS,
  BRIEFING_MODES,
  CONTEST_ROUNDS,
  type ContestRules,
  type ExpertiseField,
  OBLIGATION_KINDS,
  OPINION_STATUSES,
  ROSTER_CHANGES,
  ROSTER_DECISION_KINDS,
  SENSITIVITIES,
} from '@polcenter/domain';
import { ClassSessionSchema } from '../classes/entities.js';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { UnitSchema } from '../units/entities.js';

/**
 * A roster (*danh sách báo cáo viên / tuyên truyền viên*) of a unit, level and term. Its members
 * are never stored: they are derived from its decisions (RosterService.rosterAt).
 */
export const RosterSchema = defineEntity({
  name: 'Roster',
  tableName: 'roster',
  properties: (p) => ({
    ...recordId(p),
    level: p.string().length(40),
    ownerUnit: p.manyToOne(UnitSchema).ref(),
    termStartYear: p.integer(),
    termEndYear: p.integer(),
    name: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Roster = InferEntity<typeof RosterSchema>;

/** A decision (*quyết định*) that changes a roster; an annulment cancels another one. */
export const RosterDecisionSchema = defineEntity({
  name: 'RosterDecision',
  tableName: 'roster_decision',
  properties: (p) => ({
    ...recordId(p),
    roster: p.manyToOne(RosterSchema).ref(),
    /** Recording order, from a sequence (the database assigns it). */
    seq: p.bigint('number').persist(false).nullable(),
    number: p.string().length(60),
    date: p.date(),
    signer: p.string().length(200),
    kind: p.enum([...ROSTER_DECISION_KINDS]),
    annulsDecision: () => p.manyToOne(RosterDecisionSchema).ref().nullable(),
    note: p.string().length(1000).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type RosterDecisionEntity = InferEntity<typeof RosterDecisionSchema>;

/** One line of a decision: one person and what it does to them. */
export const RosterDecisionItemSchema = defineEntity({
  name: 'RosterDecisionItem',
  tableName: 'roster_decision_item',
  properties: (p) => ({
    ...recordId(p),
    decision: p.manyToOne(RosterDecisionSchema).ref(),
    itemNo: p.integer(),
    person: p.manyToOne(PersonSchema).ref(),
    change: p.enum([...ROSTER_CHANGES]),
    fields: p.array<ExpertiseField>(),
    position: p.string().length(200).nullable(),
    toRoster: p.manyToOne(RosterSchema).ref().nullable(),
  }),
});
export type RosterDecisionItemEntity = InferEntity<typeof RosterDecisionItemSchema>;

/** A briefing at the grassroots (*tuyên truyền miệng*). */
export const BriefingSchema = defineEntity({
  name: 'Briefing',
  tableName: 'briefing',
  properties: (p) => ({
    ...recordId(p),
    date: p.date(),
    unit: p.manyToOne(UnitSchema).ref(),
    topic: p.string().length(300),
    resolution: p.string().length(200).nullable(),
    audienceSize: p.integer(),
    mode: p.enum([...BRIEFING_MODES]),
    note: p.string().length(1000).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Briefing = InferEntity<typeof BriefingSchema>;

export const BriefingPersonSchema = defineEntity({
  name: 'BriefingPerson',
  tableName: 'briefing_person',
  properties: (p) => ({
    briefing: p.manyToOne(BriefingSchema).ref().primary(),
    person: p.manyToOne(PersonSchema).ref().primary(),
  }),
});

/** A public-opinion report (*báo cáo tình hình dư luận xã hội*). */
export const OpinionReportSchema = defineEntity({
  name: 'OpinionReport',
  tableName: 'opinion_report',
  properties: (p) => ({
    ...recordId(p),
    date: p.date(),
    unit: p.manyToOne(UnitSchema).ref(),
    topic: p.string().length(300),
    summary: p.string().length(5000),
    sensitivity: p.enum([...SENSITIVITIES]),
    followUp: p.string().length(2000).nullable(),
    status: p.enum([...OPINION_STATUSES]),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type OpinionReport = InferEntity<typeof OpinionReportSchema>;

export const OpinionReportPersonSchema = defineEntity({
  name: 'OpinionReportPerson',
  tableName: 'opinion_report_person',
  properties: (p) => ({
    report: p.manyToOne(OpinionReportSchema).ref().primary(),
    person: p.manyToOne(PersonSchema).ref().primary(),
  }),
});

/** A periodic rapporteur conference (*hội nghị báo cáo viên định kỳ*). */
export const ConferenceSchema = defineEntity({
  name: 'Conference',
  tableName: 'conference',
  properties: (p) => ({
    ...recordId(p),
    date: p.date(),
    title: p.string().length(300),
    ownerUnit: p.manyToOne(UnitSchema).ref(),
    roster: p.manyToOne(RosterSchema).ref().nullable(),
    mode: p.enum(['in_person', 'online', 'hybrid'] as const),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Conference = InferEntity<typeof ConferenceSchema>;

/** An online site (*điểm cầu*) of a conference. */
export const ConferenceSiteSchema = defineEntity({
  name: 'ConferenceSite',
  tableName: 'conference_site',
  properties: (p) => ({
    ...recordId(p),
    conference: p.manyToOne(ConferenceSchema).ref(),
    name: p.string().length(200),
    unit: p.manyToOne(UnitSchema).ref().nullable(),
  }),
});

export const ConferenceAttendanceSchema = defineEntity({
  name: 'ConferenceAttendance',
  tableName: 'conference_attendance',
  properties: (p) => ({
    conference: p.manyToOne(ConferenceSchema).ref().primary(),
    person: p.manyToOne(PersonSchema).ref().primary(),
    status: p.enum([...ATTENDANCE_STATUSES]),
    site: p.manyToOne(ConferenceSiteSchema).ref().nullable(),
  }),
});

/** A rapporteur contest (*Hội thi báo cáo viên giỏi*); `rules` are the domain's ContestRules. */
export const ContestSchema = defineEntity({
  name: 'Contest',
  tableName: 'contest',
  properties: (p) => ({
    ...recordId(p),
    title: p.string().length(300),
    ownerUnit: p.manyToOne(UnitSchema).ref(),
    level: p.string().length(40),
    heldOn: p.date(),
    rules: p.json<ContestRules>(),
    finalisedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Contest = InferEntity<typeof ContestSchema>;

export const ContestCategorySchema = defineEntity({
  name: 'ContestCategory',
  tableName: 'contest_category',
  properties: (p) => ({
    ...recordId(p),
    contest: p.manyToOne(ContestSchema).ref(),
    code: p.string().length(40),
    name: p.string().length(200),
  }),
});

/** An entrant; rank, total and award are written when the results are finalised. */
export const ContestEntrantSchema = defineEntity({
  name: 'ContestEntrant',
  tableName: 'contest_entrant',
  properties: (p) => ({
    ...recordId(p),
    contest: p.manyToOne(ContestSchema).ref(),
    category: p.manyToOne(ContestCategorySchema).ref(),
    person: p.manyToOne(PersonSchema).ref(),
    topic: p.string().length(300),
    rank: p.integer().nullable(),
    total: p.decimal('number').nullable(),
    award: p.enum([...AWARDS]).nullable(),
  }),
});

export const ContestScoreSchema = defineEntity({
  name: 'ContestScore',
  tableName: 'contest_score',
  properties: (p) => ({
    entrant: p.manyToOne(ContestEntrantSchema).ref().primary(),
    judge: p.manyToOne(PersonSchema).ref().primary(),
    round: p.enum([...CONTEST_ROUNDS]).primary(),
    score: p.decimal('number'),
    recordedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

/** An obligation of rapporteurs, as data (ObligationInput in the domain). */
export const ObligationSchema = defineEntity({
  name: 'Obligation',
  tableName: 'obligation',
  properties: (p) => ({
    ...recordId(p),
    code: p.string().length(40).unique(),
    kind: p.enum([...OBLIGATION_KINDS]),
    rosterLevel: p.string().length(40).nullable(),
    minimum: p.integer().nullable(),
    minShare: p.decimal('number').nullable(),
    nameVi: p.string().length(200),
    nameEn: p.string().length(200),
    validFromYear: p.integer().nullable(),
    validToYear: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Obligation = InferEntity<typeof ObligationSchema>;

/** A lecturer or rapporteur assigned to a class session; `overrideReason` marks an allowed clash. */
export const TeachingAssignmentSchema = defineEntity({
  name: 'TeachingAssignment',
  tableName: 'teaching_assignment',
  properties: (p) => ({
    ...recordId(p),
    session: p.manyToOne(ClassSessionSchema).ref(),
    person: p.manyToOne(PersonSchema).ref(),
    role: p.enum([...ASSIGNMENT_ROLES]),
    overrideReason: p.string().length(500).nullable(),
    assignedAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type TeachingAssignment = InferEntity<typeof TeachingAssignmentSchema>;

/** The entities of this file, for ENTITIES. */
export const ROSTER_ENTITIES = [
  RosterSchema,
  RosterDecisionSchema,
  RosterDecisionItemSchema,
  BriefingSchema,
  BriefingPersonSchema,
  OpinionReportSchema,
  OpinionReportPersonSchema,
  ConferenceSchema,
  ConferenceSiteSchema,
  ConferenceAttendanceSchema,
  ContestSchema,
  ContestCategorySchema,
  ContestEntrantSchema,
  ContestScoreSchema,
  ObligationSchema,
  TeachingAssignmentSchema,
] as const;
