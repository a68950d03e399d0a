import { Migration } from '@mikro-orm/migrations';

/**
 * `unit_within_on(d)`: the view `unit_within` as the tree stood on day `d` (ADR 0040). Each unit is
 * under the parent it had that day — the `from_parent_id` of its first dated move after `d`
 * (`unit_move`), or its parent today when it has not moved since — and each successor carries on
 * its predecessors (merger, split, rename; not a partial transfer) whatever the day, so a unit
 * counts what its predecessors did. Reports walk it; so do lists of briefings and opinion reports.
 * The tree stamp's triggers (ADR 0035) already cover every table it reads.
 */
export class Migration20261226000200UnitTreeOnDate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE FUNCTION unit_within_on(d date) RETURNS TABLE (parent_id uuid, id uuid)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT u.parent_id, u.id FROM unit u
         WHERE u.parent_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM unit_move m WHERE m.unit_id = u.id AND m.effective_on > d)
        UNION ALL
        SELECT f.from_parent_id, f.unit_id FROM (
          SELECT DISTINCT ON (m.unit_id) m.unit_id, m.from_parent_id FROM unit_move m
           WHERE m.effective_on > d ORDER BY m.unit_id, m.effective_on, m.created_at
        ) f WHERE f.from_parent_id IS NOT NULL
        UNION ALL
        SELECT l.successor_id, l.predecessor_id FROM unit_link l WHERE l.kind <> 'transfer'
      $$`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP FUNCTION unit_within_on(date)');
  }
}
