/** `@polcenter/core/classes`: planning, timetable and sites, status transitions, the public catalog. */
export { type CatalogEntry, catalogQuery } from './catalog.js';
export { type ClassListItem, type ClassScope, classListQuery } from './class-list.js';
export {
  ClassService,
  type ClassSessionView,
  type ClassSiteView,
  type ClassTransitionRecord,
  type ClassView,
} from './classes.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export {
  type SessionTeacherView,
  TimetableService,
  type TimetableSessionView,
  type TimetableView,
} from './timetable-service.js';
