import type { LocalizedText } from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from './action.js';
import { actionStatus, field, formValues } from './form.js';
import { ConsolePage } from './page.js';
import type { Me } from './session.js';

const TEXT = {
  heading: { vi: 'Đăng nhập', en: 'Sign in' },
  intro: {
    vi: 'Trang dành cho cán bộ Trung tâm Chính trị và các đơn vị.',
    en: 'For the staff of the political center and its units.',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  submit: { vi: 'Đăng nhập', en: 'Sign in' },
  working: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  done: { vi: 'Đã đăng nhập.', en: 'Signed in.' },
};

/**
 * The sign-in page. The session comes back as an HttpOnly cookie (`auth.startSession`): the
 * console never holds the token. `notice` says why the person is here (their session ended).
 */
export class PcSignIn extends ConsolePage {
  static override properties = { ...ConsolePage.properties, notice: { attribute: false } };
  declare notice: LocalizedText | undefined;
  private readonly action = new Action<{ principal: Me }>(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = formValues(event.target as HTMLFormElement);
    const input = { username: values.username ?? '', password: values.password ?? '' };
    const started = await this.action.run(input, (client) => client.auth.startSession.mutate(input));
    if (started) this.emit('pc-signed-in', started.principal);
  }

  override render(): TemplateResult {
    return html`<main>
      <form @submit=${this.submit} novalidate aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">${this.t(TEXT.heading)}</h1>
        <p class="muted">${this.t(TEXT.intro)}</p>
        ${this.notice ? html`<p class="warning" role="alert">${this.t(this.notice)}</p>` : nothing}
        <div class="fields">
          ${field(this.action, this.currentLang, { name: 'username', label: TEXT.username, required: true, wide: true, attrs: { autocomplete: 'username' } })}
          ${field(this.action, this.currentLang, { name: 'password', label: TEXT.password, type: 'password', required: true, wide: true, attrs: { autocomplete: 'current-password' } })}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.action.running}>${this.t(TEXT.submit)}</button>
          ${actionStatus(this.action, this.currentLang, { working: TEXT.working, done: TEXT.done })}
        </div>
      </form>
    </main>`;
  }
}

customElements.define('pc-sign-in', PcSignIn);
