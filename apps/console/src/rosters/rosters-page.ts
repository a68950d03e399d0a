import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { ConsolePage } from '../page.js';
import { rosterStyles } from './roster-styles.js';
import {
  BASE,
  levelName,
  levelRank,
  ROSTER_KEEPERS,
  ROSTER_READERS,
  type RosterView,
  TERM_WORD,
  termOf,
} from './roster-words.js';
import '../export-buttons.js';

const TEXT = {
  heading: { vi: 'Danh sách báo cáo viên', en: 'Rapporteur rosters' },
  loading: { vi: 'Đang tải các danh sách…', en: 'Loading the rosters…' },
  level: { vi: 'Cấp', en: 'Level' },
  allLevels: { vi: 'Tất cả các cấp', en: 'Every level' },
  allTerms: { vi: 'Tất cả nhiệm kỳ', en: 'Every term' },
  owner: { vi: 'Đơn vị', en: 'Unit' },
  name: { vi: 'Tên danh sách', en: 'Roster' },
  none: { vi: 'Không có danh sách nào khớp.', en: 'No roster matches.' },
  create: { vi: 'Lập danh sách mới', en: 'New roster' },
  obligations: { vi: 'Nghĩa vụ và người chưa đạt', en: 'Obligations and shortfalls' },
};

/**
 * The rosters of the person's units (and the units below), by level and term; each opens the
 * roster at a date with its decisions. The list is short (a district keeps a few dozen), so the
 * level and term filters work in the browser and are kept in the address, so Back finds them.
 */
export class PcRostersPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  static override properties = { ...ConsolePage.properties, level: { state: true }, term: { state: true } };
  private readonly rosters = new ApiResource<RosterView[]>(this);
  declare private level: string;
  declare private term: string;

  constructor() {
    super();
    const query = new URL(location.href).searchParams;
    this.level = query.get('level') ?? '';
    this.term = query.get('term') ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.rosters.start(({ client, signal }) => client.rosters.list.query({}, { signal }));
  }

  private filter(level: string, term: string): void {
    this.level = level;
    this.term = term;
    const query = new URLSearchParams({ ...(level ? { level } : {}), ...(term ? { term } : {}) }).toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <pc-export-buttons list="rosters" .filter=${{}}></pc-export-buttons>
      ${stateOf(this.rosters, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(5)}`)) ?? this.body(this.rosters.value ?? [])}`;
  }

  private body(all: readonly RosterView[]): TemplateResult {
    const lang = this.currentLang;
    // Headers of every unit are public; those shown are the person's own, which they may open.
    const mine = all
      .filter((r) => this.can(ROSTER_READERS, r.ownerUnitId))
      .sort(
        (a, b) =>
          levelRank(a.level) - levelRank(b.level) ||
          a.level.localeCompare(b.level) ||
          b.termStartYear - a.termStartYear ||
          a.ownerUnitName.localeCompare(b.ownerUnitName, 'vi'),
      );
    const levels = [...new Set(mine.map((r) => r.level))];
    const terms = [...new Set(mine.map(termOf))].sort().reverse();
    const shown = mine.filter(
      (r) => (!this.level || r.level === this.level) && (!this.term || termOf(r) === this.term),
    );
    return html`<div class="toolbar">
        <div class="field">
          <label for="roster-level">${this.t(TEXT.level)}</label>
          <select id="roster-level" @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value, this.term)}>
            <option value="">${this.t(TEXT.allLevels)}</option>
            ${levels.map((l) => html`<option value=${l} ?selected=${l === this.level}>${levelName(l, lang)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="roster-term">${this.t(TERM_WORD)}</label>
          <select id="roster-term" @change=${(e: Event) => this.filter(this.level, (e.target as HTMLSelectElement).value)}>
            <option value="">${this.t(TEXT.allTerms)}</option>
            ${terms.map((t) => html`<option value=${t} ?selected=${t === this.term}>${t}</option>`)}
          </select>
        </div>
        ${this.can(ROSTER_KEEPERS) ? html`<a class="button" href="${BASE}/rosters/new">${this.t(TEXT.create)}</a>` : nothing}
        <a href="${BASE}/obligations">${this.t(TEXT.obligations)}</a>
      </div>
      ${
        shown.length === 0
          ? html`<p role="status">${this.t(TEXT.none)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
              <table>
                <thead><tr>
                  <th scope="col">${this.t(TEXT.name)}</th><th scope="col">${this.t(TEXT.level)}</th>
                  <th scope="col">${this.t(TEXT.owner)}</th><th scope="col">${this.t(TERM_WORD)}</th>
                </tr></thead>
                <tbody>${shown.map(
                  (r) => html`<tr data-roster=${r.id}>
                    <td><a href="${BASE}/rosters/${r.id}">${r.name ?? levelName(r.level, lang)}</a></td>
                    <td>${levelName(r.level, lang)}</td><td>${r.ownerUnitName}</td><td>${termOf(r)}</td>
                  </tr>`,
                )}</tbody>
              </table>
            </div>`
      }`;
  }
}

customElements.define('pc-rosters-page', PcRostersPage);
