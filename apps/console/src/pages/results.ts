import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { ClassPage } from '../class-page.js';
import { actionStatus } from '../form.js';
import { number } from '../i18n.js';

type Grid = RouterOutputs['results']['grid'];
type Line = Grid['lines'][number];

/** The paper most programs end with (*bài thu hoạch*), offered when the class has no score yet. */
const DEFAULT_PAPER = 'Bài thu hoạch';
const PAGE = 50;

const TEXT = {
  heading: { vi: 'Điểm và kết quả', en: 'Scores and results' },
  trainee: { vi: 'Học viên', en: 'Trainee' },
  absent: { vi: 'Vắng', en: 'Missed' },
  final: { vi: 'Điểm tổng kết', en: 'Final score' },
  band: { vi: 'Xếp loại', en: 'Classification' },
  result: { vi: 'Kết quả và lý do', en: 'Result and reason' },
  compute: { vi: 'Tính kết quả theo quy định của chương trình', en: "Compute results by the programme's rules" },
  computing: { vi: 'Đang tính…', en: 'Computing…' },
  computed: { vi: 'Đã tính kết quả.', en: 'Results computed.' },
  more: { vi: 'Xem thêm học viên', en: 'Show more trainees' },
  count: (shown: number, total: number): LocalizedText => ({
    vi: `Đang hiện ${shown}/${total} học viên.`,
    en: `Showing ${shown} of ${total} trainees.`,
  }),
  keys: {
    vi: 'Nhập điểm thang 10, một chữ số thập phân (7,5); Enter hoặc ↓ sang người sau, ↑ về người trước. Điểm được lưu khi rời ô.',
    en: 'Scores out of 10 with one decimal (7.5); Enter or ↓ to the next trainee, ↑ back. A score is saved when you leave its cell.',
  },
  barred: (limit: string): LocalizedText => ({
    vi: `Vắng quá ${limit}: không được dự kiểm tra`,
    en: `Missed more than ${limit}: may not sit the test`,
  }),
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  notComputed: { vi: 'Chưa tính', en: 'Not computed' },
  empty: { vi: 'Lớp chưa có học viên.', en: 'The class has no trainees.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  state: {
    passed: { vi: 'Đạt', en: 'Passed' },
    failed: { vi: 'Không đạt', en: 'Failed' },
    incomplete: { vi: 'Chưa hoàn thành', en: 'Incomplete' },
  } as Record<string, LocalizedText>,
};

const percent = (ratio: number, lang: 'vi' | 'en') => `${number(Math.round(ratio * 1000) / 10, lang)}%`;

/**
 * A class's score grid: a score cell per paper and trainee, typed and saved cell by cell
 * (Enter and the arrow keys move down and up a column), absences so far beside each name — over
 * the program's limit the cells are closed, with the reason — and the results computed by the
 * program's rules, each with its reason. Trainees come a page at a time.
 */
export class PcResultsPage extends ClassPage {
  static override properties = { ...ClassPage.properties, lines: { state: true } };

  private readonly grid = new ApiResource<Grid>(this, (grid) => {
    this.lines = this.appending ? [...this.lines, ...grid.lines] : [...grid.lines];
    this.appending = false;
  });
  private readonly compute = new Action<unknown>(this);
  /** One save per cell (`enrolmentId|paper`): its own progress, success and refusal. */
  private readonly cells = new Map<string, Action<unknown>>();
  declare private lines: Line[];
  private appending = false;

  constructor() {
    super();
    this.lines = [];
  }

  protected override openClass(_id: string): void {
    this.load();
  }

  private load(cursor?: string): void {
    const classId = this.params.id as string;
    this.appending = Boolean(cursor);
    this.grid.start(
      ({ client, signal }) =>
        client.results.grid.query(
          { classId, limit: cursor ? PAGE : Math.max(PAGE, this.lines.length), ...(cursor ? { cursor } : {}) },
          { signal },
        ),
      { keep: true },
    );
  }

  private cell(key: string): Action<unknown> {
    let action = this.cells.get(key);
    if (!action) {
      action = new Action<unknown>(this);
      this.cells.set(key, action);
    }
    return action;
  }

  private async saveScore(line: Line, paper: string, input: HTMLInputElement): Promise<void> {
    const raw = input.value.trim();
    const current = line.scores.find((s) => s.label === paper);
    if (raw === '' || (current && Number(raw.replace(',', '.')) === current.value)) return;
    const payload = { enrolmentId: line.enrolmentId, scores: [{ label: paper, value: raw }] };
    const saved = await this.cell(`${line.enrolmentId}|${paper}`).run(payload, (client) =>
      client.results.recordScores.mutate(payload),
    );
    if (saved) {
      this.lines = this.lines.map((l) =>
        l.enrolmentId === line.enrolmentId ? { ...l, scores: (saved as { scores: Line['scores'] }).scores } : l,
      );
    }
  }

  private async computeAll(): Promise<void> {
    const input = { classId: this.params.id as string };
    if (await this.compute.run(input, (client) => client.results.computeForClass.mutate(input))) this.load();
  }

