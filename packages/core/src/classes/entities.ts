import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CLASS_MODES, CLASS_STATUSES, DAY_PARTS } from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { type ProgramRules, ProgramSchema } from '../programs/entities.js';
import { UnitSchema } from '../units/entities.js';

/**
 * A class (*lớp*): one run of a program. `seatsTaken` counts seat-holding enrolments and is only
 * ever changed by a conditional UPDATE in the same transaction as the enrolment, so the database's
 * CHECK (seats_taken <= capacity) holds whatever the concurrency. Table `training_class`.
 */
export const TrainingClassSchema = defineEntity({
  name: 'TrainingClass',
  tableName: 'training_class',
  properties: (p) => ({
    ...recordId(p),
    code: p.string().length(40).unique(),
    program: p.manyToOne(ProgramSchema).ref(),
    organiserUnit: p.manyToOne(UnitSchema).ref(),
    title: p.string().length(300).nullable(),
    mode: p.enum([...CLASS_MODES]),
    venue: p.string().length(300).nullable(),
    onlineLink: p.string().length(1000).nullable(),
    startDate: p.date(),
    endDate: p.date(),
    capacity: p.integer(),
    seatsTaken: p.integer().default(0),
    enrolmentOpensOn: p.date().nullable(),
    enrolmentClosesOn: p.date().nullable(),
    status: p.enum([...CLASS_STATUSES]).default('draft'),
    /** The program's rules as they were when the class opened (the database copies them in). */
    rules: p.json<ProgramRules>(),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type TrainingClass = InferEntity<typeof TrainingClassSchema>;

/** An online site (*điểm cầu*) of a class. */
export const ClassSiteSchema = defineEntity({
  name: 'ClassSite',
  tableName: 'class_site',
  properties: (p) => ({
    ...recordId(p),
    trainingClass: p.manyToOne(TrainingClassSchema).ref().fieldName('class_id'),
    name: p.string().length(200),
    unit: p.manyToOne(UnitSchema).ref().nullable(),
  }),
});
export type ClassSite = InferEntity<typeof ClassSiteSchema>;

/** A session (*buổi*) of the timetable: a date and a time of day, times as `HH:MM:SS`. */
export const ClassSessionSchema = defineEntity({
  name: 'ClassSession',
  tableName: 'class_session',
  properties: (p) => ({
    ...recordId(p),
    trainingClass: p.manyToOne(TrainingClassSchema).ref().fieldName('class_id'),
    date: p.date(),
    part: p.enum([...DAY_PARTS]).nullable(),
    startTime: p.time(),
    endTime: p.time(),
    topicNumber: p.integer().nullable(),
    title: p.string().length(300).nullable(),
    periods: p.integer(),
    lecturer: p.manyToOne(PersonSchema).ref().nullable(),
    site: p.manyToOne(ClassSiteSchema).ref().nullable(),
  }),
});
export type ClassSession = InferEntity<typeof ClassSessionSchema>;
