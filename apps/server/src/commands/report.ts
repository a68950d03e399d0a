import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ReportFormat, reportFile } from '@polcenter/core';
import { SetupError } from '@polcenter/postgres';
import type { Command } from './types.js';
import { UsageError } from './types.js';
import { withLibrary } from './with-library.js';

const FORMATS: readonly ReportFormat[] = ['json', 'csv', 'xlsx', 'html'];

/** The format asked, or the one --out's extension names, or JSON. */
function formatOf(asked: string | undefined, out: string | undefined): ReportFormat {
  const format = asked ?? (out ? path.extname(out).slice(1).toLowerCase() : 'json');
  if ((FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw new UsageError({
    vi: `Dạng báo cáo không hợp lệ: ${format} (có: ${FORMATS.join(', ')}).`,
    en: `Unknown report format: ${format} (known: ${FORMATS.join(', ')}).`,
  });
}

/**
 * `polcenter report --unit CODE --from DATE --to DATE --format json|csv|xlsx|html [--out FILE]`: the
 * period report (ADR 0033) as the propaganda department reads it (every opinion topic), written
 * whole or not at all. Runs beside a running server on its database (ADR 0018).
 */
export const reportCommand: Command = {
  async run(settings, out, flags) {
    if (!flags.from || !flags.to) {
      throw new UsageError({ vi: 'Thiếu --from NGÀY hoặc --to NGÀY.', en: 'Missing --from DATE or --to DATE.' });
    }
    if ((flags.unit?.length ?? 0) > 1) throw new UsageError({ vi: 'Chỉ một --unit.', en: 'Only one --unit.' });
    const format = formatOf(flags.format, flags.out);
    if (format === 'xlsx' && !flags.out) {
      throw new UsageError({ vi: 'Báo cáo Excel cần --out TỆP.', en: 'An Excel report needs --out FILE.' });
    }
    const [unitCode] = flags.unit ?? [];
    // The embedded database's notes would land in the report on stdout.
    const file = await withLibrary(settings, { ...out, note: () => {} }, async (polcenter) => {
      const unitId = unitCode ? await polcenter.reports.unitIdOf(unitCode, '--unit') : undefined;
      const report = await polcenter.reports.period(
        { from: flags.from as string, to: flags.to as string, ...(unitId ? { unitId } : {}) },
        'propaganda',
      );
      return reportFile(report, format, out.lang);
    });
    if (!flags.out) {
      process.stdout.write(file.body);
      return;
    }
    const temporary = `${flags.out}.${process.pid}.part`;
    try {
      await writeFile(temporary, file.body, { mode: 0o600 });
      await rename(temporary, flags.out);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new SetupError(
        'FILE.UNWRITABLE',
        { vi: `Không ghi được tệp ${flags.out}.`, en: `Cannot write the file ${flags.out}.` },
        { cause: error },
      );
    }
    out.say({ vi: `Đã ghi báo cáo vào ${flags.out}.`, en: `Wrote the report to ${flags.out}.` });
  },
};
