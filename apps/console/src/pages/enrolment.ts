import type { RouterOutputs } from '@polcenter/client';
import {
  canTransitionEnrolment,
  ENROLMENT_STATE_NAMES,
  type EnrolmentState,
  type LocalizedText,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { ClassPage } from '../class-page.js';
import { actionStatus, fieldErrorOf } from '../form.js';
import { date } from '../i18n.js';
import '../export-buttons.js';

type EnrolmentPage = RouterOutputs['enrolment']['listForClass'];
type Enrolment = EnrolmentPage['items'][number];
type PeoplePage = RouterOutputs['people']['search'];
type Person = PeoplePage['items'][number];
type Nomination = RouterOutputs['enrolment']['nominate'];
type Unit = RouterOutputs['units']['get'];

const PAGE = 50;

const TEXT = {
  heading: { vi: 'Ghi danh', en: 'Enrolment' },
  seats: (left: number, capacity: number): LocalizedText => ({
    vi: `Còn ${left}/${capacity} chỗ`,
    en: `${left} of ${capacity} seats left`,
  }),
  nominate: { vi: 'Cử người đi học', en: 'Nominate people' },
  unit: { vi: 'Đơn vị cử', en: 'Nominating unit' },
  search: { vi: 'Tìm theo tên (không cần dấu)', en: 'Search by name (diacritics optional)' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  pick: (name: string): LocalizedText => ({ vi: `Chọn ${name}`, en: `Pick ${name}` }),
  picked: (n: number): LocalizedText => ({ vi: `Đã chọn ${n} người`, en: `${n} picked` }),
  send: (n: number): LocalizedText => ({ vi: `Cử ${n} người`, en: `Nominate ${n}` }),
  sending: { vi: 'Đang cử…', en: 'Nominating…' },
  sent: { vi: 'Đã gửi danh sách cử.', en: 'Nomination sent.' },
  outcome: { vi: 'Kết quả cử đi học', en: 'Nomination outcome' },
  nominated: { vi: 'Đã cử', en: 'Nominated' },
  existing: { vi: 'Đã có trong lớp', en: 'Already in the class' },
  refused: { vi: 'Không được cử', en: 'Refused' },
  moreResults: { vi: 'Xem thêm người', en: 'More people' },
  noPeople: { vi: 'Không tìm thấy ai.', en: 'Nobody found.' },
  list: { vi: 'Đăng ký và duyệt', en: 'Requests and approvals' },
  waitlist: { vi: 'Danh sách chờ (theo thứ tự đăng ký)', en: 'Waitlist (in order of request)' },
  promote: { vi: 'Xếp người chờ vào chỗ trống', en: 'Fill free seats from the waitlist' },
  promoting: { vi: 'Đang xếp chỗ…', en: 'Promoting…' },
  promoted: { vi: 'Đã xếp chỗ.', en: 'Done.' },
  filter: { vi: 'Lọc theo tình trạng', en: 'Filter by state' },
  all: { vi: 'Tất cả', en: 'All' },
  name: { vi: 'Họ và tên', en: 'Name' },
  state: { vi: 'Tình trạng', en: 'State' },
  requested: { vi: 'Ngày đăng ký', en: 'Requested on' },
  origin: { vi: 'Hình thức', en: 'How' },
  originName: {
    nominated: { vi: 'Đơn vị cử', en: 'Nominated' },
    requested: { vi: 'Tự đăng ký', en: 'Requested' },
  } satisfies Record<Enrolment['origin'], LocalizedText>,
  actions: { vi: 'Thao tác', en: 'Actions' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  wait: { vi: 'Cho vào danh sách chờ', en: 'Waitlist' },
  reject: { vi: 'Không duyệt', en: 'Reject' },
  withdraw: { vi: 'Rút tên', en: 'Withdraw' },
  reason: { vi: 'Lý do', en: 'Reason' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  empty: { vi: 'Chưa có ai.', en: 'Nobody yet.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  working: { vi: 'Đang thực hiện…', en: 'Working…' },
  done: { vi: 'Đã cập nhật.', en: 'Updated.' },
  position: (n: number): LocalizedText => ({ vi: `Thứ ${n}`, en: `No. ${n}` }),
};

/**
 * A class's enrolment: a unit nominates many of its people at once and sees who was refused and
 * why (one call, an outcome per person); the organiser's staff see requests and approvals in one
 * list (approve, waitlist, reject with a reason, withdraw) and the waitlist in order, with the seats
 * left always in sight. Coordinators see the nomination form only: the API keeps the list to the
 * organiser.
 */
export class PcEnrolmentPage extends ClassPage {
  static override properties = {
    ...ClassPage.properties,
    picked: { state: true },
    stateFilter: { state: true },
    deciding: { state: true },
    found: { state: true },
    rows: { state: true },
    unitId: { state: true },
  };

  private readonly units = new ApiResource<Unit[]>(this);
  private readonly people = new ApiResource<PeoplePage>(this, (page) => {
    this.found = this.appendingPeople ? [...this.found, ...page.items] : [...page.items];
    this.appendingPeople = false;
  });
  private readonly enrolments = new ApiResource<EnrolmentPage>(this, (page) => {
    this.rows = this.appendingRows ? [...this.rows, ...page.items] : [...page.items];
    this.appendingRows = false;
  });
  private readonly waiting = new ApiResource<EnrolmentPage>(this);
  private readonly nominateAction = new Action<Nomination>(this);
  private readonly promoteAction = new Action<unknown>(this);
  private readonly decide = new Action<unknown>(this);
  declare private picked: Map<string, Person>;
  declare private stateFilter: EnrolmentState | '';
  /** The enrolment and the decision whose reason is being typed. */
  declare private deciding: { id: string; to: 'rejected' | 'withdrawn' } | undefined;
  declare private found: Person[];
  declare private rows: Enrolment[];
  declare private unitId: string;
  private query = '';
  private appendingPeople = false;
  private appendingRows = false;

  constructor() {
    super();
    this.picked = new Map();
    this.stateFilter = '';
    this.found = [];
    this.rows = [];
    this.unitId = '';
  }

  /** The organiser's center staff (or an admin) decide; anyone else may only nominate. */
  private get decides(): boolean {
    const cls = this.cls.value;
    return cls !== undefined && this.can('center_staff', cls.organiser.id);
  }

  /** Unit coordinators and center staff nominate their own people (`enrolment.nominate`). */
  private get nominates(): boolean {
    return this.can(['center_staff', 'unit_coordinator']);
  }

  /** Whether the lists were asked for since the class was opened (once it says who decides). */
  private listed = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.listed && this.decides) {
      this.listed = true;
      this.reloadLists();
    }
  }

  protected override openClass(_id: string): void {
    const unitIds = [...new Set((this.me?.roles ?? []).map((g) => g.unitId).filter((u): u is string => !!u))];
    this.unitId ||= unitIds[0] ?? '';
    this.units.start(({ client, signal }) =>
      Promise.all(unitIds.map((unitId) => client.units.get.query({ id: unitId }, { signal }))),
    );
    this.listed = false;
  }

  private refreshSeats(): void {
    const id = this.params.id as string;
    this.cls.start(({ client, signal }) => client.classes.get.query({ id }, { signal }), { keep: true });
  }

  private reloadLists(cursor?: string): void {
    const classId = this.params.id as string;
    const states = this.stateFilter ? [this.stateFilter] : undefined;
    this.appendingRows = Boolean(cursor);
    this.enrolments.start(
      ({ client, signal }) =>
        client.enrolment.listForClass.query(
          {
            classId,
            limit: cursor ? PAGE : Math.max(PAGE, this.rows.length),
            ...(states ? { states } : {}),
            ...(cursor ? { cursor } : {}),
          },
          { signal },
        ),
      { keep: true },
    );
    if (!cursor) {
      this.waiting.start(
        ({ client, signal }) =>
          client.enrolment.listForClass.query({ classId, states: ['waitlisted'], limit: 100 }, { signal }),
        { keep: true },
      );
    }
  }

  private searchPeople(cursor?: string): void {
    const query = this.query;
    const unitId = this.unitId || undefined;
    this.appendingPeople = Boolean(cursor);
    this.people.start(
      ({ client, signal }) =>
        client.people.search.query(
          { query, limit: 20, ...(unitId ? { unitId } : {}), ...(cursor ? { cursor } : {}) },
          { signal },
        ),
      { keep: Boolean(cursor) },
    );
  }

  private onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this.query = (form.elements.namedItem('query') as HTMLInputElement).value;
    this.searchPeople();
  }

  private toggle(person: Person, on: boolean): void {
    const picked = new Map(this.picked);
    if (on) picked.set(person.id, person);
    else picked.delete(person.id);
    this.picked = picked;
    this.nominateAction.reset();
  }

  private async nominate(): Promise<void> {
    const input = { classId: this.params.id as string, unitId: this.unitId, personIds: [...this.picked.keys()] };
    const result = await this.nominateAction.run(input, (client) => client.enrolment.nominate.mutate(input));
    if (!result) return;
    this.picked = new Map();
    if (this.decides) this.reloadLists();
    this.refreshSeats();
  }

  private async act(e: Enrolment, to: 'approved' | 'waitlisted' | 'rejected' | 'withdrawn', reason?: string) {
    const enrolmentId = e.id;
    const done = await this.decide.run({ enrolmentId, to, reason }, (client) => {
      if (to === 'approved') return client.enrolment.approve.mutate({ enrolmentId });
      if (to === 'waitlisted') return client.enrolment.waitlist.mutate({ enrolmentId });
      if (to === 'rejected') return client.enrolment.reject.mutate({ enrolmentId, reason: reason ?? '' });
      return client.enrolment.withdraw.mutate({ enrolmentId, ...(reason ? { reason } : {}) });
    });
    if (done === undefined) return;
    this.deciding = undefined;
    this.reloadLists();
    this.refreshSeats();
  }

  private async promote(): Promise<void> {
    const input = { classId: this.params.id as string };
    if (await this.promoteAction.run(input, (client) => client.enrolment.promote.mutate(input))) {
      this.reloadLists();
      this.refreshSeats();
    }
  }

  override render(): TemplateResult {
    const cls = this.cls.value;
    return this.classPage(
      TEXT.heading,
      () => html`${
        cls
          ? html`<p class="seats" role="status" aria-live="polite"><strong>${this.t(TEXT.seats(cls.seatsLeft, cls.capacity))}</strong></p>`
          : nothing
      }
      ${this.nominates ? this.renderNominate() : nothing} ${this.decides ? this.renderLists() : nothing}`,
    );
  }

  private renderNominate(): TemplateResult {
    const lang = this.currentLang;
    const units = this.units.value ?? [];
    const people = this.people.value;
    const outcome = this.nominateAction.state === 'done' ? this.nominateAction.result : undefined;
    return html`<section class="panel" aria-labelledby="nominate-h">
      <h2 id="nominate-h">${this.t(TEXT.nominate)}</h2>
      <form @submit=${this.onSearch}>
        <div class="fields">
          <div class="field">
            <label for="f-unitId">${this.t(TEXT.unit)}</label>
            <select id="f-unitId" name="unitId" @change=${(e: Event) => {
              this.unitId = (e.target as HTMLSelectElement).value;
            }}>
              ${units.map((u) => html`<option value=${u.id} ?selected=${u.id === this.unitId}>${u.name}</option>`)}
            </select>
            ${fieldErrorOf(this.nominateAction, 'unitId', lang)}
          </div>
          <div class="field">
            <label for="f-query">${this.t(TEXT.search)}</label>
            <input id="f-query" name="query" type="search" autocomplete="off" />
          </div>
        </div>
        <div class="actions"><button type="submit">${this.t(TEXT.searchButton)}</button></div>
      </form>
      ${
        people
          ? this.found.length === 0
            ? html`<p>${this.t(TEXT.noPeople)}</p>`
            : html`<ul class="people">
                ${this.found.map(
                  (p) => html`<li><label><input type="checkbox" .checked=${this.picked.has(p.id)}
                    @change=${(e: Event) => this.toggle(p, (e.target as HTMLInputElement).checked)} />
                    ${p.fullName}${p.unitName ? html` <span class="muted">· ${p.unitName}</span>` : nothing}</label></li>`,
                )}
              </ul>
              ${people.nextCursor ? html`<button type="button" @click=${() => this.searchPeople(people.nextCursor ?? undefined)}>${this.t(TEXT.moreResults)}</button>` : nothing}`
          : this.people.failure
            ? html`<p role="alert">${failureText(this.people.failure, lang)}</p>`
            : nothing
      }
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.picked.size === 0 || this.nominateAction.running || !this.unitId}
          @click=${() => this.nominate()}>${this.t(TEXT.send(this.picked.size))}</button>
        <span>${this.t(TEXT.picked(this.picked.size))}</span>
        ${actionStatus(this.nominateAction, lang, { working: TEXT.sending, done: TEXT.sent })}
      </div>
      ${fieldErrorOf(this.nominateAction, 'personIds', lang)}
      ${outcome ? this.renderOutcome(outcome) : nothing}
    </section>`;
  }

  private renderOutcome(outcome: Nomination): TemplateResult {
    const lang = this.currentLang;
    return html`<div class="outcome" aria-live="polite">
      <h3>${this.t(TEXT.outcome)}</h3>
      <ul>
        ${outcome.nominated.map((e) => html`<li class="success">${e.personName}: ${this.t(TEXT.nominated)}</li>`)}
        ${outcome.existing.map((e) => html`<li>${e.personName}: ${this.t(TEXT.existing)} (${e.stateName[lang]})</li>`)}
        ${outcome.refused.map(
          (r) =>
            html`<li class="warning" data-refused=${r.personId}>${this.nameOf(r.personId)}: ${this.t(TEXT.refused)} — ${r.message[lang]}</li>`,
        )}
      </ul>
    </div>`;
  }

  private nameOf(personId: string): string {
    return this.found.find((p) => p.id === personId)?.fullName ?? personId;
  }

  private renderLists(): TemplateResult {
    const lang = this.currentLang;
    const page = this.enrolments.value;
    const waiting = this.waiting.value?.items ?? [];
    return html`<section aria-labelledby="waitlist-h">
        <h2 id="waitlist-h">${this.t(TEXT.waitlist)}</h2>
        ${
          waiting.length === 0
            ? html`<p>${this.t(TEXT.empty)}</p>`
            : html`<ol class="waitlist">${waiting.map((e) => html`<li>${e.personName} <span class="muted">· ${date(e.requestedAt.slice(0, 10))}</span></li>`)}</ol>`
        }
        <div class="actions">
          <button type="button" ?disabled=${this.promoteAction.running} @click=${() => this.promote()}>${this.t(TEXT.promote)}</button>
          ${actionStatus(this.promoteAction, lang, { working: TEXT.promoting, done: TEXT.promoted })}
        </div>
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">${this.t(TEXT.list)}</h2>
        <div class="toolbar">
          <label for="f-state">${this.t(TEXT.filter)}</label>
          <select id="f-state" @change=${(e: Event) => {
            this.stateFilter = (e.target as HTMLSelectElement).value as EnrolmentState | '';
            this.rows = [];
            this.reloadLists();
          }}>
            <option value="">${this.t(TEXT.all)}</option>
            ${(['nominated', 'requested', 'waitlisted', 'approved', 'attending', 'rejected', 'withdrawn'] as const).map(
              (s) =>
                html`<option value=${s} ?selected=${this.stateFilter === s}>${ENROLMENT_STATE_NAMES[s][lang]}</option>`,
            )}
          </select>
          ${actionStatus(this.decide, lang, { working: TEXT.working, done: TEXT.done })}
          <pc-export-buttons list="enrolments" .filter=${{ classId: this.params.id, ...(this.stateFilter ? { states: [this.stateFilter] } : {}) }}></pc-export-buttons>
        </div>
        ${
          page
            ? this.rows.length === 0
              ? html`<p>${this.t(TEXT.empty)}</p>`
              : html`<div class="table-wrap"><table>
                  <thead><tr><th scope="col">${this.t(TEXT.name)}</th><th scope="col">${this.t(TEXT.state)}</th>
                    <th scope="col">${this.t(TEXT.origin)}</th><th scope="col">${this.t(TEXT.requested)}</th>
                    <th scope="col">${this.t(TEXT.actions)}</th></tr></thead>
                  <tbody>${this.rows.map((e) => this.renderRow(e))}</tbody>
                </table></div>
                ${page.nextCursor ? html`<button type="button" @click=${() => this.reloadLists(page.nextCursor ?? undefined)}>${this.t(TEXT.more)}</button>` : nothing}`
            : this.enrolments.failure
              ? html`<p role="alert">${failureText(this.enrolments.failure, lang)}</p>`
              : html`<p role="status">${this.t(TEXT.loading)}</p>`
        }
      </section>`;
  }

  private renderRow(e: Enrolment): TemplateResult {
    const lang = this.currentLang;
    const can = (to: EnrolmentState) => canTransitionEnrolment(e.state, to);
    const busy = this.decide.running;
    const button = (to: 'approved' | 'waitlisted', label: LocalizedText) =>
      html`<button type="button" ?disabled=${busy} aria-label="${this.t(label)} ${e.personName}" @click=${() => this.act(e, to)}>${this.t(label)}</button>`;
    const ask = (to: 'rejected' | 'withdrawn', label: LocalizedText) =>
      html`<button type="button" ?disabled=${busy} aria-label="${this.t(label)} ${e.personName}" @click=${() => {
        this.deciding = { id: e.id, to };
        this.decide.reset();
      }}>${this.t(label)}</button>`;
    const deciding = this.deciding?.id === e.id ? this.deciding : undefined;
    return html`<tr data-enrolment=${e.id} data-state=${e.state}>
      <th scope="row">${e.personName}</th>
      <td>${e.stateName[lang]}${e.decisionReason ? html` <span class="muted">— ${e.decisionReason}</span>` : nothing}</td>
      <td>${this.t(TEXT.originName[e.origin])}</td>
      <td>${date(e.requestedAt.slice(0, 10))}</td>
      <td>
        ${can('approved') ? button('approved', TEXT.approve) : nothing}
        ${can('waitlisted') && e.state !== 'waitlisted' ? button('waitlisted', TEXT.wait) : nothing}
        ${can('rejected') ? ask('rejected', TEXT.reject) : nothing}
        ${can('withdrawn') ? ask('withdrawn', TEXT.withdraw) : nothing}
        ${
          deciding
            ? html`<form @submit=${(ev: SubmitEvent) => {
                ev.preventDefault();
                const reason = ((ev.currentTarget as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement)
                  .value;
                void this.act(e, deciding.to, reason);
              }}>
                <label for="reason-${e.id}">${this.t(TEXT.reason)}</label>
                <input id="reason-${e.id}" name="reason" ?required=${deciding.to === 'rejected'} maxlength="500"
                  aria-invalid=${this.decide.fieldError('reason') ? 'true' : 'false'} />
                ${fieldErrorOf(this.decide, 'reason', lang)}
                <button type="submit" class="primary">${this.t(TEXT.confirm)}</button>
                <button type="button" @click=${() => {
                  this.deciding = undefined;
                }}>${this.t(TEXT.cancel)}</button>
              </form>`
            : nothing
        }
      </td>
    </tr>`;
  }
}

customElements.define('pc-enrolment-page', PcEnrolmentPage);
