import type { RouterOutputs } from '@polcenter/client';
import { type LocalizedText, MAX_WORK_LIMIT, type WorkKind } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type Work = RouterOutputs['work']['todo'];
type Item = Work['kinds'][number]['items'][number];

type Say = (n: string, on: string, item: Item) => LocalizedText;

/** Each kind: its heading, what one item says, and the page where it is done. */
const KINDS: Record<WorkKind, { title: LocalizedText; say: Say; path: (item: Item) => string }> = {
  enrolment_closing: {
    title: { vi: 'Sắp hết hạn ghi danh', en: 'Enrolment closing soon' },
    say: (n, on) => ({ vi: `Hết hạn ngày ${on}, còn ${n} chỗ`, en: `Closes on ${on}, ${n} seat(s) left` }),
    path: (item) => `/classes/${item.class.id}/enrolment`,
  },
  requests_waiting: {
    title: { vi: 'Đăng ký chờ duyệt', en: 'Requests waiting for approval' },
    say: (n, on) => ({ vi: `${n} người chờ duyệt, từ ngày ${on}`, en: `${n} waiting, since ${on}` }),
    path: (item) => `/classes/${item.class.id}/enrolment`,
  },
  attendance_missing: {
    title: { vi: 'Buổi học hôm nay chưa điểm danh', en: "Today's sessions without attendance" },
    say: (n, on, item) => ({
      vi: `Buổi ${item.startTime} ngày ${on}: ${n} học viên chưa điểm danh`,
      en: `Session at ${item.startTime} on ${on}: ${n} trainee(s) not marked`,
    }),
    path: (item) => `/classes/${item.class.id}/attendance/${item.sessionId}`,
  },
  results_missing: {
    title: { vi: 'Lớp đã kết thúc chưa có kết quả', en: 'Finished classes without results' },
    say: (n, on) => ({
      vi: `Kết thúc ngày ${on}: ${n} học viên chưa có kết quả`,
      en: `Ended on ${on}: ${n} trainee(s) without a result`,
    }),
    path: (item) => `/classes/${item.class.id}/results`,
  },
  certificates_to_issue: {
    title: { vi: 'Giấy chứng nhận cần cấp', en: 'Certificates to issue' },
    say: (n, on) => ({
      vi: `${n} học viên đạt chưa có giấy chứng nhận (lớp kết thúc ngày ${on})`,
      en: `${n} trainee(s) passed without a certificate (class ended on ${on})`,
    }),
    path: (item) => `/classes/${item.class.id}/certificates`,
  },
};

const TEXT = {
  heading: { vi: 'Việc cần làm', en: 'To do' },
  greeting: { vi: 'Xin chào', en: 'Hello' },
  today: (on: string): LocalizedText => ({ vi: `Hôm nay, ngày ${on}.`, en: `Today is ${on}.` }),
  nothing: { vi: 'Không có việc cần làm', en: 'Nothing to do' },
  nothingHint: {
    vi: 'Các lớp thuộc đơn vị của bạn không có việc nào đang chờ.',
    en: 'Nothing is waiting in the classes of your units.',
  },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  more: (n: string): LocalizedText => ({ vi: `Xem thêm ${n} việc khác`, en: `Show ${n} more` }),
  beyond: (n: string): LocalizedText => ({
    vi: `và ${n} việc khác: tìm trong danh sách lớp`,
    en: `and ${n} more: find them in the class list`,
  }),
};

/**
 * The start page: what needs doing now in the person's units (`work.todo`, scoped by their roles
 * as every staff call is), grouped by kind, each item a link to the page where it is done. Read
 * again whenever the page is shown: on each visit, and when the browser tab comes back into view.
 */
export class PcHomePage extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      section {
        margin-bottom: 1rem;
      }
      h2 {
        font-size: 1.05rem;
      }
      ul.work {
        list-style: none;
        margin: 0;
        padding: 0;
        background: var(--pc-surface);
        border: 1px solid var(--pc-line);
        border-radius: var(--pc-radius);
      }
      ul.work li {
        padding: 0.55rem 0.8rem;
        border-top: 1px solid var(--pc-line);
        overflow-wrap: anywhere;
      }
      ul.work li:first-child {
        border-top: 0;
      }
      ul.work a {
        font-weight: 600;
      }
      .detail {
        display: block;
        color: var(--pc-muted);
        font-size: 0.9rem;
      }
      .count {
        font-weight: 400;
        color: var(--pc-muted);
      }
    `,
  ];

  private readonly work = new ApiResource<Work>(this);

  /** Whether the person asked to see every item (up to the API's bound), not the first few of each kind. */
  private all = false;

  private readonly shown = () => {
    if (document.visibilityState === 'visible') this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
    document.addEventListener('visibilitychange', this.shown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.shown);
  }

  private load(): void {
    // What is on screen stays while the list is read again.
    const input = this.all ? { limit: MAX_WORK_LIMIT } : undefined;
    this.work.start(({ client, signal }) => client.work.todo.query(input, { signal }), { keep: true });
  }

  private readonly showAll = () => {
    this.all = true;
    this.load();
  };

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <p>${this.t(TEXT.greeting)}, ${this.me.displayName}.</p>
      ${this.body()}`;
  }

  private body(): TemplateResult {
    const work = this.work.value;
    if (!work) {
      if (this.work.failure) return html`<p role="alert">${failureText(this.work.failure, this.currentLang)}</p>`;
      return html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    const kinds = work.kinds.filter((k) => k.total > 0);
    return html`<p class="muted">${this.t(TEXT.today(date(work.today)))}</p>
      ${
        kinds.length === 0
          ? html`<div class="panel" role="status">
              <p><strong>${this.t(TEXT.nothing)}</strong></p>
              <p class="hint">${this.t(TEXT.nothingHint)}</p>
            </div>`
          : kinds.map((k) => this.kind(k))
      }`;
  }

  private kind({ kind, total, items }: Work['kinds'][number]): TemplateResult {
    const about = KINDS[kind];
    const id = `work-${kind}`;
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${this.t(about.title)} <span class="count">(${number(total, this.currentLang)})</span></h2>
      <ul class="work">
        ${items.map(
          (item) => html`<li>
            <a href="${BASE}${about.path(item)}">${item.class.code} — ${item.class.title ?? this.t(item.class.program)}</a>
            <span class="detail">${this.t(about.say(number(item.count, this.currentLang), date(item.date), item))}</span>
          </li>`,
        )}
        ${total > items.length ? this.more(total - items.length) : nothing}
      </ul>
    </section>`;
  }

  /** The rest of a kind: one click shows it all; beyond the API's bound, the class list finds it. */
  private more(left: number): TemplateResult {
    const n = number(left, this.currentLang);
    return this.all
      ? html`<li class="muted"><a href="${BASE}/classes">${this.t(TEXT.beyond(n))}</a></li>`
      : html`<li><button type="button" @click=${this.showAll}>${this.t(TEXT.more(n))}</button></li>`;
  }
}

customElements.define('pc-home-page', PcHomePage);
