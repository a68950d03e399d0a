import type { RouterOutputs } from '@polcenter/client';
import {
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDER_NAMES,
  GENDERS,
  type LocalizedText,
  PARTY_STATUS_NAMES,
  PARTY_STATUSES,
} from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { type UnitOption, unitsOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { ConsolePage } from '../page.js';
import { referenceNameRecord } from '../reference-names.js';
import { peopleStyles } from './people-styles.js';
import { PERSON_TEXT } from './person.js';

type Person = RouterOutputs['people']['get'];
const PEOPLE_ROLES = ['center_staff', 'propaganda_staff', 'unit_coordinator'] as const;

const TEXT = {
  newHeading: { vi: 'Thêm người', en: 'New person' },
  editHeading: { vi: 'Sửa hồ sơ', en: 'Edit the record' },
  save: { vi: 'Lưu', en: 'Save' },
  create: { vi: 'Thêm', en: 'Create' },
  keep: { vi: 'Để trống để giữ nguyên (đang được che).', en: 'Leave empty to keep it (it is masked).' },
  dateHint: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  pick: { vi: '— chọn —', en: '— pick —' },
  stale: { vi: 'Tải bản mới nhất', en: 'Load the latest version' },
  loading: { vi: 'Đang tải hồ sơ…', en: 'Loading the record…' },
};

/** A new person (`/people/new`) or an edit of one (`/people/:id/edit`, on the version shown). */
export class PcPersonFormPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  static override properties = { ...ConsolePage.properties, person: { state: true }, units: { state: true } };
  private readonly save = new Action<Person>(this);
  declare private person: Person | undefined;
  declare private units: UnitOption[];

  constructor() {
    super();
    this.units = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const signal = new AbortController().signal;
    void unitsOf(this, signal, PEOPLE_ROLES).then((units) => {
      this.units = units;
    });
    if (this.params.id) void this.load();
  }

  private async load(): Promise<void> {
    this.person = await this.client.people.get.query({ id: this.params.id ?? '' });
    this.save.reset();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = formValues(event.target as HTMLFormElement);
    const current = this.person;
    if (!current) {
      const input = { ...values } as never;
      const made = await this.save.run(input, (client) => client.people.create.mutate(input));
      if (made) this.navigate(`/people/${made.id}`);
      return;
    }
    // Only what differs from the record as shown; a masked field left empty keeps its value.
    const patch: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(values)) {
      const key = name.replace(/^patch\./, '');
      if (String((current as Record<string, unknown>)[key] ?? '') !== value) patch[key] = value;
    }
    if (!values['patch.position'] && current.position) patch.position = null;
    const input = { id: current.id, version: current.version, patch } as never;
    const saved = await this.save.run(input, (client) => client.people.update.mutate(input));
    if (saved) this.navigate(`/people/${saved.id}`);
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const p = this.person;
    if (this.params.id && !p) return html`<p role="status">${this.t(TEXT.loading)}</p>`;
    const select = <K extends string>(
      name: string,
      label: LocalizedText,
      options: readonly K[],
      names: Record<K, LocalizedText>,
      value: K | null | undefined,
      optional = true,
    ) =>
      html`<div class="field">
        <label for="f-${name.replaceAll('.', '-')}">${label[lang]}</label>
        <select id="f-${name.replaceAll('.', '-')}" name=${name} aria-invalid=${this.save.fieldError(name) ? 'true' : 'false'}
          aria-describedby=${this.save.fieldError(name) ? `f-${name.replaceAll('.', '-')}-error` : nothing}>
          ${optional || !value ? html`<option value="">${this.t(TEXT.pick)}</option>` : nothing}
          ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${names[o][lang]}</option>`)}
        </select>
        ${fieldErrorOf(this.save, name, lang)}
      </div>`;
    const personal = p ? TEXT.keep : undefined;
    // An edit sends `patch`, and the API names a refused field `patch.<name>`: the inputs are named so.
    const n = (name: string) => (p ? `patch.${name}` : name);
    const unitName = n('unitId');
    const unitKey = unitName.replaceAll('.', '-');
    return html`<h1>${this.t(p ? TEXT.editHeading : TEXT.newHeading)}${p ? `: ${p.fullName}` : ''}</h1>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          ${field(this.save, lang, { name: n('fullName'), label: PERSON_TEXT.fullName, value: p?.fullName, required: true, wide: true })}
          ${field(this.save, lang, { name: n('birthDate'), label: PERSON_TEXT.birthDate, hint: personal ?? TEXT.dateHint, required: !p, attrs: { inputmode: 'numeric' } })}
          ${select(n('gender'), PERSON_TEXT.gender, GENDERS, GENDER_NAMES, p?.gender)}
          ${select(n('ethnicity'), PERSON_TEXT.ethnicity, ETHNICITIES, referenceNameRecord('ethnicity'), p?.ethnicity)}
          <div class="field">
            <label for="f-${unitKey}">${this.t(PERSON_TEXT.unit)}</label>
            <select id="f-${unitKey}" name=${unitName} aria-invalid=${this.save.fieldError(unitName) ? 'true' : 'false'}>
              ${p?.unitId ? nothing : html`<option value="">${this.t(TEXT.pick)}</option>`}
              ${p?.unitId && !this.units.some((u) => u.id === p.unitId) ? html`<option value=${p.unitId} selected>${p.unitName}</option>` : nothing}
              ${this.units.map((u) => html`<option value=${u.id} ?selected=${u.id === p?.unitId}>${u.name}</option>`)}
            </select>
            ${fieldErrorOf(this.save, unitName, lang)}
          </div>
          ${field(this.save, lang, { name: n('position'), label: PERSON_TEXT.position, value: p?.position })}
          ${select(n('partyStatus'), PERSON_TEXT.partyStatus, PARTY_STATUSES, PARTY_STATUS_NAMES, p?.partyStatus ?? 'non_member', false)}
          ${field(this.save, lang, { name: n('partyAdmittedOn'), label: PERSON_TEXT.partyAdmittedOn, value: p?.partyAdmittedOn?.split('-').reverse().join('/'), hint: TEXT.dateHint })}
          ${select(n('educationLevel'), PERSON_TEXT.educationLevel, EDUCATION_LEVELS, EDUCATION_LEVEL_NAMES, p?.educationLevel)}
          ${field(this.save, lang, { name: n('phone'), label: PERSON_TEXT.phone, hint: personal, type: 'tel', attrs: { autocomplete: 'off' } })}
          ${field(this.save, lang, { name: n('nationalId'), label: PERSON_TEXT.nationalId, hint: personal, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.save.running}>${this.t(p ? TEXT.save : TEXT.create)}</button>
          ${actionStatus(this.save, lang)}
          ${this.save.code === 'PERSON.STALE' ? html`<button type="button" @click=${() => this.load()}>${this.t(TEXT.stale)}</button>` : nothing}
        </div>
      </form>`;
  }
}

customElements.define('pc-person-form-page', PcPersonFormPage);
