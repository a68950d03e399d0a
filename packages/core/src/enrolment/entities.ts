import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ATTENDANCE_MARKS, ENROLMENT_STATES } from '@polcenter/domain';
import { ClassSessionSchema, TrainingClassSchema } from '../classes/entities.js';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { UnitSchema } from '../units/entities.js';

/**
 * One person in one class. The partial unique index `enrolment_one_active` allows a single
 * enrolment per person and class outside withdrawn/rejected; `requestedAt` then `queueSeq` order
 * the waitlist (first come, first served).
 */
export const EnrolmentSchema = defineEntity({
  name: 'Enrolment',
  tableName: 'enrolment',
  properties: (p) => ({
    ...recordId(p),
    trainingClass: p.manyToOne(TrainingClassSchema).ref().fieldName('class_id'),
    person: p.manyToOne(PersonSchema).ref(),
    state: p.enum([...ENROLMENT_STATES]),
    origin: p.enum(['nominated', 'requested']),
    nominatedByUnit: p.manyToOne(UnitSchema).ref().nullable(),
    requestedAt: p.datetime().nullable().persist(false),
    queueSeq: p.bigint('string').nullable().persist(false),
    decidedAt: p.datetime().nullable(),
    finalScore: p.decimal('number').nullable(),
    classification: p.string().length(20).nullable(),
    note: p.string().length(1000).nullable(),
    decisionReason: p.string().length(500).nullable(),
    resultReason: p.json<Record<string, unknown>>().nullable(),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type Enrolment = InferEntity<typeof EnrolmentSchema>;

export const AttendanceSchema = defineEntity({
  name: 'Attendance',
  tableName: 'attendance',
  properties: (p) => ({
    enrolment: p.manyToOne(EnrolmentSchema).ref().primary(),
    session: p.manyToOne(ClassSessionSchema).ref().primary(),
    mark: p.enum([...ATTENDANCE_MARKS]),
    note: p.string().length(500).nullable(),
    recordedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});
export type Attendance = InferEntity<typeof AttendanceSchema>;

export const ScoreSchema = defineEntity({
  name: 'Score',
  tableName: 'score',
  properties: (p) => ({
    enrolment: p.manyToOne(EnrolmentSchema).ref().primary(),
    component: p.string().length(200).primary(),
    value: p.decimal('number'),
    weight: p.decimal('number').default(1),
    recordedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});
export type Score = InferEntity<typeof ScoreSchema>;
