import { defineEntity, type InferEntity } from '@mikro-orm/core';
import {
  ATTENDANCE_STATUSES,
  AWARDS,
  BRIEFING_MODES,
  CONTEST_ROUNDS,
  type ContestRules,
  ETHNICITIES,
  GENDERS,
  OPINION_STATUSES,
  SENSITIVITIES,
} from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { RosterSchema } from '../rosters/entities.js';
import { UnitSchema } from '../units/entities.js';

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
    place: p.string().length(200).nullable(),
    directive: p.string().length(200).nullable(),
    audienceSize: p.integer(),
    mode: p.enum([...BRIEFING_MODES]),
    note: p.string().length(1000).nullable(),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type Briefing = InferEntity<typeof BriefingSchema>;

/** How many of a briefing's audience were of one people and one gender. */
export const BriefingAudienceSchema = defineEntity({
  name: 'BriefingAudience',
  tableName: 'briefing_audience',
  properties: (p) => ({
    briefing: p.manyToOne(BriefingSchema).ref().primary(),
    ethnicity: p.enum([...ETHNICITIES]).primary(),
    gender: p.enum([...GENDERS]).primary(),
    count: p.integer(),
  }),
});

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
    /** People counted at the site, named or not. */
    headcount: p.integer().nullable(),
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

/** A member of a contest's jury (*Ban Giám khảo*). */
export const ContestJudgeSchema = defineEntity({
  name: 'ContestJudge',
  tableName: 'contest_judge',
  properties: (p) => ({
    contest: p.manyToOne(ContestSchema).ref().primary(),
    person: p.manyToOne(PersonSchema).ref().primary(),
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
