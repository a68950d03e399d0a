import { type AuditTrailInput, auditTrailInput, parseInput } from '@polcenter/domain';
import type { Orm } from '../orm';

export interface AuditTrailEntry {
  readonly id: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** Reading the audit log: what happened to a record, or what someone did, newest first. */
export class AuditTrailService {
  constructor(private readonly orm: Orm) {}

  async list(input: AuditTrailInput): Promise<{ items: AuditTrailEntry[]; nextBefore: number | null }> {
    const filter = parseInput(auditTrailInput, input);
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['entity', filter.entity],
      ['entity_id', filter.entityId],
      ['actor_id', filter.actorId],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (filter.before) {
      where.push('id < ?');
      params.push(filter.before);
    }
    const rows = await this.orm.em.fork().execute<
      {
        id: string;
        at: string;
        actor_id: string | null;
        actor_label: string;
        action: string;
        entity: string;
        entity_id: string | null;
        before: unknown;
        after: unknown;
      }[]
    >(
      `SELECT id, at, actor_id, actor_label, action, entity, entity_id, before, after FROM audit_log
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${filter.limit + 1}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    }));
    return { items, nextBefore: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
