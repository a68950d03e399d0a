/** `@polcenter/core/audit`: the audit trail, read back page by page. */

export { type AuditTrailEntry, AuditTrailService, type ClassAuditEntry } from './audit-trail.js';
export * from './entities.js';
