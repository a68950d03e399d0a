import type { RouterOutputs } from '@polcenter/client';
import { OPINION_STATUS_NAMES, SENSITIVITY_NAMES } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { date } from '../i18n.js';
import { ConsolePage } from '../page.js';
import {
  activityStyles,
  BASE,
  FILTER_TEXT,
  filterForm,
  filterFromAddress,
  isoOf,
  LOGGERS,
  loadState,
  type PeriodFilter,
  READERS,
  type UnitChoice,
  unitChoices,
} from './shared.js';
import '../export-buttons.js';

type Page = RouterOutputs['activities']['opinionReports'];
type Row = Page['items'][number];

const TEXT = {
  heading: { vi: 'Báo cáo dư luận xã hội', en: 'Public-opinion reports' },
  create: { vi: 'Ghi báo cáo dư luận', en: 'Record an opinion report' },
  search: {
    vi: 'Tìm theo chủ đề, nội dung, đơn vị (không cần dấu)',
    en: 'Topic, content or unit (diacritics optional)',
  },
  date: { vi: 'Ngày', en: 'Date' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  sensitivity: { vi: 'Mức độ', en: 'Sensitivity' },
  status: { vi: 'Tình trạng', en: 'Status' },
  reporters: { vi: 'Người nắm bắt', en: 'Reported by' },
  empty: { vi: 'Không có báo cáo nào phù hợp.', en: 'No report matches.' },
  restricted: {
    vi: 'Báo cáo nhạy cảm, phức tạp chỉ Ban Tuyên giáo được xem; danh sách này không có chúng.',
    en: 'Sensitive and complex reports are for the propaganda department only; this list leaves them out.',
  },
  count: (n: number, more: boolean) => ({
    vi: `Đang hiển thị ${n} báo cáo${more ? ' (còn nữa)' : ''}.`,
    en: `Showing ${n} reports${more ? ' (more to come)' : ''}.`,
  }),
};

/**
 * Public-opinion reports of a period and unit that the person may read — the API leaves sensitive
 * and complex ones out for anyone but the propaganda department — found by words without diacritics.
 */
export class PcOpinionsPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, rows: { state: true } };
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly list = new ApiResource<Page>(this, (page) => {
    this.rows = this.appending ? [...this.rows, ...page.items] : [...page.items];
    this.appending = false;
  });
  private readonly units = new ApiResource<UnitChoice[]>(this);
  declare private rows: Row[];
  private filter: PeriodFilter = filterFromAddress();
  private appending = false;

  constructor() {
    super();
    this.rows = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = filterFromAddress();
    this.loadUnits();
    this.load();
  }

  private loadUnits(): void {
    const at = isoOf(this.filter.to);
    this.units.start(({ signal }) => unitChoices(this, signal, READERS, at), { keep: true });
  }

  private load(cursor?: string): void {
    const input = { ...this.filter, limit: 50, ...(cursor ? { cursor } : {}) };
    this.appending = Boolean(cursor);
    this.list.start(({ client, signal }) => client.activities.opinionReports.query(input, { signal }), { keep: true });
  }

  override render(): TemplateResult {
    const page = this.list.value;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${this.can(LOGGERS) ? html`<p><a href="${BASE}/opinions/new">${this.t(TEXT.create)}</a></p>` : nothing}
      ${this.can('propaganda_staff') ? nothing : html`<p class="muted">${this.t(TEXT.restricted)}</p>`}
      ${filterForm(
        this,
        this.filter,
        this.units.value,
        (filter) => {
          this.filter = filter;
          this.loadUnits();
          this.rows = [];
          this.load();
        },
        { search: TEXT.search },
      )}
      <pc-export-buttons list="opinionReports" .filter=${this.filter}></pc-export-buttons>
      ${
        page
          ? html`${this.list.failure ? loadState(this, this.list) : nothing}
            <p role="status" aria-live="polite" class="muted">${this.t(TEXT.count(this.rows.length, Boolean(page.nextCursor)))}</p>
            ${this.rows.length === 0 ? html`<p>${this.t(TEXT.empty)}</p>` : this.renderTable()}
            ${
              page.nextCursor
                ? html`<div class="actions"><button type="button" ?disabled=${this.list.loading}
                    @click=${() => this.load(page.nextCursor ?? undefined)}>${this.t(FILTER_TEXT.more)}</button></div>`
                : nothing
            }`
          : loadState(this, this.list)
      }`;
  }

  private renderTable(): TemplateResult {
    const lang = this.currentLang;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t(TEXT.date)}</th>
            <th scope="col">${this.t(TEXT.topic)}</th>
            <th scope="col">${this.t(TEXT.unit)}</th>
            <th scope="col">${this.t(TEXT.sensitivity)}</th>
            <th scope="col">${this.t(TEXT.status)}</th>
            <th scope="col">${this.t(TEXT.reporters)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) => html`<tr data-report=${r.id} data-sensitivity=${r.sensitivity}>
              <td>${date(r.date)}</td>
              <td><a href="${BASE}/opinions/${r.id}">${r.topic}</a></td>
              <td>${r.unitName}</td>
              <td>${SENSITIVITY_NAMES[r.sensitivity][lang]}</td>
              <td>${OPINION_STATUS_NAMES[r.status][lang]}</td>
              <td>${r.reporters.map((p) => p.fullName).join(', ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('pc-opinions-page', PcOpinionsPage);
