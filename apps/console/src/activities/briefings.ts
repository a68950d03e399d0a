import type { RouterOutputs } from '@polcenter/client';
import { BRIEFING_MODE_NAMES, GENDER_NAMES } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
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
import { referenceName } from '../reference-names.js';

type Page = RouterOutputs['activities']['briefings'];
type Row = Page['items'][number];

const TEXT = {
  heading: { vi: 'Tuyên truyền miệng', en: 'Briefings' },
  create: { vi: 'Ghi buổi tuyên truyền', en: 'Record a briefing' },
  search: {
    vi: 'Tìm theo chủ đề, nơi, báo cáo viên (không cần dấu)',
    en: 'Topic, place or rapporteur (diacritics optional)',
  },
  date: { vi: 'Ngày', en: 'Date' },
  where: { vi: 'Nơi tổ chức', en: 'Where' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  presenters: { vi: 'Báo cáo viên', en: 'Rapporteurs' },
  audience: { vi: 'Người nghe', en: 'Audience' },
  mode: { vi: 'Hình thức', en: 'Format' },
  edit: { vi: 'Sửa', en: 'Edit' },
  empty: { vi: 'Không có buổi tuyên truyền nào phù hợp.', en: 'No briefing matches.' },
  count: (n: number, more: boolean) => ({
    vi: `Đang hiển thị ${n} buổi${more ? ' (còn nữa)' : ''}.`,
    en: `Showing ${n} briefings${more ? ' (more to come)' : ''}.`,
  }),
};

/**
 * Briefings at the grassroots in a period and unit, oldest first, found by words without
 * diacritics; 50 a page. Each row shows its audience by people and gender when it was counted so.
 */
export class PcBriefingsPage extends ConsolePage {
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

  /** The units of the period's end: a report of 2024 picks among the communes of 2024. */
  private loadUnits(): void {
    const at = isoOf(this.filter.to);
    this.units.start(({ signal }) => unitChoices(this, signal, READERS, at), { keep: true });
  }

  private load(cursor?: string): void {
    const input = { ...this.filter, limit: 50, ...(cursor ? { cursor } : {}) };
    this.appending = Boolean(cursor);
    this.list.start(({ client, signal }) => client.activities.briefings.query(input, { signal }), { keep: true });
  }

  override render(): TemplateResult {
    const page = this.list.value;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${this.can(LOGGERS) ? html`<p><a href="${BASE}/briefings/new">${this.t(TEXT.create)}</a></p>` : nothing}
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
      <pc-export-buttons list="briefings" .filter=${this.filter}></pc-export-buttons>
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
            <th scope="col">${this.t(TEXT.where)}</th>
            <th scope="col">${this.t(TEXT.topic)}</th>
            <th scope="col">${this.t(TEXT.presenters)}</th>
            <th scope="col" class="num">${this.t(TEXT.audience)}</th>
            <th scope="col">${this.t(TEXT.mode)}</th>
            <th scope="col"><span class="visually-hidden">${this.t(TEXT.edit)}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (b) => html`<tr data-briefing=${b.id}>
              <td>${date(b.date)}</td>
              <td>${b.unitName}${b.place ? html`<br /><span class="muted">${b.place}</span>` : nothing}</td>
              <td>${b.topic}${
                b.resolution || b.directive
                  ? html`<br /><span class="muted">${[b.resolution, b.directive].filter(Boolean).join(' · ')}</span>`
                  : nothing
              }</td>
              <td>${b.presenters.map((p) => p.fullName).join(', ')}</td>
              <td class="num">${number(b.audienceSize, lang)}${
                b.audience.length
                  ? html`<br /><span class="muted">${b.audience
                      .map(
                        (g) =>
                          `${referenceName('ethnicity', g.ethnicity, lang)} ${GENDER_NAMES[g.gender][lang].toLowerCase()} ${number(g.count, lang)}`,
                      )
                      .join(', ')}</span>`
                  : nothing
              }</td>
              <td>${BRIEFING_MODE_NAMES[b.mode][lang]}</td>
              <td>${
                this.can(LOGGERS, b.unitId)
                  ? html`<a href="${BASE}/briefings/${b.id}/edit" aria-label="${this.t(TEXT.edit)} ${b.topic} ${date(b.date)}">${this.t(TEXT.edit)}</a>`
                  : nothing
              }</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('pc-briefings-page', PcBriefingsPage);
