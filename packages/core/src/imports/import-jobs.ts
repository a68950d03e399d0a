import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ENROLMENT_IMPORT_FIELDS,
  type ImportRow,
  isDomainError,
  type LocalizedText,
  PERSON_IMPORT_FIELDS,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import type { Orm } from '../orm.js';
import { columnHeaderOf, type FileColumn, mapRows, readImportTable } from './files.js';
import type { ImportReport } from './import-report.js';
import type { ImportService } from './imports.js';

export type ImportKind = 'people' | 'enrolments';
export type ImportJobState = 'uploaded' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';

/** One problem of a report, named as the person's file names it. */
export interface JobProblem {
  readonly line: number;
  /** The column's header as the file wrote it (or the header to add, when the file has none). */
  readonly column: string;
  readonly field: string;
  readonly message: LocalizedText;
}

/** Where an import started from the console stands, as its page polls it. */
export interface ImportJobView {
  readonly id: string;
  readonly kind: ImportKind;
  readonly fileName: string;
  /** `utf-8`, `utf-16le`, `windows-1258` or `xlsx`. */
  readonly encoding: string;
  readonly headerLine: number;
  readonly columns: readonly FileColumn[];
  readonly ignored: readonly string[];
  readonly rowCount: number;
  /** The first rows as the file has them (cells by column), for the person to recognise the file. */
  readonly preview: readonly { line: number; cells: readonly string[] }[];
  readonly state: ImportJobState;
  /** `check` while rows are checked, `write` while they are written. */
  readonly phase: 'check' | 'write' | null;
  readonly done: number;
  readonly total: number;
  /** The last dry run's or import's report; problems named by the file's headers. */
  readonly report:
    | (Omit<ImportReport, 'errors'> & { readonly errors: readonly JobProblem[]; readonly skippedCount: number })
    | null;
  readonly failure: LocalizedText | null;
}

/** Which units a person may import into: people's units, and the organisers of enrolment's classes. */
export type UnitScope = (unitId: string) => boolean;

const PREVIEW_ROWS = 10;
/** A job whose worker has not said it is alive for this long was cut off (its process stopped). */
const STALE_SECONDS = 30;
const HEARTBEAT_MS = 5_000;
const PROGRESS_EVERY_MS = 200;
const KEEP_JOBS = '1 day';

const notFound = () =>
  new DomainError('IMPORT.NOT_FOUND', {
    vi: 'Không có lần nhập này (có thể đã quá một ngày); hãy tải tệp lên lại.',
    en: 'No such import (it may be over a day old); upload the file again.',
  });

interface JobRow {
  id: string;
  kind: ImportKind;
  user_id: string;
  file_name: string;
  encoding: string;
  header_line: number;
  columns: FileColumn[];
  rows: { line: number; values: Record<string, string>; cells: string[] }[];
  state: ImportJobState;
  phase: 'check' | 'write' | null;
  done: number;
  total: number;
  report: ImportJobView['report'];
  failure: LocalizedText | null;
  stale: boolean;
}

/**
 * Imports started from the console, kept in PostgreSQL so that any server process answers the
 * page's polls: a file is read once at upload (rows kept with the job), checked by a dry run, then
 * imported all or nothing — each a run of `ImportService`, in the background of the process that
 * started it, its progress written as it goes. Only the person who uploaded a job sees or runs it.
 */
