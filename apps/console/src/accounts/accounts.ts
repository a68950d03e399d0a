import type { RouterOutputs } from '@polcenter/client';
import { ROLE_NAMES, ROLES, type Role } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { type UnitOption, unitsOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { dateTime } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { peopleStyles } from '../people/people-styles.js';
import '../export-buttons.js';

const BASE = '/console';

type Account = RouterOutputs['accounts']['list'][number];
type Created = RouterOutputs['accounts']['create'];

export const ACCOUNT_TEXT = {
  role: { vi: 'Vai trò', en: 'Role' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  noUnit: { vi: '(toàn hệ thống)', en: '(the whole system)' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  disabled: { vi: 'Đã khoá', en: 'Disabled' },
  mustChange: { vi: 'chờ đổi mật khẩu tạm', en: 'temporary password not yet changed' },
  temporary: {
    vi: 'Mật khẩu tạm thời (chỉ hiện một lần; người dùng phải đổi khi đăng nhập lần đầu):',
    en: 'Temporary password (shown once; the user must change it at their first sign-in):',
  },
};

const TEXT = {
  heading: { vi: 'Tài khoản', en: 'Accounts' },
  loading: { vi: 'Đang tải các tài khoản…', en: 'Loading the accounts…' },
  search: {
    vi: 'Tìm theo tên đăng nhập hoặc họ tên (không cần dấu)',
    en: 'Find by username or name (accents optional)',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  displayName: { vi: 'Họ và tên', en: 'Full name' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  status: { vi: 'Trạng thái', en: 'Status' },
  lastActive: { vi: 'Hoạt động gần nhất', en: 'Last active' },
  never: { vi: 'Chưa đăng nhập', en: 'Never' },
  none: { vi: 'Không có tài khoản nào khớp.', en: 'No account matches.' },
  create: { vi: 'Tạo tài khoản', en: 'New account' },
  createHeading: { vi: 'Tạo tài khoản mới', en: 'A new account' },
  created: { vi: 'Đã tạo tài khoản.', en: 'The account was created.' },
  open: { vi: 'Mở tài khoản', en: 'Open the account' },
};

/** Administrators' list of staff accounts: find, open, and make a new one with its first role. */
export class PcAccountsPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  static override properties = { ...ConsolePage.properties, query: { state: true }, units: { state: true } };
  private readonly accounts = new ApiResource<Account[]>(this);
  private readonly create = new Action<Created>(this);
  declare private query: string;
  declare private units: UnitOption[];

  constructor() {
    super();
    this.query = '';
    this.units = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
    const controller = new AbortController();
    void unitsOf(this, controller.signal).then((units) => {
      this.units = units;
    });
  }

  private load(): void {
    const query = this.query;
    this.accounts.start(({ client, signal }) => client.accounts.list.query({ query }, { signal }), { keep: true });
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = formValues(event.target as HTMLFormElement);
    const role = (values.role ?? 'center_staff') as Role;
    const input = {
      username: values.username ?? '',
      displayName: values.displayName ?? '',
      roles: [{ role, unitId: role === 'admin' ? null : (values.unitId ?? null) }],
    };
    if (await this.create.run(input, (client) => client.accounts.create.mutate(input))) {
      (event.target as HTMLFormElement).reset();
      this.load();
    }
  }

  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <pc-export-buttons list="accounts" .filter=${{ query: this.query }}></pc-export-buttons>
      <div class="toolbar">
        <div class="field search">
          <label for="account-search">${this.t(TEXT.search)}</label>
          <input id="account-search" type="search" .value=${this.query}
            @input=${(e: Event) => {
              this.query = (e.target as HTMLInputElement).value;
              this.load();
            }} />
        </div>
      </div>
      ${stateOf(this.accounts, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(5)}`)) ?? this.table(this.accounts.value ?? [])}
      ${this.createForm()}`;
  }

  private table(accounts: readonly Account[]): TemplateResult {
    const lang = this.currentLang;
    if (accounts.length === 0) return html`<p role="status">${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t(TEXT.username)}</th>
            <th scope="col">${this.t(TEXT.displayName)}</th>
            <th scope="col">${this.t(TEXT.roles)}</th>
            <th scope="col">${this.t(TEXT.status)}</th>
            <th scope="col">${this.t(TEXT.lastActive)}</th>
          </tr>
        </thead>
        <tbody>
          ${accounts.map(
            (a) => html`<tr data-username=${a.username}>
              <td><a href="${BASE}/accounts/${a.id}">${a.username}</a></td>
              <td>${a.displayName}</td>
              <td>${a.roles.map((r) => `${ROLE_NAMES[r.role][lang]}${r.unitName ? ` · ${r.unitName}` : ''}`).join('; ')}</td>
              <td>${this.t(a.active ? ACCOUNT_TEXT.active : ACCOUNT_TEXT.disabled)}${a.mustChangePassword ? html` <span class="muted">(${this.t(ACCOUNT_TEXT.mustChange)})</span>` : nothing}</td>
              <td>${a.lastActiveAt ? dateTime(a.lastActiveAt) : this.t(TEXT.never)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private createForm(): TemplateResult {
    const lang = this.currentLang;
    const created = this.create.state === 'done' ? this.create.result : undefined;
    return html`<section class="panel" aria-labelledby="create-h">
      <h2 id="create-h">${this.t(TEXT.createHeading)}</h2>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          ${field(this.create, lang, { name: 'username', label: TEXT.username, required: true, attrs: { autocomplete: 'off' } })}
          ${field(this.create, lang, { name: 'displayName', label: TEXT.displayName, required: true })}
          <div class="field">
            <label for="f-role">${this.t(ACCOUNT_TEXT.role)}</label>
            <select id="f-role" name="role">
              ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'center_staff'}>${ROLE_NAMES[r][lang]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="f-roles-0-unitId">${this.t(ACCOUNT_TEXT.unit)}</label>
            <select id="f-roles-0-unitId" name="unitId"
              aria-invalid=${this.create.fieldError('roles.0.unitId') ? 'true' : 'false'}
              aria-describedby=${this.create.fieldError('roles.0.unitId') ? 'f-roles-0-unitId-error' : nothing}>
              <option value="">${this.t(ACCOUNT_TEXT.noUnit)}</option>
              ${this.units.map((u) => html`<option value=${u.id}>${u.name}</option>`)}
            </select>
            ${fieldErrorOf(this.create, 'roles.0.unitId', lang)}
          </div>
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.create.running}>${this.t(TEXT.create)}</button>
          ${actionStatus(this.create, lang, { done: TEXT.created })}
        </div>
      </form>
      ${
        created
          ? html`<p class="temporary">${this.t(ACCOUNT_TEXT.temporary)} <code data-temporary>${created.temporaryPassword}</code>
              · <a href="${BASE}/accounts/${created.account.id}">${this.t(TEXT.open)} ${created.account.username}</a></p>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('pc-accounts-page', PcAccountsPage);
