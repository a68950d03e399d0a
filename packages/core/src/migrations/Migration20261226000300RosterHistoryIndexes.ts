import { Migration } from '@mikro-orm/migrations';

/**
 * A roster's history read from its indexes alone (ADR 0041). The roster at a date, the report's
 * roster size and obligation shortfalls read the decisions of their rosters, the items of those
 * decisions and the transfers into them. A roster's rows lie scattered over every page of the tables
 * (decisions are recorded in date order, for every roster at once), so a district's 32 rosters read
 * through plain indexes touched nearly every page of a province's table. The same indexes, holding
 * the columns the derivation reads, are walked without visiting the table (index-only scans):
 * - decisions by roster and date, with their id and kind (replacing the index on the same keys);
 * - items by decision, with person, change and destination roster;
 * - transfers by destination roster, with decision and person (replacing the index on the same key);
 * - annulments by the decision they annul, with their date (an annulment counts from its date).
 */
export class Migration20261226000300RosterHistoryIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('DROP INDEX roster_decision_roster_idx');
    this.addSql('CREATE INDEX roster_decision_roster_idx ON roster_decision (roster_id, date, seq) INCLUDE (id, kind)');
    this.addSql(
      'CREATE INDEX roster_decision_item_decision_idx ON roster_decision_item (decision_id) INCLUDE (person_id, change, to_roster_id)',
    );
    this.addSql('DROP INDEX roster_decision_item_to_idx');
    this.addSql(
      `CREATE INDEX roster_decision_item_to_idx ON roster_decision_item (to_roster_id) INCLUDE (decision_id, person_id)
         WHERE to_roster_id IS NOT NULL`,
    );
    this.addSql(
      `CREATE INDEX roster_decision_annulment_idx ON roster_decision (annuls_decision_id) INCLUDE (date)
         WHERE annuls_decision_id IS NOT NULL`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX roster_decision_annulment_idx');
    this.addSql('DROP INDEX roster_decision_item_to_idx');
    this.addSql(
      'CREATE INDEX roster_decision_item_to_idx ON roster_decision_item (to_roster_id) WHERE to_roster_id IS NOT NULL',
    );
    this.addSql('DROP INDEX roster_decision_item_decision_idx');
    this.addSql('DROP INDEX roster_decision_roster_idx');
    this.addSql('CREATE INDEX roster_decision_roster_idx ON roster_decision (roster_id, date, seq)');
  }
}
