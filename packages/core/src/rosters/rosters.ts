import type {
  AnnulDecisionInput,
  MemberRecordInput,
  RosterAtInput,
  RosterDecision,
  RosterDecisionInput,
  RosterInput,
  RosterListInput,
  RosterUpdateInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import type { Orm } from '../orm.js';
import type { DecisionView } from './decisions.js';
import { RosterDecisions } from './decisions.js';
import { MemberRecords, type MemberRecordView } from './member-record.js';
import type { MembershipView, RosterAtView } from './membership.js';
import { Memberships } from './membership.js';
import type { RosterView } from './roster-records.js';
import { Rosters } from './roster-records.js';

/**
 * Rosters of rapporteurs and propagandists. A roster changes only through decisions; who is on
 * it at a date is derived from them, in one SQL statement (roster-sql.ts), by the same rules as
 * the domain's `rosterAt`. Decisions on one roster are serialised by a lock on the roster row.
 * One object for the API; rosters, decisions and membership each have their own module.
 */
export class RosterService {
  private readonly rosterWork: Rosters;
  private readonly decisionWork: RosterDecisions;
  private readonly membershipWork: Memberships;
  private readonly memberWork: MemberRecords;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(orm: Orm) {
    this.memberWork = new MemberRecords(orm);
    this.rosterWork = new Rosters(orm);
    this.decisionWork = new RosterDecisions(orm);
    this.membershipWork = new Memberships(orm);
  }

  create(actor: Actor, input: RosterInput): Promise<RosterView> {
    return this.rosterWork.create(actor, input);
  }

  /** Corrects a roster's level, term or name (not its members: those change by decision). */
  update(actor: Actor, input: RosterUpdateInput): Promise<RosterView> {
    return this.rosterWork.update(actor, input);
  }

  get(id: string): Promise<RosterView> {
    return this.rosterWork.get(id);
  }

  list(input: RosterListInput = {}): Promise<RosterView[]> {
    return this.rosterWork.list(input);
  }

  recordDecision(actor: Actor, input: RosterDecisionInput): Promise<DecisionView> {
    return this.decisionWork.recordDecision(actor, input);
  }

  annul(actor: Actor, input: AnnulDecisionInput): Promise<DecisionView> {
    return this.decisionWork.annul(actor, input);
  }

  decisions(rosterId: string): Promise<DecisionView[]> {
    return this.decisionWork.decisions(rosterId);
  }

  decisionsForDerivation(rosterIds: readonly string[]): Promise<RosterDecision[]> {
    return this.decisionWork.decisionsForDerivation(rosterIds);
  }

  decision(id: string): Promise<DecisionView> {
    return this.decisionWork.decision(id);
  }

  rosterAt(input: RosterAtInput): Promise<RosterAtView> {
    return this.membershipWork.rosterAt(input);
  }

  rostersOf(personId: string, date: string): Promise<MembershipView[]> {
    return this.membershipWork.rostersOf(personId, date);
  }

  /** A member's page: their rosters at a date, the decisions that named them, their briefings of a year. */
  member(input: MemberRecordInput): Promise<MemberRecordView> {
    return this.memberWork.member(input);
  }
}
