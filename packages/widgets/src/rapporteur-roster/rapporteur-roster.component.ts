import type { RouterOutputs } from '@polcenter/client';
import { EXPERTISE_FIELD_NAMES, EXPERTISE_FIELDS, type ExpertiseField, formatDate } from '@polcenter/domain';
import { html, type PropertyValues } from 'lit';
import { firstProblem, isoDateAttribute, oneOf, required } from '../attributes.js';
import { PcElement } from '../element.js';
import { ApiResource } from '../resource.js';
import { noticeOf, panelPlaceholder, stateOf } from '../states.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './rapporteur-roster.styles.js';

type Roster = RouterOutputs['rosters']['public'];

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
 * @tag pc-rapporteur-roster
 * @summary The public roster of rapporteurs of a unit and level at a date, by field of expertise:
 * names, positions and fields only.
 *
 * @csspart table - the table of members
 * @fires pc-loaded - when the roster has been read; `detail.count` is the number of members shown
 */
export class PcRapporteurRoster extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    unit: { type: String },
    level: { type: String },
    date: { type: String },
    field: { type: String, reflect: true },
  };

  protected static override fieldAttributes = { ownerUnitCode: 'unit', level: 'level', date: 'date', field: 'field' };

  /** Code of the unit that owns the roster, e.g. `064` (required). */
  declare unit: string | undefined;
  /** Level of the roster: `district` (default), `central`, `province`, `commune`, `grassroots`… */
  declare level: string;
  /** The date (YYYY-MM-DD) the roster is shown as of; today when absent. */
  declare date: string | undefined;
  /** Only members covering this field of expertise (e.g. `party_building`); a visitor can change it. */
  declare field: ExpertiseField | undefined;

  readonly #roster = new ApiResource<Roster>(this, (roster) =>
    this.emit('pc-loaded', { count: roster.members.length }),
  );

  constructor() {
    super();
    this.level = 'district';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(['api', 'unit', 'level', 'date', 'field'] as const).some((key) => changed.has(key))) return;
    const problem = firstProblem(
      required('unit', this.unit, '064'),
      isoDateAttribute('date', this.date),
      oneOf('field', this.field, EXPERTISE_FIELDS),
    );
    if (this.report(problem)) {
      this.#roster.stop(problem);
      return;
    }
    // The visitor's choice of field keeps the table on screen until the new one comes.
    const keep = this.hasUpdated && [...changed.keys()].every((key) => key === 'field');
    this.#roster.start(
      ({ client, signal }) =>
        client.rosters.public.query(
          {
            ownerUnitCode: this.unit ?? '',
            level: this.level || 'district',
            ...(this.date ? { date: this.date } : {}),
            ...(this.field ? { field: this.field } : {}),
          },
          { signal },
        ),
      { keep },
    );
  }

  protected override async examples(attribute: string): Promise<readonly string[] | undefined> {
    return attribute === 'unit' ? this.unitCodes() : undefined;
  }

  #choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as ExpertiseField | '';
    this.field = value || undefined;
  }

  protected override render() {
    const lang = this.language;
    const loading = () => panelPlaceholder(TEXT.loading[lang], 10);
    const state = stateOf(this.#roster, lang, loading);
    const value = this.#roster.value;
    if (state || !value) return state;
    const { roster, members, date } = value as Roster & { date?: string };
    if (!roster) return html`<p role="status" tabindex="-1" data-focus>${TEXT.none[lang]}</p>`;
    return html`<section tabindex="-1" data-focus aria-busy=${this.#roster.loading ? 'true' : 'false'}>
      <h2>${TEXT.title[lang]} — ${roster.owner}</h2>
      <p class="meta">
        ${roster.levelName?.[lang] ?? roster.level} · ${TEXT.term[lang]} ${roster.term}
        ${date ? ` · ${TEXT.asOf[lang]} ${formatDate(date)}` : ''}
      </p>
      <label>
        ${TEXT.field[lang]}
        <select @change=${this.#choose}>
          <option value="" ?selected=${!this.field}>${TEXT.all[lang]}</option>
          ${EXPERTISE_FIELDS.map(
            (f) => html`<option value=${f} ?selected=${this.field === f}>${EXPERTISE_FIELD_NAMES[f][lang]}</option>`,
          )}
        </select>
      </label>
      ${noticeOf(this.#roster, lang)}
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
