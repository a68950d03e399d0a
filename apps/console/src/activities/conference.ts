import type { RouterOutputs } from '@polcenter/client';
import {
  ATTENDANCE_STATUSES,
  BRIEFING_MODE_NAMES,
  type BriefingMode,
  type ConferenceAttendanceStatus,
  type LocalizedText,
} from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, fieldErrorOf } from '../form.js';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import {
  activityStyles,
  BASE,
  loadState,
  PeopleSearch,
  PROPAGANDA,
  type UnitChoice,
  unitChoices,
  unitOptions,
} from './shared.js';

type Conference = RouterOutputs['activities']['conference'];
type Mode = 'in_person' | 'online' | 'hybrid';
const MODES: readonly Mode[] = ['in_person', 'online', 'hybrid'];

interface SiteRow {
  readonly id?: string;
  readonly name: string;
  readonly unitId?: string | null;
  readonly headcount: string;
}

interface AttendeeRow {
  readonly personId: string;
  readonly fullName: string;
  readonly status: ConferenceAttendanceStatus;
  readonly siteId: string | null;
}

const STATUS_NAMES: Record<ConferenceAttendanceStatus, LocalizedText> = {
  present: { vi: 'Có mặt', en: 'Present' },
  excused: { vi: 'Vắng có phép', en: 'Excused' },
  absent: { vi: 'Vắng không phép', en: 'Absent' },
};

