/** `@polcenter/core/rosters`: rapporteur rosters: decisions that add and remove members, the roster at a date. */
export * from './entities.js';
export {
  type DecisionItemView,
  type DecisionView,
  type MembershipView,
  type RosterAtView,
  type RosterMemberView,
  RosterService,
  type RosterView,
} from './rosters.js';
