import type { Lang } from '@polcenter/domain';
import type { PeriodReport } from '../period-report.js';
import { reportHtml } from './report-print.js';
import { reportCsv, reportXlsx } from './report-sheets.js';
import { reportFileName } from './report-tables.js';

export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'html';
export { reportHtml } from './report-print.js';
export { reportCsv, reportXlsx, SHEET_HEADER_ROW } from './report-sheets.js';
export { type ReportTable, reportTables } from './report-tables.js';

/** The report as a file of the format asked: its name, its type, its bytes. */
export async function reportFile(
  report: PeriodReport,
  format: ReportFormat,
  lang: Lang = 'vi',
): Promise<{ fileName: string; mimeType: string; body: Buffer }> {
  const name = reportFileName(report, lang);
  switch (format) {
    case 'json':
      return {
        fileName: `${name}.json`,
        mimeType: 'application/json',
        body: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'),
      };
    case 'csv':
      return {
        fileName: `${name}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        body: Buffer.from(reportCsv(report, lang), 'utf8'),
      };
    case 'xlsx':
      return {
        fileName: `${name}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await reportXlsx(report, lang),
      };
    case 'html':
      return {
        fileName: `${name}.html`,
        mimeType: 'text/html;charset=utf-8',
        body: Buffer.from(reportHtml(report, lang), 'utf8'),
      };
  }
}
