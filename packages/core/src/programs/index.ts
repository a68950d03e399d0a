/** `@polcenter/core/programs`: training programs and their topics. */
export * from './entities.js';
export { ProgramService, type ProgramView, seedDefaultPrograms } from './programs.js';
