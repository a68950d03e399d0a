import { formatDate, type Lang, type LocalizedText } from '@polcenter/domain';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { apiUrl, clientFor } from '../api';
import { errorMessage, widgetLang } from '../i18n';
import { base, tokens } from '../tokens.styles';
import { styles } from './unit-directory.styles';

interface UnitItem {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly levelName: LocalizedText;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; units: UnitItem[] };

const TEXT = {
  loading: { vi: 'Đang tải danh sách đơn vị…', en: 'Loading units…' },
  empty: { vi: 'Không có đơn vị nào.', en: 'No units.' },
  heading: (count: number, at: string | undefined, lang: Lang) =>
    lang === 'vi'
      ? `${count} đơn vị${at ? ` (ngày ${formatDate(at)})` : ''}`
      : `${count} unit${count === 1 ? '' : 's'}${at ? ` (on ${formatDate(at)})` : ''}`,
};

/**
 * @summary The organisation units under a unit, as they were on a date, in Vietnamese order.
 *
 * @csspart list - the list of units
 * @cssproperty --pc-unit-directory-columns - number of columns of the list (default 2)
 * @fires pc-loaded - when the units have been read; `detail.count` holds their number
 */
export class PcUnitDirectory extends LitElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    api: { type: String },
    under: { type: String },
    level: { type: String },
    at: { type: String },
    heading: { type: String },
    load: { state: true },
  };

  /** URL of the PolCenter tRPC endpoint; defaults to `/trpc` on the script's origin. */
  declare api: string | undefined;
  /** Code of the unit whose descendants are listed (e.g. `064` for Chợ Đồn district). */
  declare under: string | undefined;
  /** Only units of this level (`commune`, `village`…). */
  declare level: string | undefined;
  /** The date (YYYY-MM-DD) the tree is shown as of; today when absent. */
  declare at: string | undefined;
  /** Title shown above the list; a count is shown when absent. */
  declare heading: string | undefined;
  declare private load: Load;

  constructor() {
    super();
    this.load = { state: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('under') || changed.has('level') || changed.has('at')) void this.fetchUnits();
  }

  private async fetchUnits(): Promise<void> {
    const lang = widgetLang(this);
    this.load = { state: 'loading' };
    try {
      const units = await clientFor(apiUrl(this.api), lang).units.list.query({
        ...(this.under ? { underCode: this.under } : {}),
        ...(this.level ? { level: this.level } : {}),
        ...(this.at ? { at: this.at } : {}),
      });
      this.load = { state: 'ready', units };
      this.dispatchEvent(
        new CustomEvent('pc-loaded', { detail: { count: units.length }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.load = { state: 'error', message: errorMessage(error, lang) };
    }
  }

  protected override render() {
    const lang = widgetLang(this);
    const load = this.load;
    if (load.state === 'loading') return html`<p role="status">${TEXT.loading[lang]}</p>`;
    if (load.state === 'error') return html`<p role="alert">${load.message}</p>`;
    return html`<section>
      <h2>${this.heading ?? TEXT.heading(load.units.length, this.at, lang)}</h2>
      ${
        load.units.length === 0
          ? html`<p role="status">${TEXT.empty[lang]}</p>`
          : html`<ol part="list">
            ${load.units.map((unit) => html`<li data-code=${unit.code}><span class="name">${unit.name}</span><span class="code">${unit.code}</span></li>`)}
          </ol>`
      }
      ${nothing}
    </section>`;
  }
}
