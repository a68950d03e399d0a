import type { RouterOutputs } from '@polcenter/client';
import { BRIEFING_MODE_NAMES, type BriefingMode } from '@polcenter/domain';
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

type Conference = RouterOutputs['activities']['conferences'][number];

const TEXT = {
  heading: { vi: 'Hội nghị', en: 'Conferences' },
  create: { vi: 'Tạo hội nghị', en: 'New conference' },
  search: { vi: 'Tìm theo tên hội nghị, điểm cầu (không cần dấu)', en: 'Title or site (diacritics optional)' },
  date: { vi: 'Ngày', en: 'Date' },
  title: { vi: 'Hội nghị', en: 'Conference' },
  owner: { vi: 'Đơn vị tổ chức', en: 'Held by' },
  mode: { vi: 'Hình thức', en: 'Format' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  attendees: { vi: 'Số người dự', en: 'Attendance' },
  named: { vi: 'Ghi tên: có mặt / có phép / vắng', en: 'Named: present / excused / absent' },
  empty: { vi: 'Không có hội nghị nào phù hợp.', en: 'No conference matches.' },
  count: (n: number) => ({ vi: `Có ${n} hội nghị.`, en: `${n} conferences.` }),
};

/**
 * Conferences on the person's line (their units' and those of the units above) in a period, with
 * their sites, the people counted at them, and the named attendance; found without diacritics.
 */
export class PcConferencesPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly list = new ApiResource<Conference[]>(this);
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
    this.list.start(({ client, signal }) => client.activities.conferences.query(input, { signal }), { keep: true });
  }

  override render(): TemplateResult {
    const rows = this.list.value;
    const lang = this.currentLang;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${this.can(PROPAGANDA) ? html`<p><a href="${BASE}/conferences/new">${this.t(TEXT.create)}</a></p>` : nothing}
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
      <pc-export-buttons list="conferences" .filter=${this.filter}></pc-export-buttons>
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
                          <th scope="col">${this.t(TEXT.date)}</th>
                          <th scope="col">${this.t(TEXT.title)}</th>
                          <th scope="col">${this.t(TEXT.owner)}</th>
                          <th scope="col">${this.t(TEXT.mode)}</th>
                          <th scope="col" class="num">${this.t(TEXT.sites)}</th>
                          <th scope="col" class="num">${this.t(TEXT.attendees)}</th>
                          <th scope="col" class="num">${this.t(TEXT.named)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${rows.map(
                          (c) => html`<tr data-conference=${c.id}>
                            <td>${date(c.date)}</td>
                            <td><a href="${BASE}/conferences/${c.id}">${c.title}</a></td>
                            <td>${c.ownerUnitName}</td>
                            <td>${BRIEFING_MODE_NAMES[c.mode as BriefingMode]?.[lang] ?? c.mode}</td>
                            <td class="num">${number(c.sites.length, lang)}</td>
                            <td class="num">${number(c.headcount, lang)}</td>
                            <td class="num">${number(c.present, lang)} / ${number(c.excused, lang)} / ${number(c.absent, lang)}</td>
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

customElements.define('pc-conferences-page', PcConferencesPage);
