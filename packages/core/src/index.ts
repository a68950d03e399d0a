/**
 * `@polcenter/core`: createPolCenter and everything a consumer of the library names. Each feature
 * also has its own entry point (`@polcenter/core/classes`, `@polcenter/core/rosters`, …) exporting
 * the same names as here, for a consumer that needs only that part.
 */

export * from './activities/index.js';
export * from './assignments/index.js';
export * from './audit/index.js';
export * from './auth/index.js';
export * from './certificates/index.js';
export * from './classes/index.js';
export * from './enrolment/index.js';
/** @internal Published through `@polcenter/core/orm`. */
export { ENTITIES, ROSTER_ENTITIES } from './entities.js';
export * from './imports/index.js';
export { type Actor, SYSTEM_ACTOR } from './kernel/actor.js';
/** @internal Published through `@polcenter/core/orm`. */
export { type AuditEntry, audit } from './kernel/audit.js';
export { type ErrorSummary, isDatabaseUnavailable, summariseError } from './kernel/db-errors.js';
export { IdempotencyService } from './kernel/idempotency.js';
/** @internal Published through `@polcenter/core/orm`. */
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate.js';
export * from './obligations/index.js';
/** @internal Published through `@polcenter/core/orm`. */
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm.js';
/** @internal Published through `@polcenter/core/orm`. */
export { ormOf } from './orm-entry.js';
export * from './people/index.js';
export * from './plans/index.js';
export { createPolCenter, type PolCenter, type PolCenterOptions } from './polcenter.js';
export * from './programs/index.js';
export * from './reference/index.js';
export * from './reports/index.js';
export * from './results/index.js';
export * from './rosters/index.js';
export { describeSeed, type SeedOptions, type SeedReport, seedDemo } from './seed/demo.js';
export * from './units/index.js';
export * from './work/index.js';
