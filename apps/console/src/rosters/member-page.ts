import type { RouterOutputs } from '@polcenter/client';
import { type LocalizedText, ROSTER_DECISION_KIND_NAMES } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { rosterStyles } from './roster-styles.js';
import { BASE, fieldNames, levelName, rosterTitle, termOf, todayIso } from './roster-words.js';

type Member = RouterOutputs['rosters']['member'];
type Standing = RouterOutputs['obligations']['standing'];

const TEXT = {
  heading: { vi: 'Báo cáo viên', en: 'Rapporteur' },
  back: { vi: 'Danh sách báo cáo viên', en: 'Rapporteur rosters' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  unit: { vi: 'Đơn vị công tác', en: 'Unit' },
  position: { vi: 'Chức vụ', en: 'Position' },
  rosters: (on: string): LocalizedText => ({ vi: `Tham gia danh sách (ngày ${on})`, en: `Rosters (on ${on})` }),
  noRoster: { vi: 'Hiện không có tên trong danh sách nào.', en: 'On no roster now.' },
  roster: { vi: 'Danh sách', en: 'Roster' },
  fields: { vi: 'Lĩnh vực', en: 'Fields of expertise' },
  since: { vi: 'Tham gia từ', en: 'Since' },
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  obligations: (year: number): LocalizedText => ({ vi: `Nghĩa vụ năm ${year}`, en: `Obligations in ${year}` }),
  countedTo: (on: string): LocalizedText => ({ vi: `Tính đến ngày ${on}.`, en: `Counted up to ${on}.` }),
  noRule: { vi: 'Không có nghĩa vụ nào áp dụng trong năm này.', en: 'No obligation binds them this year.' },
  rule: { vi: 'Nghĩa vụ', en: 'Obligation' },
  level: { vi: 'Cấp', en: 'Level' },
  required: { vi: 'Yêu cầu', en: 'Required' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  shortBy: { vi: 'Còn thiếu', en: 'Short by' },
  met: { vi: 'Đạt', en: 'Met' },
  briefings: (year: number, n: string, audience: string): LocalizedText => ({
    vi: `Buổi tuyên truyền miệng năm ${year}: ${n} buổi, ${audience} lượt người nghe`,
    en: `Briefings in ${year}: ${n}, audience ${audience}`,
  }),
  noBriefing: { vi: 'Chưa có buổi nào trong năm.', en: 'None this year.' },
  date: { vi: 'Ngày', en: 'Date' },
  place: { vi: 'Nơi', en: 'Where' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  audience: { vi: 'Người nghe', en: 'Audience' },
  decisions: { vi: 'Các quyết định có tên', en: 'Decisions naming them' },
  number: { vi: 'Số', en: 'Number' },
  kind: { vi: 'Loại', en: 'Kind' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  annulled: (n: string): LocalizedText => ({ vi: `đã bị hủy bởi ${n}`, en: `annulled by ${n}` }),
};

/**
 * A rapporteur's page: who they are, the rosters they sit on today with their fields of
 * expertise, how each rule binding them stands this year (or the year in the address), the
 * briefings they gave, and every decision that named them.
 */
export class PcMemberPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  static override properties = { ...ConsolePage.properties, year: { state: true } };

  private readonly member = new ApiResource<Member>(this);
  private readonly standing = new ApiResource<Standing>(this);
  declare private year: number;
  private address = '';

  constructor() {
    super();
    const asked = Number(new URL(location.href).searchParams.get('year'));
    this.year = Number.isInteger(asked) && asked >= 1945 && asked <= 2200 ? asked : new Date().getFullYear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.params.personId;
    if (changed.has('params') && id && id !== this.address) {
      this.address = id;
      this.load();
    }
  }

  private load(): void {
    const personId = this.params.personId as string;
    const year = this.year;
    this.member.start(
      ({ client, signal }) => client.rosters.member.query({ personId, date: todayIso(), year }, { signal }),
      { keep: true },
    );
    this.standing.start(({ client, signal }) => client.obligations.standing.query({ personId, year }, { signal }), {
      keep: true,
    });
  }

  private chooseYear(event: SubmitEvent): void {
    event.preventDefault();
    const year = Number(new FormData(event.currentTarget as HTMLFormElement).get('year'));
    if (!Number.isInteger(year)) return;
    this.year = year;
    const url = new URL(location.href);
    url.searchParams.set('year', String(year));
    history.replaceState(history.state, '', `${url.pathname}${url.search}`);
    this.load();
  }

  override render(): TemplateResult {
    const member = this.member.value;
    const lang = this.currentLang;
    return html`<p><a href="${BASE}/rosters">${this.t(TEXT.back)}</a></p>
      ${
        member
          ? html`<h1>${member.person.fullName}</h1>
            <dl class="facts">
              <dt>${this.t(TEXT.unit)}</dt><dd>${member.person.unitName ?? ''}</dd>
              <dt>${this.t(TEXT.position)}</dt><dd>${member.person.position ?? ''}</dd>
            </dl>
            ${this.memberships(member)}
            <form class="toolbar" @submit=${(e: SubmitEvent) => this.chooseYear(e)}>
              <div class="field">
                <label for="f-year">${this.t(TEXT.year)}</label>
                <input id="f-year" name="year" type="number" min="1945" max="2200" step="1" .value=${String(this.year)} />
              </div>
              <button type="submit">${this.t(TEXT.show)}</button>
            </form>
            ${this.obligations()} ${this.briefings(member)} ${this.decisions(member)}`
          : html`<h1>${this.t(TEXT.heading)}</h1>${
              this.member.failure
                ? html`<p role="alert">${failureText(this.member.failure, lang)}</p>`
                : html`<p role="status">${this.t(TEXT.loading)}</p>`
            }`
      }`;
  }

  private memberships(member: Member): TemplateResult {
    const lang = this.currentLang;
    return html`<h2 id="rosters-h">${this.t(TEXT.rosters(date(member.date)))}</h2>
      ${
        member.memberships.length === 0
          ? html`<p>${this.t(TEXT.noRoster)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="rosters-h"><table class="memberships">
              <thead><tr><th scope="col">${this.t(TEXT.roster)}</th><th scope="col">${this.t(TEXT.fields)}</th>
                <th scope="col">${this.t(TEXT.position)}</th><th scope="col">${this.t(TEXT.since)}</th></tr></thead>
              <tbody>${member.memberships.map(
                (m) => html`<tr>
                  <td><a href="${BASE}/rosters/${m.roster.id}">${rosterTitle(m.roster, lang)}</a></td>
                  <td>${fieldNames(m.fields, lang)}</td><td>${m.position ?? ''}</td><td>${date(m.since)}</td>
                </tr>`,
              )}</tbody>
            </table></div>`
      }`;
  }

  private obligations(): TemplateResult {
    const lang = this.currentLang;
    const standing = this.standing.value;
    if (!standing) {
      return this.standing.failure
        ? html`<p role="alert">${failureText(this.standing.failure, lang)}</p>`
        : html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    return html`<h2 id="obligations-h">${this.t(TEXT.obligations(standing.year))}</h2>
      <p class="hint">${this.t(TEXT.countedTo(date(standing.asOf)))}</p>
      ${
        standing.lines.length === 0
          ? html`<p>${this.t(TEXT.noRule)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="obligations-h"><table class="standing">
              <thead><tr><th scope="col">${this.t(TEXT.rule)}</th><th scope="col">${this.t(TEXT.level)}</th>
                <th scope="col" class="num">${this.t(TEXT.required)}</th><th scope="col" class="num">${this.t(TEXT.done)}</th>
                <th scope="col" class="num">${this.t(TEXT.shortBy)}</th></tr></thead>
              <tbody>${standing.lines.map(
                (l) => html`<tr data-code=${l.code} data-short=${l.shortBy}>
                  <td>${l.name[lang]}</td><td>${levelName(l.rosterLevel, lang)}</td>
                  <td class="num">${number(l.required, lang)}</td><td class="num">${number(l.done, lang)}</td>
                  <td class="num">${l.shortBy > 0 ? number(l.shortBy, lang) : this.t(TEXT.met)}</td>
                </tr>`,
              )}</tbody>
            </table></div>`
      }`;
  }

  private briefings(member: Member): TemplateResult {
    const lang = this.currentLang;
    return html`<h2 id="briefings-h">${this.t(TEXT.briefings(member.year, number(member.briefings.length, lang), number(member.audience, lang)))}</h2>
      ${
        member.briefings.length === 0
          ? html`<p>${this.t(TEXT.noBriefing)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="briefings-h"><table class="briefings">
              <thead><tr><th scope="col">${this.t(TEXT.date)}</th><th scope="col">${this.t(TEXT.place)}</th>
                <th scope="col">${this.t(TEXT.topic)}</th><th scope="col" class="num">${this.t(TEXT.audience)}</th></tr></thead>
              <tbody>${member.briefings.map(
                (b) => html`<tr><td>${date(b.date)}</td><td>${b.unitName}</td><td>${b.topic}</td>
                  <td class="num">${number(b.audienceSize, lang)}</td></tr>`,
              )}</tbody>
            </table></div>`
      }`;
  }

  private decisions(member: Member): TemplateResult {
    const lang = this.currentLang;
    return html`<h2 id="decisions-h">${this.t(TEXT.decisions)}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="decisions-h"><table class="decisions">
        <thead><tr><th scope="col">${this.t(TEXT.date)}</th><th scope="col">${this.t(TEXT.number)}</th>
          <th scope="col">${this.t(TEXT.kind)}</th><th scope="col">${this.t(TEXT.roster)}</th>
          <th scope="col">${this.t(TEXT.signer)}</th></tr></thead>
        <tbody>${member.decisions.map(
          (d) => html`<tr>
            <td>${date(d.date)}</td>
            <td><span class=${d.annulledBy ? 'annulled' : ''}>${d.number}</span>${
              d.annulledBy ? html` <span class="muted">(${this.t(TEXT.annulled(d.annulledBy.number))})</span>` : nothing
            }</td>
            <td>${ROSTER_DECISION_KIND_NAMES[d.kind][lang]}</td>
            <td><a href="${BASE}/rosters/${d.roster.id}">${levelName(d.roster.level, lang)} · ${d.roster.ownerUnitName} · ${termOf(d.roster)}</a>${
              d.toRoster
                ? html` → <a href="${BASE}/rosters/${d.toRoster.id}">${rosterTitle(d.toRoster, lang)}</a>`
                : nothing
            }</td>
            <td>${d.signer}</td>
          </tr>`,
        )}</tbody>
      </table></div>`;
  }
}

customElements.define('pc-member-page', PcMemberPage);
