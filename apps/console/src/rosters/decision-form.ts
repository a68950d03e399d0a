import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import {
  EXPERTISE_FIELDS,
  type ExpertiseField,
  type LocalizedText,
  ROSTER_DECISION_KIND_NAMES,
  ROSTER_DECISION_KINDS,
  type RosterDecisionKind,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { referenceName } from '../reference-names.js';
import { rosterStyles } from './roster-styles.js';
import { BASE, fieldNames, ROSTER_KEEPERS, type RosterView, rosterTitle, todayIso } from './roster-words.js';

type Decision = RouterOutputs['rosters']['decisions'][number];
type DecisionInput = RouterInputs['rosters']['recordDecision'];
type RosterAt = RouterOutputs['rosters']['at'];
type PeoplePage = RouterOutputs['people']['search'];

/** One person on the decision being typed. */
interface Line {
  readonly personId: string;
  readonly fullName: string;
  readonly unitName: string | null;
  fields: ExpertiseField[];
  position: string;
  toRosterId: string;
}

const TEXT = {
  heading: { vi: 'Nhập quyết định', en: 'Record a decision' },
  back: { vi: 'Về danh sách', en: 'Back to the roster' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  kind: { vi: 'Loại quyết định', en: 'Kind of decision' },
  number: { vi: 'Số quyết định', en: 'Decision number' },
  numberHint: { vi: 'ví dụ 156-QĐ/HU', en: 'e.g. 156-QĐ/HU' },
  date: { vi: 'Ngày hiệu lực', en: 'Takes effect on' },
  dateHint: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  note: { vi: 'Ghi chú', en: 'Note' },
  annuls: { vi: 'Quyết định bị hủy', en: 'Decision annulled' },
  pickDecision: { vi: '— chọn quyết định —', en: '— pick a decision —' },
  people: { vi: 'Người trong quyết định', en: 'People in the decision' },
  noPeople: { vi: 'Chưa chọn ai.', en: 'Nobody picked yet.' },
  search: { vi: 'Tìm người theo tên (không cần dấu)', en: 'Search people by name (diacritics optional)' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  found: { vi: 'Kết quả tìm', en: 'Found' },
  nobodyFound: { vi: 'Không tìm thấy ai.', en: 'Nobody found.' },
  members: { vi: 'Thành viên hiện nay', en: 'Members now' },
  pick: { vi: 'Chọn', en: 'Pick' },
  picked: { vi: 'Đã chọn', en: 'Picked' },
  unpick: { vi: 'Bỏ', en: 'Remove' },
  fieldsOf: (name: string): LocalizedText => ({ vi: `Lĩnh vực của ${name}`, en: `Fields of ${name}` }),
  positionOf: (name: string): LocalizedText => ({ vi: `Chức vụ của ${name}`, en: `Position of ${name}` }),
  toRosterOf: (name: string): LocalizedText => ({ vi: `Chuyển ${name} sang`, en: `Move ${name} to` }),
  pickRoster: { vi: '— chọn danh sách —', en: '— pick a roster —' },
  save: { vi: 'Ghi quyết định', en: 'Record the decision' },
  saving: { vi: 'Đang ghi…', en: 'Recording…' },
  establishNote: {
    vi: 'Quyết định thành lập thay toàn bộ danh sách: ai không có tên sẽ ra khỏi danh sách từ ngày hiệu lực.',
    en: 'An establishing decision sets the whole roster: anyone not listed leaves it from its date.',
  },
};

/** Whether a kind's lines join the roster (they carry fields and a position). */
const joins = (kind: RosterDecisionKind) => kind === 'establish' || kind === 'add' || kind === 'reappoint';

/**
 * A decision entered as it was signed: its kind, number, date and signer, and the people it names
 * — found by name without diacritics (people to add) or picked among the members (people to
 * remove or transfer) — each with their fields of expertise and position; or the decision an
 * annulment cancels. The API checks it against the roster on its date and names the field at fault.
 */
export class PcDecisionFormPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  static override properties = { ...ConsolePage.properties, kind: { state: true }, lines: { state: true } };

  private readonly roster = new ApiResource<RosterView>(this);
  private readonly decisions = new ApiResource<Decision[]>(this);
  private readonly members = new ApiResource<RosterAt>(this);
  private readonly all = new ApiResource<RosterView[]>(this);
  private readonly people = new ApiResource<PeoplePage>(this);
  private readonly save = new Action<Decision>(this);
  declare private kind: RosterDecisionKind;
  declare private lines: Line[];
  private readonly annulTarget: string;
  private address = '';

  constructor() {
    super();
    this.annulTarget = new URL(location.href).searchParams.get('annul') ?? '';
    this.kind = this.annulTarget ? 'annul' : 'add';
    this.lines = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.params.id;
    if (changed.has('params') && id && id !== this.address) {
      this.address = id;
      this.roster.start(({ client, signal }) => client.rosters.get.query({ id }, { signal }));
      this.decisions.start(({ client, signal }) => client.rosters.decisions.query({ id }, { signal }));
      this.members.start(({ client, signal }) =>
        client.rosters.at.query({ rosterId: id, date: todayIso() }, { signal }),
      );
      this.all.start(({ client, signal }) => client.rosters.list.query({}, { signal }));
    }
  }

  private searchPeople(event: SubmitEvent): void {
    event.preventDefault();
    const query = (new FormData(event.currentTarget as HTMLFormElement).get('query') as string | null) ?? '';
    this.people.start(({ client, signal }) => client.people.search.query({ query, limit: 20 }, { signal }));
  }

  private pick(
    person: { personId: string; fullName: string; unitName: string | null },
    fields: readonly ExpertiseField[] = [],
    position = '',
  ): void {
    if (this.lines.some((l) => l.personId === person.personId)) return;
    this.lines = [...this.lines, { ...person, fields: [...fields], position, toRosterId: '' }];
    this.save.reset();
  }

  private unpick(personId: string): void {
    this.lines = this.lines.filter((l) => l.personId !== personId);
    this.save.reset();
  }

  private input(form: HTMLFormElement): DecisionInput {
    const values = formValues(form);
    const kind = this.kind;
    const base = {
      rosterId: this.params.id as string,
      number: values.number ?? '',
      date: values.date ?? '',
      signer: values.signer ?? '',
      kind,
      note: values.note ?? null,
    };
    if (kind === 'annul') return { ...base, annulsDecisionId: values.annulsDecisionId ?? null, items: [] };
    return {
      ...base,
      items: this.lines.map((l) =>
        kind === 'remove'
          ? { personId: l.personId }
          : {
              personId: l.personId,
              fields: l.fields,
              position: l.position.trim() || null,
              ...(kind === 'transfer' ? { toRosterId: l.toRosterId || null } : {}),
            },
      ),
    };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.input(event.currentTarget as HTMLFormElement);
    const saved = await this.save.run(input, (client) => client.rosters.recordDecision.mutate(input));
    if (saved) this.navigate(`/rosters/${saved.rosterId}?date=${saved.date}&saved=decision`);
  }

  override render(): TemplateResult {
    const roster = this.roster.value;
    const lang = this.currentLang;
    if (!roster) {
      return html`<h1>${this.t(TEXT.heading)}</h1>${
        this.roster.failure
          ? html`<p role="alert">${failureText(this.roster.failure, lang)}</p>`
          : html`<p role="status">${this.t(TEXT.loading)}</p>`
      }`;
    }
    const kind = this.kind;
    return html`<p><a href="${BASE}/rosters/${roster.id}">${this.t(TEXT.back)}</a></p>
      <h1>${this.t(TEXT.heading)}</h1>
      <p>${rosterTitle(roster, lang)}</p>
      <form id="decision" @submit=${(e: SubmitEvent) => this.submit(e)}
        @input=${() => this.save.state === 'failed' && this.save.reset()}>
        <div class="fields">
          <div class="field">
            <label for="f-kind">${this.t(TEXT.kind)}</label>
            <select id="f-kind" name="kind" @change=${(e: Event) => {
              this.kind = (e.target as HTMLSelectElement).value as RosterDecisionKind;
              this.save.reset();
            }}>
              ${ROSTER_DECISION_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${ROSTER_DECISION_KIND_NAMES[k][lang]}</option>`)}
            </select>
          </div>
          ${field(this.save, lang, { name: 'number', label: TEXT.number, hint: TEXT.numberHint, required: true, attrs: { autocomplete: 'off' } })}
          ${field(this.save, lang, { name: 'date', label: TEXT.date, hint: TEXT.dateHint, required: true, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
          ${field(this.save, lang, { name: 'signer', label: TEXT.signer, required: true })}
          ${kind === 'annul' ? this.annulSelect() : nothing}
          ${field(this.save, lang, { name: 'note', label: TEXT.note, wide: true })}
        </div>
        ${kind === 'establish' ? html`<p class="warning">${this.t(TEXT.establishNote)}</p>` : nothing}
        ${kind === 'annul' ? nothing : this.renderLines()}
      </form>
      ${kind === 'annul' ? nothing : this.renderPicker(roster)}
      <div class="actions">
        <button type="submit" form="decision" class="primary" ?disabled=${this.save.running}>${this.t(TEXT.save)}</button>
        ${actionStatus(this.save, lang, { working: TEXT.saving })}
      </div>`;
  }

  private annulSelect(): TemplateResult {
    const lang = this.currentLang;
    const open = (this.decisions.value ?? []).filter((d) => d.kind !== 'annul' && !d.annulledBy);
    const error = this.save.fieldError('annulsDecisionId');
    return html`<div class="field">
      <label for="f-annulsDecisionId">${this.t(TEXT.annuls)}</label>
      <select id="f-annulsDecisionId" name="annulsDecisionId" aria-invalid=${error ? 'true' : 'false'} aria-describedby="f-annulsDecisionId-error">
        <option value="">${this.t(TEXT.pickDecision)}</option>
        ${open.map(
          (d) =>
            html`<option value=${d.id} ?selected=${d.id === this.annulTarget}>${d.number} · ${date(d.date)} · ${ROSTER_DECISION_KIND_NAMES[d.kind][lang]}</option>`,
        )}
      </select>
      ${fieldErrorOf(this.save, 'annulsDecisionId', lang)}
    </div>`;
  }

  private renderLines(): TemplateResult {
    const lang = this.currentLang;
    const kind = this.kind;
    const targets = (this.all.value ?? []).filter(
      (r) => r.id !== this.params.id && this.can(ROSTER_KEEPERS, r.ownerUnitId),
    );
    // Only the list's own reason here (each line's reasons are under the line).
    const listError = this.save.failure?.fields.find((f) => f.field === 'items')?.message;
    return html`<h2 id="lines-h">${this.t(TEXT.people)}</h2>
      ${listError ? html`<p class="field-error" id="f-items-error">${listError[lang]}</p>` : nothing}
      ${
        this.lines.length === 0
          ? html`<p>${this.t(TEXT.noPeople)}</p>`
          : this.lines.map((line, i) => {
              const at = (n: string) => `items.${i}.${n}`;
              const personError = this.save.fieldError(at('personId'));
              return html`<fieldset data-line=${line.personId}>
                <legend>${line.fullName}${line.unitName ? html` <span class="muted">· ${line.unitName}</span>` : nothing}</legend>
                ${personError ? html`<p class="field-error" role="alert">${personError[lang]}</p>` : nothing}
                ${
                  joins(kind) || kind === 'transfer'
                    ? html`<fieldset aria-describedby="f-items-${i}-fields-error">
                        <legend>${this.t(TEXT.fieldsOf(line.fullName))}</legend>
                        ${EXPERTISE_FIELDS.map(
                          (f) => html`<label class="choice"><input type="checkbox" .checked=${line.fields.includes(f)}
                            @change=${(e: Event) => {
                              const on = (e.target as HTMLInputElement).checked;
                              line.fields = on ? [...line.fields, f] : line.fields.filter((x) => x !== f);
                              this.save.reset();
                            }} />${referenceName('expertise_field', f, lang)}</label>`,
                        )}
                        ${fieldErrorOf(this.save, at('fields'), lang)}
                      </fieldset>
                      <div class="field">
                        <label for="f-items-${i}-position">${this.t(TEXT.positionOf(line.fullName))}</label>
                        <input id="f-items-${i}-position" .value=${line.position}
                          @input=${(e: Event) => {
                            line.position = (e.target as HTMLInputElement).value;
                          }} />
                      </div>`
                    : nothing
                }
                ${
                  kind === 'transfer'
                    ? html`<div class="field">
                        <label for="f-items-${i}-toRosterId">${this.t(TEXT.toRosterOf(line.fullName))}</label>
                        <select id="f-items-${i}-toRosterId" aria-describedby="f-items-${i}-toRosterId-error"
                          aria-invalid=${this.save.fieldError(at('toRosterId')) ? 'true' : 'false'}
                          @change=${(e: Event) => {
                            line.toRosterId = (e.target as HTMLSelectElement).value;
                            this.save.reset();
                          }}>
                          <option value="">${this.t(TEXT.pickRoster)}</option>
                          ${targets.map((r) => html`<option value=${r.id} ?selected=${r.id === line.toRosterId}>${rosterTitle(r, lang)}</option>`)}
                        </select>
                        ${fieldErrorOf(this.save, at('toRosterId'), lang)}
                      </div>`
                    : nothing
                }
                <p><button type="button" aria-label="${this.t(TEXT.unpick)} ${line.fullName}" @click=${() => this.unpick(line.personId)}>${this.t(TEXT.unpick)}</button></p>
              </fieldset>`;
            })
      }`;
  }

  /** People to add are searched for; people to remove or transfer are picked among the members. */
  private renderPicker(roster: RosterView): TemplateResult {
    const lang = this.currentLang;
    const picked = new Set(this.lines.map((l) => l.personId));
    const button = (p: { personId: string; fullName: string }, pick: () => void) =>
      picked.has(p.personId)
        ? html`<span class="muted">${this.t(TEXT.picked)}</span>`
        : html`<button type="button" aria-label="${this.t(TEXT.pick)} ${p.fullName}" @click=${pick}>${this.t(TEXT.pick)}</button>`;
    if (!joins(this.kind)) {
      const at = this.members.value;
      return html`<section class="panel" aria-labelledby="members-h">
        <h2 id="members-h">${this.t(TEXT.members)} (${roster.ownerUnitName})</h2>
        ${
          !at
            ? this.members.failure
              ? html`<p role="alert">${failureText(this.members.failure, lang)}</p>`
              : html`<p role="status">${this.t(TEXT.loading)}</p>`
            : html`<ul class="people">${at.members.map(
                (m) => html`<li><span>${m.fullName} <span class="muted">· ${fieldNames(m.fields, lang)}</span></span>
                  ${button(m, () => this.pick(m, m.fields, m.position ?? ''))}</li>`,
              )}</ul>`
        }
      </section>`;
    }
    const found = this.people.value;
    return html`<section class="panel" aria-labelledby="search-h">
      <h2 id="search-h">${this.t(TEXT.found)}</h2>
      <form class="toolbar" @submit=${(e: SubmitEvent) => this.searchPeople(e)}>
        <div class="field">
          <label for="f-query">${this.t(TEXT.search)}</label>
          <input id="f-query" name="query" type="search" autocomplete="off" />
        </div>
        <button type="submit">${this.t(TEXT.searchButton)}</button>
      </form>
      ${
        found
          ? found.items.length === 0
            ? html`<p role="status">${this.t(TEXT.nobodyFound)}</p>`
            : html`<ul class="people">${found.items.map(
                (
                  p,
                ) => html`<li><span>${p.fullName}${p.unitName ? html` <span class="muted">· ${p.unitName}</span>` : nothing}</span>
                  ${button({ personId: p.id, fullName: p.fullName }, () => this.pick({ personId: p.id, fullName: p.fullName, unitName: p.unitName ?? null }))}</li>`,
              )}</ul>`
          : this.people.failure
            ? html`<p role="alert">${failureText(this.people.failure, lang)}</p>`
            : nothing
      }
    </section>`;
  }
}

customElements.define('pc-decision-form-page', PcDecisionFormPage);
