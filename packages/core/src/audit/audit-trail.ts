import { type AuditTrailInput, auditTrailInput, parseInput } from '@polcenter/domain';
import type { Orm } from '../orm.js';

export interface AuditTrailEntry {
  readonly id: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorLabel: string;
  /** The staff account that acted, when one did: for administrators, who manage accounts. */
  readonly actorUsername: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Reading the audit log: what happened to a record, or what someone did, newest first. For
 * administrators: it names staff accounts by username.
 */
export class AuditTrailService {
  constructor(private readonly orm: Orm) {}

  async list(input: AuditTrailInput): Promise<{ items: AuditTrailEntry[]; nextBefore: number | null }> {
    const filter = parseInput(auditTrailInput, input);
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['a.entity', filter.entity],
      ['a.entity_id', filter.entityId],
      ['a.actor_id', filter.actorId],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (filter.before) {
      where.push('a.id < ?');
      params.push(filter.before);
    }
    const rows = await this.orm.em.fork().execute<
      {
        id: string;
        at: string;
        actor_id: string | null;
        actor_label: string;
        actor_username: string | null;
        action: string;
        entity: string;
        entity_id: string | null;
        before: unknown;
        after: unknown;
      }[]
    >(
      `SELECT a.id, a.at, a.actor_id, a.actor_label, u.username AS actor_username, a.action, a.entity, a.entity_id,
              a.before, a.after
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${filter.limit + 1}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    }));
    return { items, nextBefore: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
