/** `@polcenter/core/programs`: training programs and their topics. */
export * from './entities.js';
export {
  type ProgramAuditEntry,
  ProgramService,
  type ProgramTopicView,
  type ProgramView,
  programDefinitionRules,
  seedDefaultPrograms,
} from './programs.js';
