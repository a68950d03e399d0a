/** `@polcenter/core/imports`: data in and out: spreadsheet imports of people and enrolments, exports, backup and restore. */

/** @internal Backup and restore work on the ORM: published through `@polcenter/core/orm` (ADR 0032). */
export {
  BACKUP_FORMAT,
  type BackupHeader,
  type RestoreReport,
  restoreBackup,
  writeBackup,
} from './backup.js';
export {
  CLASS_EXPORT_FIELDS,
  type ClassExportField,
  ENROLMENT_EXPORT_FIELDS,
  type EnrolmentExportField,
  type ExportOptions,
  ExportService,
  type ExportTable,
} from './exports.js';
export {
  type Cell,
  columnHeaderOf,
  csvRows,
  decodeText,
  type FileColumn,
  findHeaderRow,
  MAX_IMPORT_BYTES,
  type MappedRows,
  mapRows,
  type RawTable,
  readImportTable,
  type SheetRow,
  xlsxRows,
} from './files.js';
export {
  ImportJobService,
  type ImportJobState,
  type ImportJobView,
  type ImportKind,
  type JobProblem,
  type UnitScope,
} from './import-jobs.js';
export type { ImportOptions, ImportProblem, ImportReport, ImportSkip } from './import-report.js';
export { ImportService } from './imports.js';
export { exportSheet, type SheetTable, toCsv, toXlsx } from './sheets.js';
