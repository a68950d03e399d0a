import { Migration } from '@mikro-orm/migrations';

/**
 * Changes of the unit tree made by staff (ADR 0029):
 * - `unit.version`, so two people changing one unit cannot overwrite each other;
 * - `unit_move`, each dated change of a unit's parent (a re-parenting, a village moving with its
 *   merged commune): the tree at a date puts a unit under the parent it had then;
 * - the view `unit_within (parent_id, id)`: what lies directly within a unit — its children, and
 *   the units it carries on (predecessors by merger, split or rename; not a partial transfer). Every
 *   "this unit and everything within it" walk (what a role reaches, whom people search covers)
 *   follows this one view, so the coordinator of a merged commune reaches its predecessors' people
 *   and villages, and nothing else has its own idea of it.
 */
export class Migration20261213000200UnitChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE unit ADD COLUMN version integer NOT NULL DEFAULT 1');
    this.addSql(`
      CREATE TABLE unit_move (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES unit (id),
        from_parent_id uuid REFERENCES unit (id),
        to_parent_id uuid REFERENCES unit (id),
        effective_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql('CREATE INDEX unit_move_unit_idx ON unit_move (unit_id, effective_on)');
    this.addSql(`
      CREATE VIEW unit_within (parent_id, id) AS
        SELECT parent_id, id FROM unit WHERE parent_id IS NOT NULL
        UNION ALL
        SELECT successor_id, predecessor_id FROM unit_link WHERE kind <> 'transfer'`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP VIEW unit_within');
    this.addSql('DROP TABLE unit_move');
    this.addSql('ALTER TABLE unit DROP COLUMN version');
  }
}
