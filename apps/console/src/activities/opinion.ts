import type { RouterOutputs } from '@polcenter/client';
import {
  OPINION_STATUS_NAMES,
  OPINION_STATUSES,
  type OpinionStatus,
  SENSITIVITIES,
  SENSITIVITY_NAMES,
  type Sensitivity,
} from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, fieldErrorOf } from '../form.js';
import { date } from '../i18n.js';
import { ConsolePage } from '../page.js';
import {
  activityStyles,
  BASE,
  LOGGERS,
  loadState,
  PeopleSearch,
  pickedPeople,
  type UnitChoice,
  unitChoices,
  unitOptions,
} from './shared.js';

type Report = RouterOutputs['activities']['opinionReport'];

const TEXT = {
  back: { vi: '← Danh sách báo cáo dư luận', en: '← Opinion reports' },
  newHeading: { vi: 'Ghi báo cáo dư luận xã hội', en: 'Record a public-opinion report' },
  date: { vi: 'Ngày nắm bắt', en: 'Date' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  unit: { vi: 'Đơn vị nơi có dư luận', en: 'Unit' },
  pickUnit: { vi: '— Chọn đơn vị —', en: '— Pick a unit —' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  summary: { vi: 'Nội dung dư luận (người dân nói gì)', en: 'What people said' },
  sensitivity: { vi: 'Mức độ', en: 'Sensitivity' },
  sensitivityHint: {
    vi: 'Báo cáo nhạy cảm, phức tạp chỉ Ban Tuyên giáo được xem.',
    en: 'Sensitive and complex reports are read by the propaganda department only.',
  },
  status: { vi: 'Tình trạng', en: 'Status' },
  followUp: { vi: 'Hướng xử lý, kiến nghị', en: 'Follow-up' },
  reporters: { vi: 'Người nắm bắt, báo cáo', en: 'Reported by' },
  noReporters: { vi: 'Chưa chọn ai.', en: 'Nobody picked yet.' },
  findReporter: {
    vi: 'Tìm người báo cáo theo tên (không cần dấu)',
    en: 'Find the reporter by name (diacritics optional)',
  },
  record: { vi: 'Lưu báo cáo', en: 'Save the report' },
  recorded: { vi: 'Đã lưu báo cáo dư luận.', en: 'Report saved.' },
  open: { vi: 'Mở báo cáo', en: 'Open the report' },
  follow: { vi: 'Theo dõi, xử lý', en: 'Follow-up' },
  saveFollow: { vi: 'Lưu tình trạng', en: 'Save' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
};

/**
 * `/opinions/new` records a public-opinion report; `/opinions/:id` shows one (the API refuses a
 * sensitive one to anyone but the propaganda department, and the page says so) and lets the
 * department move it on: status, sensitivity, follow-up.
 */
export class PcOpinionPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, reporters: { state: true } };
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly record = new Action<Report>(this, { persistAs: 'pc-opinion-new' });
  private readonly followUpAction = new Action<Report>(this);
  private readonly shownReport = new ApiResource<Report>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly search = new PeopleSearch(this, 'reporter');
  declare private reporters: { id: string; fullName: string }[];

  constructor() {
    super();
    this.reporters = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.params.id) {
      const id = this.params.id;
      this.shownReport.start(({ client, signal }) => client.activities.opinionReport.query({ id }, { signal }));
    } else {
      this.units.start(({ signal }) => unitChoices(this, signal, LOGGERS));
    }
  }

  override render(): TemplateResult {
    const back = html`<p><a href="${BASE}/opinions">${this.t(TEXT.back)}</a></p>`;
    if (!this.params.id) return html`${back}<h1>${this.t(TEXT.newHeading)}</h1>${this.renderNew()}`;
    const r = this.shownReport.value;
    if (!r) return html`${back}<h1>${this.t(TEXT.follow)}</h1>${loadState(this, this.shownReport)}`;
    return html`${back}<h1>${r.topic}</h1>${this.renderReport(r)}`;
  }

  private async onRecord(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => ((values.get(name) as string | null) ?? '').trim();
    const input = {
      date: text('date'),
      unitId: text('unitId'),
      topic: text('topic'),
      summary: text('summary'),
      sensitivity: text('sensitivity') as Sensitivity,
      status: 'open' as const,
      followUp: text('followUp') || null,
      reporterIds: this.reporters.map((p) => p.id),
    };
    await this.record.run(input, (client) => client.activities.recordOpinionReport.mutate(input));
  }

  private renderNew(): TemplateResult {
    const lang = this.currentLang;
    const action = this.record;
    if (action.state === 'done' && action.result) {
      const r = action.result;
      return html`<p role="status" class="success">${this.t(TEXT.recorded)} ${date(r.date)} · ${r.topic}</p>
        <p><a href="${BASE}/opinions/${r.id}">${this.t(TEXT.open)}</a></p>`;
    }
    const unitError = action.fieldError('unitId');
    const summaryError = action.fieldError('summary');
    return html`<form novalidate @submit=${this.onRecord}>
      <div class="fields">
        ${field(action, lang, { name: 'date', label: TEXT.date, required: true, hint: TEXT.dateHint, attrs: { autocomplete: 'off', inputmode: 'numeric' } })}
        <div class="field">
          <label for="f-unitId">${this.t(TEXT.unit)}</label>
          <select id="f-unitId" name="unitId" required aria-invalid=${unitError ? 'true' : 'false'} aria-describedby=${unitError ? 'f-unitId-error' : nothing}>
            <option value="">${this.t(TEXT.pickUnit)}</option>
            ${unitOptions(this.units.value, undefined)}
          </select>
          ${fieldErrorOf(action, 'unitId', lang)}
        </div>
        ${field(action, lang, { name: 'topic', label: TEXT.topic, required: true, wide: true })}
        <div class="field wide">
          <label for="f-summary">${this.t(TEXT.summary)}</label>
          <textarea id="f-summary" name="summary" rows="5" required aria-invalid=${summaryError ? 'true' : 'false'}
            aria-describedby=${summaryError ? 'f-summary-error' : nothing}></textarea>
          ${fieldErrorOf(action, 'summary', lang)}
        </div>
        <div class="field">
          <label for="f-sensitivity">${this.t(TEXT.sensitivity)}</label>
          <select id="f-sensitivity" name="sensitivity" aria-describedby="f-sensitivity-hint">
            ${SENSITIVITIES.map((s) => html`<option value=${s}>${SENSITIVITY_NAMES[s][lang]}</option>`)}
          </select>
          <p class="hint" id="f-sensitivity-hint">${this.t(TEXT.sensitivityHint)}</p>
        </div>
        <div class="field wide">
          <label for="f-followUp">${this.t(TEXT.followUp)}</label>
          <textarea id="f-followUp" name="followUp" rows="2"></textarea>
        </div>
        <fieldset class="field wide">
          <legend>${this.t(TEXT.reporters)}</legend>
          ${pickedPeople(this, this.reporters, (id) => (this.reporters = this.reporters.filter((p) => p.id !== id)), TEXT.noReporters)}
          ${fieldErrorOf(action, 'reporterIds', lang)}
          ${this.search.render(
            TEXT.findReporter,
            this.reporters.map((p) => p.id),
            (p) => {
              this.reporters = [...this.reporters, { id: p.id, fullName: p.fullName }];
            },
          )}
        </fieldset>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${action.running}>${this.t(TEXT.record)}</button>
        ${actionStatus(action, lang, { done: TEXT.recorded })}
      </div>
    </form>`;
  }

  private async onUpdate(event: SubmitEvent, r: Report): Promise<void> {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const input = {
      id: r.id,
      status: values.get('status') as OpinionStatus,
      sensitivity: values.get('sensitivity') as Sensitivity,
      followUp: ((values.get('followUp') as string | null) ?? '').trim() || null,
    };
    const saved = await this.followUpAction.run(input, (client) => client.activities.updateOpinionReport.mutate(input));
    if (saved) this.shownReport.value = saved;
  }

  private renderReport(r: Report): TemplateResult {
    const lang = this.currentLang;
    return html`<dl class="facts">
        <dt>${this.t(TEXT.date)}</dt><dd>${date(r.date)}</dd>
        <dt>${this.t(TEXT.unit)}</dt><dd>${r.unitName}</dd>
        <dt>${this.t(TEXT.sensitivity)}</dt><dd>${SENSITIVITY_NAMES[r.sensitivity][lang]}</dd>
        <dt>${this.t(TEXT.status)}</dt><dd>${OPINION_STATUS_NAMES[r.status][lang]}</dd>
        <dt>${this.t(TEXT.reporters)}</dt><dd>${r.reporters.map((p) => p.fullName).join(', ')}</dd>
        <dt>${this.t(TEXT.summary)}</dt><dd class="summary">${r.summary}</dd>
        <dt>${this.t(TEXT.followUp)}</dt><dd>${r.followUp ?? '—'}</dd>
      </dl>
      ${
        this.can('propaganda_staff', r.unitId)
          ? html`<h2>${this.t(TEXT.follow)}</h2>
            <form novalidate @submit=${(e: SubmitEvent) => this.onUpdate(e, r)}>
              <div class="fields">
                <div class="field">
                  <label for="u-status">${this.t(TEXT.status)}</label>
                  <select id="u-status" name="status">
                    ${OPINION_STATUSES.map((s) => html`<option value=${s} ?selected=${r.status === s}>${OPINION_STATUS_NAMES[s][lang]}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="u-sensitivity">${this.t(TEXT.sensitivity)}</label>
                  <select id="u-sensitivity" name="sensitivity">
                    ${SENSITIVITIES.map((s) => html`<option value=${s} ?selected=${r.sensitivity === s}>${SENSITIVITY_NAMES[s][lang]}</option>`)}
                  </select>
                </div>
                <div class="field wide">
                  <label for="u-followUp">${this.t(TEXT.followUp)}</label>
                  <textarea id="u-followUp" name="followUp" rows="3" .value=${r.followUp ?? ''}></textarea>
                  ${fieldErrorOf(this.followUpAction, 'followUp', lang)}
                </div>
              </div>
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.followUpAction.running}>${this.t(TEXT.saveFollow)}</button>
                ${actionStatus(this.followUpAction, lang, { done: TEXT.saved })}
              </div>
            </form>`
          : nothing
      }`;
  }
}

customElements.define('pc-opinion-page', PcOpinionPage);
