/** `@polcenter/core/programs`: training programs and their topics. */
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export {
  type ProgramAuditEntry,
  ProgramService,
  type ProgramTopicView,
  type ProgramView,
  programDefinitionRules,
} from './programs.js';
export type { ProgramRules } from './rules.js';
