export { type Actor, SYSTEM_ACTOR } from './actor';
export { type AuditEntry, audit } from './audit';
export * from './entities';
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate';
export { MIGRATIONS } from './migrations';
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm';
export { createPolCenter, type PolCenter, type PolCenterOptions } from './polcenter';
export { type SeedReport, seedDemo } from './seed/demo';
export { UnitService, type UnitView } from './services/units';
