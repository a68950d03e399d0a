import { formatDate, type Lang, type LocalizedText } from '@polcenter/domain';
import { html, type PropertyValues } from 'lit';
import { isoDateAttribute } from '../attributes.js';
import { PcElement } from '../element.js';
import { ApiResource } from '../resource.js';
import { panelPlaceholder, stateOf } from '../states.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './unit-directory.styles.js';

interface UnitItem {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly levelName: LocalizedText;
}

const TEXT = {
  loading: { vi: 'Đang tải danh sách đơn vị…', en: 'Loading units…' },
  empty: { vi: 'Không có đơn vị nào.', en: 'No units.' },
  heading: (count: number, at: string | undefined, lang: Lang) =>
    lang === 'vi'
      ? `${count} đơn vị${at ? ` (ngày ${formatDate(at)})` : ''}`
      : `${count} unit${count === 1 ? '' : 's'}${at ? ` (on ${formatDate(at)})` : ''}`,
};

/**
 * @tag pc-unit-directory
 * @summary The organisation units under a unit, as they were on a date, in Vietnamese order.
 *
 * @csspart list - the list of units
 * @cssproperty --pc-unit-directory-columns - number of columns of the list (default 2)
 * @fires pc-loaded - when the units have been read; `detail.count` holds their number
 */
export class PcUnitDirectory extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    under: { type: String },
    level: { type: String },
    at: { type: String },
    heading: { type: String },
  };

  protected static override fieldAttributes = { underCode: 'under', level: 'level', at: 'at' };

  /** Code of the unit whose descendants are listed (e.g. `064` for Chợ Đồn district); all units when absent. */
  declare under: string | undefined;
  /** Only units of this level (`province`, `district`, `commune`, `village`). */
  declare level: string | undefined;
  /** The date (YYYY-MM-DD) the tree is shown as of; today when absent. */
  declare at: string | undefined;
  /** Title shown above the list; a count is shown when absent. */
  declare heading: string | undefined;

  readonly #units = new ApiResource<UnitItem[]>(this, (units) => this.emit('pc-loaded', { count: units.length }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(['api', 'under', 'level', 'at'] as const).some((key) => changed.has(key))) return;
    const problem = isoDateAttribute('at', this.at);
    if (this.report(problem)) {
      this.#units.stop(problem);
      return;
    }
    this.#units.start(({ client, signal }) =>
      client.units.list.query(
        {
          ...(this.under ? { underCode: this.under } : {}),
          ...(this.level ? { level: this.level } : {}),
          ...(this.at ? { at: this.at } : {}),
        },
        { signal },
      ),
    );
  }

  protected override async examples(attribute: string): Promise<readonly string[] | undefined> {
    return attribute === 'under' ? this.unitCodes() : undefined;
  }

  protected override render() {
    const lang = this.language;
    const loading = () => panelPlaceholder(TEXT.loading[lang], 8);
    const units = this.#units.value;
    const state = stateOf(this.#units, lang, loading);
    if (state || !units) return state;
    return html`<section tabindex="-1" data-focus aria-busy=${this.#units.loading ? 'true' : 'false'}>
      <h2>${this.heading ?? TEXT.heading(units.length, this.at, lang)}</h2>
      ${
        units.length === 0
          ? html`<p role="status">${TEXT.empty[lang]}</p>`
          : html`<ol part="list">
            ${units.map((unit) => html`<li data-code=${unit.code}><span class="name">${unit.name}</span><span class="code">${unit.code}</span></li>`)}
          </ol>`
      }
    </section>`;
  }
}
