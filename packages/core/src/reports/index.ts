/** `@polcenter/core/reports`: 6-month and annual training reports over a unit's subtree (counts only). */
export { ReportService, type TrainingReport } from './reports.js';
