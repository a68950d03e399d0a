import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Who changed what, when, with the record before and after: written in the changing transaction. */
export const AuditLogSchema = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().persist(false).nullable(),
    actorId: p.uuid().nullable(),
    actorLabel: p.string().length(200),
    action: p.string().length(60),
    entity: p.string().length(40),
    entityId: p.uuid().nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  }),
});
export type AuditLog = InferEntity<typeof AuditLogSchema>;
