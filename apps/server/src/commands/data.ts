import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  type Actor,
  columnHeaderOf,
  type ExportTable,
  exportSheet,
  type FileColumn,
  type ImportReport,
  mapRows,
  toCsv,
  toXlsx,
} from '@polcenter/core';
import { ormOf, restoreBackup, writeBackup } from '@polcenter/core/orm';
import { ENROLMENT_IMPORT_FIELDS, type LocalizedText, PERSON_IMPORT_FIELDS } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';
import { readTable } from '../data-files.js';
import type { Output } from '../output.js';
import type { Command } from './types.js';
import { UsageError } from './types.js';
import { withLibrary } from './with-library.js';

const CLI_ACTOR: Actor = { id: null, label: 'cli' };
/** Files with more rows than this get a progress bar (when stderr is a terminal). */
const PROGRESS_FROM = 500;

function fileArg(args: readonly string[], what: LocalizedText): string {
  const [file] = args;
  if (!file) throw new UsageError({ vi: `Thiếu ${what.vi}.`, en: `Missing ${what.en}.` });
  return file;
}

/** A one-line text bar on stderr, redrawn in place; nothing when stderr is not a terminal. */
function progressBar(rows: number): { update(done: number, total: number): void; end(): void } {
  if (rows <= PROGRESS_FROM || !process.stderr.isTTY) return { update() {}, end() {} };
  let last = -1;
  return {
    update(done, total) {
      const share = total === 0 ? 1 : done / total;
      const percent = Math.floor(share * 100);
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${done}/${total}`);
    },
    end() {
      if (last >= 0) process.stderr.write('\n');
    },
  };
}

function printReport(out: Output, report: ImportReport, what: LocalizedText, columns: readonly FileColumn[]): void {
  const word = out.lang === 'vi' ? 'dòng' : 'line';
  for (const skip of report.skipped) out.note(`${word} ${skip.line}: ${skip.message[out.lang]}`);
  // Each problem under the column's header as the file names it, which is what staff look for.
  for (const error of report.errors) {
    out.fail(`${word} ${error.line}: ${columnHeaderOf(error.field, columns, out.lang)} — ${error.message[out.lang]}`);
  }
  const badLines = new Set(report.errors.map((e) => e.line)).size;
  if (badLines > 0) {
    throw new SetupError('IMPORT.BAD_ROWS', {
      vi: `${badLines}/${report.total} dòng có lỗi (${report.errors.length} lỗi); không ghi gì vào cơ sở dữ liệu. Sửa tệp rồi nhập lại.`,
      en: `${badLines} of ${report.total} rows have errors (${report.errors.length} in all); nothing was written. Fix the file and import it again.`,
    });
  }
  const skipped = report.skipped.length;
  out.say(
    report.dryRun
      ? {
          vi: `Chạy thử: ${report.total} dòng hợp lệ; sẽ thêm ${report.created} ${what.vi}, bỏ qua ${skipped} đã có. Chưa ghi gì.`,
          en: `Dry run: ${report.total} rows are valid; ${report.created} ${what.en} would be added, ${skipped} already on file skipped. Nothing written.`,
        }
      : {
          vi: `Đã nhập ${report.created} ${what.vi} từ ${report.total} dòng; bỏ qua ${skipped} đã có.`,
          en: `Imported ${report.created} ${what.en} from ${report.total} rows; ${skipped} already on file skipped.`,
        },
  );
}

function importCommand(kind: 'people' | 'enrolments'): Command {
  const what: LocalizedText = kind === 'people' ? { vi: 'người', en: 'people' } : { vi: 'ghi danh', en: 'enrolments' };
  return {
    async run(settings, out, flags, args) {
      const file = fileArg(args, { vi: 'tên tệp cần nhập', en: 'the file to import' });
      const fields = kind === 'people' ? PERSON_IMPORT_FIELDS : ENROLMENT_IMPORT_FIELDS;
      const { rows, columns, ignored } = mapRows(await readTable(file, fields), fields);
      if (ignored.length > 0) {
        out.note({ vi: `Bỏ qua các cột: ${ignored.join(', ')}.`, en: `Columns not used: ${ignored.join(', ')}.` });
      }
      const bar = progressBar(rows.length);
      const report = await withLibrary(settings, out, async (polcenter) => {
        const options = { dryRun: Boolean(flags['dry-run']), onProgress: bar.update };
        try {
          return kind === 'people'
            ? await polcenter.imports.people(CLI_ACTOR, rows, options)
            : await polcenter.imports.enrolments(CLI_ACTOR, rows, options);
        } finally {
          bar.end();
        }
      });
      printReport(out, report, what, columns);
    },
  };
}

export const importPeopleCommand = importCommand('people');
export const importEnrolmentsCommand = importCommand('enrolments');

/** Writes to a temporary file beside the target, then renames: no half-written file is left. */
async function writeAtomically(file: string, content: string | Buffer | ((stream: Writable) => Promise<void>)) {
  const temporary = `${file}.${process.pid}.part`;
  try {
    if (typeof content !== 'function') await writeFile(temporary, content, { mode: 0o600 });
    else {
      const stream = createWriteStream(temporary, { mode: 0o600 });
      await content(stream);
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof SetupError) throw error;
    throw new SetupError(
      'FILE.UNWRITABLE',
      { vi: `Không ghi được tệp ${file}.`, en: `Cannot write the file ${file}.` },
      { cause: error },
    );
  }
}

function exportCommand(kind: 'people' | 'enrolments' | 'classes'): Command {
  const what = {
    people: { vi: 'danh sách cá nhân', en: 'the people' },
    enrolments: { vi: 'danh sách ghi danh', en: 'the enrolments' },
    classes: { vi: 'danh sách lớp', en: 'the classes' },
  }[kind];
  return {
    async run(settings, out, flags) {
      const withPersonalData = Boolean(flags['with-personal-data']);
      // The embedded database's notes would land in the CSV on stdout.
      const table = await withLibrary(settings, { ...out, note: () => {} }, (polcenter) =>
        kind === 'classes'
          ? polcenter.exports.classes()
          : (polcenter.exports[kind](CLI_ACTOR, { withPersonalData }) as Promise<ExportTable>),
      );
      const sheet = exportSheet(table);
      if (!flags.out) {
        process.stdout.write(toCsv(sheet));
        return;
      }
      const xlsx = path.extname(flags.out).toLowerCase() === '.xlsx';
      await writeAtomically(flags.out, xlsx ? await toXlsx(sheet, what.vi) : toCsv(sheet));
      out.say({
        vi: `Đã xuất ${table.rows.length} dòng vào ${flags.out}${withPersonalData ? ' (có dữ liệu cá nhân; đã ghi nhật ký)' : ''}.`,
        en: `Exported ${table.rows.length} rows to ${flags.out}${withPersonalData ? ' (with personal data; audited)' : ''}.`,
      });
    },
  };
}

export const exportPeopleCommand = exportCommand('people');
export const exportEnrolmentsCommand = exportCommand('enrolments');
export const exportClassesCommand = exportCommand('classes');

async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

export const backupCommand: Command = {
  async run(settings, out, flags) {
    const file = flags.out;
    if (!file) throw new UsageError({ vi: 'Thiếu --out TỆP.', en: 'Missing --out FILE.' });
    const header = await withLibrary(settings, out, async (polcenter) => {
      let result: Awaited<ReturnType<typeof writeBackup>> | undefined;
      await writeAtomically(file, async (target) => {
        const gzip = file.endsWith('.gz') ? createGzip() : undefined;
        const sink: Writable = gzip ?? target;
        if (gzip) gzip.pipe(target);
        result = await writeBackup(ormOf(polcenter), (line) => writeLine(sink, line));
        sink.end();
        await finished(target);
      });
      if (!result) throw new Error('backup wrote nothing');
      return result;
    });
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    out.say({
      vi: `Đã sao lưu ${rows} dòng của ${header.tables.length} bảng vào ${file}.`,
      en: `Backed up ${rows} rows of ${header.tables.length} tables to ${file}.`,
    });
  },
};

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch((error) => {
    throw new SetupError(
      'FILE.UNREADABLE',
      { vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` },
      { cause: error },
    );
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export const restoreCommand: Command = {
  async run(settings, out, _flags, args) {
    const file = fileArg(args, { vi: 'tên tệp sao lưu', en: 'the backup file' });
    const gzipped = await isGzip(file);
    const report = await withLibrary(
      settings,
      out,
      async (polcenter) => {
        const source = createReadStream(file);
        const input: Readable = gzipped ? source.pipe(createGunzip()) : source;
        const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
        try {
          return await restoreBackup(ormOf(polcenter), lines);
        } finally {
          lines.close();
          source.destroy();
        }
      },
      'exclusive',
    );
    const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
    out.say({
      vi: `Đã khôi phục ${rows} dòng của ${report.tables.length} bảng từ ${file}.`,
      en: `Restored ${rows} rows of ${report.tables.length} tables from ${file}.`,
    });
  },
};
