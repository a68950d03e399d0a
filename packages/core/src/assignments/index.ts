/** `@polcenter/core/assignments`: teaching assignments: who lectures which session of a class. */

export { AssignmentService, type AssignmentView } from './assignments.js';
export * from './entities.js';
