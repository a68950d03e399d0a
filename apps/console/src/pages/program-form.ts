import type { RouterOutputs } from '@polcenter/client';
import {
  CERTIFICATE_KIND_NAMES,
  CERTIFICATE_KINDS,
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVELS,
  formatCertificateNumber,
  type LocalizedText,
  PARTY_STATUS_NAMES,
  PARTY_STATUSES,
  type PartyStatus,
  PROGRAM_ENDING_NAMES,
  PROGRAM_ENDINGS,
  PROGRAM_KINDS,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Action } from '../action.js';
import { actionStatus, fieldErrorOf } from '../form.js';
import { ConsolePage } from '../page.js';
import { draftOf, emptyDraft, type ProgramDraft, toInput } from '../programs/program-draft.js';
import { mayEditProgram, ownerForNewProgram, PROGRAM_FIELD_NAMES } from '../programs/program-rules.js';
import { programStyles } from '../programs/program-styles.js';
import { referenceName } from '../reference-names.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type Program = RouterOutputs['programs']['get'];

const N = PROGRAM_FIELD_NAMES as Record<string, LocalizedText>;
const TEXT = {
  create: { vi: 'Tạo chương trình', en: 'New program' },
  edit: { vi: 'Sửa quy định chương trình', en: 'Edit the program’s rules' },
  back: { vi: 'Về chương trình', en: 'Back to the program' },
  backAll: { vi: 'Tất cả chương trình', en: 'All programs' },
  loading: { vi: 'Đang tải chương trình…', en: 'Loading the program…' },
  refused: {
    vi: 'Bạn không có quyền sửa chương trình này.',
    en: 'You may not edit this program.',
  },
  general: { vi: 'Thông tin chung', en: 'General' },
  owner: { vi: 'Thuộc', en: 'Belongs to' },
  ownerUnit: { vi: 'Đơn vị của bạn', en: 'Your unit' },
  ownerEveryone: { vi: 'Dùng chung cho mọi đơn vị', en: 'Everyone' },
  nameVi: { vi: 'Tên chương trình (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên tiếng Anh (không bắt buộc)', en: 'Name (English, optional)' },
  audienceVi: { vi: 'Đối tượng (tiếng Việt)', en: 'For whom (Vietnamese)' },
  audienceEn: { vi: 'Đối tượng (tiếng Anh, không bắt buộc)', en: 'For whom (English, optional)' },
  codeHint: {
    vi: 'Chữ in hoa và số, ví dụ NTĐ; là tiền tố mã lớp. Không đổi được khi đã có lớp.',
    en: 'Capitals and digits, e.g. NTĐ; the prefix of class codes. Fixed once there are classes.',
  },
  codeFixed: {
    vi: 'Chương trình đã có lớp nên giữ nguyên mã.',
    en: 'The program has classes, so its code stays.',
  },
  daysMin: { vi: 'Số ngày ít nhất', en: 'Fewest days' },
  daysMax: { vi: 'Số ngày nhiều nhất', en: 'Most days' },
  daysHint: {
    vi: 'Để trống: tính theo số tiết, 8 tiết một ngày.',
    en: 'Blank: from the periods, eight a day.',
  },
  who: { vi: 'Điều kiện tham gia', en: 'Who may enrol' },
  partyStatuses: { vi: 'Dành cho (để trống: mọi người)', en: 'For (none ticked: everyone)' },
  minEducation: { vi: 'Trình độ học vấn tối thiểu', en: 'Minimum education' },
  noMinimum: { vi: 'Không yêu cầu', en: 'None required' },
  prerequisites: { vi: 'Cần có giấy chứng nhận của', en: 'Needs the certificate of' },
  repeatable: { vi: 'Được học lại sau khi đã đạt', en: 'May be taken again after passing' },
  assessment: { vi: 'Đánh giá và giấy chứng nhận', en: 'Assessment and certificate' },
  passBy: { vi: 'Cách đánh giá đạt', en: 'Passed by' },
  byScore: { vi: 'Theo điểm', en: 'Score' },
  byAttendance: { vi: 'Theo chuyên cần', en: 'Attendance' },
  minimum: { vi: 'Điểm trung bình tối thiểu', en: 'Minimum mean score' },
  eachAtLeast: { vi: 'Điểm mỗi bài tối thiểu (không bắt buộc)', en: 'Minimum of each paper (optional)' },
  absence: { vi: 'Vắng tối đa (% số tiết)', en: 'Absence limit (% of periods)' },
  absenceHint: {
    vi: 'Vắng quá mức này thì không được dự kiểm tra: kết quả “chưa hoàn thành”.',
    en: 'Above it, no test: the result is “incomplete”.',
  },
  noCertificate: { vi: 'Không cấp', en: 'None' },
  templateHint: {
    vi: '{n} số thứ tự, {n:3} đủ 3 chữ số, {yyyy} hoặc {yy} năm. Ví dụ:',
    en: '{n} the sequence, {n:3} three digits, {yyyy} or {yy} the year. E.g.:',
  },
  scale: { vi: 'Thang xếp loại', en: 'Grading scale' },
  scaleHint: {
    vi: 'Mỗi mức gồm các điểm từ điểm sàn đến dưới điểm sàn của mức trên; phải có một mức từ 0.',
    en: 'A band holds scores from its floor up to the next band’s floor; one band must start at 0.',
  },
  bandCode: { vi: 'Mã mức', en: 'Code' },
  bandMin: { vi: 'Từ điểm', en: 'From' },
  bandVi: { vi: 'Tên mức', en: 'Name (vi)' },
  bandEn: { vi: 'Tên tiếng Anh', en: 'Name (en)' },
  addBand: { vi: 'Thêm mức', en: 'Add a band' },
  removeBand: { vi: 'Bỏ mức', en: 'Remove band' },
  topics: { vi: 'Chuyên đề', en: 'Topics' },
  topicsHint: {
    vi: 'Các buổi học gọi chuyên đề theo số: chuyên đề đã có buổi học thì giữ số, chỉ sửa tên và số tiết.',
    en: 'Sessions name topics by number: a topic with sessions keeps its number; its title and periods may change.',
  },
  number: { vi: 'Số', en: 'No.' },
  titleVi: { vi: 'Tên chuyên đề', en: 'Title (vi)' },
  titleEn: { vi: 'Tên tiếng Anh', en: 'Title (en)' },
  periods: { vi: 'Số tiết', en: 'Periods' },
  order: { vi: 'Thứ tự', en: 'Order' },
  up: { vi: 'Lên', en: 'Up' },
  down: { vi: 'Xuống', en: 'Down' },
  removeTopic: { vi: 'Bỏ', en: 'Remove' },
  inUse: { vi: 'buổi học', en: 'sessions' },
  addTopic: { vi: 'Thêm chuyên đề', en: 'Add a topic' },
  save: { vi: 'Lưu quy định', en: 'Save the rules' },
  saveNew: { vi: 'Tạo chương trình', en: 'Create the program' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  appliesLater: {
    vi: 'Quy định mới chỉ áp dụng cho các lớp mở sau khi lưu (và các lớp còn ở dạng nháp). Các lớp đã mở giữ nguyên quy định khi mở lớp.',
    en: 'The new rules apply only to classes opened after saving (and classes still in draft). Classes already open keep the rules they opened with.',
  },
  confirmTitle: { vi: 'Lưu quy định mới?', en: 'Save the new rules?' },
  confirm: { vi: 'Lưu, áp dụng cho lớp mở sau', en: 'Save, for classes opened from now' },
  cancel: { vi: 'Xem lại', en: 'Go back' },
  reload: {
    vi: 'Tải bản mới nhất (bỏ các thay đổi chưa lưu)',
    en: 'Load the latest version (drops unsaved changes)',
  },
} satisfies Record<string, LocalizedText>;

/**
 * Creating a program (`/programs/new`) or editing its rules (`/programs/:id/edit`): every rule the
 * domain marks configurable, the grading bands as a small table, the topics as an ordered list. The
 * typed form of a new program is kept in `sessionStorage` until it is created, with the request's
 * `Idempotency-Key`: a reload or a double click never creates it twice.
 */
export class PcProgramFormPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, programStyles];
  static override properties = { ...ConsolePage.properties, draft: { state: true } };

  private readonly program = new ApiResource<Program>(this, (p) => {
    this.draft = draftOf(p);
  });
  private readonly programs = new ApiResource<RouterOutputs['programs']['list']>(this);
  private readonly createAction = new Action<Program>(this, { persistAs: 'pc-program-create' });
  private readonly updateAction = new Action<Program>(this);
  declare private draft: ProgramDraft | undefined;
  private address = '';

  private get editing(): boolean {
    return Boolean(this.params.id);
  }

  private get action(): Action<Program> {
    return this.editing ? this.updateAction : this.createAction;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const address = this.params.id ?? 'new';
    if (!changed.has('params') || address === this.address) return;
    this.address = address;
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
    const id = this.params.id;
    if (id) {
      this.draft = undefined;
      this.program.start(({ client, signal }) => client.programs.get.query({ id }, { signal }));
    } else {
      this.draft = restoredDraft() ?? emptyDraft();
    }
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const p = this.program.value;
    const heading = this.t(this.editing ? TEXT.edit : TEXT.create);
    const back = this.editing
      ? html`<p><a href="${BASE}/programs/${this.params.id}">${this.t(TEXT.back)}</a></p>`
      : html`<p><a href="${BASE}/programs">${this.t(TEXT.backAll)}</a></p>`;
    if (this.editing && !p) {
      return html`${back}<h1>${heading}</h1>
        ${
          this.program.failure
            ? html`<p role="alert">${failureText(this.program.failure, lang)}</p>`
            : html`<p role="status">${this.t(TEXT.loading)}</p>`
        }`;
    }
    if (this.editing && p && !mayEditProgram(this.me, p)) {
      return html`${back}<h1>${heading}</h1><p role="alert">${this.t(TEXT.refused)}</p>`;
    }
    const draft = this.draft;
    if (!draft) return html`${back}<h1>${heading}</h1>`;
    return html`${back}<h1>${heading}${p ? ` — ${p.code}` : ''}</h1>
      <form novalidate @input=${this.typed} @change=${this.typed} @submit=${this.submit}>
        ${this.general(draft, p)} ${this.eligibility(draft, p)} ${this.assessment(draft)}
        ${this.scale(draft)} ${this.topicList(draft)}
        ${this.editing ? html`<p class="warning">${this.t(TEXT.appliesLater)}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.action.running}>${this.t(this.editing ? TEXT.save : TEXT.saveNew)}</button>
          ${actionStatus(this.action, lang, { working: TEXT.saving })}
          ${
            // PROGRAM.STALE names the version: someone saved since this form was opened.
            this.editing && this.updateAction.fieldError('version')
              ? html`<button type="button" @click=${this.reload}>${this.t(TEXT.reload)}</button>`
              : nothing
          }
        </div>
      </form>
      ${this.editing ? this.confirmation() : nothing}`;
  }

  // ——— sections ———

  private general(d: ProgramDraft, p: Program | undefined): TemplateResult {
    const lang = this.currentLang;
    const codeFixed = (p?.classCount ?? 0) > 0;
    const owner = this.editing ? p?.ownerUnitId : ownerForNewProgram(this.me);
    return html`<fieldset><legend>${this.t(TEXT.general)}</legend><div class="fields">
      ${this.input('code', N.code as LocalizedText, d.code, {
        hint: codeFixed ? TEXT.codeFixed : TEXT.codeHint,
        readonly: codeFixed,
        autocomplete: 'off',
      })}
      ${this.select(
        'kind',
        N.kind as LocalizedText,
        d.kind,
        PROGRAM_KINDS.map((k) => [k, referenceName('program_kind', k, lang)]),
      )}
      <div class="field"><span class="label">${this.t(TEXT.owner)}</span>
        <span>${this.t(owner ? TEXT.ownerUnit : TEXT.ownerEveryone)}</span></div>
      ${this.input('name', TEXT.nameVi, d.name.vi, { path: 'name.vi', wide: true })}
      ${this.input('name.en', TEXT.nameEn, d.name.en, { wide: true })}
      ${this.input('audience', TEXT.audienceVi, d.audience.vi, { path: 'audience.vi', wide: true })}
      ${this.input('audience.en', TEXT.audienceEn, d.audience.en, { wide: true })}
      ${this.input('days.min', TEXT.daysMin, d.days.min, { type: 'number', min: '1', hint: TEXT.daysHint })}
      ${this.input('days.max', TEXT.daysMax, d.days.max, { type: 'number', min: '1' })}
      ${this.select(
        'endsWith',
        N.endsWith as LocalizedText,
        d.endsWith,
        PROGRAM_ENDINGS.map((e) => [e, PROGRAM_ENDING_NAMES[e][lang]]),
      )}
    </div></fieldset>`;
  }

  private eligibility(d: ProgramDraft, p: Program | undefined): TemplateResult {
    const lang = this.currentLang;
    const others = (this.programs.value ?? []).filter((o) => o.id !== p?.id);
    const e = d.eligibility;
    return html`<fieldset><legend>${this.t(TEXT.who)}</legend>
      <fieldset class="choices"><legend>${this.t(TEXT.partyStatuses)}</legend>
        ${PARTY_STATUSES.map(
          (s) => html`<label class="choice"><input type="checkbox" data-list="eligibility.partyStatuses" value=${s}
            .checked=${e.partyStatuses.includes(s)} />${PARTY_STATUS_NAMES[s][lang]}</label>`,
        )}
        ${fieldErrorOf(this.action, 'eligibility.partyStatuses', lang)}
      </fieldset>
      <div class="fields">
        ${this.select('eligibility.minEducation', TEXT.minEducation, e.minEducation, [
          ['', this.t(TEXT.noMinimum)],
          ...EDUCATION_LEVELS.map((l): [string, string] => [l, EDUCATION_LEVEL_NAMES[l][lang]]),
        ])}
      </div>
      <fieldset class="choices"><legend>${this.t(TEXT.prerequisites)}</legend>
        ${others.map(
          (o) => html`<label class="choice"><input type="checkbox" data-list="eligibility.prerequisites" value=${o.code}
            .checked=${e.prerequisites.includes(o.code)} />${o.name[lang]} (${o.code})</label>`,
        )}
        ${fieldErrorOf(this.action, 'eligibility.prerequisites', lang)}
      </fieldset>
      <label class="choice"><input type="checkbox" data-path="eligibility.repeatable" .checked=${e.repeatable} />
        ${this.t(TEXT.repeatable)}</label>
    </fieldset>`;
  }

  private assessment(d: ProgramDraft): TemplateResult {
    const lang = this.currentLang;
    const example = (() => {
      try {
        return formatCertificateNumber(125, new Date().getFullYear(), d.certificateNumberTemplate);
      } catch {
        return '';
      }
    })();
    return html`<fieldset><legend>${this.t(TEXT.assessment)}</legend><div class="fields">
      ${this.select('passRule.by', TEXT.passBy, d.passRule.by, [
        ['score', this.t(TEXT.byScore)],
        ['attendance', this.t(TEXT.byAttendance)],
      ])}
      ${
        d.passRule.by === 'score'
          ? html`${this.input('passRule.minimum', TEXT.minimum, d.passRule.minimum, { inputmode: 'decimal' })}
            ${this.input('passRule.eachAtLeast', TEXT.eachAtLeast, d.passRule.eachAtLeast, { inputmode: 'decimal' })}`
          : nothing
      }
      ${this.input('maxAbsenceRatio', TEXT.absence, d.absencePercent, {
        path: 'absencePercent',
        inputmode: 'decimal',
        hint: TEXT.absenceHint,
      })}
      ${this.select('certificateKind', N.certificateKind as LocalizedText, d.certificateKind, [
        ['', this.t(TEXT.noCertificate)],
        ...CERTIFICATE_KINDS.map((k): [string, string] => [k, CERTIFICATE_KIND_NAMES[k][lang]]),
      ])}
      ${this.input(
        'certificateNumberTemplate',
        N.certificateNumberTemplate as LocalizedText,
        d.certificateNumberTemplate,
        {
          hint: { vi: `${TEXT.templateHint.vi} ${example}`, en: `${TEXT.templateHint.en} ${example}` },
          autocomplete: 'off',
        },
      )}
    </div></fieldset>`;
  }

  private scale(d: ProgramDraft): TemplateResult {
    const lang = this.currentLang;
    return html`<fieldset><legend>${this.t(TEXT.scale)}</legend>
      <p class="hint" id="scale-hint">${this.t(TEXT.scaleHint)}</p>
      ${fieldErrorOf(this.action, 'gradingScale', lang)}
      <div class="table-wrap"><table class="edit" aria-describedby="scale-hint">
        <thead><tr><th scope="col">${this.t(TEXT.bandVi)}</th><th scope="col">${this.t(TEXT.bandEn)}</th>
          <th scope="col">${this.t(TEXT.bandMin)}</th><th scope="col">${this.t(TEXT.bandCode)}</th><th scope="col"></th></tr></thead>
        <tbody>${d.gradingScale.map(
          (b, i) => html`<tr>
            <td>${this.cell(`gradingScale.${i}.name.vi`, TEXT.bandVi, b.name.vi, i)}</td>
            <td>${this.cell(`gradingScale.${i}.name.en`, TEXT.bandEn, b.name.en, i)}</td>
            <td>${this.cell(`gradingScale.${i}.min`, TEXT.bandMin, b.min, i, { inputmode: 'decimal', size: 4 })}</td>
            <td>${this.cell(`gradingScale.${i}.code`, TEXT.bandCode, b.code, i, { size: 8 })}</td>
            <td><button type="button" @click=${() => this.removeBand(i)} ?disabled=${d.gradingScale.length <= 1}
              aria-label="${this.t(TEXT.removeBand)} ${i + 1}">✕</button></td>
          </tr>`,
        )}</tbody>
      </table></div>
      <button type="button" @click=${this.addBand}>${this.t(TEXT.addBand)}</button>
    </fieldset>`;
  }

  private topicList(d: ProgramDraft): TemplateResult {
    const lang = this.currentLang;
    return html`<fieldset><legend>${this.t(TEXT.topics)}</legend>
      <p class="hint" id="topics-hint">${this.t(TEXT.topicsHint)}</p>
      ${fieldErrorOf(this.action, 'topics', lang)}
      <div class="table-wrap"><table class="edit" aria-describedby="topics-hint">
        <thead><tr><th scope="col">${this.t(TEXT.number)}</th><th scope="col">${this.t(TEXT.titleVi)}</th>
          <th scope="col">${this.t(TEXT.titleEn)}</th><th scope="col">${this.t(TEXT.periods)}</th>
          <th scope="col">${this.t(TEXT.order)}</th></tr></thead>
        <tbody>${d.topics.map((t, i) => {
          const used = t.sessions > 0;
          return html`<tr data-topic=${t.number}>
            <td>${this.cell(`topics.${i}.number`, TEXT.number, t.number, i, { inputmode: 'numeric', size: 3, readonly: used })}
              ${used ? html`<span class="hint">${t.sessions} ${this.t(TEXT.inUse)}</span>` : nothing}</td>
            <td>${this.cell(`topics.${i}.title`, TEXT.titleVi, t.title.vi, i, { path: `topics.${i}.title.vi` })}</td>
            <td>${this.cell(`topics.${i}.title.en`, TEXT.titleEn, t.title.en, i)}</td>
            <td>${this.cell(`topics.${i}.periods`, TEXT.periods, t.periods, i, { inputmode: 'numeric', size: 3 })}</td>
            <td class="row-actions">
              <button type="button" @click=${() => this.moveTopic(i, -1)} ?disabled=${!this.canSwap(i, i - 1)}
                aria-label="${this.t(TEXT.up)} ${i + 1}">↑</button>
              <button type="button" @click=${() => this.moveTopic(i, 1)} ?disabled=${!this.canSwap(i, i + 1)}
                aria-label="${this.t(TEXT.down)} ${i + 1}">↓</button>
              <button type="button" @click=${() => this.removeTopic(i)} ?disabled=${used || d.topics.length <= 1}
                aria-label="${this.t(TEXT.removeTopic)} ${i + 1}">✕</button>
            </td>
          </tr>`;
        })}</tbody>
      </table></div>
      <button type="button" @click=${this.addTopic}>${this.t(TEXT.addTopic)}</button>
    </fieldset>`;
  }

  private confirmation(): TemplateResult {
    return html`<dialog id="confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">${this.t(TEXT.confirmTitle)}</h2>
      <p>${this.t(TEXT.appliesLater)}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${this.confirmed}>${this.t(TEXT.confirm)}</button>
        <button type="button" @click=${() => this.dialog()?.close()}>${this.t(TEXT.cancel)}</button>
      </div>
    </dialog>`;
  }

  // ——— controls ———

  /** A labelled input whose API field is `name` (its refusal shows under it) and draft path `path`. */
  private input(
    name: string,
    label: LocalizedText,
    value: string,
    o: {
      path?: string;
      type?: string;
      min?: string;
      hint?: LocalizedText;
      wide?: boolean;
      readonly?: boolean;
      autocomplete?: string;
      inputmode?: string;
    } = {},
  ): TemplateResult {
    const id = `f-${name.replaceAll('.', '-')}`;
    const error = this.action.fieldError(name);
    const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${o.wide ? 'wide' : ''}">
      <label for=${id}>${this.t(label)}</label>
      <input id=${id} data-path=${o.path ?? name} type=${o.type ?? 'text'} .value=${value} ?readonly=${o.readonly ?? false}
        min=${ifDefined(o.min)} autocomplete=${ifDefined(o.autocomplete)} inputmode=${ifDefined(o.inputmode)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(described || undefined)} />
      ${o.hint ? html`<p class="hint" id="${id}-hint">${this.t(o.hint)}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${error[this.currentLang]}</p>` : nothing}
    </div>`;
  }

  private select(name: string, label: LocalizedText, value: string, options: readonly (readonly [string, string])[]) {
    const id = `f-${name.replaceAll('.', '-')}`;
    const error = this.action.fieldError(name);
    return html`<div class="field">
      <label for=${id}>${this.t(label)}</label>
      <select id=${id} data-path=${name} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${error ? html`<p class="field-error" id="${id}-error">${error[this.currentLang]}</p>` : nothing}
    </div>`;
  }

  /** An input in a table row, named for screen readers by its column and row. */
  private cell(
    name: string,
    column: LocalizedText,
    value: string,
    row: number,
    o: { path?: string; inputmode?: string; size?: number; readonly?: boolean } = {},
  ): TemplateResult {
    const id = `f-${name.replaceAll('.', '-')}`;
    const error = this.action.fieldError(name);
    return html`<input id=${id} data-path=${o.path ?? name} .value=${value} aria-label="${this.t(column)} ${row + 1}"
        inputmode=${ifDefined(o.inputmode)} size=${ifDefined(o.size)} ?readonly=${o.readonly ?? false}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)} />
      ${error ? html`<p class="field-error" id="${id}-error">${error[this.currentLang]}</p>` : nothing}`;
  }

  private readonly reload = (): void => {
    const id = this.params.id;
    if (!id) return;
    this.updateAction.reset();
    this.program.start(({ client, signal }) => client.programs.get.query({ id }, { signal }));
  };

  // ——— the draft ———

  private readonly typed = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (!this.draft) return;
    const draft = structuredClone(this.draft);
    const list = target.dataset.list;
    if (list && target instanceof HTMLInputElement) {
      const values = pathGet(draft, list) as string[];
      const next = target.checked ? [...new Set([...values, target.value])] : values.filter((v) => v !== target.value);
      pathSet(draft, list, list.endsWith('partyStatuses') ? (next as PartyStatus[]) : next);
    } else if (target.dataset.path) {
      const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
      pathSet(draft, target.dataset.path, value);
    } else return;
    this.draft = draft;
    if (!this.editing) keepDraft(draft);
  };

  private change(edit: (draft: ProgramDraft) => void): void {
    if (!this.draft) return;
    const draft = structuredClone(this.draft);
    edit(draft);
    this.draft = draft;
    if (!this.editing) keepDraft(draft);
  }

  private readonly addBand = () =>
    this.change((d) => d.gradingScale.push({ code: '', min: '', name: { vi: '', en: '' } }));

  private removeBand(index: number): void {
    this.change((d) => d.gradingScale.splice(index, 1));
  }

  private readonly addTopic = () =>
    this.change((d) => {
      const highest = Math.max(0, ...d.topics.map((t) => Number(t.number) || 0));
      d.topics.push({ number: String(highest + 1), title: { vi: '', en: '' }, periods: '4', sessions: 0 });
    });

  private removeTopic(index: number): void {
    this.change((d) => d.topics.splice(index, 1));
  }

  /** Two topics trade places (and numbers) only while no session names either. */
  private canSwap(a: number, b: number): boolean {
    const topics = this.draft?.topics ?? [];
    const x = topics[a];
    const y = topics[b];
    return Boolean(x && y && x.sessions === 0 && y.sessions === 0);
  }

  private moveTopic(index: number, by: -1 | 1): void {
    if (!this.canSwap(index, index + by)) return;
    this.change((d) => {
      const a = d.topics[index] as ProgramDraft['topics'][number];
      const b = d.topics[index + by] as ProgramDraft['topics'][number];
      [a.number, b.number] = [b.number, a.number];
      d.topics[index] = b;
      d.topics[index + by] = a;
    });
  }

  // ——— saving ———

  private dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog#confirm');
  }

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.editing) this.dialog()?.showModal();
    else void this.save();
  };

  private readonly confirmed = (): void => {
    this.dialog()?.close();
    void this.save();
  };

  private async save(): Promise<void> {
    if (!this.draft) return;
    const rules = toInput(this.draft);
    if (this.editing) {
      const p = this.program.value;
      if (!p) return;
      const input = { ...rules, id: p.id, expectedVersion: p.version };
      const saved = await this.updateAction.run(input, (client) => client.programs.update.mutate(input));
      if (saved) this.navigate(`/programs/${saved.id}?saved=updated`);
    } else {
      const input = { ...rules, ownerUnitId: ownerForNewProgram(this.me) };
      const created = await this.createAction.run(input, (client) => client.programs.create.mutate(input));
      if (created) {
        forgetDraft();
        this.navigate(`/programs/${created.id}?saved=created`);
      }
    }
  }
}

const DRAFT_KEY = 'pc-program-create-draft';

/** The new program's form as typed, kept for a reload until it is created. */
function keepDraft(draft: ProgramDraft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage refused: the form still works, a reload starts afresh.
  }
}

function restoredDraft(): ProgramDraft | undefined {
  try {
    const stored = sessionStorage.getItem(DRAFT_KEY);
    return stored ? { ...emptyDraft(), ...(JSON.parse(stored) as Partial<ProgramDraft>) } : undefined;
  } catch {
    return undefined;
  }
}

function forgetDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing kept
  }
}

function pathGet(target: object, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], target);
}

function pathSet(target: object, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], target);
  (parent as Record<string, unknown>)[last] = value;
}

customElements.define('pc-program-form-page', PcProgramFormPage);
