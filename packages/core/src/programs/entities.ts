import { defineEntity, type InferEntity } from '@mikro-orm/core';
import {
  type CertificateKind,
  type EligibilityRule,
  type GradingScale,
  type PassRule,
  PROGRAM_KINDS,
  type ProgramEnding,
} from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';

/**
 * A program's rules: configurable data with the defaults of DOMAIN.md, kept together as JSON. A
 * class copies them when it is created (`training_class.rules`) and keeps that copy once opened.
 */
export interface ProgramRules {
  readonly audience: { readonly vi: string; readonly en: string };
  readonly days: { readonly min: number; readonly max: number };
  readonly endsWith: ProgramEnding;
  readonly eligibility: EligibilityRule;
  readonly passRule: PassRule;
  readonly certificateKind: CertificateKind | null;
  /** How certificate numbers are written: `{n}` the sequence, `{n:3}` padded, `{yyyy}`/`{yy}` the year. */
  readonly certificateNumberTemplate: string;
  readonly maxAbsenceRatio: number;
  readonly gradingScale: GradingScale;
}

export const ProgramSchema = defineEntity({
  name: 'Program',
  tableName: 'program',
  properties: (p) => ({
    ...recordId(p),
    code: p.string().length(20).unique(),
    kind: p.enum([...PROGRAM_KINDS]),
    nameVi: p.string().length(300),
    nameEn: p.string().length(300),
    rules: p.json<ProgramRules>(),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type Program = InferEntity<typeof ProgramSchema>;

/** A topic (*chuyên đề*) or module of a program, with its number of periods (*tiết*). */
export const ProgramTopicSchema = defineEntity({
  name: 'ProgramTopic',
  tableName: 'program_topic',
  properties: (p) => ({
    program: p.manyToOne(ProgramSchema).ref().primary(),
    number: p.integer().primary(),
    titleVi: p.string().length(300),
    titleEn: p.string().length(300),
    periods: p.integer(),
  }),
});
export type ProgramTopic = InferEntity<typeof ProgramTopicSchema>;
