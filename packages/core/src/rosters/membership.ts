import {
  type ExpertiseField,
  parseInput,
  type RosterAtInput,
  rosterAtInput,
  rosterNotFoundError,
  rostersOfInput,
} from '@polcenter/domain';
import { isoCol } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { rosterAtSql } from './roster-at-sql.js';
import { ROSTER_COLUMNS, type RosterRow, type RosterView, rosterView } from './roster-records.js';
import { KNOWN_NOW, membershipCtes } from './roster-sql.js';

export interface RosterMemberView {
  readonly personId: string;
  readonly fullName: string;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly fields: readonly ExpertiseField[];
  readonly position: string | null;
  /** First day of the current stay on the roster. */
  readonly since: string;
  readonly decisionId: string;
  readonly decisionNumber: string;
}

export interface RosterAtView {
  readonly roster: RosterView;
  readonly date: string;
  /** Annulments dated after this were not counted (absent: every annulment counts, "as known now"). */
  readonly knownOn: string | null;
  /** In Vietnamese order: given name, then full name. */
  readonly members: readonly RosterMemberView[];
}

export interface MembershipView extends Omit<RosterMemberView, 'fullName' | 'unitId' | 'unitName'> {
  readonly roster: RosterView;
}

/** Who sits on a roster at a date, derived from its decisions. */
export class Memberships {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /**
   * Who was on a roster at a date — by roster id, or by owner unit and level (the roster whose
   * term covers the date's year; the later term when two meet). One SQL statement, reading that
   * roster's history only (ADR 0047).
   * Annulments: as known now by default; `knownOn` gives the roster as recorded on that day.
   */
  async rosterAt(input: RosterAtInput): Promise<RosterAtView> {
    const q = parseInput(rosterAtInput, input);
    const year = Number(q.date.slice(0, 4));
    const target = q.rosterId
      ? 'SELECT r.id FROM roster r WHERE r.id = ?'
      : `SELECT r.id FROM roster r WHERE r.owner_unit_id = ? AND r.level = ? AND r.term_start_year <= ? AND r.term_end_year >= ?
          ORDER BY r.term_start_year DESC LIMIT 1`;
    const params = q.rosterId ? [q.rosterId] : [q.ownerUnitId, q.level, year, year];
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<(RosterRow & MemberRow)[]>(rosterAtSql(target), [...params, q.date, q.knownOn ?? KNOWN_NOW]);
    const first = rows[0];
    if (!first) throw rosterNotFoundError(q.rosterId ?? `${q.level} ${q.ownerUnitId} ${q.date}`);
    return {
      roster: rosterView(first),
      date: q.date,
      knownOn: q.knownOn ?? null,
      members: rows.filter((r) => r.person_id).map(memberView),
    };
  }

  /** Every roster a person sits on at a date (a district rapporteur may also be a commune propagandist). */
  async rostersOf(personId: string, date: string): Promise<MembershipView[]> {
    const q = parseInput(rostersOfInput, { personId, date });
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<(RosterRow & MemberRow)[]>(
        `WITH ${membershipCtes(
          `SELECT DISTINCT d.roster_id AS id FROM roster_decision d JOIN roster_decision_item i ON i.decision_id = d.id WHERE i.person_id = ?
           UNION SELECT i.to_roster_id FROM roster_decision_item i WHERE i.person_id = ? AND i.to_roster_id IS NOT NULL`,
        )}
         SELECT ${ROSTER_COLUMNS}, m.person_id, m.fields, m.position, ${isoCol('m.since', 'since')}, m.decision_id, m.decision_number
           FROM members m JOIN roster r ON r.id = m.roster_id JOIN unit ou ON ou.id = r.owner_unit_id
          WHERE m.person_id = ?
          ORDER BY r.level, ou.name COLLATE "vi-x-icu"`,
        [q.personId, q.personId, q.date, KNOWN_NOW, q.personId],
      );
    return rows.map((row) => {
      const { fullName: _n, unitId: _u, unitName: _un, ...member } = memberView(row);
      return { ...member, roster: rosterView(row) };
    });
  }
}

interface MemberRow {
  person_id: string | null;
  full_name: string;
  person_unit_id: string | null;
  person_unit_name: string | null;
  fields: ExpertiseField[];
  position: string | null;
  since: string;
  decision_id: string;
  decision_number: string;
}

function memberView(row: MemberRow): RosterMemberView {
  return {
    personId: row.person_id as string,
    fullName: row.full_name,
    unitId: row.person_unit_id ?? null,
    unitName: row.person_unit_name ?? null,
    fields: row.fields,
    position: row.position,
    since: row.since,
    decisionId: row.decision_id,
    decisionNumber: row.decision_number,
  };
}
