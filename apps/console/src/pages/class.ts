import type { RouterOutputs } from '@polcenter/client';
import {
  CLASS_MODE_NAMES,
  CLASS_STATUS_NAMES,
  CLASS_TRANSITIONS,
  type ClassStatus,
  type LocalizedText,
} from '@polcenter/domain';
import { css, html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { ClassPage, type ClassView } from '../class-page.js';
import { actionStatus, fieldErrorOf } from '../form.js';
import { date, number } from '../i18n.js';

type Moved = RouterOutputs['classes']['transition'];

const TEXT = {
  heading: { vi: 'Lớp', en: 'Class' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  program: { vi: 'Chương trình', en: 'Program' },
  title: { vi: 'Tên lớp', en: 'Title' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  onlineLink: { vi: 'Học trực tuyến', en: 'Online link' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  dates: { vi: 'Thời gian học', en: 'Dates' },
  window: { vi: 'Thời gian đăng ký', en: 'Enrolment window' },
  seats: { vi: 'Chỗ', en: 'Seats' },
  seatsOf: (taken: number, capacity: number, lang: 'vi' | 'en'): string =>
    lang === 'vi'
      ? `Đã duyệt ${number(taken, lang)} / ${number(capacity, lang)} chỗ`
      : `${number(taken, lang)} of ${number(capacity, lang)} seats taken`,
  sessions: { vi: 'Số buổi học', en: 'Sessions' },
  status: { vi: 'Tình trạng', en: 'Status' },
  none: { vi: '—', en: '—' },
  change: { vi: 'Chuyển tình trạng', en: 'Change the status' },
  moveTo: (to: ClassStatus): LocalizedText => ({
    vi: `Chuyển sang "${CLASS_STATUS_NAMES[to].vi}"`,
    en: `Move to "${CLASS_STATUS_NAMES[to].en}"`,
  }),
  ask: (from: ClassStatus, to: ClassStatus, code: string): LocalizedText => ({
    vi: `Chuyển lớp ${code} từ "${CLASS_STATUS_NAMES[from].vi}" sang "${CLASS_STATUS_NAMES[to].vi}"?`,
    en: `Move ${code} from "${CLASS_STATUS_NAMES[from].en}" to "${CLASS_STATUS_NAMES[to].en}"?`,
  }),
  final: {
    vi: 'Không thể hoàn tác bước này.',
    en: 'This step cannot be undone.',
  },
  empty: {
    vi: 'Lớp chưa có học viên nào được duyệt. Kết thúc lớp lúc này thì lớp sẽ không có kết quả và giấy chứng nhận nào.',
    en: 'No trainee is approved in this class. Finished now, it will have no results and no certificates.',
  },
  confirmEmpty: {
    vi: 'Tôi hiểu lớp không có học viên và vẫn muốn kết thúc lớp',
    en: 'I understand the class has no trainee and want to finish it anyway',
  },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  working: { vi: 'Đang chuyển…', en: 'Changing…' },
  done: { vi: 'Đã chuyển tình trạng.', en: 'Status changed.' },
};

/** Moves no one can take back: a finished class has results, a cancelled one is over. */
const FINAL: readonly ClassStatus[] = ['finished', 'closed', 'cancelled'];

/**
 * A class at a glance: what it is, where and when, its seats, and its status with the moves
 * allowed from it. Each move is confirmed in a dialog naming both states; finishing a class that
 * seated nobody warns and asks once more (the API refuses it otherwise, CLASS.FINISH_EMPTY).
 */
export class PcClassPage extends ClassPage {
  static override properties = { ...ClassPage.properties, moving: { state: true } };
  static override styles = [
    ...ClassPage.styles,
    css`
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 0;
      }
      .facts dt {
        font-size: 0.85rem;
        color: var(--pc-muted);
      }
      .facts dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly move = new Action<Moved>(this);
  /** The move the dialog asks about. */
  declare private moving: ClassStatus | undefined;

  protected override openClass(_id: string): void {}

  private ask(to: ClassStatus): void {
    this.moving = to;
    this.move.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.moving = undefined;
  }

  private async confirm(event: SubmitEvent, cls: ClassView): Promise<void> {
    event.preventDefault();
    const to = this.moving;
    if (!to) return;
    const form = event.currentTarget as HTMLFormElement;
    const confirmEmpty = (form.elements.namedItem('confirmEmpty') as HTMLInputElement | null)?.checked ?? false;
    const input = {
      classId: cls.id,
      to,
      expectedVersion: cls.version,
      ...(confirmEmpty ? { confirmEmpty } : {}),
    };
    const moved = await this.move.run(input, (client) => client.classes.transition.mutate(input));
    if (!moved) return;
    this.close();
    this.reloadClass();
  }

  override render(): TemplateResult {
    const cls = this.cls.value;
    return this.classPage(
      TEXT.heading,
      () => html`${cls ? this.renderClass(cls) : html`<p role="status">${this.t(TEXT.loading)}</p>`}`,
    );
  }

  private renderClass(cls: ClassView): TemplateResult {
    const lang = this.currentLang;
    const row = (label: LocalizedText, value: unknown) =>
      html`<div><dt>${this.t(label)}</dt><dd>${value === null || value === '' ? this.t(TEXT.none) : value}</dd></div>`;
    const moves = CLASS_TRANSITIONS[cls.status];
    return html`<dl class="facts">
        ${row(TEXT.status, html`<strong data-status=${cls.status}>${cls.statusName[lang]}</strong>`)}
        ${row(TEXT.program, `${cls.program.code} · ${cls.program.name[lang]}`)} ${row(TEXT.title, cls.title)}
        ${row(TEXT.organiser, cls.organiser.name)} ${row(TEXT.mode, CLASS_MODE_NAMES[cls.mode][lang])}
        ${cls.mode !== 'online' ? row(TEXT.venue, cls.venue) : nothing}
        ${cls.mode !== 'in_person' ? row(TEXT.onlineLink, cls.onlineLink) : nothing}
        ${cls.mode !== 'in_person' ? row(TEXT.sites, cls.sites.map((s) => s.name).join('; ')) : nothing}
        ${row(TEXT.dates, `${date(cls.startDate)} – ${date(cls.endDate)}`)}
        ${row(TEXT.window, cls.enrolmentOpensOn || cls.enrolmentClosesOn ? `${date(cls.enrolmentOpensOn)} – ${date(cls.enrolmentClosesOn)}` : '')}
        ${row(TEXT.seats, TEXT.seatsOf(cls.seatsTaken, cls.capacity, lang))}
        ${row(TEXT.sessions, number(cls.sessions.length, lang))}
      </dl>
      ${
        this.can('center_staff', cls.organiser.id) && moves.length > 0
          ? html`<section aria-labelledby="status-h">
              <h2 id="status-h">${this.t(TEXT.change)}</h2>
              <div class="actions">
                ${moves.map(
                  (to) =>
                    html`<button type="button" data-to=${to} @click=${() => this.ask(to)}>${this.t(TEXT.moveTo(to))}</button>`,
                )}
                ${this.moving ? nothing : actionStatus(this.move, lang, { working: TEXT.working, done: TEXT.done })}
              </div>
            </section>`
          : nothing
      }
      ${this.renderDialog(cls)}`;
  }

  private renderDialog(cls: ClassView): TemplateResult {
    const lang = this.currentLang;
    const to = this.moving;
    const empty = to === 'finished' && cls.seatsTaken === 0;
    // A refusal naming confirmEmpty (someone withdrew meanwhile) asks the same question.
    const askEmpty = empty || Boolean(this.move.fieldError('confirmEmpty'));
    return html`<dialog aria-labelledby="move-h" @close=${() => {
      this.moving = undefined;
    }}>
      ${
        to
          ? html`<form method="dialog" @submit=${(e: SubmitEvent) => this.confirm(e, cls)}>
              <h2 id="move-h">${this.t(TEXT.ask(cls.status, to, cls.code))}</h2>
              ${FINAL.includes(to) ? html`<p>${this.t(TEXT.final)}</p>` : nothing}
              ${empty ? html`<p class="warning" role="alert">${this.t(TEXT.empty)}</p>` : nothing}
              ${
                askEmpty
                  ? html`<p><label><input type="checkbox" name="confirmEmpty" required
                      aria-invalid=${this.move.fieldError('confirmEmpty') ? 'true' : 'false'} />
                      ${this.t(TEXT.confirmEmpty)}</label></p>
                    ${fieldErrorOf(this.move, 'confirmEmpty', lang)}`
                  : nothing
              }
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.move.running}>${this.t(TEXT.confirm)}</button>
                <button type="button" @click=${() => this.close()}>${this.t(TEXT.cancel)}</button>
                ${actionStatus(this.move, lang, { working: TEXT.working, done: TEXT.done })}
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

customElements.define('pc-class-page', PcClassPage);
