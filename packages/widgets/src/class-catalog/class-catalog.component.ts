import type { RouterOutputs } from '@polcenter/api/client';
import { formatDate, type Lang } from '@polcenter/domain';
import { html, LitElement, type PropertyValues } from 'lit';
import { apiUrl, clientFor } from '../api';
import { errorMessage, widgetLang } from '../i18n';
import { base, tokens } from '../tokens.styles';
import { styles } from './class-catalog.styles';

type Entry = RouterOutputs['classes']['catalog']['items'][number];

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; entries: Entry[]; next: string | null; more: boolean };

const TEXT = {
  loading: { vi: 'Đang tải các lớp đang mở…', en: 'Loading open classes…' },
  empty: { vi: 'Hiện chưa có lớp nào mở đăng ký.', en: 'No class is open for enrolment at the moment.' },
  dates: { vi: 'Thời gian', en: 'Dates' },
  where: { vi: 'Địa điểm', en: 'Venue' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  enrolment: { vi: 'Đăng ký', en: 'Enrolment' },
  seats: { vi: 'Chỗ còn trống', en: 'Seats left' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  full: { vi: 'Đã đủ chỗ (có danh sách chờ)', en: 'Full (waitlist)' },
  window: (entry: Entry, lang: Lang) => {
    const closes = entry.enrolmentClosesOn ? formatDate(entry.enrolmentClosesOn) : null;
    const opens = entry.enrolmentOpensOn ? formatDate(entry.enrolmentOpensOn) : null;
    if (entry.enrolment === 'before') return lang === 'vi' ? `mở từ ${opens}` : `opens ${opens}`;
    if (entry.enrolment === 'after') return lang === 'vi' ? 'đã hết hạn' : 'closed';
    if (!closes) return lang === 'vi' ? 'đang mở' : 'open';
    return lang === 'vi' ? `đến hết ${closes}` : `until ${closes}`;
  },
};

/**
 * @summary The classes open for enrolment, for a portal page: program, dates, venue or online
 * sites, and seats left. No personal data ever reaches it.
 *
 * @csspart card - one class
 * @cssproperty --pc-class-catalog-card-width - smallest width of a card (default 18rem)
 * @fires pc-loaded - when a page of classes has been read; `detail.count` is how many are shown
 */
export class PcClassCatalog extends LitElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    api: { type: String },
    organiser: { type: String },
    from: { type: String },
    to: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    load: { state: true },
  };

  /** URL of the PolCenter tRPC endpoint; defaults to `/trpc` on the script's origin. */
  declare api: string | undefined;
  /** Code of the organising unit (and the units below it), e.g. `TN-CHODON`. */
  declare organiser: string | undefined;
  /** Only classes running on or after this date (YYYY-MM-DD)… */
  declare from: string | undefined;
  /** …and on or before this one. */
  declare to: string | undefined;
  /** Classes per page (1–100). */
  declare pageSize: number;
  declare private load: Load;

  constructor() {
    super();
    this.pageSize = 12;
    this.load = { state: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['api', 'organiser', 'from', 'to', 'pageSize'].some((key) => changed.has(key as keyof PcClassCatalog))) {
      void this.fetchPage(null);
    }
  }

  private async fetchPage(cursor: string | null): Promise<void> {
    const lang = widgetLang(this);
    const before = this.load.state === 'ready' && cursor ? this.load.entries : [];
    if (!cursor) this.load = { state: 'loading' };
    try {
      const page = await clientFor(apiUrl(this.api), lang).classes.catalog.query({
        limit: Math.min(100, Math.max(1, this.pageSize || 12)),
        ...(this.organiser ? { organiserCode: this.organiser } : {}),
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const entries = [...before, ...page.items];
      this.load = { state: 'ready', entries, next: page.nextCursor, more: page.nextCursor !== null };
      this.dispatchEvent(
        new CustomEvent('pc-loaded', { detail: { count: entries.length }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.load = { state: 'error', message: errorMessage(error, lang) };
    }
  }

  private card(entry: Entry, lang: Lang) {
    const where =
      entry.sites.length > 0
        ? html`<dt>${TEXT.sites[lang]}</dt><dd>${entry.sites.length}${entry.venue ? html` · ${entry.venue}` : ''}</dd>`
        : html`<dt>${TEXT.where[lang]}</dt><dd>${entry.venue ?? '—'}</dd>`;
    return html`<li part="card" data-code=${entry.code}>
      <h3>${entry.title ?? entry.program.name[lang]}</h3>
      <span class="code">${entry.code}${entry.title ? html` · ${entry.program.name[lang]}` : ''}</span>
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
    </li>`;
  }

  protected override render() {
    const lang = widgetLang(this);
    const load = this.load;
    if (load.state === 'loading') return html`<p role="status">${TEXT.loading[lang]}</p>`;
    if (load.state === 'error') return html`<p role="alert">${load.message}</p>`;
    if (load.entries.length === 0) return html`<p role="status">${TEXT.empty[lang]}</p>`;
    return html`<ul>
        ${load.entries.map((entry) => this.card(entry, lang))}
      </ul>
      ${load.more ? html`<button type="button" @click=${() => this.fetchPage(load.next)}>${TEXT.more[lang]}</button>` : ''}`;
  }
}
