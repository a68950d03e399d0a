import type { RouterOutputs } from '@polcenter/client';
import { formatDate, type Lang } from '@polcenter/domain';
import { html, nothing, type PropertyValues } from 'lit';
import { PcElement } from '../element.js';
import { ApiResource } from '../resource.js';
import { bones, placeholder, stateOf } from '../states.js';
import { TERMS } from '../terms.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './certificate-check.styles.js';

/** What the public learns from a code: the API's own type, so the two never drift apart. */
type CheckedCertificate = RouterOutputs['certificates']['verify'];

const TEXT = {
  program: TERMS.program,
  label: { vi: 'Mã xác minh in trên giấy chứng nhận', en: 'Verification code printed on the certificate' },
  submit: { vi: 'Kiểm tra', en: 'Check' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  empty: { vi: 'Hãy nhập mã xác minh.', en: 'Please type the verification code.' },
  valid: { vi: 'Giấy chứng nhận hợp lệ', en: 'Valid certificate' },
  revoked: (date: string, lang: Lang) =>
    lang === 'vi' ? `Giấy chứng nhận đã bị thu hồi ngày ${date}` : `This certificate was revoked on ${date}`,
  number: { vi: 'Số', en: 'Number' },
  holder: { vi: 'Người được cấp', en: 'Holder' },
  kind: { vi: 'Loại', en: 'Kind' },
  class: { vi: 'Lớp', en: 'Class' },
  dates: (start: string, end: string, lang: Lang) =>
    lang === 'vi' ? `từ ${formatDate(start)} đến ${formatDate(end)}` : `${formatDate(start)} to ${formatDate(end)}`,
  issued: { vi: 'Cấp ngày', en: 'Issued on' },
  issuer: { vi: 'Nơi cấp', en: 'Issued by' },
};

/**
 * @tag pc-certificate-check
 * @summary Checks a certificate by the verification code printed on it: genuine and valid,
 * revoked, or unknown. A `?code=` in the page's address (a QR code on the certificate) is checked
 * on arrival.
 *
 * @csspart form - the code field and its button
 * @csspart result - the answer: the certificate's details, or why there is none
 * @fires pc-checked - after each check; `detail.valid` is true, false (revoked) or null (no such code)
 */
export class PcCertificateCheck extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    code: { type: String },
    empty: { state: true },
  };

  /** A code to check at once; else the page address's `?code=`. */
  declare code: string | undefined;
  /** The visitor pressed "check" with nothing typed. */
  declare private empty: boolean;

  // A newer check supersedes an older one still in flight: only the latest typed code may speak.
  readonly #check = new ApiResource<CheckedCertificate>(
    this,
    (certificate) => this.emit('pc-checked', { valid: certificate.valid }),
    () => this.emit('pc-checked', { valid: null }),
  );

  constructor() {
    super();
    this.empty = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('code') && this.hasUpdated) return;
    // Shown in the field too, so the reader sees what was checked.
    this.code ??= new URLSearchParams(globalThis.location?.search ?? '').get('code') ?? undefined;
    if (this.code?.trim()) this.#verify(this.code);
  }

  #verify(code: string): void {
    this.empty = false;
    this.#check.start(({ client, signal }) => client.certificates.verify.query({ code }, { signal }));
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (code) {
      this.#verify(code);
    } else {
      this.#check.stop();
      this.empty = true;
    }
  }

  protected override render() {
    const lang = this.language;
    // The button is never disabled while checking: that would drop a keyboard user's focus and
    // swallow a code retyped meanwhile; the loader already keeps an older answer from showing.
    return html`<section>
      <form part="form" @submit=${this.#onSubmit}>
        <label for="code">${TEXT.label[lang]}</label>
        <div class="row">
          <input
            id="code"
            name="code"
            .value=${this.code ?? ''}
            placeholder="XXXX-XXXX-XXXX"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="40"
          />
          <button type="submit" class="primary">${TEXT.submit[lang]}</button>
        </div>
      </form>
      <div part="result" aria-live="polite">${this.#renderResult(lang)}</div>
    </section>`;
  }

  #renderResult(lang: Lang) {
    if (this.empty) return html`<p role="alert">${TEXT.empty[lang]}</p>`;
    if (!this.#check.loading && !this.#check.value && !this.#check.failure) return nothing;
    const checking = () => placeholder(TEXT.checking[lang], bones(4));
    const state = stateOf(this.#check, lang, checking);
    const c = this.#check.value;
    if (state || !c) return state;
    const verdict = c.revokedOn
      ? html`<h2 role="alert" class="revoked">${TEXT.revoked(formatDate(c.revokedOn), lang)}</h2>`
      : html`<h2 role="status" class="valid">${TEXT.valid[lang]}</h2>`;
    return html`${verdict}
      <dl>
        <dt>${TEXT.number[lang]}</dt><dd class="number">${c.numberText}</dd>
        <dt>${TEXT.holder[lang]}</dt><dd class="holder">${c.holderName}</dd>
        <dt>${TEXT.program[lang]}</dt><dd>${c.program[lang]}</dd>
        <dt>${TEXT.kind[lang]}</dt><dd>${c.kindName[lang]}</dd>
        <dt>${TEXT.class[lang]}</dt><dd class="class">${c.classCode}, ${TEXT.dates(c.classStartDate, c.classEndDate, lang)}</dd>
        <dt>${TEXT.issued[lang]}</dt><dd class="issued">${formatDate(c.issuedOn)}</dd>
        <dt>${TEXT.issuer[lang]}</dt><dd>${c.issuedBy}</dd>
      </dl>`;
  }
}
