import { createPolCenterClient, type RouterOutputs } from '@polcenter/client';
import {
  checkRegistrationForm,
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  ETHNICITY_NAMES,
  formatDate,
  GENDER_NAMES,
  GENDERS,
  type Lang,
  type LocalizedText,
  PARTY_STATUS_NAMES,
  PARTY_STATUSES,
  REGISTRATION_FIELDS,
  type RegistrationField,
  type RegistrationForm,
  type RegistrationProblems,
} from '@polcenter/domain';
import { html, nothing, type PropertyValues } from 'lit';
import { apiUrl } from '../api.js';
import { PcElement } from '../element.js';
import { errorMessage } from '../i18n.js';
import { ApiResource } from '../resource.js';
import { bones, placeholder, stateOf } from '../states.js';
import { TERMS } from '../terms.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './enrol-form.styles.js';

type PublicClass = RouterOutputs['classes']['timetable'];
type Unit = RouterOutputs['units']['list'][number];
type Receipt = RouterOutputs['enrolment']['register'];

/** The class and the units a visitor may belong to (its organiser and those under it); null: no such class. */
type Offer = { cls: PublicClass; units: Unit[] } | null;

/** What the last submission came to; shown under the form in plain words. */
type Outcome =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'done'; receipt: Pick<Receipt, 'reference' | 'state'> }
  | { state: 'full' }
  | { state: 'refused'; message: string };

const EMPTY: RegistrationForm = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, ''])) as RegistrationForm;

