/**
 * `@polcenter/core/orm`: the MikroORM under the library, for an app that goes below the services —
 * the entities, the ORM of a running PolCenter, migrations, the SQL session, backup and restore.
 *
 * Its declarations load MikroORM's. `@polcenter/core` and the feature entry points never do (ADR
 * 0032): MikroORM 6.6.16's own declarations fail a consumer's check under
 * `exactOptionalPropertyTypes` with `skipLibCheck: false`, so only a program that asks for
 * MikroORM meets that.
 */

import type { Orm } from './orm.js';
import type { PolCenter } from './polcenter.js';

export * from './activities/entities.js';
export * from './assignments/entities.js';
export * from './audit/entities.js';
export * from './auth/entities.js';
export * from './certificates/entities.js';
export * from './classes/entities.js';
export * from './enrolment/entities.js';
export { ENTITIES, ROSTER_ENTITIES } from './entities.js';
export {
  BACKUP_FORMAT,
  type BackupHeader,
  type RestoreReport,
  restoreBackup,
  writeBackup,
} from './imports/backup.js';
export { type AuditEntry, audit } from './kernel/audit.js';
export { assertSchemaNotNewer, type MigrationReport, migrate } from './migrate.js';
export * from './obligations/entities.js';
export { createOrm, type Orm, type OrmOptions, ormConfig } from './orm.js';
export * from './people/entities.js';
export * from './programs/entities.js';
export * from './rosters/entities.js';
export * from './units/entities.js';
export * from './units/link-entities.js';

/** The MikroORM of a PolCenter: its connection pool, entity manager and metadata. */
export function ormOf(polcenter: PolCenter): Orm {
  return polcenter.orm;
}
