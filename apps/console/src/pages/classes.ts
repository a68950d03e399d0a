import type { RouterOutputs } from '@polcenter/client';
import { CLASS_STATUS_NAMES, CLASS_STATUSES, type ClassListInput, type ClassStatus } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type TemplateResult } from 'lit';
import { numberOf, type UnitOption, unitsOf } from '../class-form.js';
import { CLASS_TABS } from '../class-page.js';
import { formValues } from '../form.js';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import '../export-buttons.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type ClassList = RouterOutputs['classes']['list'];
type Row = ClassList['items'][number];
type Program = RouterOutputs['programs']['list'][number];
type Filter = Omit<NonNullable<ClassListInput>, 'cursor' | 'limit'>;

const PAGE = 20;

const TEXT = {
  heading: { vi: 'Lớp học', en: 'Classes' },
  create: { vi: 'Mở lớp mới', en: 'New class' },
  filters: { vi: 'Tìm và lọc lớp', en: 'Find classes' },
  search: {
    vi: 'Tìm theo mã, tên lớp, chương trình (không cần dấu)',
    en: 'Code, title or program (diacritics optional)',
  },
  status: { vi: 'Tình trạng', en: 'Status' },
  program: { vi: 'Chương trình', en: 'Program' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  year: { vi: 'Năm', en: 'Year' },
  from: { vi: 'Học từ ngày', en: 'Running from' },
  to: { vi: 'đến ngày', en: 'to' },
  all: { vi: 'Tất cả', en: 'All' },
  apply: { vi: 'Lọc', en: 'Filter' },
  code: { vi: 'Mã lớp', en: 'Code' },
  class: { vi: 'Lớp', en: 'Class' },
  dates: { vi: 'Thời gian', en: 'Dates' },
  seats: { vi: 'Đã duyệt / chỗ', en: 'Approved / seats' },
  pages: { vi: 'Các trang của lớp', en: 'Pages' },
  more: { vi: 'Xem thêm lớp', en: 'More classes' },
  empty: { vi: 'Không có lớp nào phù hợp.', en: 'No class matches.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  count: (n: number, more: boolean) => ({
    vi: `Đang hiển thị ${n} lớp${more ? ' (còn nữa)' : ''}.`,
    en: `Showing ${n} classes${more ? ' (more to come)' : ''}.`,
  }),
};

