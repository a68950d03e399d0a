import type { ListExportInput, LocalizedText } from '@polcenter/domain';
import { type Failure, failureOf } from '@polcenter/widgets/failure';
import { css, html, nothing, type TemplateResult } from 'lit';
import { saveApiFile } from './download.js';
import { sentence } from './form.js';
import { ConsolePage } from './page.js';

type Format = ListExportInput['format'];

const TEXT = {
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  xlsx: { vi: 'Tải Excel', en: 'Download Excel' },
  group: { vi: 'Xuất danh sách', en: 'Export the list' },
  preparing: { vi: 'Đang chuẩn bị tệp…', en: 'Preparing the file…' },
  done: (n: number) => ({ vi: `Đã tải ${n} dòng.`, en: `${n} rows downloaded.` }),
} satisfies Record<string, LocalizedText | ((n: number) => LocalizedText)>;

/**
 * "Tải CSV" and "Tải Excel" for any list the server can export (`exports.list`): the whole list
 * as the person sees it with the filter shown, every page of it, Vietnamese intact in Excel (CSV
 * with a BOM; XLSX with real dates). A page adopts it in one line:
 *
 * ```ts
 * html`<pc-export-buttons list="classes" .filter=${this.filter}></pc-export-buttons>`
 * ```
 */
export class PcExportButtons extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    list: {},
    filter: { attribute: false },
    busy: { state: true },
    failure: { state: true },
    rows: { state: true },
  };
  static override styles = [
    ...ConsolePage.styles,
    css`
      :host {
        display: inline-block;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  declare list: ListExportInput['list'];
  declare filter: unknown;
  declare private busy: Format | null;
  declare private failure: Failure | undefined;
  declare private rows: number | undefined;

  constructor() {
    super();
    this.busy = null;
  }

  private async download(format: Format): Promise<void> {
    this.busy = format;
    this.failure = undefined;
    this.rows = undefined;
    try {
      const input = { list: this.list, filter: this.filter ?? {}, format } as ListExportInput;
      const file = await this.client.exports.list.query(input);
      saveApiFile(this, file);
      this.rows = file.rows;
    } catch (error) {
      this.failure = failureOf(error);
    } finally {
      this.busy = null;
    }
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    return html`<div class="buttons" role="group" aria-label=${this.t(TEXT.group)}>
      <button type="button" ?disabled=${this.busy !== null} @click=${() => this.download('csv')}>${this.t(TEXT.csv)}</button>
      <button type="button" ?disabled=${this.busy !== null} @click=${() => this.download('xlsx')}>${this.t(TEXT.xlsx)}</button>
      <span role="status">${this.busy ? this.t(TEXT.preparing) : this.rows !== undefined ? this.t(TEXT.done(this.rows)) : nothing}</span>
      ${this.failure ? html`<span role="alert">${sentence(this.failure, lang)}</span>` : nothing}
    </div>`;
  }
}

customElements.define('pc-export-buttons', PcExportButtons);
