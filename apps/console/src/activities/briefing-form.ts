import type { RouterOutputs } from '@polcenter/client';
import {
  type AudienceGroup,
  BRIEFING_MODE_NAMES,
  BRIEFING_MODES,
  type BriefingMode,
  ETHNICITIES,
  type Ethnicity,
  GENDER_NAMES,
  GENDERS,
  type Gender,
  ORAL_PROPAGANDA_DIRECTIVE,
} from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { shownDate } from '../class-form.js';
import { actionStatus, field, fieldErrorOf } from '../form.js';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { referenceName } from '../reference-names.js';
import {
  activityStyles,
  BASE,
  LOGGERS,
  loadState,
  PeopleSearch,
  pickedPeople,
  type UnitChoice,
  unitChoices,
  unitOptions,
} from './shared.js';

type Briefing = RouterOutputs['activities']['briefing'];

const TEXT = {
  newHeading: { vi: 'Ghi buổi tuyên truyền miệng', en: 'Record a briefing' },
  editHeading: { vi: 'Sửa buổi tuyên truyền miệng', en: 'Edit a briefing' },
  back: { vi: '← Danh sách buổi tuyên truyền', en: '← Briefings' },
  date: { vi: 'Ngày tổ chức', en: 'Date' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  unit: { vi: 'Thôn, bản, tổ dân phố (đơn vị)', en: 'Village (unit)' },
  pickUnit: { vi: '— Chọn đơn vị —', en: '— Pick a unit —' },
  place: { vi: 'Địa điểm cụ thể', en: 'Place' },
  placeHint: { vi: 'ví dụ: Nhà văn hoá thôn Bản Cuôn', en: 'e.g. the village hall of Bản Cuôn' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  resolution: { vi: 'Nghị quyết, văn bản được giới thiệu', en: 'Resolution explained' },
  directive: { vi: 'Thực hiện theo chỉ thị', en: 'Under the directive' },
  directiveHint: { vi: 'Chỉ thị 17-CT/TW về công tác tuyên truyền miệng', en: 'Directive 17-CT/TW on oral propaganda' },
  mode: { vi: 'Hình thức', en: 'Format' },
  presenters: { vi: 'Báo cáo viên, tuyên truyền viên', en: 'Rapporteurs' },
  noPresenters: { vi: 'Chưa chọn ai.', en: 'Nobody picked yet.' },
  findPresenter: {
    vi: 'Tìm báo cáo viên theo tên (không cần dấu)',
    en: 'Find a rapporteur by name (diacritics optional)',
  },
  audience: { vi: 'Người nghe theo dân tộc và giới tính', en: 'Audience by people and gender' },
  audienceHint: {
    vi: 'Ghi số người của từng dân tộc theo nam, nữ; ô để trống là không có. Tổng số được cộng từ các ô.',
    en: 'The number of each people by men and women; a blank cell is none. The total is their sum.',
  },
  people: { vi: 'Dân tộc', en: 'People' },
  cell: (ethnicity: string, gender: string) => ({
    vi: `Số người ${ethnicity}, ${gender.toLowerCase()}`,
    en: `${ethnicity}, ${gender.toLowerCase()}`,
  }),
  sum: { vi: 'Cộng theo dân tộc và giới tính', en: 'Sum by people and gender' },
  audienceSize: {
    vi: 'Tổng số người nghe (khi không chia theo dân tộc)',
    en: 'Audience size (when not counted by people)',
  },
  note: { vi: 'Ghi chú', en: 'Note' },
  save: { vi: 'Lưu buổi tuyên truyền', en: 'Save the briefing' },
  saved: { vi: 'Đã lưu buổi tuyên truyền.', en: 'Briefing saved.' },
  reload: { vi: 'Tải bản mới nhất', en: 'Load the latest version' },
  another: { vi: 'Ghi buổi khác', en: 'Record another' },
};

/**
 * Records a briefing, or corrects one (`/briefings/:id/edit`, on the version read): date, village
 * and place, topic, resolution and directive, the rapporteurs (found by name), and the audience
 * as a grid of peoples by men and women whose sum is the total — or a total alone when it was not
 * counted so. Every refusal is shown under its field, in the reader's language.
 */
export class PcBriefingFormPage extends ConsolePage {
  static override properties = { ...ConsolePage.properties, presenters: { state: true }, counts: { state: true } };
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly save = new Action<Briefing>(this, { persistAs: 'pc-briefing-new' });
  private readonly existing = new ApiResource<Briefing>(this, (b) => this.fill(b));
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly search = new PeopleSearch(this, 'presenter');
  declare private presenters: { id: string; fullName: string }[];
  /** The grid as typed, `tay/female` → "21". */
  declare private counts: Record<string, string>;

  constructor() {
    super();
    this.presenters = [];
    this.counts = {};
  }

  private get editing(): string | undefined {
    return this.params.id;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.units.start(({ signal }) => unitChoices(this, signal, LOGGERS));
    if (this.editing) this.loadExisting();
  }

  private loadExisting(): void {
    const id = this.editing as string;
    this.existing.start(({ client, signal }) => client.activities.briefing.query({ id }, { signal }));
  }

  private fill(b: Briefing): void {
    this.presenters = b.presenters.map((p) => ({ id: p.personId, fullName: p.fullName }));
    this.counts = Object.fromEntries(b.audience.map((g) => [`${g.ethnicity}/${g.gender}`, String(g.count)]));
  }

  private audience(): AudienceGroup[] {
    const groups: AudienceGroup[] = [];
    for (const ethnicity of ETHNICITIES)
      for (const gender of GENDERS) {
        const typed = (this.counts[`${ethnicity}/${gender}`] ?? '').trim();
        if (typed !== '') groups.push({ ethnicity, gender, count: Number(typed) });
      }
    return groups;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = new FormData(form);
    const text = (name: string) => ((values.get(name) as string | null) ?? '').trim();
    const optional = (name: string) => text(name) || null;
    const size = text('audienceSize');
    const input = {
      date: text('date'),
      unitId: text('unitId'),
      place: optional('place'),
      topic: text('topic'),
      resolution: optional('resolution'),
      directive: optional('directive'),
      mode: text('mode') as BriefingMode,
      note: optional('note'),
      audience: this.audience(),
      ...(size !== '' ? { audienceSize: Number(size) } : {}),
      presenterIds: this.presenters.map((p) => p.id),
    };
    const existing = this.existing.value;
    if (existing) {
      const saved = await this.save.run({ ...input, id: existing.id, version: existing.version }, (client) =>
        client.activities.updateBriefing.mutate({ ...input, id: existing.id, version: existing.version }),
      );
      if (saved) {
        this.existing.value = saved;
        this.fill(saved);
      }
    } else {
      await this.save.run(input, (client) => client.activities.recordBriefing.mutate(input));
    }
  }

  override render(): TemplateResult {
    const editing = this.editing;
    const heading = html`<p><a href="${BASE}/briefings">${this.t(TEXT.back)}</a></p>
      <h1>${this.t(editing ? TEXT.editHeading : TEXT.newHeading)}</h1>`;
    if (editing && !this.existing.value) return html`${heading}${loadState(this, this.existing)}`;
    if (!editing && this.save.state === 'done' && this.save.result) {
      const b = this.save.result;
      return html`${heading}
        <p role="status" class="success">${this.t(TEXT.saved)} ${date(b.date)} · ${b.unitName} · ${b.topic} ·
          ${number(b.audienceSize, this.currentLang)}</p>
        <div class="actions">
          <a href="${BASE}/briefings/${b.id}/edit">${this.t(TEXT.editHeading)}</a>
          <button type="button" @click=${() => this.startOver()}>${this.t(TEXT.another)}</button>
        </div>`;
    }
    return html`${heading}${this.renderForm(this.existing.value)}`;
  }

  private startOver(): void {
    this.presenters = [];
    this.counts = {};
    this.save.reset();
  }

  private renderForm(b: Briefing | undefined): TemplateResult {
    const lang = this.currentLang;
    const action = this.save;
    const unitError = action.fieldError('unitId');
    return html`<form novalidate @submit=${this.onSubmit} @input=${() => (action.state === 'done' ? action.reset() : undefined)}>
      <div class="fields">
        ${field(action, lang, {
          name: 'date',
          label: TEXT.date,
          value: shownDate(b?.date),
          required: true,
          hint: TEXT.dateHint,
          attrs: { autocomplete: 'off', inputmode: 'numeric' },
        })}
        <div class="field">
          <label for="f-unitId">${this.t(TEXT.unit)}</label>
          <select id="f-unitId" name="unitId" required aria-invalid=${unitError ? 'true' : 'false'}
            aria-describedby=${unitError ? 'f-unitId-error' : nothing}>
            <option value="">${this.t(TEXT.pickUnit)}</option>
            ${unitOptions(this.units.value, b?.unitId)}
          </select>
          ${fieldErrorOf(action, 'unitId', lang)}
        </div>
        ${field(action, lang, { name: 'place', label: TEXT.place, value: b?.place, hint: TEXT.placeHint })}
        ${field(action, lang, { name: 'topic', label: TEXT.topic, value: b?.topic, required: true, wide: true })}
        ${field(action, lang, { name: 'resolution', label: TEXT.resolution, value: b?.resolution, wide: true })}
        ${field(action, lang, {
          name: 'directive',
          label: TEXT.directive,
          value: b ? b.directive : ORAL_PROPAGANDA_DIRECTIVE,
          hint: TEXT.directiveHint,
        })}
        <div class="field">
          <label for="f-mode">${this.t(TEXT.mode)}</label>
          <select id="f-mode" name="mode">
            ${BRIEFING_MODES.map((m) => html`<option value=${m} ?selected=${(b?.mode ?? 'in_person') === m}>${BRIEFING_MODE_NAMES[m][lang]}</option>`)}
          </select>
        </div>
        <fieldset class="field wide">
          <legend>${this.t(TEXT.presenters)}</legend>
          ${pickedPeople(this, this.presenters, (id) => (this.presenters = this.presenters.filter((p) => p.id !== id)), TEXT.noPresenters)}
          ${fieldErrorOf(action, 'presenterIds', lang)}
          ${this.search.render(
            TEXT.findPresenter,
            this.presenters.map((p) => p.id),
            (p) => {
              this.presenters = [...this.presenters, { id: p.id, fullName: p.fullName }];
            },
          )}
        </fieldset>
        ${this.renderAudience()}
        ${field(action, lang, {
          name: 'audienceSize',
          label: TEXT.audienceSize,
          type: 'number',
          value: b && b.audience.length === 0 ? b.audienceSize : undefined,
          attrs: { min: '0', step: '1', inputmode: 'numeric' },
        })}
        <div class="field wide">
          <label for="f-note">${this.t(TEXT.note)}</label>
          <textarea id="f-note" name="note" rows="2" .value=${b?.note ?? ''}></textarea>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${action.running}>${this.t(TEXT.save)}</button>
        ${actionStatus(action, lang, { done: TEXT.saved })}
        ${
          action.code === 'ACTIVITY.STALE'
            ? html`<button type="button" @click=${() => this.loadExisting()}>${this.t(TEXT.reload)}</button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private renderAudience(): TemplateResult {
    const lang = this.currentLang;
    const sum = this.audience().reduce((total, g) => total + (Number.isFinite(g.count) ? g.count : 0), 0);
    const cell = (ethnicity: Ethnicity, gender: Gender) => {
      const key = `${ethnicity}/${gender}`;
      return html`<td><input type="number" min="0" step="1" inputmode="numeric" class="count"
        aria-label=${this.t(TEXT.cell(referenceName('ethnicity', ethnicity, lang), GENDER_NAMES[gender][lang]))}
        .value=${this.counts[key] ?? ''}
        @input=${(e: Event) => {
          this.counts = { ...this.counts, [key]: (e.target as HTMLInputElement).value };
        }} /></td>`;
    };
    return html`<fieldset class="field wide">
      <legend>${this.t(TEXT.audience)}</legend>
      <p class="hint" id="audience-hint">${this.t(TEXT.audienceHint)}</p>
      <div class="table-wrap grid-table" tabindex="0" role="region" aria-label=${this.t(TEXT.audience)}>
        <table aria-describedby="audience-hint">
          <thead>
            <tr>
              <th scope="col">${this.t(TEXT.people)}</th>
              ${GENDERS.map((g) => html`<th scope="col">${GENDER_NAMES[g][lang]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${ETHNICITIES.map(
              (e) => html`<tr>
                <th scope="row">${referenceName('ethnicity', e, lang)}</th>
                ${GENDERS.map((g) => cell(e, g))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p role="status" aria-live="polite"><strong>${this.t(TEXT.sum)}:</strong> <output>${number(sum, lang)}</output></p>
      ${fieldErrorOf(this.save, 'audience', lang)}
    </fieldset>`;
  }
}

customElements.define('pc-briefing-form-page', PcBriefingFormPage);
