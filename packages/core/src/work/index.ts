/** `@polcenter/core/work`: what needs doing now in a person's units (the console's start page). */
export {
  type TodoOptions,
  type WorkItem,
  type WorkKindList,
  type WorkList,
  type WorkScope,
  WorkService,
} from './work.js';
