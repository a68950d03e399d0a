import type { RouterOutputs } from '@polcenter/client';
import { formatDate, type Lang } from '@polcenter/domain';
import { html, nothing, type PropertyValues } from 'lit';
import { firstProblem, isoDateAttribute, wholeNumber } from '../attributes.js';
import { PcElement } from '../element.js';
import { ApiResource } from '../resource.js';
import { bones, headingBone, noticeOf, placeholder, stateOf } from '../states.js';
import { TERMS } from '../terms.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './class-catalog.styles.js';

type Entry = RouterOutputs['classes']['catalog']['items'][number];
type Timetable = RouterOutputs['classes']['timetable'];
type Programs = RouterOutputs['programs']['list'];

/** The cards shown, the cursor of the next page, and where the latest page starts (for focus). */
interface Shown {
  readonly entries: readonly Entry[];
  readonly next: string | null;
  readonly fresh: number;
}

/** The visitor's filters; empty strings mean "any". */
interface Filters {
  readonly search: string;
  readonly program: string;
  readonly month: string;
  readonly mode: '' | 'in_person' | 'online';
}

/** The element the register button opens, built by its own module (the contract: tag, `class-id`, `pc-registered`). */
const ENROL_FORM = 'pc-enrol-form';

const TEXT = {
  ...TERMS,
  loading: { vi: 'Đang tải các lớp đang mở…', en: 'Loading open classes…' },
  empty: { vi: 'Hiện chưa có lớp nào mở đăng ký.', en: 'No class is open for enrolment at the moment.' },
  noMatch: { vi: 'Không có lớp nào khớp với lựa chọn.', en: 'No class matches your choice.' },
  filters: { vi: 'Lọc các lớp', en: 'Filter the classes' },
  search: { vi: 'Tìm lớp', en: 'Search' },
  month: { vi: 'Tháng', en: 'Month' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  any: { vi: 'Tất cả', en: 'Any' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  where: { vi: 'Địa điểm', en: 'Venue' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  enrolment: { vi: 'Đăng ký', en: 'Enrolment' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  loadingMore: { vi: 'Đang tải thêm…', en: 'Loading more…' },
  details: { vi: 'Chi tiết', en: 'Details' },
  timetable: { vi: 'Lịch học', en: 'Timetable' },
  noSessions: { vi: 'Chưa có lịch học.', en: 'No timetable yet.' },
  register: { vi: 'Đăng ký học', en: 'Register' },
  close: { vi: 'Đóng', en: 'Close' },
  morning: { vi: 'Sáng', en: 'Morning' },
  afternoon: { vi: 'Chiều', en: 'Afternoon' },
  evening: { vi: 'Tối', en: 'Evening' },
  topic: { vi: 'Chuyên đề', en: 'Topic' },
  window: (entry: Entry, lang: Lang) => {
    const closes = entry.enrolmentClosesOn ? formatDate(entry.enrolmentClosesOn) : null;
    const opens = entry.enrolmentOpensOn ? formatDate(entry.enrolmentOpensOn) : null;
    if (entry.enrolment === 'before') return lang === 'vi' ? `mở từ ${opens}` : `opens ${opens}`;
    if (entry.enrolment === 'after') return lang === 'vi' ? 'đã hết hạn' : 'closed';
    if (!closes) return lang === 'vi' ? 'đang mở' : 'open';
    return lang === 'vi' ? `đến hết ${closes}` : `until ${closes}`;
  },
};

/** The twelve months from this one, as `YYYY-MM`: what a visitor plans for. */
function comingMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The later of two ISO dates (either may be absent). */
const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * @tag pc-class-catalog
 * @summary The classes open for enrolment, for a portal page: program, dates, venue or online
 * sites, and seats left; visitors filter by program, month and mode, search by words (with or
 * without diacritics), open a class's timetable, and register when `<pc-enrol-form>` is on the
 * page and the class's enrolment window is open. No personal data ever reaches it.
 *
 * @csspart card - one class
 * @csspart filters - the visitor's search and filters
 * @csspart details - a class's timetable and sites, when opened
 * @csspart dialog - the registration dialog holding `<pc-enrol-form>`
 * @cssproperty --pc-class-catalog-card-width - smallest width of a card (default 18rem)
 * @fires pc-loaded - when a page of classes has been read; `detail.count` is how many are shown
 */
export class PcClassCatalog extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    organiser: { type: String },
    program: { type: String },
    from: { type: String },
    to: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    filters: { state: true },
    opened: { state: true },
    registering: { state: true },
  };

  protected static override fieldAttributes = {
    organiserCode: 'organiser',
    programCode: 'program',
    from: 'from',
    to: 'to',
    limit: 'page-size',
  };

  /** Code of the organising unit (its classes and those of the units below it), e.g. `TN-CHODON`. */
  declare organiser: string | undefined;
  /** Code of a program (e.g. `NTĐ`) the program filter starts at; the visitor can change it. */
  declare program: string | undefined;
  /** Only classes running on or after this date (YYYY-MM-DD)… */
  declare from: string | undefined;
  /** …and on or before this one (YYYY-MM-DD). */
  declare to: string | undefined;
  /** Classes per page (1–100, default 12). */
  declare pageSize: number;
  declare private filters: Filters;
  /** The class whose details are open. */
  declare private opened: string | undefined;
  /** The class being registered for, in the dialog. */
  declare private registering: Entry | undefined;

  readonly #shown = new ApiResource<Shown>(this, (shown) => this.emit('pc-loaded', { count: shown.entries.length }));
  readonly #programs = new ApiResource<Programs>(this);
  readonly #timetable = new ApiResource<Timetable>(this);
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.pageSize = 12;
    this.filters = { search: '', program: '', month: '', mode: '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The register button shows once the enrolment form's script has defined it, whenever that is.
    if (!customElements.get(ENROL_FORM)) void customElements.whenDefined(ENROL_FORM).then(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const attributes = (['api', 'organiser', 'program', 'from', 'to', 'pageSize'] as const).some((k) => changed.has(k));
    if (attributes) {
      this.filters = { ...this.filters, program: this.program ?? '' };
      const problem = firstProblem(
        isoDateAttribute('from', this.from),
        isoDateAttribute('to', this.to),
        wholeNumber('page-size', this.pageSize, 1, 100),
      );
      if (this.report(problem)) {
        this.#shown.stop(problem);
        return;
      }
      if (changed.has('api') || !this.#programs.value) {
        this.#programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
      }
      this.#load(null, false);
    } else if ((changed as PropertyValues).has('filters') && this.hasUpdated) {
      this.#load(null, true);
    }
  }

  protected override async examples(attribute: string): Promise<readonly string[] | undefined> {
    if (attribute === 'organiser') return this.unitCodes();
    if (attribute !== 'program') return undefined;
    const programs = await this.client.programs.list.query();
    return programs.map((p) => `${p.code} (${p.name[this.language]})`);
  }

  /** The first page for the current filters (`cursor` null), or the next one appended. */
  #load(cursor: string | null, keep: boolean): void {
    const before = cursor ? (this.#shown.value?.entries ?? []) : [];
    const { search, program, month, mode } = this.filters;
    const monthEnd = month ? new Date(Date.UTC(+month.slice(0, 4), +month.slice(5), 0)).toISOString().slice(0, 10) : '';
    const from = later(this.from, month && `${month}-01`);
    const to = earlier(this.to, monthEnd || undefined);
    this.#shown.start(
      async ({ client, signal }) => {
        if (from && to && from > to) return { entries: [], next: null, fresh: 0 };
        const page = await client.classes.catalog.query(
          {
            limit: this.pageSize,
            ...(this.organiser ? { organiserCode: this.organiser } : {}),
            ...(program ? { programCode: program } : {}),
            ...(mode ? { mode } : {}),
            ...(search.trim() ? { search: search.trim() } : {}),
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            ...(cursor ? { cursor } : {}),
          },
          { signal },
        );
        return { entries: [...before, ...page.items], next: page.nextCursor, fresh: before.length };
      },
      { keep },
    );
  }

  #filter(key: keyof Filters, value: string): void {
    this.filters = { ...this.filters, [key]: value };
  }

  #onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => this.#filter('search', value), 300);
  }

  #toggle(entry: Entry): void {
    if (this.opened === entry.id) {
      this.opened = undefined;
      return;
    }
    this.opened = entry.id;
    this.#timetable.start(({ client, signal }) => client.classes.timetable.query({ id: entry.id }, { signal }));
  }

  async #register(entry: Entry): Promise<void> {
    this.registering = entry;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    const slot = dialog?.querySelector('.form');
    if (!dialog || !slot) return;
    const form = document.createElement(ENROL_FORM);
    form.setAttribute('class-id', entry.id);
    form.setAttribute('lang', this.language);
    if (this.api) form.setAttribute('api', this.api);
    slot.replaceChildren(form);
    dialog.showModal();
  }

  #closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #renderFilters(lang: Lang) {
    const f = this.filters;
    const select = (key: keyof Filters, label: string, options: readonly [string, string][]) =>
      html`<label>${label}
        <select @change=${(e: Event) => this.#filter(key, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f[key]}>${TEXT.any[lang]}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${f[key] === value}>${text}</option>`)}
        </select>
      </label>`;
    return html`<form part="filters" role="search" aria-label=${TEXT.filters[lang]} @submit=${(e: Event) => e.preventDefault()}>
      <label>${TEXT.search[lang]}
        <input type="search" name="search" .value=${f.search} @input=${this.#onSearch} autocomplete="off" />
      </label>
      ${select(
        'program',
        TEXT.program[lang],
        (this.#programs.value ?? []).map((p) => [p.code, p.name[lang]]),
      )}
      ${select(
        'month',
        TEXT.month[lang],
        comingMonths().map((m) => [m, `${m.slice(5)}/${m.slice(0, 4)}`]),
      )}
      ${select('mode', TEXT.mode[lang], [
        ['in_person', TEXT.in_person[lang]],
        ['online', TEXT.online[lang]],
      ])}
    </form>`;
  }

  #renderDetails(entry: Entry, lang: Lang) {
    const loading = () => placeholder(TEXT.loading[lang], bones(4));
    const state = stateOf(this.#timetable, lang, loading);
    const t = this.#timetable.value;
    const body =
      state ??
      (t &&
        html`${t.sites.length > 0 ? html`<p><strong>${TEXT.sites[lang]}:</strong> ${t.sites.join('; ')}</p>` : nothing}
          <h4>${TEXT.timetable[lang]}</h4>
          ${
            t.sessions.length === 0
              ? html`<p>${TEXT.noSessions[lang]}</p>`
              : html`<ol class="sessions">
                ${t.sessions.map(
                  (s) => html`<li>
                    <span class="when">${formatDate(s.date)} · ${s.part ? `${TEXT[s.part][lang]} ` : ''}${s.startTime}–${s.endTime}</span>
                    ${s.title ?? (s.topicNumber ? `${TEXT.topic[lang]} ${s.topicNumber}` : '')} ${s.siteName ? html`<span class="code">(${s.siteName})</span>` : nothing}
                  </li>`,
                )}
              </ol>`
          }`);
    return html`<div part="details" id="details-${entry.id}" class="details">${body}</div>`;
  }

  #card(entry: Entry, lang: Lang, focus: boolean) {
    const where =
      entry.sites.length > 0
        ? html`<dt>${TEXT.sites[lang]}</dt><dd>${entry.sites.length}${entry.venue ? ` · ${entry.venue}` : ''}</dd>`
        : html`<dt>${TEXT.where[lang]}</dt><dd>${entry.venue ?? '—'}</dd>`;
    const open = this.opened === entry.id;
    const canRegister = entry.enrolment === 'open' && customElements.get(ENROL_FORM) !== undefined;
    return html`<li part="card" data-code=${entry.code} tabindex="-1" ?data-focus=${focus}>
      <h3>${entry.title ?? entry.program.name[lang]}</h3>
      <span class="code">${entry.code}${entry.title ? ` · ${entry.program.name[lang]}` : ''}</span>
      <dl>
        <dt>${TEXT.dates[lang]}</dt>
        <dd>${formatDate(entry.startDate)} – ${formatDate(entry.endDate)}</dd>
        ${where}
        <dt>${TEXT.organiser[lang]}</dt>
        <dd>${entry.organiser.name}</dd>
        <dt>${TEXT.enrolment[lang]}</dt>
        <dd>${TEXT.window(entry, lang)}</dd>
        <dt>${TEXT.seats[lang]}</dt>
        <dd class="seats" ?data-full=${entry.seatsLeft === 0}>
          ${entry.seatsLeft === 0 ? TEXT.full[lang] : `${entry.seatsLeft}/${entry.capacity}`}
        </dd>
      </dl>
      <div class="actions">
        <button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="details-${entry.id}" @click=${() => this.#toggle(entry)}>
          ${TEXT.details[lang]}
        </button>
        ${canRegister ? html`<button type="button" class="primary register" @click=${() => this.#register(entry)}>${TEXT.register[lang]}</button>` : nothing}
      </div>
      ${open ? this.#renderDetails(entry, lang) : nothing}
    </li>`;
  }

  protected override render() {
    const lang = this.language;
    const loading = () =>
      placeholder(TEXT.loading[lang], html`<ul>${[1, 2, 3].map(() => html`<li>${headingBone}${bones(5)}</li>`)}</ul>`);
    const filters = this.#renderFilters(lang);
    const state = stateOf(this.#shown, lang, loading);
    const shown = this.#shown.value;
    if (state || !shown) return html`${filters}${state}`;
    const filtered = Object.values(this.filters).some(Boolean);
    const list =
      shown.entries.length === 0
        ? html`<p role="status" tabindex="-1" data-focus>${filtered ? TEXT.noMatch[lang] : TEXT.empty[lang]}</p>`
        : html`<ul aria-busy=${this.#shown.loading ? 'true' : 'false'} tabindex="-1" ?data-focus=${shown.fresh === 0}>
            ${shown.entries.map((entry, i) => this.#card(entry, lang, shown.fresh > 0 && i === shown.fresh))}
          </ul>`;
    const more = shown.next
      ? html`<button type="button" class="more" @click=${() => this.#load(shown.next, true)}>
          ${this.#shown.loading ? TEXT.loadingMore[lang] : TEXT.more[lang]}
        </button>`
      : nothing;
    const r = this.registering;
    return html`${filters}${list}${noticeOf(this.#shown, lang)}${more}
      <dialog part="dialog" aria-labelledby="register-title" @close=${() => (this.registering = undefined)}>
        <h3 id="register-title">${r ? `${TEXT.register[lang]}: ${r.title ?? r.program.name[lang]} (${r.code})` : ''}</h3>
        <div class="form"></div>
        <button type="button" @click=${this.#closeDialog}>${TEXT.close[lang]}</button>
      </dialog>`;
  }
}
