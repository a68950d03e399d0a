/** `@polcenter/core/audit`: the audit trail, read back page by page. */

export { type AuditTrailEntry, AuditTrailService, type ClassAuditEntry } from './audit-trail.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
