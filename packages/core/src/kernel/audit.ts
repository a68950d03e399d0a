import type { Actor } from './actor.js';
import type { Sql } from './sql.js';

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
 * Writes audit rows through the caller's transaction, so a change and its record commit or roll
 * back together. Any number of rows go in one statement of one text (the entries travel as one JSON
 * document), so it is prepared once and never nears PostgreSQL's limit on parameters.
 */
export async function audit(tx: Sql, actor: Actor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }));
  await tx.execute(
    `${AUDIT_INSERT}
     SELECT ?, ?, a.action, a.entity, a.entity_id, a.before, a.after
       FROM ROWS FROM (
              jsonb_to_recordset(?::jsonb) AS (action text, entity text, entity_id uuid, before jsonb, after jsonb)
            ) WITH ORDINALITY AS a(action, entity, entity_id, before, after, n)
      ORDER BY a.n`,
    [actor.id, actor.label, JSON.stringify(rows)],
    'run',
  );
}
