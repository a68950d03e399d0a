import type { RouterOutputs } from '@polcenter/client';
import { ROLE_NAMES, ROLES, type Role } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { type UnitOption, unitsOf } from '../class-form.js';
import { actionStatus, fieldErrorOf } from '../form.js';
import { dateTime } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { peopleStyles } from '../people/people-styles.js';
import { ACCOUNT_TEXT } from './accounts.js';

type Account = RouterOutputs['accounts']['get'];
type Sessions = RouterOutputs['accounts']['sessions'];
type Grant = { role: Role; unitId: string | null };

const TEXT = {
  loading: { vi: 'Đang tải tài khoản…', en: 'Loading the account…' },
  back: { vi: '← Tất cả tài khoản', en: '← All accounts' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  status: { vi: 'Trạng thái', en: 'Status' },
  rolesHeading: { vi: 'Vai trò theo đơn vị', en: 'Roles by unit' },
  addRole: { vi: 'Thêm vai trò', en: 'Add a role' },
  removeRole: { vi: 'Bỏ vai trò', en: 'Remove role' },
  saveRoles: { vi: 'Lưu vai trò', en: 'Save the roles' },
  rolesSaved: { vi: 'Đã lưu vai trò.', en: 'The roles were saved.' },
  disable: { vi: 'Khoá tài khoản', en: 'Disable the account' },
  enable: { vi: 'Mở khoá tài khoản', en: 'Enable the account' },
  disableHint: {
    vi: 'Khoá tài khoản sẽ kết thúc mọi phiên đăng nhập và mã API của tài khoản ngay ở lần gọi tiếp theo.',
    en: 'Disabling ends every sign-in session and API token of the account at its next call.',
  },
  disabledDone: { vi: 'Đã khoá tài khoản.', en: 'The account is disabled.' },
  enabledDone: { vi: 'Đã mở khoá tài khoản.', en: 'The account is enabled.' },
  reset: { vi: 'Cấp mật khẩu tạm thời mới', en: 'Issue a new temporary password' },
  resetHint: {
    vi: 'Người dùng phải đổi mật khẩu khi đăng nhập; các phiên đăng nhập hiện có kết thúc, mã API giữ nguyên.',
    en: 'The user must change it at sign-in; open sign-in sessions end, API tokens stay.',
  },
  resetDone: { vi: 'Đã cấp mật khẩu tạm thời.', en: 'A temporary password was issued.' },
  sessionsHeading: { vi: 'Phiên đăng nhập đang mở', en: 'Open sign-in sessions' },
  tokensHeading: { vi: 'Mã API', en: 'API tokens' },
  noSessions: { vi: 'Không có phiên nào đang mở.', en: 'No open session.' },
  noTokens: { vi: 'Không có mã API.', en: 'No API token.' },
  started: { vi: 'Bắt đầu', en: 'Started' },
  lastUsed: { vi: 'Dùng gần nhất', en: 'Last used' },
  expires: { vi: 'Hết hạn', en: 'Expires' },
  label: { vi: 'Tên mã', en: 'Label' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
  revokeDone: { vi: 'Đã thu hồi.', en: 'Revoked.' },
};

/** One staff account for administrators: roles per unit, disable/enable, password reset, sessions and tokens. */
export class PcAccountPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  static override properties = { ...ConsolePage.properties, grants: { state: true }, units: { state: true } };
  private readonly account = new ApiResource<Account>(this);
  private readonly sessions = new ApiResource<Sessions>(this);
  private readonly roles = new Action<Account>(this);
  private readonly active = new Action<Account>(this);
  private readonly reset = new Action<RouterOutputs['accounts']['resetPassword']>(this);
  private readonly revoke = new Action<{ revoked: true }>(this);
  declare private grants: Grant[] | undefined;
  declare private units: UnitOption[];

  constructor() {
    super();
    this.units = [];
    this.grants = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
    void unitsOf(this, new AbortController().signal).then((units) => {
      this.units = units;
    });
  }

  private load(): void {
    const userId = this.params.id ?? '';
    this.account.start(({ client, signal }) => client.accounts.get.query({ userId }, { signal }), { keep: true });
    this.sessions.start(({ client, signal }) => client.accounts.sessions.query({ userId }, { signal }), { keep: true });
  }

  private async saveRoles(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    const input = { userId: account.id, roles: this.currentGrants(account) };
    if (await this.roles.run(input, (client) => client.accounts.setRoles.mutate(input))) {
      this.grants = undefined;
      this.load();
    }
  }

  private currentGrants(account: Account): Grant[] {
    return this.grants ?? account.roles.map((r) => ({ role: r.role, unitId: r.unitId }));
  }

  private editGrant(account: Account, index: number, change: Partial<Grant>): void {
    const grants = this.currentGrants(account).map((g, i) => (i === index ? { ...g, ...change } : g));
    this.grants = grants.map((g) => (g.role === 'admin' ? { ...g, unitId: null } : g));
  }

  private async setActive(account: Account): Promise<void> {
    const input = { userId: account.id, active: !account.active };
    if (await this.active.run(input, (client) => client.accounts.setActive.mutate(input))) this.load();
  }

  private async resetPassword(account: Account): Promise<void> {
    const input = { userId: account.id };
    if (await this.reset.run(input, (client) => client.accounts.resetPassword.mutate(input))) this.load();
  }

  private async revokeOne(account: Account, tokenId: string): Promise<void> {
    const input = { userId: account.id, tokenId };
    if (await this.revoke.run(input, (client) => client.accounts.revoke.mutate(input))) this.load();
  }

  override render(): TemplateResult {
    const state = stateOf(this.account, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(4)}`));
    const account = this.account.value;
    return html`<p><a href="/console/accounts">${this.t(TEXT.back)}</a></p>
      ${state ?? (account ? this.view(account) : nothing)}`;
  }

  private view(account: Account): TemplateResult {
    const lang = this.currentLang;
    return html`<h1>${account.displayName}</h1>
      <dl class="facts">
        <dt>${this.t(TEXT.username)}</dt><dd>${account.username}</dd>
        <dt>${this.t(TEXT.status)}</dt>
        <dd data-status>${this.t(account.active ? ACCOUNT_TEXT.active : ACCOUNT_TEXT.disabled)}${account.mustChangePassword ? ` (${this.t(ACCOUNT_TEXT.mustChange)})` : ''}</dd>
      </dl>
      ${this.rolesForm(account)}
      <section class="panel" aria-labelledby="access-h">
        <h2 id="access-h">${this.t(account.active ? TEXT.disable : TEXT.enable)}</h2>
        ${account.active ? html`<p class="hint">${this.t(TEXT.disableHint)}</p>` : nothing}
        <div class="actions">
          <button type="button" class=${account.active ? 'danger' : 'primary'} ?disabled=${this.active.running}
            @click=${() => this.setActive(account)}>${this.t(account.active ? TEXT.disable : TEXT.enable)}</button>
          ${actionStatus(this.active, lang, { done: account.active ? TEXT.enabledDone : TEXT.disabledDone })}
        </div>
      </section>
      <section class="panel" aria-labelledby="reset-h">
        <h2 id="reset-h">${this.t(TEXT.reset)}</h2>
        <p class="hint">${this.t(TEXT.resetHint)}</p>
        <div class="actions">
          <button type="button" ?disabled=${this.reset.running} @click=${() => this.resetPassword(account)}>${this.t(TEXT.reset)}</button>
          ${actionStatus(this.reset, lang, { done: TEXT.resetDone })}
        </div>
        ${this.reset.state === 'done' && this.reset.result ? html`<p>${this.t(ACCOUNT_TEXT.temporary)} <code data-temporary>${this.reset.result.temporaryPassword}</code></p>` : nothing}
      </section>
      ${this.sessionsView(account)}`;
  }

  private rolesForm(account: Account): TemplateResult {
    const lang = this.currentLang;
    const grants = this.currentGrants(account);
    return html`<section class="panel" aria-labelledby="roles-h">
      <h2 id="roles-h">${this.t(TEXT.rolesHeading)}</h2>
      <form @submit=${(e: SubmitEvent) => this.saveRoles(e, account)} novalidate>
        <ul class="grants">
          ${grants.map(
            (g, i) => html`<li>
              <div class="fields">
                <div class="field">
                  <label for="g-role-${i}">${this.t(ACCOUNT_TEXT.role)} ${i + 1}</label>
                  <select id="g-role-${i}" @change=${(e: Event) => this.editGrant(account, i, { role: (e.target as HTMLSelectElement).value as Role })}>
                    ${ROLES.map((r) => html`<option value=${r} ?selected=${r === g.role}>${ROLE_NAMES[r][lang]}</option>`)}
                  </select>
                  ${fieldErrorOf(this.roles, `roles.${i}.role`, lang)}
                </div>
                <div class="field">
                  <label for="f-roles-${i}-unitId">${this.t(ACCOUNT_TEXT.unit)} ${i + 1}</label>
                  <select id="f-roles-${i}-unitId" ?disabled=${g.role === 'admin'}
                    aria-invalid=${this.roles.fieldError(`roles.${i}.unitId`) ? 'true' : 'false'}
                    @change=${(e: Event) => this.editGrant(account, i, { unitId: (e.target as HTMLSelectElement).value || null })}>
                    <option value="" ?selected=${g.unitId === null}>${this.t(ACCOUNT_TEXT.noUnit)}</option>
                    ${this.units.map((u) => html`<option value=${u.id} ?selected=${u.id === g.unitId}>${u.name}</option>`)}
                  </select>
                  ${fieldErrorOf(this.roles, `roles.${i}.unitId`, lang)}
                </div>
              </div>
              <button type="button" ?disabled=${grants.length < 2}
                @click=${() => {
                  this.grants = grants.filter((_, j) => j !== i);
                }}>${this.t(TEXT.removeRole)} ${i + 1}</button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button type="button" @click=${() => {
            this.grants = [...grants, { role: 'lecturer', unitId: this.units[0]?.id ?? null }];
          }}>${this.t(TEXT.addRole)}</button>
          <button class="primary" type="submit" ?disabled=${this.roles.running}>${this.t(TEXT.saveRoles)}</button>
          ${actionStatus(this.roles, lang, { done: TEXT.rolesSaved })}
        </div>
      </form>
    </section>`;
  }

  private sessionsView(account: Account): TemplateResult {
    const lang = this.currentLang;
    const data = this.sessions.value;
    if (!data) return html`${stateOf(this.sessions, lang, () => placeholder(this.t(TEXT.loading), html`${bones(2)}`))}`;
    return html`<section class="panel" aria-labelledby="sessions-h">
        <h2 id="sessions-h">${this.t(TEXT.sessionsHeading)}</h2>
        ${actionStatus(this.revoke, lang, { done: TEXT.revokeDone })}
        ${
          data.sessions.length === 0
            ? html`<p>${this.t(TEXT.noSessions)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.sessionsHeading)}><table>
              <thead><tr><th scope="col">${this.t(TEXT.started)}</th><th scope="col">${this.t(TEXT.lastUsed)}</th><th scope="col">${this.t(TEXT.expires)}</th><th scope="col"><span class="visually-hidden">${this.t(TEXT.revoke)}</span></th></tr></thead>
              <tbody>${data.sessions.map(
                (s, i) => html`<tr data-session>
                  <td>${dateTime(s.createdAt)}</td><td>${dateTime(s.lastUsedAt)}</td><td>${dateTime(s.expiresAt)}</td>
                  <td><button type="button" class="danger" aria-label="${this.t(TEXT.revoke)} ${i + 1}" ?disabled=${this.revoke.running}
                    @click=${() => this.revokeOne(account, s.id)}>${this.t(TEXT.revoke)}</button></td>
                </tr>`,
              )}</tbody></table></div>`
        }
      </section>
      <section class="panel" aria-labelledby="tokens-h">
        <h2 id="tokens-h">${this.t(TEXT.tokensHeading)}</h2>
        ${
          data.tokens.length === 0
            ? html`<p>${this.t(TEXT.noTokens)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.tokensHeading)}><table>
              <thead><tr><th scope="col">${this.t(TEXT.label)}</th><th scope="col">${this.t(TEXT.scope)}</th><th scope="col">${this.t(TEXT.lastUsed)}</th><th scope="col">${this.t(TEXT.expires)}</th><th scope="col"><span class="visually-hidden">${this.t(TEXT.revoke)}</span></th></tr></thead>
              <tbody>${data.tokens.map(
                (t) => html`<tr data-token>
                  <td>${t.label}</td><td>${t.scopeText}</td><td>${dateTime(t.lastUsedAt)}</td><td>${dateTime(t.expiresAt)}</td>
                  <td>${
                    t.status === 'active'
                      ? html`<button type="button" class="danger" aria-label="${this.t(TEXT.revoke)} ${t.label}" ?disabled=${this.revoke.running}
                        @click=${() => this.revokeOne(account, t.id)}>${this.t(TEXT.revoke)}</button>`
                      : this.t(t.status === 'revoked' ? TEXT.revoked : TEXT.expired)
                  }</td>
                </tr>`,
              )}</tbody></table></div>`
        }
      </section>`;
  }
}

customElements.define('pc-account-page', PcAccountPage);
