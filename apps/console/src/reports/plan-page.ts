import type { RouterOutputs } from '@polcenter/client';
import { type LocalizedText, PLAN_MEASURE_NAMES, PLAN_MEASURES, type PlanMeasure } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { activityStyles, loadState, type UnitChoice, unitChoices } from '../activities/shared.js';
import { numberOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { RowCorrection } from '../row-correction.js';
import { PLANNERS, REPORT_READERS, refusal, reportLinks, reportStyles, unitSelect } from './shared.js';

type Target = RouterOutputs['reports']['plan'][number];
type Program = RouterOutputs['programs']['list'][number];

const PER_PROGRAM: readonly PlanMeasure[] = ['classes', 'trainees'];

const TEXT = {
  heading: { vi: 'Chỉ tiêu kế hoạch năm', en: 'Year plan targets' },
  choose: { vi: 'Chọn năm và đơn vị', en: 'Choose the year and unit' },
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  list: (year: number, unit: string): LocalizedText => ({
    vi: `Chỉ tiêu năm ${year} — ${unit}`,
    en: `Targets for ${year} — ${unit}`,
  }),
  none: { vi: 'Đơn vị chưa có chỉ tiêu nào cho năm này.', en: 'No target set for this year yet.' },
  measure: { vi: 'Chỉ tiêu', en: 'Measure' },
  program: { vi: 'Chương trình', en: 'Program' },
  allPrograms: { vi: 'Mọi chương trình', en: 'Every program' },
  target: { vi: 'Kế hoạch', en: 'Target' },
  edit: { vi: 'Sửa', en: 'Correct' },
  editOf: (what: string): LocalizedText => ({ vi: `Sửa chỉ tiêu ${what}`, en: `Correct the target ${what}` }),
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  latest: { vi: 'Tải bản mới nhất', en: 'Load the latest version' },
  add: { vi: 'Giao chỉ tiêu mới', en: 'Set a new target' },
  addButton: { vi: 'Giao chỉ tiêu', en: 'Set the target' },
  programHint: {
    vi: 'Chỉ số lớp và số học viên mới giao theo từng chương trình; để trống là chỉ tiêu chung cho mọi chương trình.',
    en: 'Only classes and trainees are set per program; leave it empty for every program together.',
  },
  targetHint: { vi: 'Số nguyên từ 0 trở lên.', en: 'A whole number, 0 or more.' },
  readOnly: {
    vi: 'Chỉ cán bộ Trung tâm Chính trị và Ban Tuyên giáo của đơn vị (hoặc cấp trên) mới giao và sửa chỉ tiêu.',
    en: 'Only the unit’s (or a unit above’s) political center and propaganda department set and correct targets.',
  },
  added: { vi: 'Đã giao chỉ tiêu.', en: 'Target set.' },
};

/** Targets in the order of the plan's measures (classes, trainees, briefings…), then by program code. */
const byMeasure = (a: Target, b: Target) =>
  PLAN_MEASURES.indexOf(a.measure) - PLAN_MEASURES.indexOf(b.measure) ||
  (a.programCode ?? '').localeCompare(b.programCode ?? '');

/**
 * `/reports/plan`: a unit's targets for a year (`reports.plan`) — classes and trainees per program
 * or in all, briefings, audience, conferences, and each kind of propaganda output — set
 * (`reports.setTarget`) and corrected on the version read (`reports.updateTarget`; a stale one is
 * refused with the API's sentence and a button that loads the latest). Reports show % of these.
 */
export class PcPlanPage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    measure: { state: true },
  };
  static override styles = [...ConsolePage.styles, activityStyles, reportStyles];

  private readonly targets = new ApiResource<Target[]>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly programs = new ApiResource<Program[]>(this);
  private readonly addAction = new Action<Target>(this);
  private readonly correction = new RowCorrection<Target>(this, this.targets, () => {
    const unitId = this.unitId;
    const year = this.year;
    return unitId ? ({ client, signal }) => client.reports.plan.query({ unitId, year }, { signal }) : undefined;
  });
  declare private measure: PlanMeasure;
  private year = new Date().getFullYear();
  private unitId: string | undefined;

  constructor() {
    super();
    this.measure = 'classes';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const query = new URLSearchParams(location.search);
    const year = Number(query.get('year') ?? query.get('from')?.slice(0, 4));
    if (year >= 1945 && year <= 2200) this.year = year;
    this.unitId = query.get('unitId') || undefined;
    if (!this.can(REPORT_READERS)) return;
    this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
    this.loadUnits();
  }

  /** The units of the year's end; with none in the address, the person's first. Then the targets. */
  private loadUnits(): void {
    this.units.start(
      async ({ signal }) => {
        const units = await unitChoices(this, signal, REPORT_READERS, `${this.year}-12-31`);
        this.unitId ??= units[0]?.id;
        this.load();
        return units;
      },
      { keep: true },
    );
  }

  private load(): void {
    this.correction.reload();
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const year = numberOf(v.year);
    if (year && Number.isInteger(year)) this.year = year;
    this.unitId = v.unitId || this.unitId;
    this.correction.close();
    this.addAction.reset();
    history.replaceState(history.state, '', `${location.pathname}?year=${this.year}&unitId=${this.unitId ?? ''}`);
    this.loadUnits();
  }

  private async onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const measure = (v.measure ?? 'classes') as PlanMeasure;
    const input = {
      unitId: this.unitId ?? '',
      year: this.year,
      measure,
      ...(v.programId && PER_PROGRAM.includes(measure) ? { programId: v.programId } : {}),
      // Typed text, not a number: left empty or not a number, the API says so under the field.
      target: (numberOf(v.target) ?? v.target) as number,
    };
    if (await this.addAction.run(input, (client) => client.reports.setTarget.mutate(input))) {
      form.reset();
      this.measure = 'classes';
      this.load();
    }
  }

  private async onEdit(event: SubmitEvent, target: Target): Promise<void> {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const input = {
      id: target.id,
      expectedVersion: target.version,
      target: (numberOf(v.target) ?? v.target) as number,
    };
    if (await this.correction.save(input, (client) => client.reports.updateTarget.mutate(input))) this.load();
  }

  private what(t: Target): string {
    const lang = this.currentLang;
    return `${PLAN_MEASURE_NAMES[t.measure][lang]} — ${t.programName ? t.programName[lang] : this.t(TEXT.allPrograms)}`;
  }

  override render(): TemplateResult {
    if (!this.can(REPORT_READERS)) return refusal(this, TEXT.heading);
    const unitName = this.units.value?.find((u) => u.id === this.unitId)?.name ?? '';
    const mayPlan = !!this.unitId && this.can(PLANNERS, this.unitId);
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${reportLinks(this, 'plan', this.unitId ? `?from=${this.year}-01-01&to=${this.year}-12-31&unitId=${this.unitId}` : '')}
      <form aria-label=${this.t(TEXT.choose)} novalidate @submit=${this.onFilter}>
        <div class="fields">
          ${field(undefined, this.currentLang, { name: 'year', label: TEXT.year, value: this.year, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
          ${unitSelect(this, this.units.value, this.unitId)}
        </div>
        <div class="actions"><button type="submit">${this.t(TEXT.show)}</button></div>
      </form>
      <h2>${this.t(TEXT.list(this.year, unitName))}</h2>
      ${this.targets.failure || !this.targets.value ? loadState(this, this.targets.failure ? this.targets : this.units) : this.renderList(this.targets.value, mayPlan)}
      ${this.correction.editing && mayPlan ? this.renderEdit(this.correction.editing) : nothing}
      ${mayPlan ? (this.correction.editing ? nothing : this.renderAdd()) : html`<p class="muted">${this.t(TEXT.readOnly)}</p>`}`;
  }

  private renderList(targets: readonly Target[], mayPlan: boolean): TemplateResult {
    const lang = this.currentLang;
    if (targets.length === 0) return html`<p data-empty>${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}>
      <table data-table="targets">
        <thead><tr>
          <th scope="col">${this.t(TEXT.measure)}</th>
          <th scope="col">${this.t(TEXT.program)}</th>
          <th scope="col" class="num">${this.t(TEXT.target)}</th>
          ${mayPlan ? html`<th scope="col"><span class="visually-hidden">${this.t(TEXT.edit)}</span></th>` : nothing}
        </tr></thead>
        <tbody>
          ${[...targets].sort(byMeasure).map(
            (t) => html`<tr data-target=${t.id}>
              <th scope="row">${PLAN_MEASURE_NAMES[t.measure][lang]}</th>
              <td>${
                t.programName
                  ? html`${t.programName[lang]} <span class="muted">(${t.programCode})</span>`
                  : PER_PROGRAM.includes(t.measure)
                    ? html`<span class="muted">${this.t(TEXT.allPrograms)}</span>`
                    : '—'
              }</td>
              <td class="num">${number(t.target, lang)}</td>
              ${
                mayPlan
                  ? html`<td><button type="button" aria-label=${this.t(TEXT.editOf(this.what(t)))} @click=${() => this.correction.open(t, '#f-target')}>${this.t(TEXT.edit)}</button></td>`
                  : nothing
              }
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderEdit(t: Target): TemplateResult {
    const lang = this.currentLang;
    const a = this.correction.action;
    return html`<form aria-labelledby="h-edit" novalidate @submit=${(e: SubmitEvent) => this.onEdit(e, t)}>
      <h2 id="h-edit">${this.t(TEXT.editOf(this.what(t)))}</h2>
      <div class="fields">
        ${field(a, lang, { name: 'target', label: TEXT.target, value: t.target, hint: TEXT.targetHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${a.running}>${this.t(TEXT.save)}</button>
        ${this.correction.cancelButton(TEXT.cancel)}
        ${this.correction.latestButton('PLAN.STALE', TEXT.latest)}
        ${actionStatus(a, lang)}
      </div>
    </form>`;
  }

  private renderAdd(): TemplateResult {
    const lang = this.currentLang;
    const a = this.addAction;
    const perProgram = PER_PROGRAM.includes(this.measure);
    const measureError = a.fieldError('measure');
    const programError = a.fieldError('programId');
    return html`<form aria-labelledby="h-add" novalidate @submit=${this.onAdd}>
      <h2 id="h-add">${this.t(TEXT.add)}</h2>
      <div class="fields">
        <div class="field">
          <label for="f-measure">${this.t(TEXT.measure)}</label>
          <select id="f-measure" name="measure" aria-invalid=${measureError ? 'true' : 'false'}
            @change=${(e: Event) => {
              this.measure = (e.target as HTMLSelectElement).value as PlanMeasure;
            }}>
            ${PLAN_MEASURES.map((m) => html`<option value=${m} ?selected=${m === this.measure}>${PLAN_MEASURE_NAMES[m][lang]}</option>`)}
          </select>
          ${fieldErrorOf(a, 'measure', lang)}
        </div>
        ${
          perProgram
            ? html`<div class="field">
                <label for="f-programId">${this.t(TEXT.program)}</label>
                <select id="f-programId" name="programId" aria-describedby="f-programId-hint" aria-invalid=${programError ? 'true' : 'false'}>
                  <option value="">${this.t(TEXT.allPrograms)}</option>
                  ${(this.programs.value ?? []).map((p) => html`<option value=${p.id}>${p.code} — ${p.name[lang]}</option>`)}
                </select>
                <p class="hint" id="f-programId-hint">${this.t(TEXT.programHint)}</p>
                ${fieldErrorOf(a, 'programId', lang)}
              </div>`
            : nothing
        }
        ${field(a, lang, { name: 'target', label: TEXT.target, hint: TEXT.targetHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
      </div>
      ${a.fieldError('unitId') ? html`<p class="field-error">${a.fieldError('unitId')?.[lang]}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${a.running}>${this.t(TEXT.addButton)}</button>
        ${actionStatus(a, lang, { done: TEXT.added })}
      </div>
    </form>`;
  }
}

customElements.define('pc-plan-page', PcPlanPage);
