/** `@polcenter/core/reports`: 6-month and annual training reports over a unit's subtree (counts only). */
export type { PropagandaReport } from './propaganda-report.js';
export { ReportService, type TrainingReport } from './reports.js';
