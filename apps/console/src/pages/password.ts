import { html, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, formValues } from '../form.js';
import { ConsolePage } from '../page.js';

const TEXT = {
  heading: { vi: 'Đổi mật khẩu', en: 'Change password' },
  intro: {
    vi: 'Sau khi đổi, các phiên đăng nhập khác của tài khoản này (trên máy khác) sẽ kết thúc.',
    en: 'Once changed, the other sessions of this account (on other devices) end.',
  },
  current: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  next: { vi: 'Mật khẩu mới', en: 'New password' },
  nextHint: { vi: 'Ít nhất 10 ký tự.', en: 'At least 10 characters.' },
  submit: { vi: 'Đổi mật khẩu', en: 'Change password' },
  done: { vi: 'Đã đổi mật khẩu.', en: 'The password has been changed.' },
};

/** One's own password, the current one required; the server ends the account's other sessions. */
export class PcPasswordPage extends ConsolePage {
  private readonly action = new Action<{ changed: true }>(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = formValues(form);
    const input = { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' };
    if (await this.action.run(input, (client) => client.auth.changePassword.mutate(input))) form.reset();
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <form @submit=${this.submit} novalidate>
        <p class="muted">${this.t(TEXT.intro)}</p>
        <div class="fields">
          ${field(this.action, this.currentLang, { name: 'currentPassword', label: TEXT.current, type: 'password', required: true, attrs: { autocomplete: 'current-password' } })}
          ${field(this.action, this.currentLang, { name: 'newPassword', label: TEXT.next, type: 'password', required: true, hint: TEXT.nextHint, attrs: { autocomplete: 'new-password' } })}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.action.running}>${this.t(TEXT.submit)}</button>
          ${actionStatus(this.action, this.currentLang, { done: TEXT.done })}
        </div>
      </form>`;
  }
}

customElements.define('pc-password-page', PcPasswordPage);
