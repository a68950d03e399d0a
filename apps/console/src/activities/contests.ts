import type { RouterOutputs } from '@polcenter/client';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import {
  activityStyles,
  BASE,
  filterForm,
  filterFromAddress,
  isoOf,
  loadState,
  type PeriodFilter,
  PROPAGANDA,
  READERS,
  type UnitChoice,
  unitChoices,
} from './shared.js';
import '../export-buttons.js';

type Contest = RouterOutputs['activities']['contests'][number];

const TEXT = {
  heading: { vi: 'Hội thi báo cáo viên giỏi', en: 'Rapporteur contests' },
  create: { vi: 'Tạo hội thi', en: 'New contest' },
  search: { vi: 'Tìm theo tên hội thi, đơn vị (không cần dấu)', en: 'Title or unit (diacritics optional)' },
  held: { vi: 'Ngày thi', en: 'Held on' },
  title: { vi: 'Hội thi', en: 'Contest' },
  owner: { vi: 'Đơn vị tổ chức', en: 'Held by' },
  level: { vi: 'Cấp', en: 'Level' },
  entrants: { vi: 'Thí sinh', en: 'Entrants' },
  state: { vi: 'Kết quả', en: 'Results' },
  finalised: { vi: 'Đã công bố', en: 'Published' },
  open: { vi: 'Đang chấm', en: 'Being scored' },
  empty: { vi: 'Không có hội thi nào phù hợp.', en: 'No contest matches.' },
  count: (n: number) => ({ vi: `Có ${n} hội thi.`, en: `${n} contests.` }),
};

/** Contests on the person's line held in a period, found without diacritics. */
export class PcContestsPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly list = new ApiResource<Contest[]>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private filter: PeriodFilter = filterFromAddress();

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

  private load(): void {
    const input = this.filter;
    this.list.start(({ client, signal }) => client.activities.contests.query(input, { signal }), { keep: true });
  }

  override render(): TemplateResult {
    const rows = this.list.value;
    const lang = this.currentLang;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${this.can(PROPAGANDA) ? html`<p><a href="${BASE}/contests/new">${this.t(TEXT.create)}</a></p>` : nothing}
      ${filterForm(
        this,
        this.filter,
        this.units.value,
        (filter) => {
          this.filter = filter;
          this.loadUnits();
          this.load();
        },
        { search: TEXT.search },
      )}
      <pc-export-buttons list="contests" .filter=${this.filter}></pc-export-buttons>
      ${
        rows
          ? html`<p role="status" aria-live="polite" class="muted">${this.t(TEXT.count(rows.length))}</p>
            ${
              rows.length === 0
                ? html`<p>${this.t(TEXT.empty)}</p>`
                : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">${this.t(TEXT.held)}</th>
                          <th scope="col">${this.t(TEXT.title)}</th>
                          <th scope="col">${this.t(TEXT.owner)}</th>
                          <th scope="col">${this.t(TEXT.level)}</th>
                          <th scope="col" class="num">${this.t(TEXT.entrants)}</th>
                          <th scope="col">${this.t(TEXT.state)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${rows.map(
                          (c) => html`<tr data-contest=${c.id}>
                            <td>${date(c.heldOn)}</td>
                            <td><a href="${BASE}/contests/${c.id}">${c.title}</a></td>
                            <td>${c.ownerUnitName}</td>
                            <td>${c.level}</td>
                            <td class="num">${number(c.entrants, lang)}</td>
                            <td>${this.t(c.finalised ? TEXT.finalised : TEXT.open)}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`
            }`
          : loadState(this, this.list)
      }`;
  }
}

customElements.define('pc-contests-page', PcContestsPage);
