import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import { CLASS_MODE_NAMES, isClassEditable } from '@polcenter/domain';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { classFields, numberOf, type SiteRow, sitesEditor, sitesInput } from '../class-form.js';
import { ClassPage, type ClassView } from '../class-page.js';
import { actionStatus, formValues } from '../form.js';
import { number } from '../i18n.js';

type Updated = RouterOutputs['classes']['update'];
type Update = RouterInputs['classes']['update'];

const TEXT = {
  heading: { vi: 'Sửa thông tin lớp', en: 'Edit the class' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  fixed: (program: string, mode: string, organiser: string) => ({
    vi: `Chương trình ${program} · ${mode} · ${organiser} (không đổi được sau khi mở lớp).`,
    en: `Program ${program} · ${mode} · ${organiser} (fixed once the class exists).`,
  }),
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
  static override properties = { ...ClassPage.properties, sites: { state: true } };

  private readonly save = new Action<Updated>(this);
  declare private sites: SiteRow[];
  /** The class version the sites' editor was filled from. */
  private sitesOf = 0;

  constructor() {
    super();
    this.sites = [];
  }

  protected override openClass(_id: string): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const cls = this.cls.value;
    if (cls && cls.version !== this.sitesOf) {
      this.sitesOf = cls.version;
      this.sites = cls.sites.map((s) => ({ id: s.id, name: s.name, unitId: s.unitId }));
    }
  }

  private async submit(event: SubmitEvent, cls: ClassView): Promise<void> {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const input = {
      classId: cls.id,
      expectedVersion: cls.version,
      title: v.title ?? null,
      startDate: v.startDate ?? '',
      endDate: v.endDate ?? '',
      capacity: numberOf(v.capacity),
      enrolmentOpensOn: v.enrolmentOpensOn ?? null,
      enrolmentClosesOn: v.enrolmentClosesOn ?? null,
      ...(cls.mode !== 'online' ? { venue: v.venue ?? null } : {}),
      ...(cls.mode !== 'in_person' ? { onlineLink: v.onlineLink ?? null, sites: sitesInput(this.sites) } : {}),
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
    return html`<p class="muted">${this.t(TEXT.fixed(cls.program.code, CLASS_MODE_NAMES[cls.mode][lang], cls.organiser.name))}</p>
      ${cls.seatsTaken > 0 ? html`<p class="hint">${TEXT.taken(cls.seatsTaken, lang)}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.submit(e, cls)} @input=${() => this.save.state === 'done' && this.save.reset()}>
        <div class="fields">
          ${classFields(this.save, lang, cls, { mode: cls.mode })}
          ${
            cls.mode === 'in_person'
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
