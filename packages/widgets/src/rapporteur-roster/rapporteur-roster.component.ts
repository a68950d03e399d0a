import type { RouterOutputs } from '@polcenter/api/client';
import { EXPERTISE_FIELD_NAMES, EXPERTISE_FIELDS, type ExpertiseField, formatDate } from '@polcenter/domain';
import { html, LitElement, type PropertyValues } from 'lit';
import { apiUrl, clientFor } from '../api';
import { errorMessage, widgetLang } from '../i18n';
import { base, tokens } from '../tokens.styles';
import { styles } from './rapporteur-roster.styles';

type Roster = RouterOutputs['rosters']['public'];
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; roster: Roster };

const TEXT = {
  loading: { vi: 'Đang tải danh sách báo cáo viên…', en: 'Loading the rapporteurs…' },
  none: { vi: 'Chưa có danh sách báo cáo viên.', en: 'No roster of rapporteurs.' },
  empty: { vi: 'Không có báo cáo viên thuộc lĩnh vực này.', en: 'No rapporteur in this field.' },
  title: { vi: 'Đội ngũ báo cáo viên', en: 'Rapporteurs' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  all: { vi: 'Tất cả', en: 'All' },
  name: { vi: 'Họ và tên', en: 'Name' },
  position: { vi: 'Chức vụ, đơn vị', en: 'Position, unit' },
  asOf: { vi: 'Ngày', en: 'As of' },
  term: { vi: 'Nhiệm kỳ', en: 'Term' },
};

/**
 * @summary The public roster of rapporteurs of a unit and level at a date, by field of expertise:
 * names, positions and fields only.
 *
 * @csspart table - the table of members
 * @fires pc-loaded - when the roster has been read; `detail.count` is the number of members shown
 */
export class PcRapporteurRoster extends LitElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    api: { type: String },
    unit: { type: String },
    level: { type: String },
    date: { type: String },
    field: { type: String, reflect: true },
    load: { state: true },
  };

  /** URL of the PolCenter tRPC endpoint; defaults to `/trpc` on the script's origin. */
  declare api: string | undefined;
  /** Code of the unit that owns the roster, e.g. `064`. */
  declare unit: string | undefined;
  /** Level of the roster: `district` (default), `province`, `commune`, `grassroots`… */
  declare level: string;
  /** The date (YYYY-MM-DD) the roster is shown as of; today when absent. */
  declare date: string | undefined;
  /** Only members covering this field of expertise; a visitor can change it. */
  declare field: ExpertiseField | undefined;
  declare private load: Load;

  constructor() {
    super();
    this.level = 'district';
    this.load = { state: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['api', 'unit', 'level', 'date', 'field'].some((key) => changed.has(key as keyof PcRapporteurRoster))) {
      void this.fetchRoster();
    }
  }

  private async fetchRoster(): Promise<void> {
    const lang = widgetLang(this);
    if (!this.unit) return;
    try {
      const roster = await clientFor(apiUrl(this.api), lang).rosters.public.query({
        ownerUnitCode: this.unit,
        level: this.level,
        ...(this.date ? { date: this.date } : {}),
        ...(this.field ? { field: this.field } : {}),
      });
      this.load = { state: 'ready', roster };
      this.dispatchEvent(
        new CustomEvent('pc-loaded', { detail: { count: roster.members.length }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.load = { state: 'error', message: errorMessage(error, lang) };
    }
  }

  private choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as ExpertiseField | '';
    this.field = value || undefined;
  }

  protected override render() {
    const lang = widgetLang(this);
    const load = this.load;
    if (load.state === 'loading') return html`<p role="status">${TEXT.loading[lang]}</p>`;
    if (load.state === 'error') return html`<p role="alert">${load.message}</p>`;
    const { roster, members, date } = load.roster as Roster & { date?: string };
    if (!roster) return html`<p role="status">${TEXT.none[lang]}</p>`;
    return html`<section>
      <h2>${TEXT.title[lang]} — ${roster.owner}</h2>
      <p class="meta">
        ${roster.levelName?.[lang] ?? roster.level} · ${TEXT.term[lang]} ${roster.term}
        ${date ? html` · ${TEXT.asOf[lang]} ${formatDate(date)}` : ''}
      </p>
      <label>
        ${TEXT.field[lang]}
        <select @change=${this.choose}>
          <option value="" ?selected=${!this.field}>${TEXT.all[lang]}</option>
          ${EXPERTISE_FIELDS.map(
            (f) => html`<option value=${f} ?selected=${this.field === f}>${EXPERTISE_FIELD_NAMES[f][lang]}</option>`,
          )}
        </select>
      </label>
      ${
        members.length === 0
          ? html`<p role="status">${TEXT.empty[lang]}</p>`
          : html`<table part="table">
              <thead>
                <tr><th>${TEXT.name[lang]}</th><th>${TEXT.position[lang]}</th><th>${TEXT.field[lang]}</th></tr>
              </thead>
              <tbody>
                ${members.map(
                  (m) => html`<tr>
                    <td>${m.fullName}</td>
                    <td>${[m.position, m.unitName].filter(Boolean).join(', ')}</td>
                    <td>${m.fields.map((f) => EXPERTISE_FIELD_NAMES[f as ExpertiseField]?.[lang] ?? f).join('; ')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}
