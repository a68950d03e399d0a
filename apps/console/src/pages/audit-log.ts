import type { AuditTrailInput, LocalizedText } from '@polcenter/domain';
import { html, type TemplateResult } from 'lit';
import '../audit/audit-trail.js';
import type { TrailLoader } from '../audit/audit-trail.js';
import { ACTIONS } from '../audit/changes.js';
import { formValues } from '../form.js';
import { ConsolePage } from '../page.js';
import '../export-buttons.js';

type Filter = Omit<AuditTrailInput, 'before' | 'limit'>;

const PAGE = 50;

const TEXT = {
  heading: { vi: 'Nhật ký hệ thống', en: 'Audit log' },
  search: { vi: 'Tìm trong nhật ký', en: 'Search the log' },
  actor: { vi: 'Người thực hiện', en: 'Who' },
  actorHint: { vi: 'Tên, tên đăng nhập (không cần dấu)', en: 'Name or username (diacritics optional)' },
  action: { vi: 'Việc', en: 'What' },
  all: { vi: 'Tất cả', en: 'Everything' },
  kinds: { vi: 'Mọi việc về…', en: 'Everything about…' },
  actions: { vi: 'Một việc', en: 'One action' },
  record: { vi: 'Mã bản ghi', en: 'Record id' },
  recordHint: { vi: 'Mã (UUID) của cá nhân, lớp, ghi danh…', en: 'The id (UUID) of a person, class, enrolment…' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  apply: { vi: 'Tìm', en: 'Search' },
  results: { vi: 'Kết quả', en: 'Results' },
} satisfies Record<string, LocalizedText>;

const KINDS: Record<string, LocalizedText> = {
  person: { vi: 'Cá nhân', en: 'People' },
  class: { vi: 'Lớp học', en: 'Classes' },
  enrolment: { vi: 'Ghi danh', en: 'Enrolments' },
  certificate: { vi: 'Giấy chứng nhận', en: 'Certificates' },
  program: { vi: 'Chương trình', en: 'Programs' },
  import: { vi: 'Nhập từ tệp', en: 'Imports' },
  unit: { vi: 'Đơn vị', en: 'Units' },
  user: { vi: 'Tài khoản', en: 'Accounts' },
};

/**
 * The audit log for administrators (`audit.list`): who did what and when, each change before →
 * after, searched by who, what, record and dates, 50 entries a page, newest first.
 */
export class PcAuditLogPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, filter: { state: true } };
  declare private filter: Filter;

  constructor() {
    super();
    this.filter = {};
  }

  private readonly loader: TrailLoader = ({ client, signal }, before) =>
    client.audit.list.query({ ...this.filter, limit: PAGE, ...(before ? { before } : {}) }, { signal });

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const values = formValues(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = String(values[name] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const filter: Filter = {};
    for (const key of ['actor', 'action', 'entityId', 'from', 'to'] as const) {
      const value = text(key);
      if (value) filter[key] = value;
    }
    this.filter = filter;
  }

  override render(): TemplateResult {
    const f = this.filter;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <pc-export-buttons list="audit" .filter=${f}></pc-export-buttons>
      <form role="search" aria-label=${this.t(TEXT.search)} @submit=${this.search}>
        <div class="fields">
          <div class="field">
            <label for="actor">${this.t(TEXT.actor)}</label>
            <input id="actor" name="actor" .value=${f.actor ?? ''} aria-describedby="actor-hint" />
            <p class="hint" id="actor-hint">${this.t(TEXT.actorHint)}</p>
          </div>
          <div class="field">
            <label for="action">${this.t(TEXT.action)}</label>
            <select id="action" name="action">
              <option value="" ?selected=${!f.action}>${this.t(TEXT.all)}</option>
              <optgroup label=${this.t(TEXT.kinds)}>${Object.entries(KINDS).map(
                ([kind, name]) => html`<option value=${kind} ?selected=${f.action === kind}>${this.t(name)}</option>`,
              )}</optgroup>
              <optgroup label=${this.t(TEXT.actions)}>${Object.entries(ACTIONS).map(
                ([action, name]) =>
                  html`<option value=${action} ?selected=${f.action === action}>${this.t(name)}</option>`,
              )}</optgroup>
            </select>
          </div>
          <div class="field">
            <label for="entityId">${this.t(TEXT.record)}</label>
            <input id="entityId" name="entityId" .value=${f.entityId ?? ''} aria-describedby="record-hint" />
            <p class="hint" id="record-hint">${this.t(TEXT.recordHint)}</p>
          </div>
          <div class="field">
            <label for="from">${this.t(TEXT.from)}</label>
            <input id="from" name="from" type="date" .value=${f.from ?? ''} />
          </div>
          <div class="field">
            <label for="to">${this.t(TEXT.to)}</label>
            <input id="to" name="to" type="date" .value=${f.to ?? ''} />
          </div>
        </div>
        <div class="actions"><button type="submit">${this.t(TEXT.apply)}</button></div>
      </form>
      <pc-audit-trail subjects .heading=${TEXT.results} .load=${this.loader} key=${JSON.stringify(f)}></pc-audit-trail>`;
  }
}

customElements.define('pc-audit-log-page', PcAuditLogPage);
