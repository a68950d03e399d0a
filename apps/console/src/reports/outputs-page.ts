import type { RouterOutputs } from '@polcenter/client';
import { type LocalizedText, OUTPUT_KINDS, PLAN_MEASURE_NAMES } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { activityStyles, isoOf, loadState, type UnitChoice, unitChoices } from '../activities/shared.js';
import { numberOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { RowCorrection } from '../row-correction.js';
import { choiceOf, defaultDates, type PeriodChoice, type PeriodKind, periodFromAddress } from './period-choice.js';
import { type PeriodErrors, periodFields, readPeriod } from './period-form.js';
import { PLANNERS, REPORT_READERS, refusal, reportLinks, reportStyles, unitSelect } from './shared.js';

type Output = RouterOutputs['reports']['outputs'][number];

const TEXT = {
  heading: { vi: 'Sản phẩm tuyên truyền', en: 'Propaganda output' },
  choose: { vi: 'Chọn kỳ và đơn vị', en: 'Choose the period and unit' },
  show: { vi: 'Xem', en: 'Show' },
  list: (unit: string): LocalizedText => ({ vi: `Số liệu đã ghi — ${unit}`, en: `Counts recorded — ${unit}` }),
  none: { vi: 'Chưa ghi số liệu nào cho kỳ này.', en: 'Nothing recorded for this period.' },
  period: { vi: 'Kỳ', en: 'Period' },
  kind: { vi: 'Loại sản phẩm', en: 'Kind' },
  count: { vi: 'Số lượng', en: 'Count' },
  note: { vi: 'Ghi chú', en: 'Note' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 01/01/2022', en: 'dd/mm/yyyy, e.g. 01/01/2022' },
  countHint: { vi: 'Số nguyên từ 0 trở lên.', en: 'A whole number, 0 or more.' },
  record: { vi: 'Ghi số liệu mới', en: 'Record a count' },
  recordButton: { vi: 'Ghi số liệu', en: 'Record' },
  recorded: { vi: 'Đã ghi.', en: 'Recorded.' },
  edit: { vi: 'Sửa', en: 'Correct' },
  editOf: (what: string): LocalizedText => ({ vi: `Sửa số liệu ${what}`, en: `Correct the count ${what}` }),
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  latest: { vi: 'Tải bản mới nhất', en: 'Load the latest version' },
  readOnly: {
    vi: 'Chỉ cán bộ Trung tâm Chính trị và Ban Tuyên giáo của đơn vị (hoặc cấp trên) mới ghi và sửa số liệu.',
    en: 'Only the unit’s (or a unit above’s) political center and propaganda department record and correct counts.',
  },
  explain: {
    vi: 'Mỗi số liệu là tổng của một loại sản phẩm trong một kỳ (tháng, quý, năm…) của một năm. Báo cáo tính số liệu có kỳ nằm trọn trong kỳ báo cáo.',
    en: 'Each count is one kind of output over a period (a month, a quarter, a year…) within one year. A report counts those whose period lies inside its own.',
  },
};

/**
 * `/reports/outputs`: the propaganda output a unit tallied (documents issued, news items, radio and
 * loudspeaker items, banners), each a count over a period of one year (`reports.outputs`), recorded
 * once per idempotency key (`reports.recordOutput`) and corrected on the version read
 * (`reports.updateOutput`). The report counts a tally whose period lies inside its own (ADR 0033).
 */
export class PcOutputsPage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    choice: { state: true },
    errors: { state: true },
  };
  static override styles = [...ConsolePage.styles, activityStyles, reportStyles];

  private readonly outputs = new ApiResource<Output[]>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly recordAction = new Action<Output>(this);
  private readonly correction = new RowCorrection<Output>(this, this.outputs, () => {
    const unitId = this.unitId;
    const { from, to } = this.dates;
    return unitId ? ({ client, signal }) => client.reports.outputs.query({ unitId, from, to }, { signal }) : undefined;
  });
  declare private choice: PeriodChoice;
  declare private errors: PeriodErrors;
  private dates = defaultDates();
  private unitId: string | undefined;

  constructor() {
    super();
    this.errors = {};
    this.choice = choiceOf(this.dates.from, this.dates.to);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ({ dates: this.dates, unitId: this.unitId } = periodFromAddress());
    this.choice = choiceOf(this.dates.from, this.dates.to);
    if (!this.can(REPORT_READERS)) return;
    this.loadUnits();
  }

  private loadUnits(): void {
    this.units.start(
      async ({ signal }) => {
        const units = await unitChoices(this, signal, REPORT_READERS, this.dates.to);
        this.unitId ??= units[0]?.id;
        this.load();
        return units;
      },
      { keep: true },
    );
  }

  private load(): void {
    this.correction.reload();
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const read = readPeriod(form, this.choice);
    this.choice = read.choice;
    this.errors = read.errors;
    if (!read.dates) return;
    this.dates = read.dates;
    this.unitId = (new FormData(form).get('unitId') as string | null) || this.unitId;
    this.correction.close();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}?${new URLSearchParams({ ...this.dates, unitId: this.unitId ?? '' })}`,
    );
    this.loadUnits();
  }

  private async onRecord(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = {
      unitId: this.unitId ?? '',
      kind: (v.kind ?? 'documents') as Output['kind'],
      // Typed dates and counts go as typed when they cannot be read: the API says why under the field.
      from: isoOf(v.from) ?? v.from ?? '',
      to: isoOf(v.to) ?? v.to ?? '',
      count: (numberOf(v.count) ?? v.count) as number,
      note: v.note ?? null,
    };
    if (await this.recordAction.run(input, (client) => client.reports.recordOutput.mutate(input))) {
      form.reset();
      this.load();
    }
  }

  private async onEdit(event: SubmitEvent, o: Output): Promise<void> {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const input = {
      id: o.id,
      expectedVersion: o.version,
      count: (numberOf(v.count) ?? v.count) as number,
      note: v.note ?? null,
    };
    if (await this.correction.save(input, (client) => client.reports.updateOutput.mutate(input))) this.load();
  }

  private what(o: Output): string {
    return `${PLAN_MEASURE_NAMES[o.kind][this.currentLang]} ${date(o.from)}–${date(o.to)}`;
  }

  override render(): TemplateResult {
    if (!this.can(REPORT_READERS)) return refusal(this, TEXT.heading);
    const unitName = this.units.value?.find((u) => u.id === this.unitId)?.name ?? '';
    const mayRecord = !!this.unitId && this.can(PLANNERS, this.unitId);
    const query = this.unitId ? `?${new URLSearchParams({ ...this.dates, unitId: this.unitId })}` : '';
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${reportLinks(this, 'outputs', query)}
      <p class="hint">${this.t(TEXT.explain)}</p>
      <form aria-label=${this.t(TEXT.choose)} novalidate @submit=${this.onFilter}>
        <div class="fields">
          ${periodFields(
            this,
            this.choice,
            (kind: PeriodKind) => {
              this.choice = { ...this.choice, kind };
            },
            this.errors,
          )}
          ${unitSelect(this, this.units.value, this.unitId)}
        </div>
        <div class="actions"><button type="submit">${this.t(TEXT.show)}</button></div>
      </form>
      <h2>${this.t(TEXT.list(unitName))}</h2>
      ${this.outputs.failure || !this.outputs.value ? loadState(this, this.outputs.failure ? this.outputs : this.units) : this.renderList(this.outputs.value, mayRecord)}
      ${this.correction.editing && mayRecord ? this.renderEdit(this.correction.editing) : nothing}
      ${mayRecord ? (this.correction.editing ? nothing : this.renderRecord()) : html`<p class="muted">${this.t(TEXT.readOnly)}</p>`}`;
  }

  private renderList(outputs: readonly Output[], mayRecord: boolean): TemplateResult {
    const lang = this.currentLang;
    if (outputs.length === 0) return html`<p data-empty>${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table data-table="outputs">
        <thead><tr>
          <th scope="col">${this.t(TEXT.period)}</th>
          <th scope="col">${this.t(TEXT.kind)}</th>
          <th scope="col" class="num">${this.t(TEXT.count)}</th>
          <th scope="col">${this.t(TEXT.note)}</th>
          ${mayRecord ? html`<th scope="col"><span class="visually-hidden">${this.t(TEXT.edit)}</span></th>` : nothing}
        </tr></thead>
        <tbody>
          ${outputs.map(
            (o) => html`<tr data-output=${o.id}>
              <td>${date(o.from)}–${date(o.to)}</td>
              <th scope="row">${PLAN_MEASURE_NAMES[o.kind][lang]}</th>
              <td class="num">${number(o.count, lang)}</td>
              <td>${o.note ?? ''}</td>
              ${
                mayRecord
                  ? html`<td><button type="button" aria-label=${this.t(TEXT.editOf(this.what(o)))} @click=${() => this.correction.open(o, '#f-count')}>${this.t(TEXT.edit)}</button></td>`
                  : nothing
              }
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderEdit(o: Output): TemplateResult {
    const lang = this.currentLang;
    const a = this.correction.action;
    return html`<form aria-labelledby="h-edit" novalidate @submit=${(e: SubmitEvent) => this.onEdit(e, o)}>
      <h2 id="h-edit">${this.t(TEXT.editOf(this.what(o)))}</h2>
      <div class="fields">
        ${field(a, lang, { name: 'count', label: TEXT.count, value: o.count, hint: TEXT.countHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${field(a, lang, { name: 'note', label: TEXT.note, value: o.note, wide: true })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${a.running}>${this.t(TEXT.save)}</button>
        ${this.correction.cancelButton(TEXT.cancel)}
        ${this.correction.latestButton('OUTPUT.STALE', TEXT.latest)}
        ${actionStatus(a, lang)}
      </div>
    </form>`;
  }

  private renderRecord(): TemplateResult {
    const lang = this.currentLang;
    const a = this.recordAction;
    const kindError = a.fieldError('kind');
    const { from, to } = this.dates;
    return html`<form aria-labelledby="h-record" novalidate @submit=${this.onRecord}>
      <h2 id="h-record">${this.t(TEXT.record)}</h2>
      <div class="fields">
        <div class="field">
          <label for="f-kind">${this.t(TEXT.kind)}</label>
          <select id="f-kind" name="kind" aria-invalid=${kindError ? 'true' : 'false'}>
            ${OUTPUT_KINDS.map((k) => html`<option value=${k}>${PLAN_MEASURE_NAMES[k][lang]}</option>`)}
          </select>
          ${fieldErrorOf(a, 'kind', lang)}
        </div>
        ${field(a, lang, { name: 'from', label: TEXT.from, value: date(from), hint: TEXT.dateHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${field(a, lang, { name: 'to', label: TEXT.to, value: date(to), hint: TEXT.dateHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${field(a, lang, { name: 'count', label: TEXT.count, hint: TEXT.countHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${field(a, lang, { name: 'note', label: TEXT.note, wide: true })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${a.running}>${this.t(TEXT.recordButton)}</button>
        ${actionStatus(a, lang, { done: TEXT.recorded })}
      </div>
    </form>`;
  }
}

customElements.define('pc-outputs-page', PcOutputsPage);
