import { Migration } from '@mikro-orm/migrations';

/**
 * People search on indexes (ADR 0034): a name search asks that each word of the query start a
 * word of `search_name` (`' ' || search_name LIKE '% word%'`, already folded), in Vietnamese order,
 * a page at a time. Two indexes serve it whatever the province's size:
 * - a trigram GIN index on that very expression, for words few people share (the planner reads
 *   the matches and sorts a handful);
 * - a b-tree in the list's order, for words many share ("nguyen van"): the planner walks names in
 *   order and stops at the first page of matches instead of sorting every match. It includes the
 *   folded name and the unit, so the walk reads the index alone (an index-only scan) and fetches
 *   only the page's rows.
 * pg_trgm ships with PostgreSQL's contrib and is a trusted extension (a database owner may create
 * it). Where a server lacks it, search keeps working without the trigram index.
 */
export class Migration20261221000100PeopleSearchIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'pg_trgm is not available (%): people search runs without its trigram index', SQLERRM;
      END $$`);
    this.addSql(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          EXECUTE 'CREATE INDEX person_search_trgm_idx ON person USING gin ((('' '' || search_name)) gin_trgm_ops)';
        END IF;
      END $$`);
    this.addSql(
      `CREATE INDEX person_name_order_idx ON person (given_name COLLATE "vi-x-icu", full_name COLLATE "vi-x-icu", id)
         INCLUDE (search_name, unit_id)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX person_name_order_idx');
    this.addSql('DROP INDEX IF EXISTS person_search_trgm_idx');
  }
}
