import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { PROGRAM_KINDS } from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import type { ProgramRules } from './rules.js';

export type { ProgramRules } from './rules.js';

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
