import { Migration } from '@mikro-orm/migrations';

/**
 * New words enter the vocabulary in one order, byte order (ADR 0046). Two transactions adding the
 * same new words wait for each other on the vocabulary's key (ON CONFLICT waits for the other's
 * commit); in the order a hash gave them, one could hold "a" and wait for "b" while the other held
 * "b" and waited for "a", and PostgreSQL would abort one of them as a deadlock.
 */
export class Migration20261227000202PersonNameVocabularyInOrder extends Migration {
  override async up(): Promise<void> {
    for (const sql of functions('ORDER BY 1')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of functions('')) this.addSql(sql);
  }
}

function functions(vocabularyOrder: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION person_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO person_name_word (word, other_word, person_id, given_name, full_name, search_name, unit_id)
      SELECT k.word, k.other_word, p.id, p.given_name, p.full_name, p.search_name, p.unit_id
        FROM added p, person_name_keys(p.search_name) k
       ORDER BY k.word COLLATE "C", k.other_word COLLATE "C", p.given_name COLLATE "vi-x-icu",
                p.full_name COLLATE "vi-x-icu", p.id;
      INSERT INTO person_name_vocabulary (word)
      SELECT DISTINCT w COLLATE "C" FROM added p, unnest(string_to_array(p.search_name, ' ')) w WHERE w <> ''
      ${vocabularyOrder}
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`,
    `CREATE OR REPLACE FUNCTION person_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM person_name_word WHERE person_id = OLD.id;
      INSERT INTO person_name_word (word, other_word, person_id, given_name, full_name, search_name, unit_id)
      SELECT k.word, k.other_word, NEW.id, NEW.given_name, NEW.full_name, NEW.search_name, NEW.unit_id
        FROM person_name_keys(NEW.search_name) k;
      INSERT INTO person_name_vocabulary (word)
      SELECT DISTINCT w COLLATE "C" FROM unnest(string_to_array(NEW.search_name, ' ')) w WHERE w <> ''
      ${vocabularyOrder}
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`,
  ];
}
