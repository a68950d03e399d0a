import { Migration } from '@mikro-orm/migrations';

/**
 * People search on the words of a name (ADR 0046). The list's order (given name, then full name)
 * spreads the people of one name word along the whole list, so a search that walks names in that
 * order (ADR 0034) read more of them the bigger the province. `person_name_word` holds, for each
 * person, every distinct word of the folded name (`other_word` empty) and every pair of distinct
 * words (`word` < `other_word`, byte order), each with the person's names in list order: inside one
 * word or pair the index below is already in the list's order, so "the first page of people with
 * 'nguyen' and 'van'" is the start of one index range, however many people there are.
 *
 * `person_name_vocabulary` holds every word that has been in a name, so a query word is expanded
 * to the exact words it starts by a range scan of a small table. It only grows: a word nobody has
 * any more costs an empty index range, whereas removing it when its last person goes would race
 * with a concurrent insert of the same word (and lose that person from searches).
 *
 * Both tables are derived from `person` only, by the triggers below, so every writer (the service,
 * imports, merges, restores, test fixtures, the province dataset) keeps them right without knowing
 * they exist. They are not backed up: a restore writes people, and the triggers fill them again.
 */
export class Migration20261227000200PersonNameWords extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE person_name_word (
        word text COLLATE "C" NOT NULL,
        other_word text COLLATE "C" NOT NULL,
        person_id uuid NOT NULL,
        given_name text COLLATE "vi-x-icu" NOT NULL,
        full_name text COLLATE "vi-x-icu" NOT NULL,
        search_name text NOT NULL,
        unit_id uuid,
        PRIMARY KEY (person_id, word, other_word)
      )`);
    this.addSql(`
      CREATE INDEX person_name_word_order_idx ON person_name_word (word, other_word, given_name, full_name, person_id)
        INCLUDE (search_name, unit_id)`);
    this.addSql(`CREATE TABLE person_name_vocabulary (word text COLLATE "C" PRIMARY KEY)`);
    // The words of a folded name, split on single spaces as the search's LIKE '% word%' sees them.
    this.addSql(`
      CREATE FUNCTION person_name_keys(search_name text) RETURNS TABLE (word text, other_word text)
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          WITH w AS (SELECT DISTINCT x COLLATE "C" AS word FROM unnest(string_to_array(search_name, ' ')) x WHERE x <> '')
          SELECT a.word, '' FROM w a
          UNION ALL
          SELECT a.word, b.word FROM w a JOIN w b ON a.word < b.word
        $$`);
    // Inserts and deletes by statement (an import or the province dataset writes thousands of
    // people in one statement); an update by row, and only when what the table holds changed.
    this.addSql(`
      CREATE FUNCTION person_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO person_name_word (word, other_word, person_id, given_name, full_name, search_name, unit_id)
        SELECT k.word, k.other_word, p.id, p.given_name, p.full_name, p.search_name, p.unit_id
          FROM added p, person_name_keys(p.search_name) k;
        INSERT INTO person_name_vocabulary (word)
        SELECT DISTINCT w FROM added p, unnest(string_to_array(p.search_name, ' ')) w WHERE w <> ''
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    this.addSql(`
      CREATE FUNCTION person_name_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM person_name_word w USING removed r WHERE w.person_id = r.id;
        RETURN NULL;
      END $$`);
    this.addSql(`
      CREATE FUNCTION person_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM person_name_word WHERE person_id = OLD.id;
        INSERT INTO person_name_word (word, other_word, person_id, given_name, full_name, search_name, unit_id)
        SELECT k.word, k.other_word, NEW.id, NEW.given_name, NEW.full_name, NEW.search_name, NEW.unit_id
          FROM person_name_keys(NEW.search_name) k;
        INSERT INTO person_name_vocabulary (word)
        SELECT DISTINCT w FROM unnest(string_to_array(NEW.search_name, ' ')) w WHERE w <> ''
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    this.addSql(`
      CREATE FUNCTION person_name_words_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE person_name_word;
        TRUNCATE person_name_vocabulary;
        RETURN NULL;
      END $$`);
    this.addSql(`
      CREATE TRIGGER person_name_words_added AFTER INSERT ON person REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_added()`);
    this.addSql(`
      CREATE TRIGGER person_name_words_removed AFTER DELETE ON person REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_removed()`);
    this.addSql(`
      CREATE TRIGGER person_name_words_changed AFTER UPDATE OF id, given_name, full_name, search_name, unit_id ON person
        FOR EACH ROW
        WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.given_name IS DISTINCT FROM NEW.given_name
              OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.search_name IS DISTINCT FROM NEW.search_name
              OR OLD.unit_id IS DISTINCT FROM NEW.unit_id)
        EXECUTE FUNCTION person_name_words_changed()`);
    this.addSql(`
      CREATE TRIGGER person_name_words_truncated AFTER TRUNCATE ON person
        FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_truncated()`);
    this.addSql(`
      INSERT INTO person_name_word (word, other_word, person_id, given_name, full_name, search_name, unit_id)
      SELECT k.word, k.other_word, p.id, p.given_name, p.full_name, p.search_name, p.unit_id
        FROM person p, person_name_keys(p.search_name) k`);
    this.addSql(`INSERT INTO person_name_vocabulary (word) SELECT DISTINCT word FROM person_name_word`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TRIGGER person_name_words_truncated ON person');
    this.addSql('DROP TRIGGER person_name_words_changed ON person');
    this.addSql('DROP TRIGGER person_name_words_removed ON person');
    this.addSql('DROP TRIGGER person_name_words_added ON person');
    this.addSql('DROP FUNCTION person_name_words_truncated()');
    this.addSql('DROP FUNCTION person_name_words_changed()');
    this.addSql('DROP FUNCTION person_name_words_removed()');
    this.addSql('DROP FUNCTION person_name_words_added()');
    this.addSql('DROP FUNCTION person_name_keys(text)');
    this.addSql('DROP TABLE person_name_vocabulary');
    this.addSql('DROP TABLE person_name_word');
  }
}