const TEXT = {
  ...TERMS,
  heading: { vi: 'Đăng ký học', en: 'Register for a class' },
  loading: { vi: 'Đang tải thông tin lớp…', en: 'Loading the class…' },
  noClass: {
    vi: 'Không tìm thấy lớp học này; có thể đường dẫn đã cũ.',
    en: 'This class could not be found; the link may be out of date.',
  },
  notOpen: {
    vi: 'Lớp này hiện không nhận đăng ký.',
    en: 'This class is not taking registrations at the moment.',
  },
  closes: { vi: 'Hạn đăng ký', en: 'Register by' },
  required: { vi: 'Các mục có dấu * là bắt buộc.', en: 'Fields marked * are required.' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  submit: { vi: 'Gửi đăng ký', en: 'Send registration' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  fix: { vi: 'Vui lòng sửa các mục được đánh dấu.', en: 'Please correct the marked fields.' },
  reference: {
    vi: 'Mã tham chiếu (đọc mã này khi liên hệ Trung tâm)',
    en: 'Reference (quote it when you contact the center)',
  },
  requested: { vi: 'Đã nhận đăng ký của bạn.', en: 'Your registration has been received.' },
  requestedNext: {
    vi: 'Tiếp theo: cán bộ Trung tâm sẽ xem xét và duyệt, rồi liên hệ với bạn.',
    en: 'Next: the center’s staff review and approve it, then contact you.',
  },
  waitlisted: {
    vi: 'Lớp đã đủ chỗ; đăng ký của bạn đã được ghi vào danh sách chờ.',
    en: 'The class is full; your registration is on the waiting list.',
  },
  waitlistedNext: {
    vi: 'Khi có chỗ trống, Trung tâm xếp chỗ theo thứ tự đăng ký.',
    en: 'When a seat frees, the center gives it in order of registration.',
  },
  already: { vi: 'Bạn đã đăng ký lớp này rồi.', en: 'You have already registered for this class.' },
  full: {
    vi: 'Lớp đã đủ chỗ. Bạn có muốn vào danh sách chờ không?',
    en: 'The class is full. Would you like to join the waiting list?',
  },
  joinWaitlist: { vi: 'Vào danh sách chờ', en: 'Join the waiting list' },
  rateLimited: (seconds: number | undefined, lang: Lang) =>
    lang === 'vi'
      ? `Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau ${seconds ?? 60} giây.`
      : `Too many attempts. Please try again in ${seconds ?? 60} seconds.`,
  down: {
    vi: 'Chưa gửi được: không kết nối được máy chủ. Thông tin vẫn còn; vui lòng gửi lại sau.',
    en: 'Not sent: the server cannot be reached. What you typed is kept; please send again later.',
  },
} as const;

/** Labels and input hints of each field; `*` marks the required ones. */
const FIELDS: Record<RegistrationField, { label: LocalizedText; required?: boolean }> = {
  fullName: { label: { vi: 'Họ và tên', en: 'Full name' }, required: true },
  birthDate: { label: { vi: 'Ngày sinh (dd/mm/yyyy)', en: 'Date of birth (dd/mm/yyyy)' }, required: true },
  gender: { label: { vi: 'Giới tính', en: 'Gender' }, required: true },
  ethnicity: { label: TERMS.ethnicity, required: true },
  unitId: { label: { vi: 'Đơn vị (xã, thôn, bản…)', en: 'Unit (commune, village…)' }, required: true },
  nationalId: { label: { vi: 'Số CCCD (12 chữ số)', en: 'National ID (CCCD, 12 digits)' }, required: true },
  phone: { label: { vi: 'Số điện thoại di động', en: 'Mobile phone' } },
  partyStatus: { label: { vi: 'Đảng tịch', en: 'Party membership' } },
  partyAdmittedOn: { label: { vi: 'Ngày kết nạp Đảng (dd/mm/yyyy)', en: 'Date admitted to the Party (dd/mm/yyyy)' } },
  educationLevel: { label: { vi: 'Trình độ học vấn', en: 'Education' } },
};

/** Server-side problems arrive named `person.fullName`…; the form names them `fullName`. */
const formField = (field: string): RegistrationField | undefined =>
  REGISTRATION_FIELDS.find((f) => `person.${f}` === field || f === field);

/** A random Idempotency-Key; `crypto.randomUUID` exists only on https pages, this everywhere. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @tag pc-enrol-form
 * @summary A visitor registers for one class from the portal: the class (public data), then the
 * fields the center needs, checked as typed with the domain's own rules (vi/en). A full class
 * offers the waiting list. After sending, it shows the reference to quote and what happens next,
 * and clears every field: nothing personal stays on the page.
 *
 * @csspart class - what the registration is for: programme, code, dates, organiser, seats
 * @csspart form - the fields and the send button
 * @csspart submit - the send button
 * @csspart result - the answer: reference and next step, the waitlist offer, or why not
 * @cssproperty --pc-enrol-form-columns - columns of the field grid on wide screens (default 2)
 * @fires pc-registered - when a registration was taken or found; `detail` is `{ reference, state }`
 *   (`requested`, `waitlisted` or `already_registered`), never personal data
 */
export class PcEnrolForm extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    classId: { type: String, attribute: 'class-id' },
    values: { state: true },
    problems: { state: true },
    outcome: { state: true },
  };

  protected static override fieldAttributes = { id: 'class-id' };

  /** Id (uuid) of the class to register for, as the catalog gives it. */
  declare classId: string | undefined;
  declare private values: RegistrationForm;
  declare private problems: RegistrationProblems;
  declare private outcome: Outcome;
  /** Fields the visitor has left once: they are checked as typed from then on. */
  #touched = new Set<RegistrationField>();
  /** One key per filled form: a repeat of the same form (after a network failure) is answered once. */
  #key: { payload: string; value: string } | null = null;

  readonly #offer = new ApiResource<Offer>(this);

  constructor() {
    super();
    this.values = EMPTY;
    this.problems = {};
    this.outcome = { state: 'idle' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('classId') && !changed.has('api')) return;
    // No class-id, or not a class's: the server refuses `id`, said as a mistake in `class-id`.
    const id = this.classId as string;
    this.#offer.start(async ({ client, signal }) => {
      const cls = await client.classes.timetable.query({ id }, { signal }).catch((error: unknown) => {
        if ((error as { data?: { domainCode?: string } })?.data?.domainCode === 'CLASS.NOT_FOUND') return null;
        throw error;
      });
      if (!cls) return null;
      const below = await client.units.list.query({ underCode: cls.organiser.code }, { signal });
      return { cls, units: [{ id: cls.organiser.id, name: cls.organiser.name } as Unit, ...below] };
    });
  }

  #onInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = REGISTRATION_FIELDS.find((f) => f === input.name);
    if (!field) return;
    this.values = { ...this.values, [field]: input.value };
    if (field === 'partyStatus' && (input.value === '' || input.value === 'non_member')) {
      this.values = { ...this.values, partyAdmittedOn: '' };
    }
    if (event.type === 'change' || event.type === 'focusout') this.#touched.add(field);
    if (this.#touched.has(field) || this.problems[field]) this.#recheck();
  }

  /** Problems of the fields the visitor has been through, by the domain's rules. */
  #recheck(): void {
    const all = checkRegistrationForm(this.values).problems ?? {};
    this.problems = Object.fromEntries(
      Object.entries(all).filter(([field]) => this.#touched.has(field as RegistrationField)),
    ) as RegistrationProblems;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#send(false);
  }

  async #send(waitlist: boolean): Promise<void> {
    const offer = this.#offer.value;
    if (this.outcome.state === 'sending' || !offer) return;
    const lang = this.language;
    const checked = checkRegistrationForm(this.values);
    if (!checked.person) {
      for (const field of REGISTRATION_FIELDS) this.#touched.add(field);
      this.problems = checked.problems;
      this.outcome = { state: 'refused', message: TEXT.fix[lang] };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input = { classId: offer.cls.id, person: checked.person, waitlist };
    const payload = JSON.stringify(input);
    if (this.#key?.payload !== payload) this.#key = { payload, value: newKey() };
    this.outcome = { state: 'sending' };
    try {
      // A client of its own: its only call carries the form's key, never batched with another.
      const api = createPolCenterClient(apiUrl(this.api), { lang, idempotencyKey: this.#key.value });
      const receipt = await api.enrolment.register.mutate(input);
      // Nothing personal stays on the page: the fields are emptied, the form forgets its key.
      this.values = EMPTY;
      this.#touched.clear();
      this.problems = {};
      this.#key = null;
      const detail = { reference: receipt.reference, state: receipt.state };
      this.outcome = { state: 'done', receipt: detail };
      this.emit('pc-registered', detail);
    } catch (error) {
      this.outcome = this.#refusal(error, lang);
    }
  }

  /** What went wrong, as a sentence for the visitor (or a question, when the class is full). */
  #refusal(error: unknown, lang: Lang): Outcome {
    const data = (error as { data?: { domainCode?: string; fields?: { field: string }[]; retryAfterSeconds?: number } })
      ?.data;
    const code = data?.domainCode;
    if (code === 'ENROLMENT.CLASS_FULL') return { state: 'full' };
    if (code === 'RATE.LIMITED') return { state: 'refused', message: TEXT.rateLimited(data?.retryAfterSeconds, lang) };
    if (code === 'CLASS.NOT_FOUND') return { state: 'refused', message: TEXT.noClass[lang] };
    if (code === 'ENROLMENT.CLASS_NOT_OPEN') return { state: 'refused', message: TEXT.notOpen[lang] };
    if (code === 'INPUT.INVALID' || code === 'UNIT.NOT_FOUND') {
      // The server's reasons, put beside the fields they name (the same rules as the form's own).
      const fields = (error as { data: { fields: { field: string; message: LocalizedText }[] } }).data.fields ?? [];
      const problems: RegistrationProblems = {};
      for (const f of fields) {
        const field = formField(f.field);
        if (field) problems[field] = f.message;
      }
      if (code === 'UNIT.NOT_FOUND') problems.unitId = { vi: 'Không có đơn vị này.', en: 'No such unit.' };
      this.problems = problems;
      for (const field of Object.keys(problems)) this.#touched.add(field as RegistrationField);
      return { state: 'refused', message: TEXT.fix[lang] };
    }
    // Rules about the class or the person (window closed, not eligible…) come as one plain
    // sentence in the visitor's language; a network failure or anything unexpected, as ours.
    const rule = code?.includes('.') && code !== 'DATABASE.UNAVAILABLE';
    return { state: 'refused', message: rule ? errorMessage(error, lang) : TEXT.down[lang] };
  }

  #field(name: RegistrationField, lang: Lang, control: (described: string | undefined) => unknown) {
    const problem = this.problems[name];
    const spec = FIELDS[name];
    return html`<div class="field" data-field=${name}>
      <label for=${name}>${spec.label[lang]}${spec.required ? html`<span aria-hidden="true">&nbsp;*</span>` : nothing}</label>
      ${control(problem ? `${name}-error` : undefined)}
      ${problem ? html`<p class="error" id=${`${name}-error`}>${problem[lang]}</p>` : nothing}
    </div>`;
  }

  #text(
    name: RegistrationField,
    lang: Lang,
    attrs: { autocomplete?: string; inputmode?: string; placeholder?: string } = {},
  ) {
    return this.#field(
      name,
      lang,
      (described) => html`<input
        id=${name}
        name=${name}
        .value=${this.values[name]}
        ?required=${FIELDS[name].required}
        aria-invalid=${this.problems[name] ? 'true' : 'false'}
        aria-describedby=${described ?? nothing}
        autocomplete=${attrs.autocomplete ?? 'off'}
        inputmode=${attrs.inputmode ?? nothing}
        placeholder=${attrs.placeholder ?? nothing}
        @input=${this.#onInput}
        @change=${this.#onInput}
      />`,
    );
  }

  #select(name: RegistrationField, lang: Lang, options: { value: string; label: string }[]) {
    return this.#field(
      name,
      lang,
      (described) => html`<select
        id=${name}
        name=${name}
        ?required=${FIELDS[name].required}
        aria-invalid=${this.problems[name] ? 'true' : 'false'}
        aria-describedby=${described ?? nothing}
        @change=${this.#onInput}
      >
        <option value="" ?selected=${this.values[name] === ''}>${TEXT.choose[lang]}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.values[name] === o.value}>${o.label}</option>`)}
      </select>`,
    );
  }

  protected override render() {
    const lang = this.language;
    const state = stateOf(this.#offer, lang, () => placeholder(TEXT.loading[lang], bones(6)));
    const offer = this.#offer.value;
    if (state || offer === undefined) return html`<section>${state}</section>`;
    if (!offer) return html`<section><p role="alert">${TEXT.noClass[lang]}</p></section>`;
    const { cls, units } = offer;
    const names = <T extends string>(list: readonly T[], of: Record<T, LocalizedText>) =>
      list.map((value) => ({ value, label: of[value][lang] }));
    const member = this.values.partyStatus === 'probationary' || this.values.partyStatus === 'full_member';
    const sending = this.outcome.state === 'sending';
    return html`<section aria-labelledby="heading">
      <h2 id="heading">${TEXT.heading[lang]}</h2>
      ${this.#renderClass(cls, lang)}
      ${
        cls.status === 'open'
          ? html`<form part="form" novalidate @submit=${this.#onSubmit} @focusout=${this.#onInput}>
              <p class="hint">${TEXT.required[lang]}</p>
              <div class="grid">
                ${this.#text('fullName', lang, { autocomplete: 'name' })}
                ${this.#text('birthDate', lang, { autocomplete: 'bday', inputmode: 'numeric', placeholder: 'dd/mm/yyyy' })}
                ${this.#select('gender', lang, names(GENDERS, GENDER_NAMES))}
                ${this.#select('ethnicity', lang, names(ETHNICITIES, ETHNICITY_NAMES))}
                ${this.#select(
                  'unitId',
                  lang,
                  units.map((u) => ({ value: u.id, label: u.name })),
                )}
                ${this.#text('nationalId', lang, { inputmode: 'numeric' })}
                ${this.#text('phone', lang, { autocomplete: 'tel', inputmode: 'tel' })}
                ${this.#select('partyStatus', lang, names(PARTY_STATUSES, PARTY_STATUS_NAMES))}
                ${member ? this.#text('partyAdmittedOn', lang, { inputmode: 'numeric', placeholder: 'dd/mm/yyyy' }) : nothing}
                ${this.#select('educationLevel', lang, names(EDUCATION_LEVELS, EDUCATION_LEVEL_NAMES))}
              </div>
              <button part="submit" type="submit" class="primary" ?disabled=${sending}>
                ${sending ? TEXT.sending[lang] : TEXT.submit[lang]}
              </button>
            </form>`
          : html`<p role="status">${TEXT.notOpen[lang]}</p>`
      }
      <div part="result" aria-live="polite">${this.#renderOutcome(lang)}</div>
    </section>`;
  }

  #renderClass(cls: PublicClass, lang: Lang) {
    return html`<div part="class" class="class">
      <p class="title">${cls.title ?? cls.program.name[lang]} <span class="code">${cls.code}</span></p>
      <dl>
        <dt>${TEXT.dates[lang]}</dt>
        <dd>${formatDate(cls.startDate)} – ${formatDate(cls.endDate)}</dd>
        <dt>${TEXT.organiser[lang]}</dt>
        <dd>${cls.organiser.name}</dd>
        ${cls.enrolmentClosesOn ? html`<dt>${TEXT.closes[lang]}</dt><dd>${formatDate(cls.enrolmentClosesOn)}</dd>` : nothing}
        <dt>${TEXT.seats[lang]}</dt>
        <dd>${cls.seatsLeft > 0 ? `${cls.seatsLeft}/${cls.capacity}` : TEXT.full[lang]}</dd>
      </dl>
    </div>`;
  }

  #renderOutcome(lang: Lang) {
    const outcome = this.outcome;
    if (outcome.state === 'idle') return nothing;
    if (outcome.state === 'sending') return html`<p role="status">${TEXT.sending[lang]}</p>`;
    if (outcome.state === 'refused') return html`<p role="alert">${outcome.message}</p>`;
    if (outcome.state === 'full') {
      return html`<p role="alert" class="full">${TEXT.full[lang]}</p>
        <button type="button" class="primary waitlist" @click=${() => this.#send(true)}>${TEXT.joinWaitlist[lang]}</button>`;
    }
    const { reference, state } = outcome.receipt;
    const [headline, next] =
      state === 'already_registered'
        ? [TEXT.already, null]
        : state === 'waitlisted'
          ? [TEXT.waitlisted, TEXT.waitlistedNext]
          : [TEXT.requested, TEXT.requestedNext];
    return html`<div role="status" class="done" data-state=${state}>
      <p class="headline">${headline[lang]}</p>
      <p>${TEXT.reference[lang]}: <strong class="reference">${reference}</strong></p>
      ${next ? html`<p>${next[lang]}</p>` : nothing}
    </div>`;
  }
}
