import type { Actor } from './actor';
import type { Sql } from './sql';

export interface AuditEntry {
  /** Dotted verb, e.g. `class.transition`, `enrolment.approve`, `person.read_full`. */
  readonly action: string;
  /** Table-like name of what changed: `class`, `enrolment`, `person`… */
  readonly entity: string;
  readonly entityId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The head of every insert into the audit log; a statement that writes its own row says it so. */
export const AUDIT_INSERT = 'INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, before, after)';

/**
 * Writes audit rows through the caller's transaction manager, so a change and its record commit
 * or roll back together. Many rows go in one INSERT.
 */
export async function audit(tx: Sql, actor: Actor, ...entries: AuditEntry[]): Promise<void> {
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
  await tx.execute(`${AUDIT_INSERT} VALUES ${rows.join(', ')}`, values, 'run');
}
