/** `@polcenter/core/people`: people (trainees, rapporteurs, lecturers): records, masking, search, duplicates. */
export * from './entities.js';
export {
  type CreatePersonOptions,
  type DuplicateHit,
  PeopleService,
  type PersonRecord,
  type PersonView,
} from './people.js';
