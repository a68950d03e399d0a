import type { LocalizedText } from '@polcenter/domain';
import { type Failure, failureOf } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { activityStyles, loadState, type UnitChoice, unitChoices } from '../activities/shared.js';
import { saveApiFile } from '../download.js';
import { sentence } from '../form.js';
import { ConsolePage } from '../page.js';
import { choiceOf, defaultDates, type PeriodChoice, type PeriodKind, periodFromAddress } from './period-choice.js';
import { type PeriodErrors, periodFields, readPeriod } from './period-form.js';
import {
  directive17Section,
  outputSection,
  type PeriodReport,
  rapporteurSection,
  trainingSection,
} from './report-sections.js';
import { REPORT_READERS, refusal, reportLinks, reportStyles, unitSelect } from './shared.js';

type Format = 'json' | 'csv' | 'xlsx' | 'html';

const TEXT = {
  heading: { vi: 'Báo cáo', en: 'Reports' },
  choose: { vi: 'Chọn kỳ báo cáo và đơn vị', en: 'Choose the period and unit' },
  show: { vi: 'Xem báo cáo', en: 'Show the report' },
  title: (period: string, unit: string): LocalizedText => ({
    vi: `Báo cáo ${period} — ${unit}`,
    en: `Report for ${period} — ${unit}`,
  }),
  everyUnit: { vi: 'mọi đơn vị', en: 'every unit' },
  predecessors: {
    vi: 'Gồm cả số liệu của các đơn vị tiền thân:',
    en: 'Including the work of the units it carries on:',
  },
  planYears: { vi: 'So với kế hoạch năm', en: 'Compared with the plan of' },
  sentences: { vi: 'Tóm tắt', en: 'Summary' },
  downloads: { vi: 'Tải báo cáo', en: 'Download the report' },
  json: { vi: 'Tải JSON', en: 'Download JSON' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  xlsx: { vi: 'Tải Excel', en: 'Download Excel' },
  html: { vi: 'Tải bản in (A4)', en: 'Download the print view (A4)' },
  printHint: {
    vi: 'Bản in là tệp HTML khổ A4: mở tệp rồi chọn In (Ctrl+P) hoặc lưu thành PDF.',
    en: 'The print view is an A4 HTML file: open it, then Print (Ctrl+P) or save as PDF.',
  },
  preparing: { vi: 'Đang chuẩn bị tệp…', en: 'Preparing the file…' },
  saved: (name: string): LocalizedText => ({ vi: `Đã tải ${name}.`, en: `${name} downloaded.` }),
};

/**
 * `/reports`: the report of a period staff name (a month, a quarter, the first half…, a year or any
 * dates) for a unit the person reaches and everything within it, as `reports.period` answers it
 * (ADR 0033): the sentences, then training, rapporteurs, Directive 17 and propaganda output, each
 * planned figure beside its plan and % of plan; the same report as JSON, CSV, Excel or the A4
 * print view (`reports.file`). The period and unit are kept in the address.
 */
export class PcReportPage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    choice: { state: true },
    errors: { state: true },
    busy: { state: true },
    fileFailure: { state: true },
    savedName: { state: true },
  };
  static override styles = [...ConsolePage.styles, activityStyles, reportStyles];

  private readonly periodReport = new ApiResource<PeriodReport>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  declare private choice: PeriodChoice;
  declare private errors: PeriodErrors;
  declare private busy: Format | null;
  declare private fileFailure: Failure | undefined;
  declare private savedName: string | undefined;
  private dates = defaultDates();
  private unitId: string | undefined;

  constructor() {
    super();
    this.errors = {};
    this.busy = null;
    this.choice = choiceOf(this.dates.from, this.dates.to);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ({ dates: this.dates, unitId: this.unitId } = periodFromAddress());
    this.choice = choiceOf(this.dates.from, this.dates.to);
    if (!this.can(REPORT_READERS)) return;
    this.loadUnits();
    this.load();
  }

  /** The units of the period's end: a 2022 report picks among the district and communes of 2022. */
  private loadUnits(): void {
    const at = this.dates.to;
    this.units.start(({ signal }) => unitChoices(this, signal, REPORT_READERS, at), { keep: true });
  }

  private input() {
    return { ...this.dates, ...(this.unitId ? { unitId: this.unitId } : {}) };
  }

  private load(): void {
    const input = this.input();
    this.periodReport.start(({ client, signal }) => client.reports.period.query(input, { signal }));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const read = readPeriod(form, this.choice);
    this.choice = read.choice;
    this.errors = read.errors;
    if (!read.dates) return;
    this.dates = read.dates;
    this.unitId = (new FormData(form).get('unitId') as string | null) || undefined;
    const query = new URLSearchParams(Object.entries(this.input())).toString();
    history.replaceState(history.state, '', `${location.pathname}?${query}`);
    this.savedName = undefined;
    this.fileFailure = undefined;
    this.loadUnits();
    this.load();
  }

  private async download(format: Format): Promise<void> {
    this.busy = format;
    this.fileFailure = undefined;
    this.savedName = undefined;
    try {
      const file = await this.client.reports.file.query({ ...this.input(), format });
      saveApiFile(this, file);
      this.savedName = file.fileName;
    } catch (error) {
      this.fileFailure = failureOf(error);
    } finally {
      this.busy = null;
    }
  }

  override render(): TemplateResult {
    if (!this.can(REPORT_READERS)) return refusal(this, TEXT.heading);
    const r = this.periodReport.value;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${reportLinks(this, 'reports', location.search)}
      <form aria-label=${this.t(TEXT.choose)} novalidate @submit=${this.onSubmit}>
        <div class="fields">
          ${periodFields(
            this,
            this.choice,
            (kind: PeriodKind) => {
              this.choice = { ...this.choice, kind };
            },
            this.errors,
          )}
          ${unitSelect(this, this.units.value, this.unitId, true)}
        </div>
        <div class="actions"><button type="submit" class="primary">${this.t(TEXT.show)}</button></div>
      </form>
      ${this.periodReport.failure || !r ? loadState(this, this.periodReport) : this.renderReport(r)}`;
  }

  private renderReport(r: PeriodReport): TemplateResult {
    const lang = this.currentLang;
    const unit = r.organiser?.name ?? this.t(TEXT.everyUnit);
    return html`<article aria-labelledby="h-report">
      <h2 id="h-report" data-report-title>${this.t(TEXT.title(r.periodTitle[lang], unit))}</h2>
      ${
        r.predecessors.length
          ? html`<p class="muted" data-predecessors>${this.t(TEXT.predecessors)} ${r.predecessors.map((p) => p.name).join(', ')}.</p>`
          : nothing
      }
      ${r.planYears.length ? html`<p class="muted">${this.t(TEXT.planYears)} ${r.planYears.join(', ')}.</p>` : nothing}
      <div class="sentences sentence" aria-label=${this.t(TEXT.sentences)} role="group">
        <p data-sentence="training">${r.sentences.training[lang]}</p>
        <p data-sentence="propaganda">${r.sentences.propaganda[lang]}</p>
        <p data-sentence="output">${r.sentences.output[lang]}</p>
      </div>
      ${this.renderDownloads()}
      ${trainingSection(this, r)}
      ${rapporteurSection(this, r)}
      ${directive17Section(this, r)}
      ${outputSection(this, r)}
    </article>`;
  }

  private renderDownloads(): TemplateResult {
    const button = (format: Format) =>
      html`<button type="button" ?disabled=${this.busy !== null} @click=${() => this.download(format)}>${this.t(TEXT[format])}</button>`;
    return html`<div class="downloads" role="group" aria-label=${this.t(TEXT.downloads)}>
        ${button('xlsx')}${button('csv')}${button('json')}${button('html')}
        <span role="status">${this.busy ? this.t(TEXT.preparing) : this.savedName ? this.t(TEXT.saved(this.savedName)) : nothing}</span>
        ${this.fileFailure ? html`<span role="alert" class="failure">${sentence(this.fileFailure, this.currentLang)}</span>` : nothing}
      </div>
      <p class="hint">${this.t(TEXT.printHint)}</p>`;
  }
}

customElements.define('pc-report-page', PcReportPage);
