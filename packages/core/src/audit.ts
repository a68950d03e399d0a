import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor';

export interface AuditEntry {
  /** Dotted verb, e.g. `class.transition`, `enrolment.approve`, `person.read_full`. */
  readonly action: string;
  /** Table-like name of what changed: `class`, `enrolment`, `person`… */
  readonly entity: string;
  readonly entityId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Writes audit rows through the caller's transaction manager, so a change and its record commit
 * or roll back together. Many rows go in one INSERT.
 */
export async function audit(tx: EntityManager, actor: Actor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const rows = entries.map((entry) => {
    values.push(
      actor.id,
      actor.label,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    );
    return '(?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)';
  });
  await tx.execute(
    `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, before, after) VALUES ${rows.join(', ')}`,
    values,
    'run',
  );
}
