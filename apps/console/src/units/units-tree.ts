import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date } from '../i18n.js';
import { ConsolePage } from '../page.js';
import '../export-buttons.js';

const BASE = '/console';

type Unit = RouterOutputs['units']['list'][number];
type Level = RouterOutputs['reference']['list'][number];

const TEXT = {
  heading: { vi: 'Đơn vị', en: 'Units' },
  at: { vi: 'Cây đơn vị tại ngày', en: 'The tree on' },
  show: { vi: 'Xem', en: 'Show' },
  loading: { vi: 'Đang tải cây đơn vị…', en: 'Loading the unit tree…' },
  none: { vi: 'Chưa có đơn vị nào có hiệu lực vào ngày này.', en: 'No unit was valid on that day.' },
  summary: (n: number, date: string): LocalizedText => ({
    vi: `${n} đơn vị có hiệu lực ngày ${date}.`,
    en: `${n} units valid on ${date}.`,
  }),
  below: (n: number): LocalizedText => ({ vi: `${n} đơn vị trực thuộc`, en: `${n} units below` }),
  create: { vi: 'Tạo đơn vị', en: 'New unit' },
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },
  level: { vi: 'Cấp', en: 'Level' },
  parent: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  topLevel: { vi: '(Không có — cấp cao nhất)', en: '(None — top level)' },
  validFrom: { vi: 'Có hiệu lực từ', en: 'Valid from' },
  created: { vi: 'Đã tạo đơn vị.', en: 'Unit created.' },
  submit: { vi: 'Tạo', en: 'Create' },
  badDate: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' },
};

const today = () => new Date().toISOString().slice(0, 10);
const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The unit tree at a date (today unless the address says `?at=`): each unit under the parent it had
 * then, with its level, code and validity, each a link to its page; villages folded under their
 * commune. Administrators create units here (the other changes are on a unit's page).
 */
export class PcUnitsPage extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      ul.tree,
      ul.tree ul {
        list-style: none;
        padding-left: 1rem;
        margin: 0.25rem 0;
      }
      ul.tree {
        padding-left: 0;
      }
      ul.tree li {
        margin: 0.2rem 0;
      }
      .level {
        color: var(--pc-muted, #555);
        font-size: 0.9em;
      }
      summary {
        cursor: pointer;
      }
    `,
  ];
  static override properties = { ...ConsolePage.properties, at: { state: true } };
  private readonly units = new ApiResource<Unit[]>(this);
  private readonly levels = new ApiResource<Level[]>(this);
  private readonly create = new Action<Unit>(this);
  declare private at: string;

  constructor() {
    super();
    const asked = new URLSearchParams(location.search).get('at') ?? '';
    this.at = isIsoDate(asked) ? asked : today();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.levels.start(({ client, signal }) => client.reference.list.query({ list: 'unit_level' }, { signal }));
    this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('at' as keyof PcUnitsPage) && changed.get('at' as keyof PcUnitsPage) !== undefined) this.load();
  }

  private load(): void {
    const at = this.at;
    this.units.start(({ client, signal }) => client.units.list.query({ at }, { signal }));
  }

  private show(event: SubmitEvent): void {
    event.preventDefault();
    const value = formValues(event.currentTarget as HTMLFormElement).at ?? '';
    if (!isIsoDate(value)) return;
    history.replaceState(history.state, '', `${location.pathname}?at=${value}`);
    this.at = value;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = {
      code: v.code ?? '',
      name: v.name ?? '',
      level: v.level ?? '',
      parentId: v.parentId ?? null,
      validFrom: v.validFrom ?? null,
    };
    const created = await this.create.run(input, (client) => client.units.create.mutate(input));
    if (!created) return;
    form.reset();
    this.load();
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <pc-export-buttons list="units" .filter=${{ at: this.at }}></pc-export-buttons>
      <form class="toolbar" @submit=${(e: SubmitEvent) => this.show(e)}>
        <div class="field">
          <label for="tree-at">${this.t(TEXT.at)}</label>
          <input id="tree-at" name="at" type="date" required .value=${this.at} />
        </div>
        <button type="submit">${this.t(TEXT.show)}</button>
      </form>
      ${
        stateOf(this.units, lang, () => placeholder(this.t(TEXT.loading), html`${bones(8)}`)) ??
        this.tree(this.units.value ?? [])
      }
      ${this.can('admin') ? this.createForm(this.units.value ?? []) : nothing}`;
  }

  private tree(units: readonly Unit[]): TemplateResult {
    if (units.length === 0) return html`<p role="status">${this.t(TEXT.none)}</p>`;
    const ids = new Set(units.map((u) => u.id));
    const children = new Map<string | null, Unit[]>();
    for (const unit of units) {
      // A unit whose parent is not valid that day is shown at the top, not lost.
      const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), unit]);
    }
    const lang = this.currentLang;
    const item = (unit: Unit): TemplateResult => {
      const below = children.get(unit.id) ?? [];
      const label = html`<a href="${BASE}/units/${unit.id}">${unit.name}</a>
        <span class="level">· ${unit.levelName[lang]} · ${unit.code}</span>`;
      if (below.length === 0) return html`<li data-code=${unit.code}>${label}</li>`;
      // Villages (units with nothing below them) fold under their commune; the upper levels stay open.
      const leaves = below.every((b) => !children.has(b.id));
      return html`<li data-code=${unit.code}>
        ${label}
        ${
          leaves
            ? html`<details>
                <summary>${this.t(TEXT.below(below.length))}</summary>
                <ul>${below.map(item)}</ul>
              </details>`
            : html`<ul>${below.map(item)}</ul>`
        }
      </li>`;
    };
    return html`<p role="status">${this.t(TEXT.summary(units.length, date(this.at)))}</p>
      <ul class="tree">${(children.get(null) ?? []).map(item)}</ul>`;
  }

  private createForm(units: readonly Unit[]): TemplateResult {
    const lang = this.currentLang;
    const levels = this.levels.value ?? [];
    return html`<section class="panel" aria-labelledby="create-h">
      <h2 id="create-h">${this.t(TEXT.create)}</h2>
      <form @submit=${(e: SubmitEvent) => this.submit(e)}>
        <div class="fields">
          ${field(this.create, lang, { name: 'code', label: TEXT.code, required: true })}
          ${field(this.create, lang, { name: 'name', label: TEXT.name, required: true, wide: true })}
          <div class="field">
            <label for="f-level">${this.t(TEXT.level)}</label>
            <select id="f-level" name="level" required>
              ${levels.map((l) => html`<option value=${l.code}>${l.name[lang]}</option>`)}
            </select>
            ${fieldErrorOf(this.create, 'level', lang)}
          </div>
          <div class="field">
            <label for="f-parentId">${this.t(TEXT.parent)}</label>
            <select id="f-parentId" name="parentId">
              <option value="">${this.t(TEXT.topLevel)}</option>
              ${units.map((u) => html`<option value=${u.id}>${u.name} (${u.code})</option>`)}
            </select>
            ${fieldErrorOf(this.create, 'parentId', lang)}
          </div>
          ${field(this.create, lang, { name: 'validFrom', label: TEXT.validFrom, type: 'date' })}
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.create.running}>${this.t(TEXT.submit)}</button>
          ${actionStatus(this.create, lang, { done: TEXT.created })}
        </div>
      </form>
    </section>`;
  }
}

customElements.define('pc-units-page', PcUnitsPage);
