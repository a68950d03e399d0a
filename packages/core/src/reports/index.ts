/** `@polcenter/core/reports`: the report of a period for a unit and everything within it (ADR 0033), and its public subset. */

export {
  type ReportFormat,
  type ReportTable,
  reportCsv,
  reportFile,
  reportHtml,
  reportTables,
  reportXlsx,
  SHEET_HEADER_ROW,
} from './files/index.js';
export type {
  ClassificationCount,
  Directive17Section,
  OutputSection,
  PeriodReport,
  RapporteurSection,
  ReportOrganiser,
  TrainingSection,
} from './period-report.js';
export type { PropagandaReport } from './propaganda-report.js';
export type { PublishedReport } from './published.js';
export { ReportService, type TrainingReport } from './reports.js';
