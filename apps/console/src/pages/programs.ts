import type { RouterOutputs } from '@polcenter/client';
import { formatRatio, matchesSearch } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { programStyles } from '../programs/program-styles.js';
import '../export-buttons.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type Program = RouterOutputs['programs']['list'][number];

const TEXT = {
  heading: { vi: 'Chương trình', en: 'Programs' },
  loading: { vi: 'Đang tải các chương trình…', en: 'Loading the programs…' },
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên chương trình', en: 'Program' },
  topics: { vi: 'Chuyên đề', en: 'Topics' },
  periods: { vi: 'Số tiết', en: 'Periods' },
  days: { vi: 'Số ngày', en: 'Days' },
  absence: { vi: 'Vắng tối đa', en: 'Absence limit' },
  owner: { vi: 'Của', en: 'Owner' },
  everyone: { vi: 'Dùng chung', en: 'Everyone' },
  own: { vi: 'Đơn vị', en: 'A unit' },
  search: { vi: 'Tìm chương trình (không cần dấu)', en: 'Find a program (accents optional)' },
  none: { vi: 'Không có chương trình nào khớp.', en: 'No program matches.' },
  create: { vi: 'Tạo chương trình', en: 'New program' },
};

/**
 * The programs and their main rules, as every class of them starts from; each opens its page. A
 * short list (a center keeps a few dozen), so it is searched in the browser, accents optional.
 */
export class PcProgramsPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, programStyles];
  static override properties = { ...ConsolePage.properties, query: { state: true } };
  private readonly programs = new ApiResource<Program[]>(this);
  declare private query: string;

  constructor() {
    super();
    this.query = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <pc-export-buttons list="programs" .filter=${{}}></pc-export-buttons>
      <div class="toolbar">
        <div class="field search">
          <label for="program-search">${this.t(TEXT.search)}</label>
          <input id="program-search" type="search" .value=${this.query}
            @input=${(e: Event) => {
              this.query = (e.target as HTMLInputElement).value;
            }} />
        </div>
        ${this.can('center_staff') ? html`<a class="button" href="${BASE}/programs/new">${this.t(TEXT.create)}</a>` : nothing}
      </div>
      ${stateOf(this.programs, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(6)}`)) ?? this.table(this.programs.value ?? [])}`;
  }

  private table(all: readonly Program[]): TemplateResult {
    const lang = this.currentLang;
    const query = this.query.trim();
    const programs = query ? all.filter((p) => matchesSearch(`${p.code} ${p.name.vi} ${p.name.en}`, query)) : all;
    if (programs.length === 0) return html`<p role="status">${this.t(TEXT.none)}</p>`;
    // At 360 px the table scrolls sideways: its region takes focus, so the keyboard scrolls it too.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t(TEXT.code)}</th>
            <th scope="col">${this.t(TEXT.name)}</th>
            <th scope="col" class="num">${this.t(TEXT.topics)}</th>
            <th scope="col" class="num">${this.t(TEXT.periods)}</th>
            <th scope="col" class="num">${this.t(TEXT.days)}</th>
            <th scope="col" class="num">${this.t(TEXT.absence)}</th>
            <th scope="col">${this.t(TEXT.owner)}</th>
          </tr>
        </thead>
        <tbody>
          ${programs.map(
            (p) => html`<tr data-code=${p.code}>
              <td>${p.code}</td>
              <td><a href="${BASE}/programs/${p.id}">${p.name[lang]}</a></td>
              <td class="num">${number(p.topics.length, lang)}</td>
              <td class="num">${number(p.totalPeriods, lang)}</td>
              <td class="num">${p.rules.days.min === p.rules.days.max ? number(p.rules.days.min, lang) : `${number(p.rules.days.min, lang)}–${number(p.rules.days.max, lang)}`}</td>
              <td class="num">${formatRatio(p.rules.maxAbsenceRatio, lang)}</td>
              <td>${this.t(p.ownerUnitId ? TEXT.own : TEXT.everyone)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('pc-programs-page', PcProgramsPage);
