import type { RouterOutputs } from '@polcenter/client';
import { checkDate, type LocalizedText, ROSTER_DECISION_KIND_NAMES, type RosterChange } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { rosterStyles } from './roster-styles.js';
import {
  BASE,
  fieldNames,
  levelName,
  ROSTER_KEEPERS,
  type RosterView,
  rosterTitle,
  TERM_WORD,
  termOf,
  todayIso,
} from './roster-words.js';
import '../export-buttons.js';

type RosterAt = RouterOutputs['rosters']['at'];
type Decision = RouterOutputs['rosters']['decisions'][number];

const CHANGE_NAMES: Record<RosterChange, LocalizedText> = {
  add: { vi: 'bổ sung', en: 'added' },
  remove: { vi: 'thôi tham gia', en: 'removed' },
  transfer: { vi: 'điều chuyển', en: 'transferred' },
  reappoint: { vi: 'công nhận lại', en: 're-appointed' },
};

const TEXT = {
  heading: { vi: 'Danh sách báo cáo viên', en: 'Rapporteur roster' },
  back: { vi: 'Tất cả danh sách', en: 'All rosters' },
  loading: { vi: 'Đang tải danh sách…', en: 'Loading the roster…' },
  level: { vi: 'Cấp', en: 'Level' },
  owner: { vi: 'Đơn vị', en: 'Unit' },
  version: { vi: 'Phiên bản', en: 'Version' },
  atDate: { vi: 'Danh sách tại ngày', en: 'The roster on' },
  dateHint: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  show: { vi: 'Xem', en: 'Show' },
  members: (n: string, on: string): LocalizedText => ({
    vi: `Thành viên ngày ${on}: ${n} người`,
    en: `Members on ${on}: ${n}`,
  }),
  noMembers: { vi: 'Ngày này danh sách chưa có ai.', en: 'Nobody is on the roster on this day.' },
  name: { vi: 'Họ và tên', en: 'Name' },
  unit: { vi: 'Đơn vị công tác', en: 'Unit' },
  fields: { vi: 'Lĩnh vực', en: 'Fields' },
  position: { vi: 'Chức vụ', en: 'Position' },
  since: { vi: 'Tham gia từ', en: 'Since' },
  byDecision: { vi: 'Theo quyết định', en: 'By decision' },
  history: { vi: 'Các quyết định', en: 'Decisions' },
  noDecisions: { vi: 'Chưa có quyết định nào.', en: 'No decision recorded yet.' },
  number: { vi: 'Số', en: 'Number' },
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại', en: 'Kind' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  people: { vi: 'Người', en: 'People' },
  annulledBy: (n: string, on: string): LocalizedText => ({
    vi: `Đã bị hủy bởi quyết định ${n} ngày ${on}`,
    en: `Annulled by decision ${n} of ${on}`,
  }),
  annulsWhich: (n: string): LocalizedText => ({ vi: `Hủy quyết định ${n}`, en: `Annuls decision ${n}` }),
  annul: { vi: 'Hủy quyết định này', en: 'Annul this decision' },
  record: { vi: 'Nhập quyết định', en: 'Record a decision' },
  edit: { vi: 'Sửa thông tin danh sách', en: 'Correct the roster' },
  to: { vi: 'sang', en: 'to' },
  savedDecision: { vi: 'Đã ghi quyết định.', en: 'Decision recorded.' },
  savedRoster: { vi: 'Đã lưu thông tin danh sách.', en: 'Roster saved.' },
};

/**
 * One roster: who is on it at a chosen date (today unless the address says `?date=`), derived
 * from its decisions, and every decision in the order they apply, annulled ones marked. The
 * propaganda staff of its unit record decisions and annul them from here.
 */
