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
  temporary: {
    vi: 'Bạn đang dùng mật khẩu tạm thời do quản trị viên cấp: hãy đổi mật khẩu để bắt đầu làm việc.',
    en: 'You signed in with a temporary password from an administrator: change it to start working.',
  },
};

/** One's own password, the current one required; the server ends the account's other sessions. */
export class PcPasswordPage extends ConsolePage {
  private readonly action = new Action<{ changed: true }>(this);

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = formValues(form);
    const input = { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' };
    if (await this.action.run(input, (client) => client.auth.changePassword.mutate(input))) {
      form.reset();
      // The shell kept this page up while the password was temporary: tell it who is signed in now.
      if (this.me.mustChangePassword) this.emit('pc-signed-in', await this.client.auth.me.query());
    }
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <form @submit=${this.submit} novalidate>
        ${this.me?.mustChangePassword ? html`<p class="warning" role="alert">${this.t(TEXT.temporary)}</p>` : ''}
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
