/** `@polcenter/core/people`: people (trainees, rapporteurs, lecturers): records, masking, search, duplicates. */
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export { PERSON_REFERENCES } from './merge.js';
export {
  type CreatePersonOptions,
  type DuplicateHit,
  PeopleService,
  type PersonRecord,
  type PersonView,
} from './people.js';
export type { PersonHistoryEntry } from './person-history.js';
