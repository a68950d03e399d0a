import { type Lang, type LocalizedText, ROLE_NAMES } from '@polcenter/domain';
import { failureOf, failureSentence } from '@polcenter/widgets/failure';
import { css, html, type TemplateResult } from 'lit';
import { SESSION_LOST, type SessionLost } from './api.js';
import { savedLang, setLang } from './i18n.js';
import { ConsolePage } from './page.js';
import { BASE, type Match, match, pathOf, ROUTES } from './routes.js';
import type { Me } from './session.js';
import './sign-in.js';

const TEXT = {
  title: { vi: 'PolCenter — Trung tâm Chính trị', en: 'PolCenter — Political Center' },
  menu: { vi: 'Chức năng', en: 'Sections' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  password: { vi: 'Đổi mật khẩu', en: 'Change password' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  notFound: { vi: 'Không có trang này.', en: 'There is no such page.' },
  home: { vi: 'Về trang đầu', en: 'Go to the start page' },
  signedOut: { vi: 'Bạn đã đăng xuất.', en: 'You have signed out.' },
  skip: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to the main content' },
};

/**
 * The console's shell: who is signed in (asked of the API on load; the cookie itself is out of a
 * script's reach), the sign-in page when no one is, the header with the person, the language
 * switch and sign-out, the menu, and the page of the address. Addresses are real URLs under
 * `/console`: links, reload, Back and Forward all work.
 */
export class PcConsole extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    state: { state: true },
    notice: { state: true },
    path: { state: true },
    menuOpen: { state: true },
  };

  static override styles = [
    ...ConsolePage.styles,
    css`
      :host {
        min-height: 100vh;
        background: #f5f6f8;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.6rem 1rem;
        background: var(--pc-surface);
        border-bottom: 3px solid var(--pc-accent);
      }
      .brand {
        font-weight: 700;
        color: var(--pc-accent);
        text-decoration: none;
      }
      .user {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .who {
        font-weight: 600;
      }
      .roles {
        color: var(--pc-muted);
        font-size: 0.85rem;
      }
      .langs {
        display: inline-flex;
        gap: 0.25rem;
      }
      .langs button[aria-pressed='true'] {
        background: var(--pc-accent);
        color: var(--pc-on-accent);
      }
      .menu-toggle {
        display: none;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0;
        padding: 0.5rem 1rem;
        background: var(--pc-surface);
        border-bottom: 1px solid var(--pc-line);
      }
      nav a {
        display: inline-block;
        padding: 0.35rem 0.7rem;
        border-radius: var(--pc-radius);
        text-decoration: none;
        color: var(--pc-text);
      }
      nav a[aria-current='page'] {
        background: var(--pc-accent);
        color: var(--pc-on-accent);
      }
      /* On a phone the menu (fifteen entries for center staff) would fill the first screen before
         the page: it folds behind one button, opened by whoever wants it. */
      @media (max-width: 40rem) {
        .menu-toggle {
          display: flex;
          gap: 0.5rem;
          align-items: center;
          margin: 0.5rem 1rem;
        }
        nav ul:not(.open) {
          display: none;
        }
      }
      main {
        padding: 1rem;
        max-width: 72rem;
        margin: 0 auto;
      }
      .skip {
        position: absolute;
        left: -100vw;
      }
      .skip:focus {
        left: 0.5rem;
        top: 0.5rem;
        background: var(--pc-surface);
        padding: 0.4rem;
      }
    `,
  ];

  declare private state: 'loading' | 'signed-out' | 'signed-in';
  /** Why the person is on the sign-in page (their session ended, they signed out). */
  declare private notice: LocalizedText | undefined;
  declare private path: string;
  /** Whether the folded menu of a narrow screen is open (wide screens always show it). */
  declare private menuOpen: boolean;
  /** The page element on screen and the address it was made for. */
  private shown: { path: string; element: ConsolePage } | undefined;

  constructor() {
    super();
    this.state = 'loading';
    this.path = pathOf(new URL(location.href));
    this.menuOpen = false;
  }

  override connectedCallback(): void {
    setLang(savedLang());
    super.connectedCallback();
    document.body.style.margin = '0';
    window.addEventListener('popstate', this.popped);
    window.addEventListener(SESSION_LOST, this.lost);
    document.addEventListener('click', this.clicked);
    this.addEventListener('pc-navigate', this.navigated as EventListener);
    this.addEventListener('pc-signed-in', this.signedIn as EventListener);
    void this.whoAmI();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.popped);
    window.removeEventListener(SESSION_LOST, this.lost);
    document.removeEventListener('click', this.clicked);
  }

  private async whoAmI(): Promise<void> {
    try {
      this.me = await this.client.auth.me.query();
      this.state = 'signed-in';
    } catch (error) {
      // No session (or it ended: SESSION_LOST has said why); any other failure is shown on sign-in.
      if (this.state === 'loading') this.state = 'signed-out';
      const failure = failureOf(error);
      if (failure.kind !== 'input') this.notice ??= failureSentence(failure);
    }
  }

  private readonly lost = (event: Event) => {
    const detail = (event as CustomEvent<SessionLost>).detail;
    if (detail.code === 'AUTH.SESSION_ENDED') this.notice = detail.message;
    this.state = 'signed-out';
  };

  private readonly signedIn = (event: CustomEvent<Me>) => {
    this.me = event.detail;
    this.notice = undefined;
    this.state = 'signed-in';
  };

  private readonly popped = () => {
    this.path = pathOf(new URL(location.href));
    this.menuOpen = false;
  };

  private readonly navigated = (event: CustomEvent<{ path: string }>) => this.go(event.detail.path);

  /** A click on a console link (in any shadow root) moves in place, keeping history. */
  private readonly clicked = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
    event.preventDefault();
    this.go(url.pathname + url.search);
  };

  private go(path: string): void {
    const url = new URL(path.startsWith(BASE) ? path : BASE + path, location.href);
    if (url.href !== location.href) history.pushState(null, '', url);
    this.path = pathOf(url);
    this.menuOpen = false;
    window.scrollTo(0, 0);
  }

  private switchLang(lang: Lang): void {
    setLang(lang);
  }

  private async signOut(): Promise<void> {
    try {
      await this.client.auth.signOut.mutate();
    } catch {
      // Already gone: the sign-in page follows either way.
    }
    this.notice = TEXT.signedOut;
    this.state = 'signed-out';
  }

  override render(): TemplateResult {
    if (this.state === 'loading') return html`<p role="status" class="muted">${this.t(TEXT.loading)}</p>`;
    if (this.state === 'signed-out') {
      return html`${this.languageSwitch()}<pc-sign-in .notice=${this.notice}></pc-sign-in>`;
    }
    // A temporary password (a new account, a reset) must be changed before anything else.
    const found = this.me.mustChangePassword ? match('/password') : match(this.path);
    return html`<a class="skip" href="#main">${this.t(TEXT.skip)}</a>
      <header>
        <a class="brand" href="${BASE}/">${this.t(TEXT.title)}</a>
        <div class="user">
          <span class="who">${this.me.displayName}</span>
          <span class="roles">${[...new Set(this.me.roles.map((g) => ROLE_NAMES[g.role][this.currentLang]))].join(', ')}</span>
          ${this.languageSwitch()}
          <a href="${BASE}/password">${this.t(TEXT.password)}</a>
          <button type="button" @click=${() => this.signOut()}>${this.t(TEXT.signOut)}</button>
        </div>
      </header>
      <nav aria-label=${this.t(TEXT.menu)}>
        <button type="button" class="menu-toggle" aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="menu" @click=${() => {
            this.menuOpen = !this.menuOpen;
          }}>
          <span aria-hidden="true">☰</span>
          ${found ? `${this.t(TEXT.menu)}: ${this.t(found.route.title)}` : this.t(TEXT.menu)}
        </button>
        <ul id="menu" class=${this.menuOpen ? 'open' : ''}>
          ${ROUTES.filter((r) => r.nav && (!r.roles || this.can(r.roles))).map(
            (r) =>
              html`<li>
                <a href="${BASE}${r.path}" aria-current=${found?.route === r ? 'page' : 'false'}>${this.t(r.title)}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <main id="main">${found ? this.page(found) : this.notFound()}</main>`;
  }

  private languageSwitch(): TemplateResult {
    const button = (lang: Lang, name: string) =>
      html`<button type="button" lang=${lang} aria-pressed=${this.currentLang === lang ? 'true' : 'false'} @click=${() => this.switchLang(lang)}>${name}</button>`;
    return html`<span class="langs" role="group" aria-label=${this.t(TEXT.language)}>
      ${button('vi', 'Tiếng Việt')}${button('en', 'English')}
    </span>`;
  }

  private page({ route, params }: Match): TemplateResult {
    document.title = `${this.t(route.title)} · PolCenter`;
    if (!customElements.get(route.tag)) {
      void route.load().then(() => this.requestUpdate());
      return html`<p role="status" class="muted">${this.t(TEXT.loading)}</p>`;
    }
    // A new element for each address: a page reads its params once, as a fresh visit would.
    if (this.shown?.path !== this.path || this.shown.element.localName !== route.tag) {
      this.shown = { path: this.path, element: document.createElement(route.tag) as ConsolePage };
    }
    this.shown.element.me = this.me;
    this.shown.element.params = params;
    return html`${this.shown.element}`;
  }

  private notFound(): TemplateResult {
    return html`<h1>${this.t(TEXT.notFound)}</h1><p><a href="${BASE}/">${this.t(TEXT.home)}</a></p>`;
  }
}

customElements.define('pc-console', PcConsole);