/** The list's filter as an address's query holds it (`?search=boi+duong&status=open`). */
function filterOf(query: URLSearchParams): Filter {
  const text = (name: string) => query.get(name) || undefined;
  const year = numberOf(query.get('year') ?? undefined);
  const status = text('status');
  return {
    ...(text('search') ? { search: text('search') } : {}),
    ...(status && (CLASS_STATUSES as readonly string[]).includes(status) ? { status: status as ClassStatus } : {}),
    ...(text('programId') ? { programId: text('programId') } : {}),
    ...(text('organiserUnitId') ? { organiserUnitId: text('organiserUnitId') } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(text('from') ? { from: text('from') } : {}),
    ...(text('to') ? { to: text('to') } : {}),
  };
}

/**
 * The classes of the person's units (organised by one of them, a unit below or a unit above),
 * newest first, with filters and a search that needs no diacritics; 20 a page, more on demand.
 * Each row leads to the class's pages; the filter is kept in the address (reload, Back).
 */
export class PcClassesPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, rows: { state: true } };
  static override styles = [
    ...ConsolePage.styles,
    css`
      .links {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 0.6rem;
        min-width: 14rem;
      }
    `,
  ];

  private readonly list = new ApiResource<ClassList>(this, (page) => {
    this.rows = this.appending ? [...this.rows, ...page.items] : [...page.items];
    this.appending = false;
  });
  private readonly programs = new ApiResource<Program[]>(this);
  private readonly units = new ApiResource<UnitOption[]>(this);
  declare private rows: Row[];
  private filter: Filter = {};
  private appending = false;

  constructor() {
    super();
    this.rows = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = filterOf(new URLSearchParams(location.search));
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
    this.units.start(({ signal }) => unitsOf(this, signal));
    this.load();
  }

  private load(cursor?: string): void {
    const input = { ...this.filter, limit: PAGE, ...(cursor ? { cursor } : {}) };
    this.appending = Boolean(cursor);
    this.list.start(({ client, signal }) => client.classes.list.query(input, { signal }), { keep: true });
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const year = numberOf(v.year);
    this.filter = {
      ...(v.search ? { search: v.search } : {}),
      ...(v.status ? { status: v.status as ClassStatus } : {}),
      ...(v.programId ? { programId: v.programId } : {}),
      ...(v.organiserUnitId ? { organiserUnitId: v.organiserUnitId } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(v.from ? { from: v.from } : {}),
      ...(v.to ? { to: v.to } : {}),
    };
    // The filter lives in the address too, so Back from a class finds the list as it was left.
    const query = new URLSearchParams(
      Object.entries(this.filter).map(([name, value]) => [name, String(value)]),
    ).toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
    this.rows = [];
    this.load();
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const page = this.list.value;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${this.can('center_staff') ? html`<p><a href="${BASE}/classes/new">${this.t(TEXT.create)}</a></p>` : nothing}
      ${this.renderFilters()}
      <pc-export-buttons list="classes" .filter=${this.filter}></pc-export-buttons>
      ${this.list.failure ? html`<p role="alert" class="failure">${failureText(this.list.failure, lang)}</p>` : nothing}
      ${
        page
          ? html`<p role="status" aria-live="polite" class="muted">${this.t(TEXT.count(this.rows.length, Boolean(page.nextCursor)))}</p>
            ${this.rows.length === 0 ? html`<p>${this.t(TEXT.empty)}</p>` : this.renderTable()}
            ${
              page.nextCursor
                ? html`<div class="actions"><button type="button" ?disabled=${this.list.loading}
                    @click=${() => this.load(page.nextCursor ?? undefined)}>${this.t(TEXT.more)}</button></div>`
                : nothing
            }`
          : this.list.failure
            ? nothing
            : html`<p role="status">${this.t(TEXT.loading)}</p>`
      }`;
  }

  private renderFilters(): TemplateResult {
    const lang = this.currentLang;
    const f = this.filter;
    const option = (value: string, label: string, selected: boolean) =>
      html`<option value=${value} ?selected=${selected}>${label}</option>`;
    return html`<form role="search" aria-label=${this.t(TEXT.filters)} @submit=${this.onFilter}>
      <div class="fields">
        <div class="field wide">
          <label for="f-search">${this.t(TEXT.search)}</label>
          <input id="f-search" name="search" type="search" autocomplete="off" .value=${f.search ?? ''} />
        </div>
        <div class="field">
          <label for="f-status">${this.t(TEXT.status)}</label>
          <select id="f-status" name="status">
            ${option('', this.t(TEXT.all), !f.status)}
            ${CLASS_STATUSES.map((s) => option(s, CLASS_STATUS_NAMES[s][lang], f.status === s))}
          </select>
        </div>
        <div class="field">
          <label for="f-programId">${this.t(TEXT.program)}</label>
          <select id="f-programId" name="programId">
            ${option('', this.t(TEXT.all), !f.programId)}
            ${(this.programs.value ?? []).map((p) => option(p.id, `${p.code} · ${p.name[lang]}`, f.programId === p.id))}
          </select>
        </div>
        <div class="field">
          <label for="f-organiserUnitId">${this.t(TEXT.organiser)}</label>
          <select id="f-organiserUnitId" name="organiserUnitId">
            ${option('', this.t(TEXT.all), !f.organiserUnitId)}
            ${(this.units.value ?? []).map((u) => option(u.id, u.name, f.organiserUnitId === u.id))}
          </select>
        </div>
        <div class="field">
          <label for="f-year">${this.t(TEXT.year)}</label>
          <input id="f-year" name="year" type="number" min="1990" max="2100" inputmode="numeric" .value=${f.year ? String(f.year) : ''} />
        </div>
        <div class="field">
          <label for="f-from">${this.t(TEXT.from)}</label>
          <input id="f-from" name="from" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off" .value=${f.from ?? ''} />
        </div>
        <div class="field">
          <label for="f-to">${this.t(TEXT.to)}</label>
          <input id="f-to" name="to" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off" .value=${f.to ?? ''} />
        </div>
      </div>
      <div class="actions"><button type="submit" class="primary">${this.t(TEXT.apply)}</button></div>
    </form>`;
  }

  private renderTable(): TemplateResult {
    const lang = this.currentLang;
    const tabsOf = (c: Row) =>
      CLASS_TABS.filter((tab) => tab.path !== '' && (!tab.roles || this.can(tab.roles, c.organiser.id)));
    // At 360 px the table scrolls sideways: its region takes focus, so the keyboard scrolls it too.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t(TEXT.code)}</th>
            <th scope="col">${this.t(TEXT.class)}</th>
            <th scope="col">${this.t(TEXT.organiser)}</th>
            <th scope="col">${this.t(TEXT.dates)}</th>
            <th scope="col">${this.t(TEXT.status)}</th>
            <th scope="col" class="num">${this.t(TEXT.seats)}</th>
            <th scope="col">${this.t(TEXT.pages)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (c) => html`<tr data-class=${c.id} data-code=${c.code}>
              <th scope="row"><a href="${BASE}/classes/${c.id}">${c.code}</a></th>
              <td>${c.title ?? c.program.name[lang]}${c.title ? html`<br /><span class="muted">${c.program.name[lang]}</span>` : nothing}</td>
              <td>${c.organiser.name}</td>
              <td>${date(c.startDate)} – ${date(c.endDate)}</td>
              <td>${c.statusName[lang]}</td>
              <td class="num">${number(c.seatsTaken, lang)} / ${number(c.capacity, lang)}</td>
              <td>
                <ul class="links">
                  ${tabsOf(c).map(
                    (tab) =>
                      html`<li><a href="${BASE}/classes/${c.id}${tab.path}" aria-label="${this.t(tab.title)} ${c.code}">${this.t(tab.title)}</a></li>`,
                  )}
                </ul>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('pc-classes-page', PcClassesPage);