export class PcRosterPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  static override properties = { ...ConsolePage.properties, on: { state: true }, dateError: { state: true } };

  private readonly roster = new ApiResource<RosterView>(this);
  private readonly at = new ApiResource<RosterAt>(this);
  private readonly decisions = new ApiResource<Decision[]>(this);
  private readonly all = new ApiResource<RosterView[]>(this);
  declare private on: string;
  declare private dateError: LocalizedText | undefined;
  private address = '';

  constructor() {
    super();
    const asked = checkDate(new URL(location.href).searchParams.get('date') ?? '');
    this.on = asked.ok ? asked.value : todayIso();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.params.id;
    if (changed.has('params') && id && id !== this.address) {
      this.address = id;
      this.roster.start(({ client, signal }) => client.rosters.get.query({ id }, { signal }));
      this.decisions.start(({ client, signal }) => client.rosters.decisions.query({ id }, { signal }));
      this.all.start(({ client, signal }) => client.rosters.list.query({}, { signal }));
      this.loadAt();
    }
  }

  private loadAt(): void {
    const rosterId = this.params.id as string;
    const on = this.on;
    this.at.start(({ client, signal }) => client.rosters.at.query({ rosterId, date: on }, { signal }), { keep: true });
  }

  private showDate(event: SubmitEvent): void {
    event.preventDefault();
    const typed = (new FormData(event.currentTarget as HTMLFormElement).get('date') as string | null) ?? '';
    const checked = checkDate(typed);
    if (!checked.ok) {
      this.dateError = checked.message;
      return;
    }
    this.dateError = undefined;
    this.on = checked.value;
    const url = new URL(location.href);
    url.searchParams.set('date', checked.value);
    url.searchParams.delete('saved');
    history.replaceState(history.state, '', `${url.pathname}${url.search}`);
    this.loadAt();
  }

  override render(): TemplateResult {
    const roster = this.roster.value;
    const lang = this.currentLang;
    const saved = new URL(location.href).searchParams.get('saved');
    return html`<p><a href="${BASE}/rosters">${this.t(TEXT.back)}</a></p>
      ${
        roster
          ? html`<h1>${roster.name ?? levelName(roster.level, lang)}</h1>
              ${
                saved
                  ? html`<p class="success" role="status">${this.t(saved === 'roster' ? TEXT.savedRoster : TEXT.savedDecision)}</p>`
                  : nothing
              }
              <dl class="facts">
                <dt>${this.t(TEXT.level)}</dt><dd>${levelName(roster.level, lang)}</dd>
                <dt>${this.t(TEXT.owner)}</dt><dd>${roster.ownerUnitName}</dd>
                <dt>${this.t(TERM_WORD)}</dt><dd>${termOf(roster)}</dd>
              </dl>
              ${
                this.can(ROSTER_KEEPERS, roster.ownerUnitId)
                  ? html`<p class="toolbar">
                      <a class="button" href="${BASE}/rosters/${roster.id}/decisions/new">${this.t(TEXT.record)}</a>
                      <a class="button" href="${BASE}/rosters/${roster.id}/edit">${this.t(TEXT.edit)}</a>
                    </p>`
                  : nothing
              }
              ${this.members()} ${this.history(roster)}`
          : html`<h1>${this.t(TEXT.heading)}</h1>${
              this.roster.failure
                ? html`<p role="alert">${failureText(this.roster.failure, lang)}</p>`
                : html`<p role="status">${this.t(TEXT.loading)}</p>`
            }`
      }`;
  }

  private members(): TemplateResult {
    const lang = this.currentLang;
    const at = this.at.value;
    const error = this.dateError;
    return html`<form class="toolbar" @submit=${(e: SubmitEvent) => this.showDate(e)}>
        <div class="field">
          <label for="f-date">${this.t(TEXT.atDate)}</label>
          <input id="f-date" name="date" .value=${date(this.on)} inputmode="numeric" autocomplete="off"
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'f-date-hint f-date-error' : 'f-date-hint'} />
          <p class="hint" id="f-date-hint">${this.t(TEXT.dateHint)}</p>
          ${error ? html`<p class="field-error" id="f-date-error">${error[lang]}</p>` : nothing}
        </div>
        <button type="submit">${this.t(TEXT.show)}</button>
      </form>
      ${
        this.at.failure
          ? html`<p role="alert">${failureText(this.at.failure, lang)}</p>`
          : !at
            ? html`<p role="status">${this.t(TEXT.loading)}</p>`
            : html`<h2 id="members-h">${this.t(TEXT.members(number(at.members.length, lang), date(at.date)))}</h2>
              <pc-export-buttons list="rosterMembers" .filter=${{ rosterId: at.roster.id, date: at.date }}></pc-export-buttons>
              ${
                at.members.length === 0
                  ? html`<p>${this.t(TEXT.noMembers)}</p>`
                  : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="members-h"><table class="members">
                      <thead><tr>
                        <th scope="col">${this.t(TEXT.name)}</th><th scope="col">${this.t(TEXT.unit)}</th>
                        <th scope="col">${this.t(TEXT.fields)}</th><th scope="col">${this.t(TEXT.position)}</th>
                        <th scope="col">${this.t(TEXT.since)}</th><th scope="col">${this.t(TEXT.byDecision)}</th>
                      </tr></thead>
                      <tbody>${at.members.map(
                        (m) => html`<tr data-person=${m.personId}>
                          <td><a href="${BASE}/rapporteurs/${m.personId}">${m.fullName}</a></td>
                          <td>${m.unitName ?? ''}</td><td>${fieldNames(m.fields, lang)}</td><td>${m.position ?? ''}</td>
                          <td>${date(m.since)}</td><td>${m.decisionNumber}</td>
                        </tr>`,
                      )}</tbody>
                    </table></div>`
              }`
      }`;
  }

  private history(roster: RosterView): TemplateResult {
    const lang = this.currentLang;
    const decisions = this.decisions.value;
    if (!decisions) {
      return this.decisions.failure
        ? html`<p role="alert">${failureText(this.decisions.failure, lang)}</p>`
        : html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    const titles = new Map((this.all.value ?? []).map((r) => [r.id, rosterTitle(r, lang)]));
    const numbers = new Map(decisions.map((d) => [d.id, d.number]));
    const mayAnnul = this.can(ROSTER_KEEPERS, roster.ownerUnitId);
    return html`<h2 id="history-h">${this.t(TEXT.history)}</h2>
      ${
        decisions.length === 0
          ? html`<p>${this.t(TEXT.noDecisions)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-h"><table class="decisions">
              <thead><tr>
                <th scope="col">${this.t(TEXT.date)}</th><th scope="col">${this.t(TEXT.number)}</th>
                <th scope="col">${this.t(TEXT.kind)}</th><th scope="col">${this.t(TEXT.signer)}</th>
                <th scope="col">${this.t(TEXT.people)}</th>
              </tr></thead>
              <tbody>${decisions.map(
                (d) => html`<tr data-decision=${d.number} class=${d.annulledBy ? 'is-annulled' : ''}>
                  <td>${date(d.date)}</td>
                  <td><span class=${d.annulledBy ? 'annulled' : ''}>${d.number}</span></td>
                  <td>${ROSTER_DECISION_KIND_NAMES[d.kind][lang]}
                    ${d.annulledBy ? html`<p class="muted">${this.t(TEXT.annulledBy(d.annulledBy.number, date(d.annulledBy.date)))}</p>` : nothing}
                    ${d.annulsDecisionId ? html`<p class="muted">${this.t(TEXT.annulsWhich(numbers.get(d.annulsDecisionId) ?? ''))}</p>` : nothing}
                    ${
                      mayAnnul && d.kind !== 'annul' && !d.annulledBy
                        ? html`<p><a href="${BASE}/rosters/${roster.id}/decisions/new?annul=${d.id}"
                            aria-label="${this.t(TEXT.annul)} ${d.number}">${this.t(TEXT.annul)}</a></p>`
                        : nothing
                    }
                  </td>
                  <td>${d.signer}</td>
                  <td>${
                    d.items.length === 0
                      ? nothing
                      : html`<ul class="plain">${d.items.map(
                          (i) =>
                            html`<li>${i.fullName} <span class="muted">(${this.t(CHANGE_NAMES[i.change])}${
                              i.toRosterId && i.toRosterId !== d.rosterId
                                ? ` ${this.t(TEXT.to)} ${titles.get(i.toRosterId) ?? ''}`
                                : ''
                            })</span></li>`,
                        )}</ul>`
                  }</td>
                </tr>`,
              )}</tbody>
            </table></div>`
      }`;
  }
}

customElements.define('pc-roster-page', PcRosterPage);
