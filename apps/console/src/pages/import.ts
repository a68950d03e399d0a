import type { RouterOutputs } from '@polcenter/client';
import { IMPORT_COLUMNS, type LocalizedText } from '@polcenter/domain';
import { type Failure, failureOf } from '@polcenter/widgets/failure';
import { css, html, nothing, type TemplateResult } from 'lit';
import { uploadClient } from '../api.js';
import { sentence } from '../form.js';
import { number } from '../i18n.js';
import { ConsolePage } from '../page.js';

type Job = RouterOutputs['imports']['job'];
type Kind = Job['kind'];

/** How often the page asks where a running job stands. */
const POLL_MS = 300;

const TEXT = {
  heading: { vi: 'Nhập dữ liệu từ tệp', en: 'Import from a file' },
  intro: {
    vi: 'Chọn loại dữ liệu và tệp Excel (.xlsx) hoặc CSV. Hệ thống xem trước, chạy thử từng dòng, rồi mới nhập: hoặc nhập hết, hoặc không nhập gì.',
    en: 'Choose what to import and an Excel (.xlsx) or CSV file. It is previewed and checked row by row before anything is written: every row is imported, or none.',
  },
  kind: { vi: 'Loại dữ liệu', en: 'What to import' },
  people: { vi: 'Danh sách cá nhân', en: 'People' },
  enrolments: {
    vi: 'Ghi danh vào lớp (cả lớp đã học, có kết quả)',
    en: 'Enrolments in classes (past classes with results too)',
  },
  file: { vi: 'Tệp (.xlsx hoặc .csv)', en: 'File (.xlsx or .csv)' },
  fileHint: {
    vi: 'Dòng tiêu đề cột có thể nằm dưới dòng tên danh sách; CSV lưu từ Excel (kể cả mã Windows-1258) đều đọc được.',
    en: 'The header row may sit below a title row; CSV saved by Excel (Windows-1258 too) is read as well.',
  },
  upload: { vi: 'Tải lên và xem trước', en: 'Upload and preview' },
  uploading: { vi: 'Đang tải lên…', en: 'Uploading…' },
  preview: { vi: 'Xem trước', en: 'Preview' },
  headerAt: (line: number, encoding: string) => ({
    vi: `Tiêu đề cột ở dòng ${line}; ${encodingName(encoding).vi}.`,
    en: `Headers on row ${line}; ${encodingName(encoding).en}.`,
  }),
  rows: (n: number) => ({ vi: `${n} dòng dữ liệu.`, en: `${n} rows of data.` }),
  column: { vi: 'Cột trong tệp', en: 'Column in the file' },
  readAs: { vi: 'Đọc là', en: 'Read as' },
  ignoredColumn: { vi: 'Bỏ qua', en: 'Not used' },
  line: { vi: 'Dòng', en: 'Row' },
  firstRows: { vi: 'Các dòng đầu', en: 'First rows' },
  check: { vi: 'Chạy thử (kiểm tra, chưa ghi)', en: 'Check (dry run, nothing written)' },
  checking: { vi: 'Đang kiểm tra', en: 'Checking' },
  writing: { vi: 'Đang ghi', en: 'Writing' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  problems: (rows: number, all: number) => ({
    vi: `${rows} dòng có lỗi (${all} lỗi). Không ghi gì vào cơ sở dữ liệu. Sửa tệp rồi tải lên lại.`,
    en: `${rows} rows have problems (${all} in all). Nothing was written. Fix the file and upload it again.`,
  }),
  problem: { vi: 'Lỗi', en: 'Problem' },
  valid: (created: number, skipped: number, what: LocalizedText) => ({
    vi: `Tất cả các dòng hợp lệ: sẽ thêm ${created} ${what.vi}, bỏ qua ${skipped} đã có.`,
    en: `Every row is valid: ${created} ${what.en} will be added, ${skipped} already on file skipped.`,
  }),
  skippedRows: { vi: 'Dòng bỏ qua (đã có)', en: 'Rows skipped (already on file)' },
  confirm: (n: number, what: LocalizedText) => ({ vi: `Nhập ${n} ${what.vi}`, en: `Import ${n} ${what.en}` }),
  done: (created: number, total: number, skipped: number, what: LocalizedText) => ({
    vi: `Đã nhập ${created} ${what.vi} từ ${total} dòng; bỏ qua ${skipped} đã có.`,
    en: `Imported ${created} ${what.en} from ${total} rows; ${skipped} already on file skipped.`,
  }),
  again: { vi: 'Nhập tệp khác', en: 'Import another file' },
  changed: {
    vi: 'Dữ liệu đã thay đổi từ lần chạy thử: không ghi gì. Xem các lỗi dưới đây.',
    en: 'The data changed since the check: nothing was written. See the problems below.',
  },
} as const;

const WHAT: Record<Kind, LocalizedText> = {
  people: { vi: 'người', en: 'people' },
  enrolments: { vi: 'ghi danh', en: 'enrolments' },
};

function encodingName(encoding: string): LocalizedText {
  switch (encoding) {
    case 'xlsx':
      return { vi: 'sổ làm việc Excel', en: 'an Excel workbook' };
    case 'windows-1258':
      return { vi: 'CSV mã Windows-1258 (Excel tiếng Việt)', en: 'CSV in Windows-1258 (Vietnamese Excel)' };
    case 'utf-16le':
    case 'utf-16be':
      return { vi: 'CSV mã UTF-16', en: 'CSV in UTF-16' };
    default:
      return { vi: 'CSV mã UTF-8', en: 'CSV in UTF-8' };
  }
}

/**
 * Imports people or enrolments from a file staff chose: upload (the server reads it once), a
 * preview of the columns as read and the first rows, a dry run whose report names each bad row by
 * its number and the column by the file's own header, then the import, all or nothing — each run
 * with a progress bar on the job's progress as the server writes it (`imports.job`, polled).
 */
export class PcImportPage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    job: { state: true },
    busy: { state: true },
    failure: { state: true },
  };
  static override styles = [
    ...ConsolePage.styles,
    css`
      progress {
        width: 100%;
        height: 1.25rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
      .choices label {
        font-weight: normal;
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
    `,
  ];

  declare private job: Job | undefined;
  declare private busy: boolean;
  declare private failure: Failure | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.busy = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async upload(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.failure = undefined;
    this.job = undefined;
    try {
      this.job = await uploadClient(this.currentLang).imports.upload.mutate(data);
    } catch (error) {
      this.failure = failureOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async start(dryRun: boolean): Promise<void> {
    const job = this.job;
    if (!job) return;
    this.busy = true;
    this.failure = undefined;
    try {
      this.job = await this.client.imports.start.mutate({ jobId: job.id, dryRun });
      this.poll();
    } catch (error) {
      this.failure = failureOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** Asks where the job stands until it is no longer running. */
  private poll(): void {
    clearTimeout(this.timer);
    const job = this.job;
    if (!job || (job.state !== 'checking' && job.state !== 'importing')) return;
    this.timer = setTimeout(async () => {
      try {
        this.job = await this.client.imports.job.query({ jobId: job.id });
      } catch (error) {
        this.failure = failureOf(error);
      }
      this.poll();
    }, POLL_MS);
  }

  private reset(): void {
    clearTimeout(this.timer);
    this.job = undefined;
    this.failure = undefined;
  }

  override render(): TemplateResult {
    const job = this.job;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${job ? this.renderJob(job) : this.renderChoose()}
      ${this.failure ? html`<p role="alert">${sentence(this.failure, this.currentLang)}</p>${this.fieldFailures()}` : nothing}`;
  }

  private fieldFailures(): TemplateResult | typeof nothing {
    const failure = this.failure;
    const said = failure ? sentence(failure, this.currentLang) : '';
    const fields = failure?.fields.filter((f) => f.message[this.currentLang] !== said) ?? [];
    return fields.length ? html`<ul>${fields.map((f) => html`<li>${f.message[this.currentLang]}</li>`)}</ul>` : nothing;
  }

  private renderChoose(): TemplateResult {
    return html`<p>${this.t(TEXT.intro)}</p>
      <form @submit=${this.upload}>
        <fieldset class="field">
          <legend>${this.t(TEXT.kind)}</legend>
          <div class="choices">
            <label><input type="radio" name="kind" value="people" checked /> ${this.t(TEXT.people)}</label>
            <label><input type="radio" name="kind" value="enrolments" /> ${this.t(TEXT.enrolments)}</label>
          </div>
        </fieldset>
        <div class="field">
          <label for="file">${this.t(TEXT.file)}</label>
          <input id="file" name="file" type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint" />
          <p class="hint" id="file-hint">${this.t(TEXT.fileHint)}</p>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t(this.busy ? TEXT.uploading : TEXT.upload)}</button>
        </div>
      </form>`;
  }

  private renderJob(job: Job): TemplateResult {
    const lang = this.currentLang;
    const running = job.state === 'checking' || job.state === 'importing';
    return html`<section class="panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">${this.t(TEXT.preview)}: ${job.fileName}</h2>
        <p>${this.t(TEXT.headerAt(job.headerLine, job.encoding))} ${job.state === 'done' ? nothing : this.t(TEXT.rows(job.rowCount))}</p>
        ${this.renderColumns(job)}
        ${job.preview.length ? this.renderPreview(job) : nothing}
      </section>
      ${running ? this.renderProgress(job) : nothing}
      ${job.state === 'failed' && job.failure ? html`<p role="alert">${job.failure[lang]}</p>` : nothing}
      ${job.report && !running ? this.renderReport(job) : nothing}
      <div class="actions">
        ${
          job.state === 'uploaded' || job.state === 'failed'
            ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.start(true)}>${this.t(TEXT.check)}</button>`
            : nothing
        }
        ${
          job.state === 'checked' && job.report?.dryRun && job.report.errors.length === 0
            ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.start(false)}>${this.t(TEXT.confirm(job.report.created, WHAT[job.kind]))}</button>`
            : nothing
        }
        ${running ? nothing : html`<button type="button" @click=${() => this.reset()}>${this.t(TEXT.again)}</button>`}
      </div>`;
  }

  private renderColumns(job: Job): TemplateResult {
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.column)}><table>
      <thead><tr><th scope="col">${this.t(TEXT.column)}</th><th scope="col">${this.t(TEXT.readAs)}</th></tr></thead>
      <tbody>${job.columns
        .filter((c) => c.header !== '')
        .map(
          (c) =>
            html`<tr data-field=${c.field ?? ''}><td>${c.header}</td><td>${
              c.field
                ? this.t(IMPORT_COLUMNS[c.field as keyof typeof IMPORT_COLUMNS]?.header ?? { vi: c.field, en: c.field })
                : html`<span class="muted">${this.t(TEXT.ignoredColumn)}</span>`
            }</td></tr>`,
        )}</tbody>
    </table></div>`;
  }

  private renderPreview(job: Job): TemplateResult {
    const shown = job.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.header !== '');
    return html`<h3>${this.t(TEXT.firstRows)}</h3>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.firstRows)}><table class="preview">
        <thead><tr><th scope="col">${this.t(TEXT.line)}</th>${shown.map(({ c }) => html`<th scope="col">${c.header}</th>`)}</tr></thead>
        <tbody>${job.preview.map(
          (row) =>
            html`<tr><th scope="row" class="num">${row.line}</th>${shown.map(({ i }) => html`<td>${row.cells[i] ?? ''}</td>`)}</tr>`,
        )}</tbody>
      </table></div>`;
  }

  private renderProgress(job: Job): TemplateResult {
    const lang = this.currentLang;
    const what = job.phase === 'write' ? TEXT.writing : TEXT.checking;
    const total = Math.max(job.total, 1);
    return html`<div class="panel">
      <label for="progress">${this.t(what)}: ${number(job.done, lang)}/${number(job.total, lang)}</label>
      <progress id="progress" max=${total} .value=${Math.min(job.done, total)} aria-valuetext="${job.done}/${job.total}"></progress>
    </div>`;
  }

  private renderReport(job: Job): TemplateResult {
    const lang = this.currentLang;
    const report = job.report as NonNullable<Job['report']>;
    const what = WHAT[job.kind];
    if (report.errors.length > 0) {
      const badRows = new Set(report.errors.map((e) => e.line)).size;
      return html`<section class="panel" aria-labelledby="report-heading">
        <h2 id="report-heading">${this.t(TEXT.problem)}</h2>
        ${report.dryRun ? nothing : html`<p>${this.t(TEXT.changed)}</p>`}
        <p role="alert" class="warning">${this.t(TEXT.problems(badRows, report.errors.length))}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.problem)}><table class="problems">
          <thead><tr><th scope="col">${this.t(TEXT.line)}</th><th scope="col">${this.t(TEXT.column)}</th>
            <th scope="col">${this.t(TEXT.problem)}</th></tr></thead>
          <tbody>${report.errors.map(
            (e) =>
              html`<tr data-line=${e.line}><td class="num">${e.line}</td><td>${e.column}</td><td>${e.message[lang]}</td></tr>`,
          )}</tbody>
        </table></div>
      </section>`;
    }
    return html`<section class="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">${this.t(report.written ? TEXT.progress : TEXT.check)}</h2>
      <p role="status" class="success">${
        report.written
          ? this.t(TEXT.done(report.created, report.total, report.skippedCount, what))
          : this.t(TEXT.valid(report.created, report.skippedCount, what))
      }</p>
      ${
        report.skipped.length
          ? html`<h3>${this.t(TEXT.skippedRows)}</h3><ul>${report.skipped.map(
              (s) => html`<li>${this.t(TEXT.line)} ${s.line}: ${s.message[lang]}</li>`,
            )}</ul>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('pc-import-page', PcImportPage);
