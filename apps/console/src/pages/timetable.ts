import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import {
  ASSIGNMENT_ROLES,
  type AssignmentRole,
  DAY_PART_NAMES,
  DAY_PARTS,
  type LocalizedText,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { ClassPage } from '../class-page.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date } from '../i18n.js';

type Timetable = RouterOutputs['classes']['sessions'];
type Session = Timetable['sessions'][number];
type Teacher = Session['teachers'][number];
type SessionFields = RouterInputs['classes']['updateSession']['session'];
type PeoplePage = RouterOutputs['people']['search'];
type Person = PeoplePage['items'][number];

const DOUBLE_BOOKED = 'ASSIGNMENT.DOUBLE_BOOKED';

const ROLE_NAMES: Record<AssignmentRole, LocalizedText> = {
  lecturer: { vi: 'Giảng viên', en: 'Lecturer' },
  rapporteur: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  assistant: { vi: 'Trợ giảng', en: 'Assistant' },
};

const TEXT = {
  heading: { vi: 'Lịch học', en: 'Timetable' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  frozen: {
    vi: 'Lớp đã kết thúc, đã đóng hoặc đã huỷ: lịch học được giữ nguyên, không sửa được.',
    en: 'The class is finished, closed or cancelled: its timetable is kept as it was and cannot change.',
  },
  none: { vi: 'Lớp chưa có buổi học nào.', en: 'The class has no sessions yet.' },
  add: { vi: 'Thêm buổi học', en: 'Add a session' },
  addHeading: { vi: 'Thêm buổi học', en: 'Add a session' },
  addSubmit: { vi: 'Thêm buổi', en: 'Add the session' },
  adding: { vi: 'Đang thêm…', en: 'Adding…' },
  added: { vi: 'Đã thêm buổi học.', en: 'The session is added.' },
  editHeading: (when: string): LocalizedText => ({ vi: `Sửa buổi ${when}`, en: `Edit the session of ${when}` }),
  editSubmit: { vi: 'Lưu buổi học', en: 'Save the session' },
  saved: { vi: 'Đã lưu buổi học.', en: 'The session is saved.' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  date: { vi: 'Ngày (dd/mm/yyyy)', en: 'Date (dd/mm/yyyy)' },
  part: { vi: 'Buổi', en: 'Half-day' },
  byTimes: { vi: 'Theo giờ nhập bên dưới', en: 'By the times below' },
  startTime: { vi: 'Giờ bắt đầu (HH:MM)', en: 'Start time (HH:MM)' },
  endTime: { vi: 'Giờ kết thúc (HH:MM)', en: 'End time (HH:MM)' },
  timesHint: {
    vi: 'Để trống để theo giờ của buổi sáng/chiều/tối; nhập cả hai để dùng giờ riêng.',
    en: 'Leave empty to use the half-day’s hours; give both to set your own.',
  },
  topic: { vi: 'Chuyên đề', en: 'Topic' },
  noTopic: { vi: '— Không theo chuyên đề —', en: '— No topic —' },
  periods: { vi: 'Số tiết', en: 'Periods' },
  title: { vi: 'Tiêu đề (nếu có)', en: 'Title (optional)' },
  site: { vi: 'Điểm cầu', en: 'Site' },
  noSite: { vi: '— Tại hội trường —', en: '— At the venue —' },
  when: { vi: 'Ngày', en: 'Date' },
  time: { vi: 'Giờ', en: 'Time' },
  teachers: { vi: 'Giảng viên', en: 'Lecturers' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  noTeacher: { vi: 'Chưa phân công', en: 'Not assigned' },
  override: (reason: string | null): LocalizedText => ({
    vi: `Phân công dù trùng lịch — lý do: ${reason ?? ''}`,
    en: `Assigned despite a clash — reason: ${reason ?? ''}`,
  }),
  onTimetable: { vi: '(ghi trên lịch)', en: '(named on the timetable)' },
  marks: (n: number): LocalizedText => ({ vi: `Đã điểm danh ${n} học viên`, en: `${n} trainee(s) marked` }),
  edit: { vi: 'Sửa', en: 'Edit' },
  remove: { vi: 'Xoá', en: 'Remove' },
  assignButton: { vi: 'Phân công', en: 'Assign' },
  unassign: { vi: 'Bỏ phân công', en: 'Unassign' },
  unassigning: { vi: 'Đang bỏ phân công…', en: 'Unassigning…' },
  unassigned: { vi: 'Đã bỏ phân công.', en: 'Unassigned.' },
  removeHeading: (when: string): LocalizedText => ({ vi: `Xoá buổi ${when}?`, en: `Remove the session of ${when}?` }),
  removeHint: {
    vi: 'Các phân công giảng viên của buổi cũng bị xoá. Buổi đã điểm danh thì không xoá được.',
    en: 'Its lecturer assignments go with it. A session with attendance cannot be removed.',
  },
  removeSubmit: { vi: 'Xoá buổi này', en: 'Remove this session' },
  removing: { vi: 'Đang xoá…', en: 'Removing…' },
  removed: { vi: 'Đã xoá buổi học.', en: 'The session is removed.' },
  assignHeading: (when: string): LocalizedText => ({
    vi: `Phân công giảng viên — buổi ${when}`,
    en: `Assign a lecturer — session of ${when}`,
  }),
  role: { vi: 'Vai trò', en: 'Role' },
  search: { vi: 'Tìm người theo tên (không cần dấu)', en: 'Search people by name (diacritics optional)' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  noPeople: { vi: 'Không tìm thấy ai.', en: 'Nobody found.' },
  assigning: { vi: 'Đang phân công…', en: 'Assigning…' },
  assigned: { vi: 'Đã phân công.', en: 'Assigned.' },
  clashHeading: { vi: 'Trùng lịch giảng', en: 'Double-booked' },
  clashHint: {
    vi: 'Chỉ phân công khi thật cần (ví dụ giảng trực tuyến cho hai lớp). Lý do được ghi vào nhật ký.',
    en: 'Only when truly needed (e.g. teaching two classes online at once). The reason is recorded in the audit trail.',
  },
  reason: { vi: 'Lý do (bắt buộc)', en: 'Reason (required)' },
  assignAnyway: { vi: 'Vẫn phân công', en: 'Assign anyway' },
  saveAnyway: { vi: 'Vẫn lưu', en: 'Save anyway' },
  close: { vi: 'Đóng', en: 'Close' },
};

/** `14/03/2022 07:30–11:30`. */
const whenOf = (s: Session) => `${date(s.date)} ${s.startTime}–${s.endTime}`;

/** The session fields of a form whose inputs are named `<prefix>.<field>`. */
function sessionOf(form: HTMLFormElement, prefix: string): SessionFields {
  const all = formValues(form);
  const v = (name: string) => all[`${prefix}.${name}`];
  const timed = Boolean(v('startTime') || v('endTime'));
  return {
    date: v('date') ?? '',
    ...(timed
      ? { startTime: v('startTime') ?? null, endTime: v('endTime') ?? null }
      : { part: (v('part') as never) ?? null }),
    topicNumber: v('topicNumber') ? Number(v('topicNumber')) : null,
    title: v('title') ?? null,
    periods: v('periods') ? Number(v('periods')) : (undefined as unknown as number),
    site: v('site') ?? null,
  };
}

/**
 * A class's timetable: its sessions by date and time of day with the program's topic, periods,
 * site and who teaches. Staff add, edit and remove sessions, and assign lecturers one at a time:
 * when the API refuses a lecturer as double-booked, the page names the other session and offers to
 * assign anyway with a reason, which the API records (an edit that moves a session onto a
 * lecturer's other class gets the same warning). A session with attendance cannot be removed.
 */
export class PcTimetablePage extends ClassPage {
  static override styles = [
    ...ClassPage.styles,
    css`
      ul.teachers { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
      .override { display: block; font-size: 0.85rem; color: var(--pc-error); }
      ul.people { list-style: none; padding: 0; display: grid; gap: 0.35rem; }
      ul.people li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .row-actions { display: flex; flex-wrap: wrap; gap: 0.35rem; }
      textarea { width: 100%; box-sizing: border-box; }
    `,
  ];
  static override properties = { ...ClassPage.properties, open: { state: true } };

  private readonly timetable = new ApiResource<Timetable>(this);
  private readonly people = new ApiResource<PeoplePage>(this);
  private readonly addAction = new Action<unknown>(this);
  private readonly editAction = new Action<Timetable>(this);
  private readonly removeAction = new Action<Timetable>(this);
  private readonly assignAction = new Action<unknown>(this);
  private readonly unassignAction = new Action<unknown>(this);
  /** What the panel above the list shows: a form for one session, or nothing. */
  declare open: { kind: 'add' } | { kind: 'edit' | 'remove' | 'assign'; sessionId: string } | undefined;
  /** The input refused as double-booked, kept to send again with the override. */
  private clash: {
    assign?: { input: RouterInputs['assignments']['assign']; sentence: string };
    edit?: { input: RouterInputs['classes']['updateSession']; sentence: string };
  } = {};

  protected override openClass(_id: string): void {
    this.open = undefined;
    this.reload(false);
  }

  private reload(keep = true): void {
    const id = this.params.id as string;
    this.timetable.start(({ client, signal }) => client.classes.sessions.query({ id }, { signal }), { keep });
  }

  private show(open: PcTimetablePage['open']): void {
    this.open = open;
    this.clash = {};
    for (const action of [this.addAction, this.editAction, this.removeAction, this.assignAction]) action.reset();
    this.people.stop();
    // Take the keyboard to the panel just opened.
    void this.updateComplete.then(() =>
      (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('#panel input, #panel select, #panel button')?.focus(),
    );
  }

  private async submitAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = {
      classId: this.params.id as string,
      sessions: [sessionOf(event.currentTarget as HTMLFormElement, 'sessions.0')],
    };
    if (await this.addAction.run(input, (client) => client.classes.addSessions.mutate(input))) this.afterChange();
  }

  private async submitEdit(event: SubmitEvent, s: Session): Promise<void> {
    event.preventDefault();
    const input = {
      sessionId: s.id,
      version: s.version,
      session: sessionOf(event.currentTarget as HTMLFormElement, 'session'),
    };
    await this.saveEdit(input);
  }

  private async saveEdit(input: RouterInputs['classes']['updateSession']): Promise<void> {
    const done = await this.editAction.run(input, (client) => client.classes.updateSession.mutate(input));
    if (done) {
      this.clash = {};
      this.afterChange();
    } else if (this.editAction.code === DOUBLE_BOOKED) {
      this.clash = { edit: { input, sentence: failureSentence(this.editAction, this.currentLang) } };
    }
    this.requestUpdate();
  }

  private async removeSession(s: Session): Promise<void> {
    const input = { sessionId: s.id, version: s.version };
    const done = await this.removeAction.run(input, (client) => client.classes.removeSession.mutate(input));
    if (done) this.afterChange();
  }

  private async assign(input: RouterInputs['assignments']['assign']): Promise<void> {
    const done = await this.assignAction.run(input, (client) => client.assignments.assign.mutate(input));
    if (done) {
      this.clash = {};
      this.reload();
    } else if (this.assignAction.code === DOUBLE_BOOKED) {
      this.clash = { assign: { input, sentence: failureSentence(this.assignAction, this.currentLang) } };
    }
    this.requestUpdate();
  }

  private async unassign(s: Session, t: Teacher): Promise<void> {
    if (!t.assignmentId) return;
    const input = { id: t.assignmentId, sessionId: s.id };
    await this.unassignAction.run(input, (client) => client.assignments.unassign.mutate(input));
    // It answers nothing: its state says whether it went through.
    if (this.unassignAction.state === 'done') this.reload();
  }

  /** A change went through: the list shows the answer, the panel closes, the success stays said. */
  private afterChange(): void {
    this.open = undefined;
    this.reload();
  }

  private searchPeople(event: SubmitEvent): void {
    event.preventDefault();
    const query = (new FormData(event.currentTarget as HTMLFormElement).get('query') as string | null) ?? '';
    this.people.start(({ client, signal }) => client.people.search.query({ query, limit: 20 }, { signal }));
  }

  private overrideReason(event: SubmitEvent): string {
    event.preventDefault();
    return (new FormData(event.currentTarget as HTMLFormElement).get('override.reason') as string | null) ?? '';
  }

  override render(): TemplateResult {
    const view = this.timetable.value;
    const lang = this.currentLang;
    return this.classPage(
      TEXT.heading,
      () =>
        html`${
          !view
            ? this.timetable.failure
              ? html`<p role="alert">${failureText(this.timetable.failure, lang)}</p>`
              : html`<p role="status">${this.t(TEXT.loading)}</p>`
            : html`${view.frozen ? html`<p class="warning">${this.t(TEXT.frozen)}</p>` : nothing}
            <div class="toolbar">
              ${
                view.frozen
                  ? nothing
                  : html`<button type="button" class="primary" @click=${() => this.show({ kind: 'add' })}>${this.t(TEXT.add)}</button>`
              }
              ${actionStatus(this.addAction, lang, { working: TEXT.adding, done: TEXT.added })}
              ${this.open?.kind === 'edit' ? nothing : actionStatus(this.editAction, lang, { done: TEXT.saved })}
              ${this.open?.kind === 'remove' ? nothing : actionStatus(this.removeAction, lang, { working: TEXT.removing, done: TEXT.removed })}
              ${actionStatus(this.unassignAction, lang, { working: TEXT.unassigning, done: TEXT.unassigned })}
            </div>
            <div id="panel">${this.renderPanel(view)}</div>
            ${this.renderList(view)}`
        }`,
    );
  }

  private renderPanel(view: Timetable): TemplateResult | typeof nothing {
    const open = this.open;
    if (!open) return nothing;
    if (open.kind === 'add') return this.renderSessionForm(view, 'sessions.0', this.addAction, undefined);
    const s = view.sessions.find((x) => x.id === open.sessionId);
    if (!s) return nothing;
    if (open.kind === 'edit') return this.renderSessionForm(view, 'session', this.editAction, s);
    if (open.kind === 'remove') return this.renderRemove(s);
    return this.renderAssign(s);
  }

  private renderSessionForm(
    view: Timetable,
    prefix: string,
    action: Action<unknown>,
    s: Session | undefined,
  ): TemplateResult {
    const lang = this.currentLang;
    const name = (n: string) => `${prefix}.${n}`;
    const id = (n: string) => `f-${name(n).replaceAll('.', '-')}`;
    const timed = s ? s.part === null : false;
    const select = (n: string, label: LocalizedText, options: TemplateResult[]) => {
      const error = action.fieldError(name(n));
      return html`<div class="field">
        <label for=${id(n)}>${label[lang]}</label>
        <select id=${id(n)} name=${name(n)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id(n)}-error`}>${options}</select>
        ${fieldErrorOf(action, name(n), lang)}
      </div>`;
    };
    const heading = s ? TEXT.editHeading(whenOf(s)) : TEXT.addHeading;
    const refused = s && this.clash.edit;
    return html`<form aria-labelledby="panel-h" @submit=${(e: SubmitEvent) => (s ? this.submitEdit(e, s) : this.submitAdd(e))}
        @input=${() => action.state !== 'running' && action.state !== 'idle' && !refused && action.reset()}>
      <h2 id="panel-h">${this.t(heading)}</h2>
      <div class="fields">
        ${field(action, lang, { name: name('date'), label: TEXT.date, value: s ? date(s.date) : '', required: true, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${select('part', TEXT.part, [
          ...DAY_PARTS.map(
            (p) =>
              html`<option value=${p} ?selected=${s ? s.part === p : p === 'morning'}>${DAY_PART_NAMES[p][lang]}</option>`,
          ),
          html`<option value="" ?selected=${timed}>${this.t(TEXT.byTimes)}</option>`,
        ])}
        ${field(action, lang, { name: name('startTime'), label: TEXT.startTime, value: timed ? s?.startTime : '', hint: TEXT.timesHint, attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${field(action, lang, { name: name('endTime'), label: TEXT.endTime, value: timed ? s?.endTime : '', attrs: { inputmode: 'numeric', autocomplete: 'off' } })}
        ${select('topicNumber', TEXT.topic, [
          html`<option value="">${this.t(TEXT.noTopic)}</option>`,
          ...view.topics.map(
            (t) =>
              html`<option value=${t.number} ?selected=${s?.topicNumber === t.number}>${t.number}. ${t.title[lang]}</option>`,
          ),
        ])}
        ${field(action, lang, { name: name('periods'), label: TEXT.periods, type: 'number', value: s?.periods ?? 4, required: true, attrs: { min: '1', max: '12', step: '1' } })}
        ${field(action, lang, { name: name('title'), label: TEXT.title, value: s?.title ?? '' })}
        ${
          view.sites.length > 0
            ? select('site', TEXT.site, [
                html`<option value="">${this.t(TEXT.noSite)}</option>`,
                ...view.sites.map(
                  (x) => html`<option value=${x.name} ?selected=${s?.siteId === x.id}>${x.name}</option>`,
                ),
              ])
            : nothing
        }
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${action.running}>${this.t(s ? TEXT.editSubmit : TEXT.addSubmit)}</button>
        <button type="button" @click=${() => this.show(undefined)}>${this.t(TEXT.cancel)}</button>
        ${refused ? nothing : actionStatus(action, lang, s ? { done: TEXT.saved } : { working: TEXT.adding, done: TEXT.added })}
      </div>
    </form>
    ${
      refused
        ? this.renderClash(this.editAction, refused.sentence, TEXT.saveAnyway, (e) =>
            this.saveEdit({ ...refused.input, override: { reason: this.overrideReason(e) } }),
          )
        : nothing
    }`;
  }

  /**
   * The double-booking warning: the API's sentence names the person, the other class and session
   * and its time; "… anyway" sends the same input again with the reason, which the API records.
   */
  private renderClash(
    action: Action<unknown>,
    sentence: string,
    anyway: LocalizedText,
    retry: (e: SubmitEvent) => void,
  ): TemplateResult {
    const lang = this.currentLang;
    const error = action.fieldError('override.reason');
    return html`<div class="warning" role="alert" data-clash>
      <p><strong>${this.t(TEXT.clashHeading)}:</strong> ${sentence}</p>
      <p class="hint">${this.t(TEXT.clashHint)}</p>
      <form @submit=${retry}>
        <label for="f-override-reason">${this.t(TEXT.reason)}</label>
        <textarea id="f-override-reason" name="override.reason" required minlength="5" maxlength="500"
          aria-invalid=${error ? 'true' : 'false'} aria-describedby="f-override-reason-error"></textarea>
        ${fieldErrorOf(action, 'override.reason', lang)}
        <div class="actions"><button type="submit" class="danger" ?disabled=${action.running}>${this.t(anyway)}</button></div>
      </form>
    </div>`;
  }

  private renderRemove(s: Session): TemplateResult {
    const lang = this.currentLang;
    return html`<section class="panel" aria-labelledby="panel-h">
      <h2 id="panel-h">${this.t(TEXT.removeHeading(whenOf(s)))}</h2>
      <p class="hint">${this.t(TEXT.removeHint)}</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.removeAction.running} @click=${() => this.removeSession(s)}>${this.t(TEXT.removeSubmit)}</button>
        <button type="button" @click=${() => this.show(undefined)}>${this.t(TEXT.cancel)}</button>
        ${actionStatus(this.removeAction, lang, { working: TEXT.removing, done: TEXT.removed })}
      </div>
    </section>`;
  }

  private renderAssign(s: Session): TemplateResult {
    const lang = this.currentLang;
    const people = this.people.value;
    const refused = this.clash.assign;
    return html`<section class="panel" aria-labelledby="panel-h">
      <h2 id="panel-h">${this.t(TEXT.assignHeading(whenOf(s)))}</h2>
      <form @submit=${(e: SubmitEvent) => this.searchPeople(e)}>
        <div class="fields">
          <div class="field">
            <label for="f-role">${this.t(TEXT.role)}</label>
            <select id="f-role" name="role">
              ${ASSIGNMENT_ROLES.map((r) => html`<option value=${r}>${ROLE_NAMES[r][lang]}</option>`)}
            </select>
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
          ? people.items.length === 0
            ? html`<p>${this.t(TEXT.noPeople)}</p>`
            : html`<ul class="people">${people.items.map((p) => this.renderCandidate(s, p))}</ul>`
          : this.people.failure
            ? html`<p role="alert">${failureText(this.people.failure, lang)}</p>`
            : nothing
      }
      ${
        refused
          ? this.renderClash(this.assignAction, refused.sentence, TEXT.assignAnyway, (e) =>
              this.assign({ ...refused.input, override: { reason: this.overrideReason(e) } }),
            )
          : actionStatus(this.assignAction, lang, { working: TEXT.assigning, done: TEXT.assigned })
      }
      <div class="actions"><button type="button" @click=${() => this.show(undefined)}>${this.t(TEXT.close)}</button></div>
    </section>`;
  }

  private renderCandidate(s: Session, p: Person): TemplateResult {
    const role = () =>
      ((this.renderRoot as ShadowRoot).querySelector<HTMLSelectElement>('#f-role')?.value ??
        'lecturer') as AssignmentRole;
    return html`<li>
      <span>${p.fullName}${p.unitName ? html` <span class="muted">· ${p.unitName}</span>` : nothing}</span>
      <button type="button" ?disabled=${this.assignAction.running} aria-label="${this.t(TEXT.assignButton)} ${p.fullName}"
        @click=${() => {
          this.clash = {};
          void this.assign({ sessionId: s.id, personId: p.id, role: role() });
        }}>${this.t(TEXT.assignButton)}</button>
    </li>`;
  }

  private renderList(view: Timetable): TemplateResult {
    if (view.sessions.length === 0) return html`<p>${this.t(TEXT.none)}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t(TEXT.when)}</th><th scope="col">${this.t(TEXT.time)}</th>
        <th scope="col">${this.t(TEXT.topic)}</th><th scope="col" class="num">${this.t(TEXT.periods)}</th>
        <th scope="col">${this.t(TEXT.site)}</th><th scope="col">${this.t(TEXT.teachers)}</th>
        ${view.frozen ? nothing : html`<th scope="col">${this.t(TEXT.actions)}</th>`}
      </tr></thead>
      <tbody>${view.sessions.map((s) => this.renderRow(view, s))}</tbody>
    </table></div>`;
  }

  private renderRow(view: Timetable, s: Session): TemplateResult {
    const when = whenOf(s);
    return html`<tr data-session=${s.id}>
      <th scope="row">${date(s.date)}</th>
      <td>${s.startTime}–${s.endTime}${s.part ? html` <span class="muted">(${DAY_PART_NAMES[s.part][this.currentLang]})</span>` : nothing}</td>
      <td>${s.topicNumber ? html`${s.topicNumber}. ${s.topicTitle ? this.t(s.topicTitle) : ''}` : nothing}${s.title ? html`<div class="muted">${s.title}</div>` : nothing}
        ${s.attendanceCount > 0 ? html`<div class="muted">${this.t(TEXT.marks(s.attendanceCount))}</div>` : nothing}</td>
      <td class="num">${s.periods}</td>
      <td>${s.siteName ?? ''}</td>
      <td>${
        s.teachers.length === 0
          ? html`<span class="muted">${this.t(TEXT.noTeacher)}</span>`
          : html`<ul class="teachers">${s.teachers.map(
              (
                t,
              ) => html`<li data-teacher=${t.personId}>${t.fullName} <span class="muted">· ${this.t(ROLE_NAMES[t.role])}${t.assignmentId ? '' : ` ${this.t(TEXT.onTimetable)}`}</span>
                ${t.overrideReason ? html`<span class="override">${this.t(TEXT.override(t.overrideReason))}</span>` : nothing}
                ${
                  t.assignmentId && !view.frozen
                    ? html`<button type="button" ?disabled=${this.unassignAction.running} aria-label="${this.t(TEXT.unassign)} ${t.fullName} ${when}"
                        @click=${() => this.unassign(s, t)}>${this.t(TEXT.unassign)}</button>`
                    : nothing
                }</li>`,
            )}</ul>`
      }</td>
      ${
        view.frozen
          ? nothing
          : html`<td><div class="row-actions">
              <button type="button" aria-label="${this.t(TEXT.edit)} ${when}" @click=${() => this.show({ kind: 'edit', sessionId: s.id })}>${this.t(TEXT.edit)}</button>
              <button type="button" aria-label="${this.t(TEXT.assignButton)} ${when}" @click=${() => this.show({ kind: 'assign', sessionId: s.id })}>${this.t(TEXT.assignButton)}</button>
              <button type="button" class="danger" aria-label="${this.t(TEXT.remove)} ${when}" @click=${() => this.show({ kind: 'remove', sessionId: s.id })}>${this.t(TEXT.remove)}</button>
            </div></td>`
      }
    </tr>`;
  }
}

function failureSentence(action: Action<unknown>, lang: 'vi' | 'en'): string {
  const text = action.failure?.text;
  return typeof text === 'string' ? text : (text?.[lang] ?? '');
}

customElements.define('pc-timetable-page', PcTimetablePage);
