/** `@polcenter/core/rosters`: rapporteur rosters: decisions that add and remove members, the roster at a date. */
export type { DecisionItemView, DecisionView } from './decisions.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export type { MemberBriefingView, MemberDecisionView, MemberRecordView } from './member-record.js';
export type { MembershipView, RosterAtView, RosterMemberView } from './membership.js';
export type { RosterView } from './roster-records.js';
export { RosterService } from './rosters.js';