  private readonly onKey = (event: KeyboardEvent) => {
    const input = event.target as HTMLInputElement;
    if (input.tagName !== 'INPUT') return;
    const down = event.key === 'Enter' || event.key === 'ArrowDown';
    if (!down && event.key !== 'ArrowUp') return;
    event.preventDefault();
    // Enter commits the cell at once (its default, which would, is cancelled above).
    const at = Number(input.dataset.row);
    const line = this.lines[at];
    if (event.key === 'Enter' && line) void this.saveScore(line, input.dataset.paper ?? '', input);
    const row = at + (down ? 1 : -1);
    this.renderRoot
      .querySelector<HTMLInputElement>(
        `input[data-row="${row}"][data-paper="${CSS.escape(input.dataset.paper ?? '')}"]`,
      )
      ?.focus();
  };

  override render(): TemplateResult {
    const lang = this.currentLang;
    const grid = this.grid.value;
    return this.classPage(
      TEXT.heading,
      () => html`<div class="toolbar">
        <button type="button" class="primary" ?disabled=${this.compute.running} @click=${() => this.computeAll()}>
          ${this.t(TEXT.compute)}
        </button>
        ${actionStatus(this.compute, lang, { working: TEXT.computing, done: TEXT.computed })}
      </div>
      <p class="hint" id="score-keys">${this.t(TEXT.keys)}</p>
      ${grid ? this.renderGrid(grid) : this.grid.failure ? html`<p role="alert">${failureText(this.grid.failure, lang)}</p>` : html`<p role="status">${this.t(TEXT.loading)}</p>`}`,
    );
  }

  private renderGrid(grid: Grid): TemplateResult {
    const lang = this.currentLang;
    if (grid.total === 0) return html`<p>${this.t(TEXT.empty)}</p>`;
    const papers = grid.papers.length > 0 ? grid.papers : [DEFAULT_PAPER];
    const limit = percent(grid.maxAbsenceRatio, lang);
    return html`<p role="status">${this.t(TEXT.count(this.lines.length, grid.total))}</p>
      <div class="table-wrap"><table class="grid" @keydown=${this.onKey}>
        <thead><tr>
          <th scope="col">${this.t(TEXT.trainee)}</th><th scope="col">${this.t(TEXT.absent)}</th>
          ${papers.map((p) => html`<th scope="col">${p}</th>`)}
          <th scope="col">${this.t(TEXT.final)}</th><th scope="col">${this.t(TEXT.band)}</th>
          <th scope="col">${this.t(TEXT.result)}</th>
        </tr></thead>
        <tbody>
          ${this.lines.map(
            (line, i) => html`<tr data-enrolment=${line.enrolmentId}>
              <th scope="row" id="trainee-${i}">${line.personName}</th>
              <td class=${line.barred ? 'warning' : ''}>${percent(line.missedRatio, lang)}</td>
              ${papers.map((paper) => this.renderCell(line, i, paper, limit))}
              <td class="num">${line.finalScore === null ? '—' : number(line.finalScore, lang)}</td>
              <td>${line.classification ? line.classification.name[lang] : '—'}</td>
              <td>${
                TEXT.state[line.state]
                  ? html`<strong>${this.t(TEXT.state[line.state] as LocalizedText)}</strong>${line.reasonText ? html` — ${line.reasonText[lang]}` : nothing}`
                  : html`<span class="muted">${this.t(TEXT.notComputed)}</span>`
              }</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${grid.nextCursor ? html`<button type="button" @click=${() => this.load(grid.nextCursor ?? undefined)}>${this.t(TEXT.more)}</button>` : nothing}`;
  }

  private renderCell(line: Line, row: number, paper: string, limit: string): TemplateResult {
    const lang = this.currentLang;
    const action = this.cell(`${line.enrolmentId}|${paper}`);
    const value = line.scores.find((s) => s.label === paper)?.value;
    const id = `score-${row}-${paper}`;
    const error = action.state === 'failed' && action.failure ? failureText(action.failure, lang) : null;
    return html`<td>
      <input id=${id} class="score" data-row=${row} data-paper=${paper} inputmode="decimal" size="4"
        aria-label="${paper} — ${line.personName}"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="score-keys ${error ? `${id}-error` : ''}"
        .value=${value === undefined ? '' : number(value, lang)}
        ?disabled=${line.barred && value === undefined}
        @change=${(e: Event) => this.saveScore(line, paper, e.target as HTMLInputElement)} />
      ${line.barred && value === undefined ? html`<span class="hint">${this.t(TEXT.barred(limit))}</span>` : nothing}
      ${action.state === 'running' ? html`<span role="status">${this.t(TEXT.saving)}</span>` : nothing}
      ${action.state === 'done' ? html`<span class="success" role="status">${this.t(TEXT.saved)}</span>` : nothing}
      ${error ? html`<span class="field-error" id="${id}-error" role="alert">${error}</span>` : nothing}
    </td>`;
  }
}

customElements.define('pc-results-page', PcResultsPage);
