import type { RouterOutputs } from '@polcenter/client';
import { ATTENDANCE_MARK_NAMES, ATTENDANCE_MARKS, type AttendanceMark } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, type TemplateResult } from 'lit';
import { keyedClient } from '../api.js';
import { localQueueStore, MarkQueue, type RowState } from '../attendance/mark-queue.js';
import { ClassPage, type ClassView } from '../class-page.js';
import { date } from '../i18n.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type Sheet = RouterOutputs['attendance']['sheet'];

/** One key per mark, the initials of the Vietnamese words: Có mặt, có Phép, Không phép. */
export const MARK_KEYS: Record<AttendanceMark, string> = { present: 'C', excused: 'P', absent: 'K' };
const MARK_OF_KEY = new Map(ATTENDANCE_MARKS.map((m) => [MARK_KEYS[m].toLowerCase(), m]));

const TEXT = {
  heading: { vi: 'Điểm danh', en: 'Attendance' },
  sessions: { vi: 'Các buổi học', en: 'Sessions' },
  noSessions: { vi: 'Lớp chưa có buổi học nào.', en: 'The class has no sessions yet.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  trainee: { vi: 'Học viên', en: 'Trainee' },
  mark: { vi: 'Điểm danh', en: 'Mark' },
  state: { vi: 'Trạng thái', en: 'State' },
  keys: {
    vi: 'Bàn phím: ↑ ↓ chuyển học viên; C có mặt, P vắng có phép, K vắng không phép (rồi sang người sau). Mỗi dấu được lưu ngay.',
    en: 'Keyboard: ↑ ↓ move between trainees; C present, P absent with leave, K absent without leave (then the next one). Each mark is saved at once.',
  },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  waiting: { vi: 'Chưa lưu — sẽ gửi lại khi có mạng', en: 'Not saved — will be sent when online' },
  notTaken: { vi: 'Chưa điểm danh', en: 'Not taken' },
  allSaved: { vi: 'Mọi dấu đã được lưu.', en: 'Every mark is saved.' },
  pending: (n: number) => ({
    vi: `${n} dấu chưa lưu — đang gửi, không được mất.`,
    en: `${n} mark${n === 1 ? '' : 's'} not saved yet — being sent, none will be lost.`,
  }),
  counts: (marked: number, total: number) => ({
    vi: `Đã điểm danh ${marked}/${total} học viên.`,
    en: `${marked} of ${total} trainees marked.`,
  }),
  empty: { vi: 'Lớp chưa có học viên được duyệt.', en: 'The class has no approved trainees.' },
};

/**
 * The attendance sheet of a session, made to be filled by keyboard alone: arrow keys move between
 * trainees, one key marks and moves on. Each mark is saved as it is typed through `MarkQueue`
 * (kept across a dropped connection or a reload, sent again with its Idempotency-Key), and every
 * row says whether it is saved. Without a session in the address, the class's sessions to choose from.
 */
export class PcAttendancePage extends ClassPage {
  static override styles = [
    ...ClassPage.styles,
    css`
      .marks { display: flex; gap: 0.25rem; border: 0; margin: 0; padding: 0; }
      .marks label { display: inline-flex; align-items: center; gap: 0.2rem; padding: 0.2rem 0.4rem;
        border: 1px solid var(--pc-border, #bbb); border-radius: 0.3rem; cursor: pointer; white-space: nowrap; }
      .marks label:has(input:checked) { background: var(--pc-accent-soft, #dbe9ff); border-color: var(--pc-accent, #0b57d0); font-weight: 600; }
      .marks input:focus-visible { outline: 3px solid var(--pc-focus, #0b57d0); outline-offset: 2px; }
      tr.refused td { background: #fdecea; }
      .state-saved { color: #1e6b31; }
      .state-waiting, .state-refused { color: #a11; font-weight: 600; }
      kbd { font-family: inherit; font-weight: 700; }
      @media (max-width: 40rem) { .marks .name { display: none; } }
    `,
  ];

  private readonly sheet = new ApiResource<Sheet>(this);
  private queue: MarkQueue | undefined;
  private readonly onOnline = () => this.queue?.retryNow();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.queue?.dispose();
  }

  /** The address named another session (or the session list): the sheet and its queue follow it. */
  protected override openClass(_id: string): void {
    const { sessionId } = this.params;
    this.queue?.dispose();
    this.queue = undefined;
    if (sessionId) {
      this.queue = new MarkQueue({
        store: localQueueStore(),
        onChange: () => this.requestUpdate(),
        send: async (m) => {
          await keyedClient(this.currentLang, m.key).attendance.recordMark.mutate({
            sessionId: m.sessionId,
            enrolmentId: m.enrolmentId,
            mark: m.mark,
          });
        },
      });
      this.queue.restore(sessionId);
      this.sheet.start(({ client, signal }) => client.attendance.sheet.query({ sessionId }, { signal }));
    }
  }

  override render(): TemplateResult {
    const cls = this.cls.value;
    return this.classPage(
      TEXT.heading,
      () => html`${this.params.sessionId ? this.renderSheet(cls) : this.renderSessions(cls)}`,
    );
  }

  private sessionLabel(s: ClassView['sessions'][number]): string {
    const topic = s.title ? ` · ${s.topicNumber ? `${s.topicNumber}. ` : ''}${s.title}` : '';
    return `${date(s.date)} ${s.startTime}–${s.endTime}${topic}`;
  }

  private renderSessions(cls: ClassView | undefined): TemplateResult {
    if (!cls) return this.loadingOrFailure(this.cls);
    if (cls.sessions.length === 0) return html`<p>${this.t(TEXT.noSessions)}</p>`;
    return html`<h2>${this.t(TEXT.sessions)}</h2>
      <ul class="sessions">
        ${cls.sessions.map(
          (s) => html`<li><a href="${BASE}/classes/${cls.id}/attendance/${s.id}">${this.sessionLabel(s)}</a></li>`,
        )}
      </ul>`;
  }

  private loadingOrFailure(resource: {
    readonly failure?: Parameters<typeof failureText>[0] | undefined;
  }): TemplateResult {
    if (resource.failure) return html`<p role="alert">${failureText(resource.failure, this.currentLang)}</p>`;
    return html`<p role="status">${this.t(TEXT.loading)}</p>`;
  }

  private markOf(line: Sheet['lines'][number]): AttendanceMark | null {
    return this.queue?.shown(line.enrolmentId) ?? line.mark;
  }

  private renderSheet(cls: ClassView | undefined): TemplateResult {
    const sheet = this.sheet.value;
    if (!sheet) return this.loadingOrFailure(this.sheet);
    const session = cls?.sessions.find((s) => s.id === sheet.sessionId);
    const pending = this.queue?.pending ?? 0;
    const marked = sheet.lines.filter((l) => this.markOf(l) !== null).length;
    const lang = this.currentLang;
    return html`<h2>${session ? this.sessionLabel(session) : date(sheet.date)}</h2>
      <p class="hint" id="keys">${this.t(TEXT.keys)}</p>
      <p role="status" aria-live="polite" class="overall ${pending ? 'state-waiting' : 'state-saved'}" data-pending=${pending}>
        ${pending ? this.t(TEXT.pending(pending)) : this.t(TEXT.allSaved)} ${this.t(TEXT.counts(marked, sheet.lines.length))}
      </p>
      ${
        sheet.lines.length === 0
          ? html`<p>${this.t(TEXT.empty)}</p>`
          : html`<div class="table-wrap"><table class="sheet" @keydown=${this.onKey} @change=${this.onChange}>
          <thead><tr><th scope="col">#</th><th scope="col">${this.t(TEXT.trainee)}</th><th scope="col">${this.t(TEXT.mark)}</th><th scope="col">${this.t(TEXT.state)}</th></tr></thead>
          <tbody>
            ${sheet.lines.map((line, i) => {
              const mark = this.markOf(line);
              const state: RowState = this.queue?.state(line.enrolmentId) ?? 'saved';
              const refusal = this.queue?.refusal(line.enrolmentId);
              return html`<tr data-row=${i} data-enrolment=${line.enrolmentId} data-state=${state} class=${state}>
                <td>${i + 1}</td>
                <th scope="row" id="name-${i}">${line.personName}</th>
                <td>
                  <fieldset class="marks" role="radiogroup" aria-labelledby="name-${i}" aria-describedby="keys">
                    ${ATTENDANCE_MARKS.map(
                      (m, j) => html`<label title=${ATTENDANCE_MARK_NAMES[m][lang]}>
                        <input type="radio" name="mark-${i}" value=${m} .checked=${mark === m}
                          tabindex=${(mark ? mark === m : j === 0) ? '0' : '-1'}
                          aria-label=${ATTENDANCE_MARK_NAMES[m][lang]} />
                        <kbd>${MARK_KEYS[m]}</kbd><span class="name">${ATTENDANCE_MARK_NAMES[m][lang]}</span>
                      </label>`,
                    )}
                  </fieldset>
                </td>
                <td class="state-${state}">${
                  state === 'refused' && refusal
                    ? failureText(refusal, lang)
                    : mark === null
                      ? this.t(TEXT.notTaken)
                      : this.t(TEXT[state === 'refused' ? 'waiting' : state])
                }</td>
              </tr>`;
            })}
          </tbody>
        </table></div>`
      }`;
  }

  private rowOf(target: EventTarget | null): number | undefined {
    const row = (target as HTMLElement | null)?.closest?.('tr[data-row]') as HTMLElement | null;
    return row ? Number(row.dataset.row) : undefined;
  }

  private focusRow(index: number): void {
    const rows = this.renderRoot.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]');
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    const input =
      row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector<HTMLInputElement>('input');
    input?.focus();
  }

  private choose(index: number, mark: AttendanceMark): void {
    const sheet = this.sheet.value;
    const line = sheet?.lines[index];
    if (!sheet || !line || !this.queue) return;
    this.queue.set(sheet.sessionId, line.enrolmentId, mark);
  }

  private readonly onKey = (event: KeyboardEvent) => {
    const index = this.rowOf(event.target);
    if (index === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    const mark = MARK_OF_KEY.get(event.key.toLowerCase());
    if (!mark) return;
    event.preventDefault();
    this.choose(index, mark);
    // After the render that checks it, on to the next trainee.
    void this.updateComplete.then(() => this.focusRow(index + 1));
  };

  /** A click, or the arrow keys inside a row (the radios' own keys): that mark, saved. */
  private readonly onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const index = this.rowOf(input);
    if (index === undefined || !input.checked) return;
    this.choose(index, input.value as AttendanceMark);
  };
}

customElements.define('pc-attendance-page', PcAttendancePage);
