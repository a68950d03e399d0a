import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import { CLASS_MODE_NAMES, CLASS_MODES, type ClassMode } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import {
  type ClassFieldValues,
  classFields,
  numberOf,
  type SiteRow,
  sitesEditor,
  sitesInput,
  type UnitOption,
  unitsOf,
} from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { ConsolePage } from '../page.js';

type Program = RouterOutputs['programs']['list'][number];
type Created = RouterOutputs['classes']['create'];
type Draft = RouterInputs['classes']['create'];

/** The draft's name in `sessionStorage`: the form and its idempotency key, until the class is made. */
const DRAFT = 'pc-class-new';

const TEXT = {
  heading: { vi: 'Mở lớp mới', en: 'New class' },
  program: { vi: 'Chương trình', en: 'Program' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  code: { vi: 'Mã lớp', en: 'Class code' },
  codeHint: { vi: 'MÃ-SỐ/NĂM, ví dụ NTĐ-03/2026', en: 'CODE-NUMBER/YEAR, e.g. NTĐ-03/2026' },
  mode: { vi: 'Hình thức học', en: 'Mode' },
  pick: { vi: '— Chọn —', en: '— Choose —' },
  submit: { vi: 'Tạo lớp', en: 'Create the class' },
  working: { vi: 'Đang tạo lớp…', en: 'Creating…' },
  done: { vi: 'Đã tạo lớp.', en: 'Class created.' },
  restored: {
    vi: 'Đã khôi phục bản nhập chưa hoàn tất; gửi lại sẽ không tạo lớp hai lần.',
    en: 'Your unfinished form is back; sending it again will not create the class twice.',
  },
};

/**
 * A new class, in draft: program, organiser (one of the person's units), code, mode, where and
 * when, seats and enrolment window. The API's refusal shows under each field. The form and its
 * `Idempotency-Key` are kept in the tab until the class is made, so a double click, or a reload
 * after an answer lost on the way, makes one class.
 */
export class PcClassNewPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, mode: { state: true }, sites: { state: true } };

  private readonly programs = new ApiResource<Program[]>(this);
  private readonly units = new ApiResource<UnitOption[]>(this);
  private readonly create = new Action<Created>(this, { persistAs: DRAFT });
  declare private mode: ClassMode;
  declare private sites: SiteRow[];
  /** What the form starts from: the kept draft, if a previous visit left one. */
  private readonly draft: Partial<Draft> | undefined;

  constructor() {
    super();
    this.draft = this.create.kept<Draft>();
    this.mode = this.draft?.mode ?? 'in_person';
    this.sites = (this.draft?.sites ?? []).map((s) => ({ name: s.name, unitId: s.unitId ?? null }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
    this.units.start(({ signal }) => unitsOf(this, signal, ['center_staff']));
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const mode = this.mode;
    // Sent as typed (dates dd/mm/yyyy): the API reads them and names any field it refuses.
    const input = {
      programId: v.programId ?? '',
      organiserUnitId: v.organiserUnitId ?? '',
      code: v.code ?? '',
      mode,
      ...(v.title ? { title: v.title } : {}),
      ...(mode !== 'online' && v.venue ? { venue: v.venue } : {}),
      ...(mode !== 'in_person' && v.onlineLink ? { onlineLink: v.onlineLink } : {}),
      sites: mode === 'in_person' ? [] : sitesInput(this.sites),
      capacity: numberOf(v.capacity),
      startDate: v.startDate ?? '',
      endDate: v.endDate ?? '',
      ...(v.enrolmentOpensOn ? { enrolmentOpensOn: v.enrolmentOpensOn } : {}),
      ...(v.enrolmentClosesOn ? { enrolmentClosesOn: v.enrolmentClosesOn } : {}),
    } as Draft;
    const created = await this.create.run(input, (client) => client.classes.create.mutate(input));
    if (created) this.navigate(`/classes/${created.id}`);
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const draft = this.draft;
    const values: ClassFieldValues = draft ?? {};
    const select = (name: string, label: string, options: TemplateResult[]) =>
      html`<div class="field">
        <label for="f-${name}">${label}</label>
        <select id="f-${name}" name=${name} required aria-invalid=${this.create.fieldError(name) ? 'true' : 'false'}
          aria-describedby=${this.create.fieldError(name) ? `f-${name}-error` : nothing}>
          ${options}
        </select>
        ${fieldErrorOf(this.create, name, lang)}
      </div>`;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${draft && this.create.state === 'idle' ? html`<p class="warning" role="status">${this.t(TEXT.restored)}</p>` : ''}
      <form @submit=${this.submit} @input=${() => this.create.state === 'done' && this.create.reset()}>
        <div class="fields">
          ${select('programId', this.t(TEXT.program), [
            html`<option value="">${this.t(TEXT.pick)}</option>`,
            ...(this.programs.value ?? []).map(
              (p) =>
                html`<option value=${p.id} ?selected=${draft?.programId === p.id}>${p.code} · ${p.name[lang]}</option>`,
            ),
          ])}
          ${select(
            'organiserUnitId',
            this.t(TEXT.organiser),
            (this.units.value ?? []).map(
              (u, i) =>
                html`<option value=${u.id} ?selected=${draft ? draft.organiserUnitId === u.id : i === 0}>${u.name}</option>`,
            ),
          )}
          ${field(this.create, lang, { name: 'code', label: TEXT.code, value: draft?.code, required: true, hint: TEXT.codeHint })}
          <div class="field">
            <label for="f-mode">${this.t(TEXT.mode)}</label>
            <select id="f-mode" name="mode" @change=${(e: Event) => {
              this.mode = (e.target as HTMLSelectElement).value as ClassMode;
            }}>
              ${CLASS_MODES.map((m) => html`<option value=${m} ?selected=${this.mode === m}>${CLASS_MODE_NAMES[m][lang]}</option>`)}
            </select>
          </div>
          ${classFields(this.create, lang, values, { mode: this.mode })}
          ${
            this.mode === 'in_person'
              ? fieldErrorOf(this.create, 'sites', lang)
              : sitesEditor(this, this.create, this.sites, (sites) => {
                  this.sites = sites;
                })
          }
        </div>
        <div class="actions">
          <!-- Not before the lists are in: a restored draft sent with an empty select would be another input. -->
          <button type="submit" class="primary" ?disabled=${this.create.running || !this.programs.value || !this.units.value}>
            ${this.t(TEXT.submit)}
          </button>
          ${actionStatus(this.create, lang, { working: TEXT.working, done: TEXT.done })}
        </div>
      </form>`;
  }
}

customElements.define('pc-class-new-page', PcClassNewPage);
