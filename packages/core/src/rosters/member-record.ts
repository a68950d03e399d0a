import {
  type BriefingMode,
  type ExpertiseField,
  type MemberRecordInput,
  memberRecordInput,
  parseInput,
  type RosterChange,
  type RosterDecisionKind,
  recordNotFoundError,
} from '@polcenter/domain';
import { isoCol } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { Memberships, type MembershipView } from './membership.js';
import { ROSTER_COLUMNS, type RosterRow, type RosterView, rosterView } from './roster-records.js';

/** One line of a decision that named the person, with the decision it belongs to. */
export interface MemberDecisionView {
  readonly decisionId: string;
  readonly roster: RosterView;
  readonly number: string;
  readonly date: string;
  readonly signer: string;
  readonly kind: RosterDecisionKind;
  readonly change: RosterChange;
  readonly fields: readonly ExpertiseField[];
  readonly position: string | null;
  readonly toRoster: RosterView | null;
  readonly annulledBy: { readonly number: string; readonly date: string } | null;
}

export interface MemberBriefingView {
  readonly id: string;
  readonly date: string;
  readonly unitName: string;
  readonly topic: string;
  readonly resolution: string | null;
  readonly audienceSize: number;
  readonly mode: BriefingMode;
}

/** A rapporteur's page: who they are, the rosters they sit on, how they got there, what they did. */
export interface MemberRecordView {
  readonly person: {
    readonly id: string;
    readonly fullName: string;
    readonly unitId: string | null;
    readonly unitName: string | null;
    readonly position: string | null;
  };
  readonly date: string;
  /** The rosters they sit on at `date` (fields of expertise and position on each). */
  readonly memberships: readonly MembershipView[];
  /** Every decision line that named them, in the order the decisions apply (annulled ones marked). */
  readonly decisions: readonly MemberDecisionView[];
  readonly year: number;
  /** The briefings they gave in `year`, oldest first. */
  readonly briefings: readonly MemberBriefingView[];
  readonly audience: number;
}

const PERSON = { vi: 'người', en: 'person' };

/** One member's record, read in three statements (person, decisions, briefings) plus the roster derivation. */
export class MemberRecords {
  private readonly memberships: Memberships;

  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {
    this.memberships = new Memberships(orm);
  }

  async member(input: MemberRecordInput): Promise<MemberRecordView> {
    const q = parseInput(memberRecordInput, input);
    const conn = this.orm.em.fork().getConnection();
    const [person] = await conn.execute<
      { id: string; full_name: string; unit_id: string | null; unit_name: string | null; position: string | null }[]
    >(
      `SELECT p.id, p.full_name, p.unit_id, u.name AS unit_name, p.position
         FROM person p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?`,
      [q.personId],
    );
    if (!person) throw recordNotFoundError('PERSON.NOT_FOUND', PERSON, q.personId, 'personId');
    const decisionRows = await conn.execute<DecisionLineRow[]>(
      `SELECT ${ROSTER_COLUMNS}, d.id AS decision_id, d.number, ${isoCol('d.date', 'date')}, d.signer, d.kind,
              i.change, i.fields, i.position AS item_position, i.to_roster_id,
              a.number AS annulled_by_number, ${isoCol('a.date', 'annulled_by_date')}
         FROM roster_decision_item i
         JOIN roster_decision d ON d.id = i.decision_id
         JOIN roster r ON r.id = d.roster_id JOIN unit ou ON ou.id = r.owner_unit_id
         LEFT JOIN roster_decision a ON a.annuls_decision_id = d.id
        WHERE i.person_id = ?
        ORDER BY d.date, d.seq`,
      [q.personId],
    );
    const targets = [...new Set(decisionRows.flatMap((r) => (r.to_roster_id ? [r.to_roster_id] : [])))];
    const targetRows =
      targets.length === 0
        ? []
        : await conn.execute<RosterRow[]>(
            `SELECT ${ROSTER_COLUMNS} FROM roster r JOIN unit ou ON ou.id = r.owner_unit_id WHERE r.id = ANY(?::uuid[])`,
            [`{${targets.join(',')}}`],
          );
    const targetViews = new Map(targetRows.map((r) => [r.id, rosterView(r)]));
    const briefings = await conn.execute<MemberBriefingView[]>(
      `SELECT b.id, ${isoCol('b.date', 'date')}, u.name AS "unitName", b.topic, b.resolution,
              b.audience_size AS "audienceSize", b.mode
         FROM briefing_person bp JOIN briefing b ON b.id = bp.briefing_id JOIN unit u ON u.id = b.unit_id
        WHERE bp.person_id = ? AND b.date BETWEEN ?::date AND ?::date
        ORDER BY b.date, b.id`,
      [q.personId, `${q.year}-01-01`, `${q.year}-12-31`],
    );
    return {
      person: {
        id: person.id,
        fullName: person.full_name,
        unitId: person.unit_id,
        unitName: person.unit_name,
        position: person.position,
      },
      date: q.date,
      memberships: await this.memberships.rostersOf(q.personId, q.date),
      decisions: decisionRows.map((r) => ({
        decisionId: r.decision_id,
        roster: rosterView(r),
        number: r.number,
        date: r.date,
        signer: r.signer,
        kind: r.kind,
        change: r.change,
        fields: r.fields,
        position: r.item_position,
        toRoster: r.to_roster_id ? (targetViews.get(r.to_roster_id) ?? null) : null,
        annulledBy: r.annulled_by_number ? { number: r.annulled_by_number, date: r.annulled_by_date as string } : null,
      })),
      year: q.year,
      briefings,
      audience: briefings.reduce((sum, b) => sum + b.audienceSize, 0),
    };
  }
}

interface DecisionLineRow extends RosterRow {
  decision_id: string;
  number: string;
  date: string;
  signer: string;
  kind: RosterDecisionKind;
  change: RosterChange;
  fields: ExpertiseField[];
  item_position: string | null;
  to_roster_id: string | null;
  annulled_by_number: string | null;
  annulled_by_date: string | null;
}
