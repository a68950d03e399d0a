import type { RouterOutputs } from '@polcenter/client';
import { type Failure, failureOf, failureText } from '@polcenter/widgets/failure';
import { html, nothing, type TemplateResult } from 'lit';
import { ConsolePage } from '../page.js';
import { peopleStyles } from './people-styles.js';
import '../export-buttons.js';

const BASE = '/console';
type Person = RouterOutputs['people']['search']['items'][number];

const TEXT = {
  heading: { vi: 'Cá nhân', en: 'People' },
  search: { vi: 'Tìm theo họ tên (không cần dấu)', en: 'Find by name (accents optional)' },
  find: { vi: 'Tìm', en: 'Find' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  born: { vi: 'Năm sinh', en: 'Born' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  nationalId: { vi: 'CCCD', en: 'National ID' },
  none: { vi: 'Không có ai khớp.', en: 'Nobody matches.' },
  more: { vi: 'Xem thêm', en: 'More people' },
  loading: { vi: 'Đang tìm…', en: 'Searching…' },
  create: { vi: 'Thêm người', en: 'New person' },
  duplicates: { vi: 'Tìm hồ sơ trùng lặp', en: 'Find duplicate records' },
  masked: {
    vi: 'Số CCCD, điện thoại và ngày sinh được che; mở hồ sơ để xem kèm lý do.',
    en: 'National ID, phone and birth date are masked; open a record to see them, giving a reason.',
  },
};

/** People of the caller's units, found by name without diacritics, 20 at a time; personal fields masked. */
export class PcPeoplePage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  static override properties = {
    ...ConsolePage.properties,
    people: { state: true },
    cursor: { state: true },
    busy: { state: true },
    failed: { state: true },
  };
  declare private people: Person[] | undefined;
  declare private cursor: string | null;
  declare private busy: boolean;
  declare private failed: Failure | undefined;
  private query = '';

  constructor() {
    super();
    this.people = undefined;
    this.cursor = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.query = new URL(location.href).searchParams.get('q') ?? '';
    void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    this.busy = true;
    this.failed = undefined;
    try {
      const page = await this.client.people.search.query({
        query: this.query,
        limit: 20,
        ...(more && this.cursor ? { cursor: this.cursor } : {}),
      });
      this.people = more ? [...(this.people ?? []), ...page.items] : [...page.items];
      this.cursor = page.nextCursor;
    } catch (error) {
      this.failed = failureOf(error);
    } finally {
      this.busy = false;
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    this.query = (new FormData(event.target as HTMLFormElement).get('q') as string | null) ?? '';
    history.replaceState(null, '', `${BASE}/people${this.query ? `?q=${encodeURIComponent(this.query)}` : ''}`);
    void this.load(false);
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <form class="toolbar" role="search" @submit=${this.submit}>
        <div class="field search">
          <label for="people-search">${this.t(TEXT.search)}</label>
          <input id="people-search" name="q" type="search" .value=${this.query} />
        </div>
        <button type="submit" class="primary">${this.t(TEXT.find)}</button>
        <a class="button" href="${BASE}/people/new">${this.t(TEXT.create)}</a>
        <a class="button" href="${BASE}/people/duplicates">${this.t(TEXT.duplicates)}</a>
      </form>
      <p class="muted">${this.t(TEXT.masked)}</p>
      <pc-export-buttons list="people" .filter=${{ query: this.query }}></pc-export-buttons>
      ${this.failed ? html`<p role="alert" class="failure">${failureText(this.failed, this.currentLang)}</p>` : nothing}
      ${this.people ? this.table(this.people) : html`<p role="status">${this.t(TEXT.loading)}</p>`}`;
  }

  private table(people: readonly Person[]): TemplateResult {
    if (people.length === 0) return html`<p role="status">${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t(TEXT.name)}</th>
              <th scope="col">${this.t(TEXT.born)}</th>
              <th scope="col">${this.t(TEXT.unit)}</th>
              <th scope="col">${this.t(TEXT.phone)}</th>
              <th scope="col">${this.t(TEXT.nationalId)}</th>
            </tr>
          </thead>
          <tbody>
            ${people.map(
              (p) => html`<tr data-person>
                <td><a href="${BASE}/people/${p.id}">${p.fullName}</a></td>
                <td>${p.birthDate ?? '—'}</td>
                <td>${p.unitName ?? '—'}</td>
                <td>${p.phone ?? '—'}</td>
                <td>${p.nationalId ?? '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.cursor ? html`<p><button type="button" ?disabled=${this.busy} @click=${() => this.load(true)}>${this.t(TEXT.more)}</button></p>` : nothing}`;
  }
}

customElements.define('pc-people-page', PcPeoplePage);