export class ImportJobService {
  private readonly running = new Set<Promise<void>>();

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    private readonly imports: ImportService,
  ) {}

  /** Reads the file and keeps its rows as a new job; the answer is the preview. */
  async upload(
    userId: string,
    input: { kind: ImportKind; fileName: string; data: Uint8Array },
  ): Promise<ImportJobView> {
    const fields = input.kind === 'people' ? PERSON_IMPORT_FIELDS : ENROLMENT_IMPORT_FIELDS;
    const table = await readImportTable(input.data, input.fileName, fields);
    const { rows, columns } = mapRows(table, fields);
    const lines = new Set(rows.map((r) => r.line));
    const cells = new Map(
      table.rows
        .filter((r) => lines.has(r.line))
        .map((r) => [r.line, columns.map((_, i) => cellShown(r.cells[i] ?? null))]),
    );
    const id = randomUUID();
    const em = this.orm.em.fork();
    await em.execute(`DELETE FROM import_job WHERE created_at < now() - interval '${KEEP_JOBS}'`);
    await em.execute(
      `INSERT INTO import_job (id, kind, user_id, file_name, encoding, header_line, columns, rows, total)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
      [
        id,
        input.kind,
        userId,
        input.fileName.split(/[\\/]/).pop()?.slice(0, 200) ?? 'file',
        table.encoding,
        table.headerLine,
        JSON.stringify(columns),
        JSON.stringify(rows.map((r) => ({ line: r.line, values: r.values, cells: cells.get(r.line) ?? [] }))),
        rows.length,
      ],
    );
    return this.get(userId, id);
  }

  async get(userId: string, id: string): Promise<ImportJobView> {
    const [row] = await this.orm.em.fork().execute<JobRow[]>(
      `SELECT id, kind, user_id, file_name, encoding, header_line, columns,
              (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM (
                 SELECT r FROM jsonb_array_elements(rows) r LIMIT ${PREVIEW_ROWS}) x) AS rows,
              jsonb_array_length(rows) AS row_count, state, phase, done, total, report, failure,
              state IN ('checking', 'importing') AND updated_at < now() - interval '${STALE_SECONDS} seconds' AS stale
         FROM import_job WHERE id = ? AND user_id = ?`,
      [id, userId],
    );
    if (!row) throw notFound();
    return viewOf(row as JobRow & { row_count: number });
  }

  /**
   * Starts a dry run (`dryRun`), or the import itself, which needs a dry run without problems
   * first. A second start of a job already running (a double click, a second tab) is refused:
   * the state moves in one conditional UPDATE, so only one worker ever runs a job.
   */
  async start(actor: Actor & { id: string }, id: string, dryRun: boolean, scope?: UnitScope): Promise<ImportJobView> {
    const next = dryRun ? 'checking' : 'importing';
    const from = dryRun ? ['uploaded', 'checked', 'failed'] : ['checked'];
    const claimed = await this.orm.em.fork().execute<JobRow[]>(
      `UPDATE import_job SET state = ?, phase = 'check', done = 0, failure = NULL, updated_at = now()
        WHERE id = ? AND user_id = ?
          AND (state IN (SELECT jsonb_array_elements_text(?::jsonb))
               ${dryRun ? `OR (state IN ('checking', 'importing') AND updated_at < now() - interval '${STALE_SECONDS} seconds')` : ''})
          ${dryRun ? '' : "AND report IS NOT NULL AND (report->>'dryRun')::boolean AND jsonb_array_length(report->'errors') = 0"}
        RETURNING id, kind, rows, columns`,
      [next, id, actor.id, JSON.stringify(from)],
    );
    const job = claimed[0];
    if (!job) {
      const current = await this.get(actor.id, id);
      throw new DomainError(
        'IMPORT.NOT_READY',
        current.state === 'checking' || current.state === 'importing'
          ? { vi: 'Tệp này đang được xử lý.', en: 'This file is being processed already.' }
          : current.state === 'done'
            ? { vi: 'Tệp này đã được nhập.', en: 'This file has been imported already.' }
            : {
                vi: 'Cần chạy thử và không còn lỗi trước khi nhập.',
                en: 'Run a check without problems before importing.',
              },
        { details: { state: current.state } },
      );
    }
    // Read before the worker starts: the answer is the state this call put the job in, not
    // whatever a fast worker has reached by the time a later read runs.
    const started = await this.get(actor.id, id);
    const work = this.run(actor, job, dryRun, scope).finally(() => this.running.delete(work));
    this.running.add(work);
    return started;
  }

  /** Waits for the jobs this process runs (a server stopping, a test). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(actor: Actor, job: JobRow, dryRun: boolean, scope?: UnitScope): Promise<void> {
    const em = this.orm.em.fork();
    const rows: ImportRow[] = job.rows.map((r) => ({ line: r.line, values: r.values }));
    let last = 0;
    let pending: Promise<unknown> = Promise.resolve();
    const progress = (done: number, total: number, phase: 'check' | 'write' = dryRun ? 'check' : 'write') => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      // On its own connection, outside the import's transaction, so the page sees it at once.
      pending = pending.then(() =>
        em
          .execute('UPDATE import_job SET done = ?, total = ?, phase = ?, updated_at = now() WHERE id = ?', [
            done,
            total,
            phase,
            job.id,
          ])
          .catch(() => {}),
      );
    };
    const heartbeat = setInterval(() => {
      pending = pending.then(() =>
        em.execute('UPDATE import_job SET updated_at = now() WHERE id = ?', [job.id]).catch(() => {}),
      );
    }, HEARTBEAT_MS);
    try {
      const options = { dryRun, onProgress: progress, ...(scope ? { scope } : {}) };
      const report =
        job.kind === 'people'
          ? await this.imports.people(actor, rows as ImportRow<(typeof PERSON_IMPORT_FIELDS)[number]>[], options)
          : await this.imports.enrolments(
              actor,
              rows as ImportRow<(typeof ENROLMENT_IMPORT_FIELDS)[number]>[],
              options,
            );
      await pending;
      const named = {
        ...report,
        skippedCount: report.skipped.length,
        errors: report.errors.map((e) => ({ ...e, column: columnHeaderOf(e.field, job.columns) })),
      };
      await em.execute(
        `UPDATE import_job SET state = ?, report = ?::jsonb, updated_at = now()${report.written ? ", rows = '[]'::jsonb" : ''}
          WHERE id = ?`,
        [report.written ? 'done' : 'checked', JSON.stringify(named), job.id],
      );
    } catch (error) {
      await pending;
      const failure: LocalizedText = isDomainError(error)
        ? error.text
        : {
            vi: 'Máy chủ gặp lỗi khi xử lý tệp; không có gì được ghi. Hãy thử lại.',
            en: 'The server failed while processing the file; nothing was written. Try again.',
          };
      await em
        .execute("UPDATE import_job SET state = 'failed', failure = ?::jsonb, updated_at = now() WHERE id = ?", [
          JSON.stringify(failure),
          job.id,
        ])
        .catch(() => {});
    } finally {
      clearInterval(heartbeat);
    }
  }
}

function cellShown(cell: string | number | Date | null): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10).split('-').reverse().join('/');
  return String(cell);
}

function viewOf(row: JobRow & { row_count: number }): ImportJobView {
  // A worker that stopped saying it is alive was cut off with its process: its transaction rolled back.
  const stale = row.stale;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    encoding: row.encoding,
    headerLine: row.header_line,
    columns: row.columns,
    ignored: row.columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header),
    rowCount: Number(row.row_count),
    preview: row.rows.map((r) => ({ line: r.line, cells: r.cells })),
    state: stale ? 'failed' : row.state,
    phase: row.phase,
    done: row.done,
    total: row.total,
    report: row.report,
    failure: stale
      ? {
          vi: 'Việc xử lý tệp bị ngắt (máy chủ đã dừng); không có gì được ghi. Hãy chạy lại.',
          en: 'Processing was cut off (the server stopped); nothing was written. Run it again.',
        }
      : row.failure,
  };
}
