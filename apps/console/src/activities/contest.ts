import type { RouterOutputs } from '@polcenter/client';
import {
  AWARD_NAMES,
  CONTEST_ROUND_NAMES,
  CONTEST_ROUNDS,
  type ContestRound,
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
  type PersonHit,
  PROPAGANDA,
  type UnitChoice,
  unitChoices,
  unitOptions,
} from './shared.js';

type Contest = RouterOutputs['activities']['contest'];

const TEXT = {
  back: { vi: '← Danh sách hội thi', en: '← Contests' },
  newHeading: { vi: 'Tạo hội thi báo cáo viên giỏi', en: 'New rapporteur contest' },
  title: { vi: 'Tên hội thi', en: 'Title' },
  owner: { vi: 'Đơn vị tổ chức', en: 'Held by' },
  pickUnit: { vi: '— Chọn đơn vị —', en: '— Pick a unit —' },
  heldOn: { vi: 'Ngày thi', en: 'Held on' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  level: {
    vi: 'Cấp hội thi (để trống: cấp của đơn vị tổ chức)',
    en: 'Level (blank: the level of the unit holding it)',
  },
  create: { vi: 'Tạo hội thi', en: 'Create the contest' },
  rules: { vi: 'Thể lệ', en: 'Rules' },
  outOf: (round: string, max: number, lang: 'vi' | 'en') =>
    lang === 'vi' ? `${round}: tối đa ${max} điểm` : `${round}: out of ${max}`,
  tieBreak: { vi: 'Khi bằng điểm tổng, xét lần lượt', en: 'Equal totals are decided by' },
  finalised: {
    vi: 'Kết quả đã được công bố: không thêm thí sinh, giám khảo hay điểm được nữa.',
    en: 'The results are published: no more entrants, judges or scores.',
  },
  jury: { vi: 'Ban Giám khảo', en: 'Jury' },
  noJudges: { vi: 'Chưa có giám khảo.', en: 'No judge yet.' },
  findJudge: { vi: 'Tìm giám khảo theo tên (không cần dấu)', en: 'Find a judge by name (diacritics optional)' },
  removeJudge: (name: string): LocalizedText => ({ vi: `Bỏ giám khảo ${name}`, en: `Remove judge ${name}` }),
  entrants: { vi: 'Thí sinh', en: 'Entrants' },
  findEntrant: { vi: 'Tìm thí sinh theo tên (không cần dấu)', en: 'Find an entrant by name (diacritics optional)' },
  entrant: { vi: 'Thí sinh', en: 'Entrant' },
  category: { vi: 'Thể loại', en: 'Category' },
  topic: { vi: 'Chủ đề bài dự thi', en: 'Topic' },
  addEntrant: { vi: 'Thêm thí sinh', en: 'Add the entrant' },
  picked: { vi: 'Thí sinh được chọn', en: 'Picked entrant' },
  added: { vi: 'Đã thêm thí sinh.', en: 'Entrant added.' },
  scores: { vi: 'Chấm điểm', en: 'Scores' },
  judge: { vi: 'Giám khảo chấm', en: 'Scoring judge' },
  scoreOf: (name: string, round: string): LocalizedText => ({
    vi: `Điểm ${round.toLowerCase()} của ${name}`,
    en: `${round} score of ${name}`,
  }),
  saveScores: { vi: 'Lưu điểm của giám khảo', en: 'Save this judge’s scores' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  standings: { vi: 'Xếp hạng và giải thưởng', en: 'Ranking and awards' },
  rank: { vi: 'Hạng', en: 'Rank' },
  total: { vi: 'Tổng', en: 'Total' },
  award: { vi: 'Giải', en: 'Award' },
  note: { vi: 'Ghi chú', en: 'Note' },
  noEntrants: { vi: 'Chưa có thí sinh.', en: 'No entrant yet.' },
  finalise: { vi: 'Công bố kết quả', en: 'Publish the results' },
  confirmFinalise: {
    vi: 'Công bố kết quả? Sau đó không sửa thí sinh, giám khảo, điểm được nữa.',
    en: 'Publish the results? Entrants, judges and scores can no longer change after that.',
  },
  confirm: { vi: 'Công bố', en: 'Publish' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  published: { vi: 'Đã công bố kết quả.', en: 'Results published.' },
};

/**
 * `/contests/new` creates a contest (default categories and rules); `/contests/:id` runs it: the
 * jury, the entrants by category, a judge's scoresheet (entrants × the three rounds), the ranking
 * the domain computes with each tie explained in words and the awards, and publishing the results,
 * after which the API refuses every change (the page says so and offers none).
 */
export class PcContestPage extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    entrant: { state: true },
    judgeId: { state: true },
    draft: { state: true },
  };
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly create = new Action<Contest>(this, { persistAs: 'pc-contest-new' });
  private readonly judges = new Action<Contest>(this);
  private readonly addEntrant = new Action<{ id: string }>(this);
  private readonly scores = new Action<Contest>(this);
  private readonly finalise = new Action<Contest>(this);
  private readonly contest = new ApiResource<Contest>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private readonly judgeSearch = new PeopleSearch(this, 'judge');
  private readonly entrantSearch = new PeopleSearch(this, 'entrant');
  declare private entrant: PersonHit | undefined;
  declare private judgeId: string;
  /** The scoresheet as typed: `entrantId/round` → "17,5". */
  declare private draft: Record<string, string>;

  constructor() {
    super();
    this.judgeId = '';
    this.draft = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.params.id) this.reload();
    else this.units.start(({ signal }) => unitChoices(this, signal, PROPAGANDA));
  }

  private reload(): void {
    const id = this.params.id as string;
    this.contest.start(({ client, signal }) => client.activities.contest.query({ id }, { signal }), { keep: true });
  }

  private show(c: Contest): void {
    this.contest.value = c;
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const back = html`<p><a href="${BASE}/contests">${this.t(TEXT.back)}</a></p>`;
    if (!this.params.id) return html`${back}<h1>${this.t(TEXT.newHeading)}</h1>${this.renderNew()}`;
    const c = this.contest.value;
    if (!c) return html`${back}<h1>${this.t(TEXT.newHeading)}</h1>${loadState(this, this.contest)}`;
    const lang = this.currentLang;
    const mayRun = this.can(PROPAGANDA, c.ownerUnitId) && !c.finalised;
    return html`${back}<h1>${c.title}</h1>
      <dl class="facts">
        <dt>${this.t(TEXT.heldOn)}</dt><dd>${date(c.heldOn)}</dd>
        <dt>${this.t(TEXT.rules)}</dt>
        <dd>${CONTEST_ROUNDS.map((r) => TEXT.outOf(CONTEST_ROUND_NAMES[r][lang], c.rules.maxPoints[r], lang)).join('; ')}.
          ${this.t(TEXT.tieBreak)}: ${c.rules.tieBreak.map((r) => CONTEST_ROUND_NAMES[r][lang].toLowerCase()).join(', ')}.</dd>
      </dl>
      ${c.finalised ? html`<p class="warning" role="status">${this.t(TEXT.finalised)}</p>` : nothing}
      ${actionStatus(this.finalise, lang, { done: TEXT.published })}
      <h2>${this.t(TEXT.jury)}</h2>
      ${this.renderJury(c, mayRun)}
      <h2>${this.t(TEXT.entrants)}</h2>
      ${mayRun ? this.renderAddEntrant(c) : nothing}
      ${mayRun && c.judges.length > 0 && c.standings.length > 0 ? html`<h2>${this.t(TEXT.scores)}</h2>${this.renderScoresheet(c)}` : nothing}
      <h2>${this.t(TEXT.standings)}</h2>
      ${this.renderStandings(c)}
      ${mayRun && c.standings.length > 0 ? this.renderFinalise(c) : nothing}`;
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => ((values.get(name) as string | null) ?? '').trim();
    const input = {
      title: text('title'),
      ownerUnitId: text('ownerUnitId'),
      heldOn: text('heldOn'),
      ...(text('level') ? { level: text('level') } : {}),
    };
    const made = await this.create.run(input, (client) => client.activities.createContest.mutate(input));
    if (made) this.navigate(`/contests/${made.id}`);
  }

  private renderNew(): TemplateResult {
    const lang = this.currentLang;
    const action = this.create;
    const ownerError = action.fieldError('ownerUnitId');
    return html`<form novalidate @submit=${this.onCreate}>
      <div class="fields">
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
        ${field(action, lang, { name: 'heldOn', label: TEXT.heldOn, required: true, hint: TEXT.dateHint, attrs: { autocomplete: 'off', inputmode: 'numeric' } })}
        ${field(action, lang, { name: 'level', label: TEXT.level })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${action.running}>${this.t(TEXT.create)}</button>
        ${actionStatus(action, lang)}
      </div>
    </form>`;
  }

  private async setJury(c: Contest, judgeIds: string[]): Promise<void> {
    const input = { contestId: c.id, judgeIds };
    const saved = await this.judges.run(input, (client) => client.activities.setJudges.mutate(input));
    if (saved) this.show(saved);
  }

  private renderJury(c: Contest, mayRun: boolean): TemplateResult {
    const lang = this.currentLang;
    const ids = c.judges.map((j) => j.personId);
    return html`${
      c.judges.length === 0
        ? html`<p>${this.t(TEXT.noJudges)}</p>`
        : html`<ul class="picked">
            ${c.judges.map(
              (j) => html`<li>${j.fullName}
                ${
                  mayRun
                    ? html`<button type="button" @click=${() =>
                        this.setJury(
                          c,
                          ids.filter((x) => x !== j.personId),
                        )}>${this.t(TEXT.removeJudge(j.fullName))}</button>`
                    : nothing
                }</li>`,
            )}
          </ul>`
    }
      ${
        mayRun
          ? html`${this.judgeSearch.render(TEXT.findJudge, ids, (p) => this.setJury(c, [...ids, p.id]))}
            ${fieldErrorOf(this.judges, 'judgeIds', lang)} ${actionStatus(this.judges, lang)}`
          : nothing
      }`;
  }

  private async onAddEntrant(event: SubmitEvent, c: Contest): Promise<void> {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    if (!this.entrant) return;
    const input = {
      contestId: c.id,
      personId: this.entrant.id,
      category: (values.get('category') as string | null) ?? '',
      topic: ((values.get('topic') as string | null) ?? '').trim(),
    };
    const added = await this.addEntrant.run(input, (client) => client.activities.addEntrant.mutate(input));
    if (added) {
      this.entrant = undefined;
      (event.currentTarget as HTMLFormElement | null)?.reset();
      this.reload();
    }
  }

  private renderAddEntrant(c: Contest): TemplateResult {
    const lang = this.currentLang;
    const action = this.addEntrant;
    const entered = c.standings.map((s) => s.personId);
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.onAddEntrant(e, c)}>
      ${
        this.entrant
          ? html`<p><strong>${this.t(TEXT.picked)}:</strong> ${this.entrant.fullName}</p>`
          : this.entrantSearch.render(TEXT.findEntrant, entered, (p) => {
              this.entrant = p;
            })
      }
      ${fieldErrorOf(action, 'personId', lang)}
      <div class="fields">
        <div class="field">
          <label for="f-category">${this.t(TEXT.category)}</label>
          <select id="f-category" name="category">
            ${c.categories.map((cat) => html`<option value=${cat.code}>${cat.name}</option>`)}
          </select>
        </div>
        ${field(action, lang, { name: 'topic', label: TEXT.topic, required: true, wide: true })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${!this.entrant || action.running}>${this.t(TEXT.addEntrant)}</button>
        ${actionStatus(action, lang, { done: TEXT.added })}
      </div>
    </form>`;
  }

  private judgeOf(c: Contest): string {
    return c.judges.some((j) => j.personId === this.judgeId) ? this.judgeId : (c.judges[0]?.personId ?? '');
  }

  private cell(c: Contest, judgeId: string, entrantId: string, round: ContestRound): string {
    const typed = this.draft[`${judgeId}/${entrantId}/${round}`];
    if (typed !== undefined) return typed;
    const stored = c.scores.find((s) => s.judgeId === judgeId && s.entrantId === entrantId && s.round === round);
    return stored ? number(stored.score, this.currentLang) : '';
  }

  private async saveScores(c: Contest): Promise<void> {
    const judgeId = this.judgeOf(c);
    const scores = c.standings.flatMap((s) =>
      CONTEST_ROUNDS.flatMap((round) => {
        const typed = this.cell(c, judgeId, s.entrantId, round).trim().replace(',', '.');
        return typed === '' ? [] : [{ entrantId: s.entrantId, judgeId, round, score: Number(typed) }];
      }),
    );
    if (scores.length === 0) return;
    const input = { contestId: c.id, scores };
    const saved = await this.scores.run(input, (client) => client.activities.recordScores.mutate(input));
    if (saved) {
      this.draft = {};
      this.show(saved);
    }
  }

  private renderScoresheet(c: Contest): TemplateResult {
    const lang = this.currentLang;
    const judgeId = this.judgeOf(c);
    return html`<div class="field">
        <label for="f-judge">${this.t(TEXT.judge)}</label>
        <select id="f-judge" @change=${(e: Event) => {
          this.judgeId = (e.target as HTMLSelectElement).value;
        }}>
          ${c.judges.map((j) => html`<option value=${j.personId} ?selected=${j.personId === judgeId}>${j.fullName}</option>`)}
        </select>
      </div>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.scores)}>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t(TEXT.entrant)}</th>
              ${CONTEST_ROUNDS.map((r) => html`<th scope="col">${CONTEST_ROUND_NAMES[r][lang].split(' (')[0]} (≤ ${c.rules.maxPoints[r]})</th>`)}
            </tr>
          </thead>
          <tbody>
            ${c.standings.map(
              (s) => html`<tr>
                <th scope="row">${s.fullName}</th>
                ${CONTEST_ROUNDS.map(
                  (r) => html`<td><input class="score" inputmode="decimal" autocomplete="off"
                    aria-label=${this.t(TEXT.scoreOf(s.fullName, CONTEST_ROUND_NAMES[r][lang].split(' (')[0] as string))}
                    .value=${this.cell(c, judgeId, s.entrantId, r)}
                    @input=${(e: Event) => {
                      this.draft = {
                        ...this.draft,
                        [`${judgeId}/${s.entrantId}/${r}`]: (e.target as HTMLInputElement).value,
                      };
                    }} /></td>`,
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${fieldErrorOf(this.scores, 'scores', lang)}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.scores.running} @click=${() => this.saveScores(c)}>${this.t(TEXT.saveScores)}</button>
        ${actionStatus(this.scores, lang, { done: TEXT.saved })}
      </div>`;
  }

  private renderStandings(c: Contest): TemplateResult {
    const lang = this.currentLang;
    if (c.standings.length === 0) return html`<p>${this.t(TEXT.noEntrants)}</p>`;
    return html`${c.categories.map((cat) => {
      const rows = c.standings.filter((s) => s.category === cat.code);
      if (rows.length === 0) return nothing;
      return html`<h3>${cat.name}</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${cat.name}>
          <table data-category=${cat.code}>
            <thead>
              <tr>
                <th scope="col">${this.t(TEXT.rank)}</th>
                <th scope="col">${this.t(TEXT.entrant)}</th>
                ${CONTEST_ROUNDS.map((r) => html`<th scope="col" class="num">${CONTEST_ROUND_NAMES[r][lang].split(' (')[0]}</th>`)}
                <th scope="col" class="num">${this.t(TEXT.total)}</th>
                <th scope="col">${this.t(TEXT.award)}</th>
                <th scope="col">${this.t(TEXT.note)}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (s) => html`<tr data-entrant=${s.entrantId}>
                  <td>${s.rank ?? '—'}</td>
                  <th scope="row">${s.fullName}<br /><span class="muted">${s.topic}</span></th>
                  ${CONTEST_ROUNDS.map((r) => html`<td class="num">${number(s.averages[r], lang)}</td>`)}
                  <td class="num">${number(s.total, lang)}</td>
                  <td>${s.award ? AWARD_NAMES[s.award][lang] : ''}</td>
                  <td>${s.note ? s.note[lang] : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
    })}`;
  }

  private renderFinalise(c: Contest): TemplateResult {
    const open = () => this.renderRoot.querySelector<HTMLDialogElement>('#finalise')?.showModal();
    const close = () => this.renderRoot.querySelector<HTMLDialogElement>('#finalise')?.close();
    const confirm = async () => {
      close();
      const saved = await this.finalise.run({ id: c.id }, (client) =>
        client.activities.finaliseContest.mutate({ id: c.id }),
      );
      if (saved) this.show(saved);
    };
    return html`<div class="actions"><button type="button" @click=${open}>${this.t(TEXT.finalise)}</button></div>
      <dialog id="finalise" aria-labelledby="finalise-text">
        <p id="finalise-text">${this.t(TEXT.confirmFinalise)}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${confirm}>${this.t(TEXT.confirm)}</button>
          <button type="button" @click=${close}>${this.t(TEXT.cancel)}</button>
        </div>
      </dialog>`;
  }
}

customElements.define('pc-contest-page', PcContestPage);
