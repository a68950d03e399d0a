/** `@polcenter/core/plans`: the year's plan targets of a unit, and the propaganda output it tallies. */
export { PlanTargetService, type PlanTargetView } from './plan-targets.js';
export { PropagandaOutputService, type PropagandaOutputView } from './propaganda-output.js';