const TEXT = {
  back: { vi: '← Danh sách hội nghị', en: '← Conferences' },
  newHeading: { vi: 'Tạo hội nghị', en: 'New conference' },
  date: { vi: 'Ngày họp', en: 'Date' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  title: { vi: 'Tên hội nghị', en: 'Title' },
  owner: { vi: 'Đơn vị tổ chức', en: 'Held by' },
  pickUnit: { vi: '— Chọn đơn vị —', en: '— Pick a unit —' },
  mode: { vi: 'Hình thức', en: 'Format' },
  sites: { vi: 'Điểm cầu và số người dự', en: 'Sites and headcounts' },
  sitesHint: {
    vi: 'Phần lớn người dự hội nghị học tập nghị quyết không có tên trong danh sách học viên: ghi số người đếm được ở từng điểm cầu.',
    en: 'Most people at a resolution-study conference are not enrolled: give the number counted at each site.',
  },
  siteName: (n: number): LocalizedText => ({ vi: `Tên điểm cầu ${n}`, en: `Site ${n} name` }),
  headcount: (n: number): LocalizedText => ({ vi: `Số người dự ở điểm cầu ${n}`, en: `People at site ${n}` }),
  removeSite: (n: number): LocalizedText => ({ vi: `Bỏ điểm cầu ${n}`, en: `Remove site ${n}` }),
  addSite: { vi: 'Thêm điểm cầu', en: 'Add a site' },
  noSites: { vi: 'Chưa có điểm cầu nào.', en: 'No site yet.' },
  create: { vi: 'Tạo hội nghị', en: 'Create the conference' },
  created: { vi: 'Đã tạo hội nghị.', en: 'Conference created.' },
  saveSites: { vi: 'Lưu điểm cầu', en: 'Save the sites' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  total: { vi: 'Tổng số người dự', en: 'Total attendance' },
  attendance: { vi: 'Người dự có ghi tên', en: 'Named attendance' },
  attendanceHint: {
    vi: 'Báo cáo viên và những người cần theo dõi việc dự họp: tìm theo tên, chọn tình trạng và điểm cầu.',
    en: 'Rapporteurs and others whose attendance is followed: find by name, pick the status and site.',
  },
  findAttendee: { vi: 'Tìm người dự theo tên (không cần dấu)', en: 'Find an attendee by name (diacritics optional)' },
  person: { vi: 'Người dự', en: 'Attendee' },
  status: { vi: 'Tình trạng', en: 'Status' },
  site: { vi: 'Điểm cầu', en: 'Site' },
  noSite: { vi: '— Không ghi —', en: '— None —' },
  statusOf: (name: string): LocalizedText => ({ vi: `Tình trạng của ${name}`, en: `Status of ${name}` }),
  siteOf: (name: string): LocalizedText => ({ vi: `Điểm cầu của ${name}`, en: `Site of ${name}` }),
  noAttendees: { vi: 'Chưa ghi tên ai.', en: 'Nobody named yet.' },
  saveAttendance: { vi: 'Lưu điểm danh', en: 'Save attendance' },
};

/**
 * `/conferences/new` creates a conference with its sites; `/conferences/:id` shows one with its
 * sites and headcounts (set as listed, `updateConferenceSites`) and its named attendance (people
 * found by name, each with a status and a site, `recordAttendance`) — changes for the propaganda
 * staff of the unit holding it.
 */
export class PcConferencePage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    sites: { state: true },
    attendees: { state: true },
  };
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly create = new Action<Conference>(this, { persistAs: 'pc-conference-new' });
  private readonly saveSites = new Action<Conference>(this);
  private readonly saveAttendance = new Action<Conference>(this);
  private readonly conference = new ApiResource<Conference>(this, (c) => this.fill(c));
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly search = new PeopleSearch(this, 'attendee');
  declare private sites: SiteRow[];
  declare private attendees: AttendeeRow[];

  constructor() {
    super();
    this.sites = [];
    this.attendees = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.units.start(({ signal }) => unitChoices(this, signal, PROPAGANDA));
    if (this.params.id) {
      const id = this.params.id;
      this.conference.start(({ client, signal }) => client.activities.conference.query({ id }, { signal }));
    }
  }

  private fill(c: Conference): void {
    this.sites = c.sites.map((s) => ({
      id: s.id,
      name: s.name,
      unitId: s.unitId,
      headcount: s.headcount === null ? '' : String(s.headcount),
    }));
    this.attendees = c.attendees.map((a) => ({ ...a }));
  }

  private sitesInput() {
    return this.sites
      .filter((s) => s.name.trim() !== '')
      .map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        name: s.name.trim(),
        ...(s.unitId ? { unitId: s.unitId } : {}),
        headcount: s.headcount.trim() === '' ? null : Number(s.headcount),
      }));
  }

  override render(): TemplateResult {
    const back = html`<p><a href="${BASE}/conferences">${this.t(TEXT.back)}</a></p>`;
    if (!this.params.id) return html`${back}<h1>${this.t(TEXT.newHeading)}</h1>${this.renderNew()}`;
    const c = this.conference.value;
    if (!c) return html`${back}<h1>${this.t(TEXT.newHeading)}</h1>${loadState(this, this.conference)}`;
    const mayRun = this.can(PROPAGANDA, c.ownerUnitId);
    const lang = this.currentLang;
    return html`${back}<h1>${c.title}</h1>
      <dl class="facts">
        <dt>${this.t(TEXT.date)}</dt><dd>${date(c.date)}</dd>
        <dt>${this.t(TEXT.owner)}</dt><dd>${c.ownerUnitName}</dd>
        <dt>${this.t(TEXT.mode)}</dt><dd>${BRIEFING_MODE_NAMES[c.mode as BriefingMode]?.[lang] ?? c.mode}</dd>
        <dt>${this.t(TEXT.total)}</dt><dd data-figure="headcount">${number(c.headcount, lang)}</dd>
      </dl>
      <h2>${this.t(TEXT.sites)}</h2>
      ${
        mayRun
          ? html`<form novalidate @submit=${this.onSaveSites}>
              ${this.sitesEditor(this.saveSites)}
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.saveSites.running}>${this.t(TEXT.saveSites)}</button>
                ${actionStatus(this.saveSites, lang, { done: TEXT.saved })}
              </div>
            </form>`
          : this.sitesTable(c)
      }
      <h2>${this.t(TEXT.attendance)}</h2>
      ${mayRun ? this.attendanceEditor(c) : this.attendanceTable(c)}`;
  }

  private sitesTable(c: Conference): TemplateResult {
    const lang = this.currentLang;
    return c.sites.length === 0
      ? html`<p>${this.t(TEXT.noSites)}</p>`
      : html`<ul>${c.sites.map((s) => html`<li>${s.name}: ${s.headcount === null ? '—' : number(s.headcount, lang)}</li>`)}</ul>`;
  }

  private attendanceTable(c: Conference): TemplateResult {
    const lang = this.currentLang;
    const siteName = (id: string | null) => c.sites.find((s) => s.id === id)?.name ?? '';
    return c.attendees.length === 0
      ? html`<p>${this.t(TEXT.noAttendees)}</p>`
      : html`<ul>${c.attendees.map((a) => html`<li>${a.fullName}: ${STATUS_NAMES[a.status][lang]} ${siteName(a.siteId)}</li>`)}</ul>`;
  }

  private sitesEditor(action: Action<Conference>): TemplateResult {
    const lang = this.currentLang;
    const change = (index: number, patch: Partial<SiteRow>) => {
      this.sites = this.sites.map((s, i) => (i === index ? { ...s, ...patch } : s));
    };
    return html`<fieldset class="field wide">
      <legend>${this.t(TEXT.sites)}</legend>
      <p class="hint">${this.t(TEXT.sitesHint)}</p>
      ${this.sites.length === 0 ? html`<p class="hint">${this.t(TEXT.noSites)}</p>` : nothing}
      ${this.sites.map((s, i) => {
        const nameError = action.fieldError(`sites.${i}.name`);
        const countError = action.fieldError(`sites.${i}.headcount`);
        return html`<div class="fields site" data-site=${i}>
          <div class="field">
            <label for="site-${i}-name">${this.t(TEXT.siteName(i + 1))}</label>
            <input id="site-${i}-name" .value=${s.name} maxlength="200" aria-invalid=${nameError ? 'true' : 'false'}
              aria-describedby=${nameError ? `site-${i}-name-error` : nothing}
              @input=${(e: Event) => change(i, { name: (e.target as HTMLInputElement).value })} />
            ${nameError ? html`<p class="field-error" id="site-${i}-name-error">${nameError[lang]}</p>` : nothing}
          </div>
          <div class="field">
            <label for="site-${i}-headcount">${this.t(TEXT.headcount(i + 1))}</label>
            <input id="site-${i}-headcount" type="number" min="0" step="1" inputmode="numeric" .value=${s.headcount}
              aria-invalid=${countError ? 'true' : 'false'} aria-describedby=${countError ? `site-${i}-headcount-error` : nothing}
              @input=${(e: Event) => change(i, { headcount: (e.target as HTMLInputElement).value })} />
            ${countError ? html`<p class="field-error" id="site-${i}-headcount-error">${countError[lang]}</p>` : nothing}
          </div>
          <div class="field">
            <button type="button" @click=${() => (this.sites = this.sites.filter((_, j) => j !== i))}>${this.t(TEXT.removeSite(i + 1))}</button>
          </div>
        </div>`;
      })}
      ${fieldErrorOf(action, 'sites', lang)}
      <div><button type="button" @click=${() => (this.sites = [...this.sites, { name: '', headcount: '' }])}>${this.t(TEXT.addSite)}</button></div>
    </fieldset>`;
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => ((values.get(name) as string | null) ?? '').trim();
    const input = {
      date: text('date'),
      title: text('title'),
      ownerUnitId: text('ownerUnitId'),
      mode: text('mode') as Mode,
      sites: this.sitesInput().map(({ id: _id, ...site }) => site),
    };
    const made = await this.create.run(input, (client) => client.activities.createConference.mutate(input));
    if (made) this.navigate(`/conferences/${made.id}`);
  }

  private async onSaveSites(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const c = this.conference.value;
    if (!c) return;
    const input = { conferenceId: c.id, sites: this.sitesInput() };
    const saved = await this.saveSites.run(input, (client) => client.activities.updateConferenceSites.mutate(input));
    if (saved) {
      this.conference.value = saved;
      this.fill(saved);
    }
  }

  private renderNew(): TemplateResult {
    const lang = this.currentLang;
    const action = this.create;
    const ownerError = action.fieldError('ownerUnitId');
    return html`<form novalidate @submit=${this.onCreate}>
      <div class="fields">
        ${field(action, lang, { name: 'date', label: TEXT.date, required: true, hint: TEXT.dateHint, attrs: { autocomplete: 'off', inputmode: 'numeric' } })}
        ${field(action, lang, { name: 'title', label: TEXT.title, required: true, wide: true })}
        <div class="field">
          <label for="f-ownerUnitId">${this.t(TEXT.owner)}</label>
          <select id="f-ownerUnitId" name="ownerUnitId" required aria-invalid=${ownerError ? 'true' : 'false'}
            aria-describedby=${ownerError ? 'f-ownerUnitId-error' : nothing}>
            <option value="">${this.t(TEXT.pickUnit)}</option>
            ${unitOptions(this.units.value, undefined)}
          </select>
          ${fieldErrorOf(action, 'ownerUnitId', lang)}
        </div>
        <div class="field">
          <label for="f-mode">${this.t(TEXT.mode)}</label>
          <select id="f-mode" name="mode">
            ${MODES.map((m) => html`<option value=${m}>${BRIEFING_MODE_NAMES[m][lang]}</option>`)}
          </select>
        </div>
        ${this.sitesEditor(action)}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${action.running}>${this.t(TEXT.create)}</button>
        ${actionStatus(action, lang, { done: TEXT.created })}
      </div>
    </form>`;
  }

  private attendanceEditor(c: Conference): TemplateResult {
    const lang = this.currentLang;
    const change = (personId: string, patch: Partial<AttendeeRow>) => {
      this.attendees = this.attendees.map((a) => (a.personId === personId ? { ...a, ...patch } : a));
    };
    const save = async () => {
      const input = {
        conferenceId: c.id,
        entries: this.attendees.map((a) => ({
          personId: a.personId,
          status: a.status,
          site: c.sites.find((s) => s.id === a.siteId)?.name ?? null,
        })),
      };
      const saved = await this.saveAttendance.run(input, (client) => client.activities.recordAttendance.mutate(input));
      if (saved) {
        this.conference.value = saved;
        this.fill(saved);
      }
    };
    return html`<p class="hint">${this.t(TEXT.attendanceHint)}</p>
      ${
        this.attendees.length === 0
          ? html`<p>${this.t(TEXT.noAttendees)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.attendance)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.t(TEXT.person)}</th>
                    <th scope="col">${this.t(TEXT.status)}</th>
                    <th scope="col">${this.t(TEXT.site)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.attendees.map(
                    (a) => html`<tr data-attendee=${a.personId}>
                      <th scope="row">${a.fullName}</th>
                      <td><select aria-label=${this.t(TEXT.statusOf(a.fullName))}
                        @change=${(e: Event) => change(a.personId, { status: (e.target as HTMLSelectElement).value as ConferenceAttendanceStatus })}>
                        ${ATTENDANCE_STATUSES.map((s) => html`<option value=${s} ?selected=${a.status === s}>${STATUS_NAMES[s][lang]}</option>`)}
                      </select></td>
                      <td><select aria-label=${this.t(TEXT.siteOf(a.fullName))}
                        @change=${(e: Event) => change(a.personId, { siteId: (e.target as HTMLSelectElement).value || null })}>
                        <option value="" ?selected=${!a.siteId}>${this.t(TEXT.noSite)}</option>
                        ${c.sites.map((s) => html`<option value=${s.id} ?selected=${a.siteId === s.id}>${s.name}</option>`)}
                      </select></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${fieldErrorOf(this.saveAttendance, 'entries', lang)}
      ${this.search.render(
        TEXT.findAttendee,
        this.attendees.map((a) => a.personId),
        (p) => {
          this.attendees = [
            ...this.attendees,
            { personId: p.id, fullName: p.fullName, status: 'present', siteId: c.sites[0]?.id ?? null },
          ];
        },
      )}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.saveAttendance.running || this.attendees.length === 0}
          @click=${save}>${this.t(TEXT.saveAttendance)}</button>
        ${actionStatus(this.saveAttendance, lang, { done: TEXT.saved })}
      </div>`;
  }
}

customElements.define('pc-conference-page', PcConferencePage);
