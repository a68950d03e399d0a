import { Migration } from '@mikro-orm/migrations';

/**
 * The unit tree's stamp (ADR 0035): one row whose `stamp` takes a new random value, by trigger, in
 * the same transaction as any change of what a role reaches — a unit added, removed or given
 * another parent, a successor link (the view `unit_within`), a dated move. Every server process
 * keeps the tree in memory and reads the stamp with each caller's identity: a different stamp means
 * the tree changed (in any process), and it is read again before anyone's reach is worked out.
 * A random value rather than a counter: a backup restored brings its own stamp, which can only
 * equal a cached one if the cached tree is that very tree.
 */
export class Migration20261222000100UnitTreeStamp extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE unit_tree_stamp (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      stamp uuid NOT NULL
    )`);
    this.addSql('INSERT INTO unit_tree_stamp (stamp) VALUES (gen_random_uuid())');
    this.addSql(`CREATE FUNCTION unit_tree_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE unit_tree_stamp SET stamp = gen_random_uuid();
        RETURN NULL;
      END $$`);
    // Once per statement, not per row: a seed or an import adding a thousand units writes the stamp once.
    for (const [table, events] of [
      ['unit', 'INSERT OR DELETE OR UPDATE OF parent_id'],
      ['unit_link', 'INSERT OR DELETE OR UPDATE'],
      ['unit_move', 'INSERT OR DELETE OR UPDATE'],
    ]) {
      this.addSql(
        `CREATE TRIGGER ${table}_tree_changed AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_changed()`,
      );
      this.addSql(
        `CREATE TRIGGER ${table}_tree_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_changed()`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of ['unit', 'unit_link', 'unit_move']) {
      this.addSql(`DROP TRIGGER ${table}_tree_changed ON ${table}`);
      this.addSql(`DROP TRIGGER ${table}_tree_truncated ON ${table}`);
    }
    this.addSql('DROP FUNCTION unit_tree_changed()');
    this.addSql('DROP TABLE unit_tree_stamp');
  }
}
