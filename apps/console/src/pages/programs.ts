import type { RouterOutputs } from '@polcenter/client';
import { formatRatio } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, type TemplateResult } from 'lit';
import { number } from '../i18n.js';
import { ConsolePage } from '../page.js';

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
};

/** The programs and their main rules, as every class of them starts from. */
export class PcProgramsPage extends ConsolePage {
  private readonly programs = new ApiResource<Program[]>(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${stateOf(this.programs, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(6)}`)) ?? this.table(this.programs.value ?? [])}`;
  }

  private table(programs: readonly Program[]): TemplateResult {
    const lang = this.currentLang;
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
              <td>${p.name[lang]}</td>
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
