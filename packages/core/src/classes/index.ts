/** `@polcenter/core/classes`: planning, timetable and sites, status transitions, the public catalog. */

export {
  type CatalogEntry,
  ClassService,
  type ClassSessionView,
  type ClassSiteView,
  type ClassTransitionRecord,
  type ClassView,
  catalogQuery,
} from './classes.js';
export * from './entities.js';
