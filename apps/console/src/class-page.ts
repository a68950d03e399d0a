import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText, Role } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ConsolePage } from './page.js';

export type ClassView = RouterOutputs['classes']['get'];

/** The console's address (routes.ts's `BASE`; importing routes.ts here would be a cycle). */
const BASE = '/console';

/**
 * The pages of one class, in the order of its life, as the tabs show them: the address below
 * `/classes/:id`, the tab's name, and who may use it — holding one of `roles` for the class's
 * organiser (the API decides each call; this only hides what it would refuse).
 */
export const CLASS_TABS: readonly { path: string; title: LocalizedText; roles?: readonly Role[] }[] = [
  { path: '', title: { vi: 'Tổng quan', en: 'Overview' } },
  { path: '/enrolment', title: { vi: 'Ghi danh', en: 'Enrolment' } },
  { path: '/timetable', title: { vi: 'Lịch học', en: 'Timetable' }, roles: ['center_staff'] },
  { path: '/attendance', title: { vi: 'Điểm danh', en: 'Attendance' }, roles: ['center_staff'] },
  { path: '/results', title: { vi: 'Điểm và kết quả', en: 'Results' }, roles: ['center_staff'] },
  { path: '/certificates', title: { vi: 'Giấy chứng nhận', en: 'Certificates' }, roles: ['center_staff'] },
  { path: '/audit', title: { vi: 'Nhật ký', en: 'Audit trail' }, roles: ['center_staff'] },
  { path: '/edit', title: { vi: 'Sửa thông tin', en: 'Edit' }, roles: ['center_staff'] },
];

const TEXT = {
  tabs: { vi: 'Các trang của lớp', en: 'Pages of the class' },
};

/**
 * A page about one class (`/classes/:id/…`): it loads the class as `cls` and calls `openClass`
 * once per address, so each page only says what else it reads. `classHeader()` draws the page's
 * heading with the class's code and the tabs that move between the class's pages.
 */
export abstract class ClassPage extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      .class-tabs ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0 0 1rem;
        padding: 0 0 0.5rem;
        border-bottom: 1px solid var(--pc-line);
      }
      .class-tabs a {
        display: inline-block;
        padding: 0.3rem 0.6rem;
        border-radius: var(--pc-radius);
        text-decoration: none;
      }
      .class-tabs a[aria-current='page'] {
        background: var(--pc-accent);
        color: var(--pc-on-accent);
      }
    `,
  ];

  protected readonly cls = new ApiResource<ClassView>(this);
  private address = '';

  /** The address named another class (or the page was opened): read what the page shows. */
  protected abstract openClass(id: string): void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The shell hands a new params object at each render: act on a new address only.
    const address = JSON.stringify(this.params);
    if (changed.has('params') && this.params.id && address !== this.address) {
      this.address = address;
      const id = this.params.id;
      this.cls.start(({ client, signal }) => client.classes.get.query({ id }, { signal }));
      this.openClass(id);
    }
  }

  /** Reads the class again (after a change made on the page), keeping it on screen meanwhile. */
  protected reloadClass(): void {
    const id = this.params.id as string;
    this.cls.start(({ client, signal }) => client.classes.get.query({ id }, { signal }), { keep: true });
  }

  /**
   * The whole page: its heading and the class's tabs, then `body` — or, when the class cannot be
   * read (an id of no class, a class the person may not see, the server away), why, in place of a
   * body that would offer to act on a class that is not there.
   */
  protected classPage(title: LocalizedText, body: () => unknown): TemplateResult {
    const failure = this.cls.value ? undefined : this.cls.failure;
    return html`${this.classHeader(title)}
      ${failure ? html`<p role="alert">${failureText(failure, this.currentLang)}</p>` : body()}`;
  }

  /** The page's heading (`title — code`) and the class's tabs, the current one marked. */
  protected classHeader(title: LocalizedText): TemplateResult {
    const cls = this.cls.value;
    const id = this.params.id as string;
    const here = location.pathname;
    return html`<h1>${this.t(title)}${cls ? ` — ${cls.code}` : ''}</h1>
      <nav class="class-tabs" aria-label=${this.t(TEXT.tabs)}>
        <ul>
          ${CLASS_TABS.filter((tab) => !tab.roles || this.can(tab.roles, cls?.organiser.id)).map((tab) => {
            const href = `${BASE}/classes/${id}${tab.path}`;
            // The attendance sheet of a session is still the attendance tab.
            const current = here === href || (tab.path === '/attendance' && here.startsWith(`${href}/`));
            return html`<li><a href=${href} aria-current=${current ? 'page' : nothing}>${this.t(tab.title)}</a></li>`;
          })}
        </ul>
      </nav>`;
  }
}
