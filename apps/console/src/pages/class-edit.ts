import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import { CLASS_MODE_NAMES, CLASS_MODES, type ClassMode, isClassEditable } from '@polcenter/domain';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { classFields, numberOf, type SiteRow, sitesEditor, sitesInput } from '../class-form.js';
import { ClassPage, type ClassView } from '../class-page.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { number } from '../i18n.js';

type Updated = RouterOutputs['classes']['update'];
type Update = RouterInputs['classes']['update'];

const TEXT = {
  heading: { vi: 'Sửa thông tin lớp', en: 'Edit the class' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  fixed: (program: string, organiser: string) => ({
    vi: `Chương trình ${program} · ${organiser} (không đổi được sau khi mở lớp).`,
    en: `Program ${program} · ${organiser} (fixed once the class exists).`,
  }),
  code: { vi: 'Mã lớp', en: 'Class code' },
  codeHint: {
    vi: 'MÃ-SỐ/NĂM; mã lớp và hình thức học chỉ sửa được khi chưa có ai ghi danh.',
    en: 'CODE-NUMBER/YEAR; the code and the mode change only while nobody is enrolled.',
  },
  mode: { vi: 'Hình thức học', en: 'Mode' },
  taken: (n: number, lang: 'vi' | 'en') =>
    lang === 'vi'
      ? `Đã duyệt ${number(n, lang)} học viên: số chỗ không được nhỏ hơn số này.`
      : `${number(n, lang)} trainees approved: the capacity cannot go below that.`,
  locked: (status: string) => ({
    vi: `Lớp đang ở trạng thái "${status}"; không thể sửa thông tin lớp.`,
    en: `The class is "${status}"; it can no longer be edited.`,
  }),
  save: { vi: 'Lưu thay đổi', en: 'Save changes' },
  working: { vi: 'Đang lưu…', en: 'Saving…' },
  done: { vi: 'Đã lưu thay đổi.', en: 'Changes saved.' },
  reload: { vi: 'Tải lại thông tin mới nhất', en: 'Load the latest version' },
};

/**
 * Editing a planned or running class: title, dates, venue, online link and sites, capacity,
 * enrolment window. Made on the version shown (a change someone saved meanwhile is refused, with a
 * way to reload); a capacity under the approved count is refused with the reason under the field.
 */
export class PcClassEditPage extends ClassPage {
  static override properties = { ...ClassPage.properties, sites: { state: true }, mode: { state: true } };

  private readonly save = new Action<Updated>(this);
  declare private sites: SiteRow[];
  /** The mode chosen in the form: which of venue, link and sites it shows. */
  declare private mode: ClassMode;
  /** The class version the sites' editor was filled from. */
  private sitesOf = 0;

  constructor() {
    super();
    this.sites = [];
    this.mode = 'in_person';
  }

  protected override openClass(_id: string): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const cls = this.cls.value;
    if (cls && cls.version !== this.sitesOf) {
      this.sitesOf = cls.version;
      this.sites = cls.sites.map((s) => ({ id: s.id, name: s.name, unitId: s.unitId }));
      this.mode = cls.mode;
    }
  }

  private async submit(event: SubmitEvent, cls: ClassView): Promise<void> {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const mode = this.mode;
    const input = {
      classId: cls.id,
      expectedVersion: cls.version,
      // Sent only when changed: once people are enrolled the API refuses any change of either.
      ...(v.code !== undefined && v.code !== cls.code ? { code: v.code } : {}),
      ...(mode !== cls.mode ? { mode } : {}),
      title: v.title ?? null,
      startDate: v.startDate ?? '',
      endDate: v.endDate ?? '',
      capacity: numberOf(v.capacity),
      enrolmentOpensOn: v.enrolmentOpensOn ?? null,
      enrolmentClosesOn: v.enrolmentClosesOn ?? null,
      ...(mode !== 'online' ? { venue: v.venue ?? null } : {}),
      ...(mode !== 'in_person' ? { onlineLink: v.onlineLink ?? null, sites: sitesInput(this.sites) } : {}),
      ...(mode === 'in_person' && cls.sites.length > 0 ? { sites: [] } : {}),
    } as Update;
    if (await this.save.run(input, (client) => client.classes.update.mutate(input))) this.reloadClass();
  }

  override render(): TemplateResult {
    const cls = this.cls.value;
    return this.classPage(
      TEXT.heading,
      () => html`${cls ? this.renderForm(cls) : html`<p role="status">${this.t(TEXT.loading)}</p>`}`,
    );
  }

  private renderForm(cls: ClassView): TemplateResult {
    const lang = this.currentLang;
    if (!isClassEditable(cls.status)) return html`<p class="warning">${this.t(TEXT.locked(cls.statusName[lang]))}</p>`;
    const stale = this.save.failure?.fields.some((f) => f.field === 'version');
    return html`<p class="muted">${this.t(TEXT.fixed(cls.program.code, cls.organiser.name))}</p>
      ${cls.seatsTaken > 0 ? html`<p class="hint">${TEXT.taken(cls.seatsTaken, lang)}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.submit(e, cls)} @input=${() => this.save.state === 'done' && this.save.reset()}>
        <div class="fields">
          ${field(this.save, lang, { name: 'code', label: TEXT.code, value: cls.code, required: true, hint: TEXT.codeHint })}
          <div class="field">
            <label for="f-mode">${this.t(TEXT.mode)}</label>
            <select id="f-mode" name="mode" aria-invalid=${this.save.fieldError('mode') ? 'true' : 'false'}
              aria-describedby=${this.save.fieldError('mode') ? 'f-mode-error' : nothing}
              @change=${(e: Event) => {
                this.mode = (e.target as HTMLSelectElement).value as ClassMode;
              }}>
              ${CLASS_MODES.map((m) => html`<option value=${m} ?selected=${this.mode === m}>${CLASS_MODE_NAMES[m][lang]}</option>`)}
            </select>
            ${fieldErrorOf(this.save, 'mode', lang)}
          </div>
          ${classFields(this.save, lang, cls, { mode: this.mode })}
          ${
            this.mode === 'in_person'
              ? nothing
              : sitesEditor(this, this.save, this.sites, (sites) => {
                  this.sites = sites;
                })
          }
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.save.running}>${this.t(TEXT.save)}</button>
          ${actionStatus(this.save, lang, { working: TEXT.working, done: TEXT.done })}
          ${
            stale
              ? html`<button type="button" @click=${() => {
                  this.save.reset();
                  this.reloadClass();
                }}>${this.t(TEXT.reload)}</button>`
              : nothing
          }
        </div>
      </form>`;
  }
}

customElements.define('pc-class-edit-page', PcClassEditPage);
