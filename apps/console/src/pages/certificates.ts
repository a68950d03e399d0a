import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { ClassPage } from '../class-page.js';
import { saveDownload } from '../download.js';
import { actionStatus, fieldErrorOf } from '../form.js';
import { date } from '../i18n.js';

type Certificate = RouterOutputs['certificates']['listForClass'][number];

const TEXT = {
  heading: { vi: 'Giấy chứng nhận', en: 'Certificates' },
  issueAll: { vi: 'Cấp cho mọi học viên đạt', en: 'Issue to every trainee who passed' },
  issuing: { vi: 'Đang cấp…', en: 'Issuing…' },
  issued: (n: number): LocalizedText => ({ vi: `Đã cấp ${n} giấy chứng nhận.`, en: `${n} certificate(s) issued.` }),
  none: { vi: 'Lớp chưa có giấy chứng nhận nào.', en: 'No certificate issued in this class yet.' },
  number: { vi: 'Số', en: 'Number' },
  holder: { vi: 'Người được cấp', en: 'Holder' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  code: { vi: 'Mã xác minh', en: 'Verification code' },
  status: { vi: 'Tình trạng', en: 'Status' },
  valid: { vi: 'Hợp lệ', en: 'Valid' },
  revoked: (on: string, reason: string | null): LocalizedText => ({
    vi: `Đã thu hồi ngày ${on}${reason ? ` — ${reason}` : ''}`,
    en: `Revoked on ${on}${reason ? ` — ${reason}` : ''}`,
  }),
  print: { vi: 'Tải trang in', en: 'Download the print page' },
  printHint: {
    vi: 'Trang A4 có mã QR tra cứu; mở tệp đã tải rồi in (Ctrl+P) hoặc lưu thành PDF.',
    en: 'An A4 page with the QR code to check it; open the downloaded file, then print (Ctrl+P) or save as PDF.',
  },
  preparing: { vi: 'Đang chuẩn bị trang in…', en: 'Preparing the page…' },
  downloaded: { vi: 'Đã tải trang in.', en: 'The print page is downloaded.' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  reason: { vi: 'Lý do thu hồi', en: 'Reason for revoking' },
  confirm: { vi: 'Thu hồi giấy này', en: 'Revoke this certificate' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  revoking: { vi: 'Đang thu hồi…', en: 'Revoking…' },
  revokedDone: { vi: 'Đã thu hồi.', en: 'Revoked.' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
};

/**
 * A class's certificates: issue them to every trainee who passed (one idempotent call: a double
 * click or a retry issues nothing twice), download each one's A4 page to print (the server draws it,
 * QR code included), revoke one with a reason. Numbers never change or go back into use.
 */
export class PcCertificatesPage extends ClassPage {
  private readonly list = new ApiResource<Certificate[]>(this);
  private readonly issue = new Action<Certificate[]>(this);
  private readonly print = new Action<{ fileName: string; html: string }>(this);
  private readonly revoke = new Action<Certificate>(this);
  /** The certificate whose revocation form is open. */
  private revoking: string | undefined;

  static override properties = { ...ClassPage.properties, revoking: { state: true } };

  protected override openClass(_id: string): void {
    this.reload();
  }

  private reload(): void {
    const classId = this.params.id as string;
    this.list.start(({ client, signal }) => client.certificates.listForClass.query({ classId }, { signal }), {
      keep: true,
    });
  }

  private async issueAll(): Promise<void> {
    const input = { classId: this.params.id as string };
    const issued = await this.issue.run(input, (client) => client.certificates.issueForClass.mutate(input));
    if (issued) this.reload();
  }

  private async download(c: Certificate): Promise<void> {
    const input = { id: c.id, lang: this.currentLang };
    const page = await this.print.run(input, (client) => client.certificates.printPage.mutate(input));
    if (!page) return;
    saveDownload(this, new Blob([page.html], { type: 'text/html;charset=utf-8' }), page.fileName);
  }

  private async submitRevoke(event: SubmitEvent, c: Certificate): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value;
    const input = { certificateId: c.id, reason };
    const done = await this.revoke.run(input, (client) => client.certificates.revoke.mutate(input));
    if (done) {
      this.revoking = undefined;
      this.reload();
    }
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    return this.classPage(
      TEXT.heading,
      () => html`<div class="toolbar">
        <button type="button" class="primary" ?disabled=${this.issue.running} @click=${() => this.issueAll()}>
          ${this.t(TEXT.issueAll)}
        </button>
        ${actionStatus(this.issue, lang, {
          working: TEXT.issuing,
          done: TEXT.issued(this.issue.result?.length ?? 0),
        })}
      </div>
      <p class="hint">${this.t(TEXT.printHint)}</p>
      ${actionStatus(this.print, lang, { working: TEXT.preparing, done: TEXT.downloaded })}
      ${this.renderList()}`,
    );
  }

  private renderList(): TemplateResult {
    const list = this.list.value;
    if (!list) {
      return this.list.failure
        ? html`<p role="alert">${failureText(this.list.failure, this.currentLang)}</p>`
        : html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    if (list.length === 0) return html`<p>${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t(TEXT.number)}</th><th scope="col">${this.t(TEXT.holder)}</th>
        <th scope="col">${this.t(TEXT.issuedOn)}</th><th scope="col">${this.t(TEXT.code)}</th>
        <th scope="col">${this.t(TEXT.status)}</th><th scope="col">${this.t(TEXT.actions)}</th>
      </tr></thead>
      <tbody>${list.map((c) => this.renderRow(c))}</tbody>
    </table></div>`;
  }

  private renderRow(c: Certificate): TemplateResult {
    const lang = this.currentLang;
    const status = c.revokedAt
      ? this.t(TEXT.revoked(date(c.revokedAt.slice(0, 10)), c.revokeReason))
      : this.t(TEXT.valid);
    return html`<tr data-certificate=${c.numberText}>
      <td>${c.numberText}</td>
      <th scope="row">${c.personName}</th>
      <td>${date(c.issuedOn)}</td>
      <td><code>${c.verificationCode}</code></td>
      <td class=${c.revokedAt ? 'warning' : 'success'}>${status}</td>
      <td>
        <button type="button" ?disabled=${this.print.running} @click=${() => this.download(c)}
          aria-label="${this.t(TEXT.print)} ${c.numberText}">${this.t(TEXT.print)}</button>
        ${
          c.revokedAt
            ? nothing
            : this.revoking === c.id
              ? html`<form @submit=${(e: SubmitEvent) => this.submitRevoke(e, c)}>
                  <label for="reason-${c.id}">${this.t(TEXT.reason)}</label>
                  <textarea id="reason-${c.id}" name="reason" required minlength="5" maxlength="1000"
                    aria-invalid=${this.revoke.fieldError('reason') ? 'true' : 'false'}
                    aria-describedby="f-reason-error"></textarea>
                  ${fieldErrorOf(this.revoke, 'reason', lang)}
                  <div class="actions">
                    <button type="submit" class="danger" ?disabled=${this.revoke.running}>${this.t(TEXT.confirm)}</button>
                    <button type="button" @click=${() => {
                      this.revoking = undefined;
                      this.revoke.reset();
                    }}>${this.t(TEXT.cancel)}</button>
                    ${actionStatus(this.revoke, lang, { working: TEXT.revoking, done: TEXT.revokedDone })}
                  </div>
                </form>`
              : html`<button type="button" @click=${() => {
                  this.revoking = c.id;
                  this.revoke.reset();
                }} aria-label="${this.t(TEXT.revoke)} ${c.numberText}">${this.t(TEXT.revoke)}</button>`
        }
      </td>
    </tr>`;
  }
}

customElements.define('pc-certificates-page', PcCertificatesPage);
