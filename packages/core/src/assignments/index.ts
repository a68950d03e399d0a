/** `@polcenter/core/assignments`: teaching assignments: who lectures which session of a class. */

export { AssignmentService, type AssignmentView } from './assignments.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
