import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { ClassPage } from '../class-page.js';
import { dateTime } from '../i18n.js';

type Trail = RouterOutputs['audit']['forClass'];
type Entry = Trail['items'][number];

const PAGE = 50;

/** What each recorded action means to staff; an unknown one is shown by its code. */
const ACTIONS: Record<string, LocalizedText> = {
  'class.create': { vi: 'Tạo lớp', en: 'Class created' },
  'class.transition': { vi: 'Đổi tình trạng lớp', en: 'Class status changed' },
  'class.update': { vi: 'Sửa thông tin lớp', en: 'Class edited' },
  'class.add_sessions': { vi: 'Thêm buổi học', en: 'Sessions added' },
  'enrolment.nominate': { vi: 'Cử đi học', en: 'Nominated' },
  'enrolment.request': { vi: 'Đăng ký', en: 'Requested' },
  'enrolment.approve': { vi: 'Duyệt', en: 'Approved' },
  'enrolment.waitlist': { vi: 'Vào danh sách chờ', en: 'Waitlisted' },
  'enrolment.promote': { vi: 'Được xếp chỗ', en: 'Promoted' },
  'enrolment.reject': { vi: 'Không duyệt', en: 'Rejected' },
  'enrolment.withdraw': { vi: 'Rút tên', en: 'Withdrawn' },
  'enrolment.attend': { vi: 'Bắt đầu học', en: 'Started attending' },
  'enrolment.result': { vi: 'Tính kết quả', en: 'Result computed' },
  'score.record': { vi: 'Ghi điểm', en: 'Scores recorded' },
  'attendance.record': { vi: 'Điểm danh', en: 'Attendance recorded' },
  'certificate.issue': { vi: 'Cấp giấy chứng nhận', en: 'Certificate issued' },
  'certificate.revoke': { vi: 'Thu hồi giấy chứng nhận', en: 'Certificate revoked' },
};

const TEXT = {
  heading: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  what: { vi: 'Việc', en: 'What' },
  subject: { vi: 'Đối tượng', en: 'Record' },
  change: { vi: 'Trước → sau', en: 'Before → after' },
  more: { vi: 'Xem cũ hơn', en: 'Older entries' },
  empty: { vi: 'Chưa có thay đổi nào.', en: 'No change recorded yet.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
};

/** A value of the log as one short line (the log keeps JSON; staff read it). */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

/**
 * The audit trail of a class and everything in it: who did what, when, and what it was before
 * and after — newest first, 50 entries a page, older ones on demand.
 */
export class PcAuditPage extends ClassPage {
  static override properties = { ...ClassPage.properties, entries: { state: true } };

  private readonly trail = new ApiResource<Trail>(this, (page) => {
    this.entries = this.appending ? [...this.entries, ...page.items] : [...page.items];
    this.appending = false;
  });
  declare private entries: Entry[];
  private appending = false;

  constructor() {
    super();
    this.entries = [];
  }

  protected override openClass(_id: string): void {
    this.load();
  }

  private load(before?: number): void {
    const classId = this.params.id as string;
    this.appending = before !== undefined;
    this.trail.start(
      ({ client, signal }) =>
        client.audit.forClass.query({ classId, limit: PAGE, ...(before ? { before } : {}) }, { signal }),
      { keep: true },
    );
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const page = this.trail.value;
    return this.classPage(
      TEXT.heading,
      () =>
        html`${
          page
            ? this.entries.length === 0
              ? html`<p>${this.t(TEXT.empty)}</p>`
              : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.heading)}><table>
                <thead><tr><th scope="col">${this.t(TEXT.when)}</th><th scope="col">${this.t(TEXT.who)}</th>
                  <th scope="col">${this.t(TEXT.what)}</th><th scope="col">${this.t(TEXT.subject)}</th>
                  <th scope="col">${this.t(TEXT.change)}</th></tr></thead>
                <tbody>${this.entries.map(
                  (e) => html`<tr data-action=${e.action}>
                    <td>${dateTime(e.at)}</td><td>${e.actorLabel}</td>
                    <td>${ACTIONS[e.action]?.[lang] ?? e.action}</td><td>${e.subject}</td>
                    <td class="change">${show(e.before)} → ${show(e.after)}</td>
                  </tr>`,
                )}</tbody>
              </table></div>
              ${page.nextBefore ? html`<button type="button" @click=${() => this.load(page.nextBefore ?? undefined)}>${this.t(TEXT.more)}</button>` : nothing}`
            : this.trail.failure
              ? html`<p role="alert">${failureText(this.trail.failure, lang)}</p>`
              : html`<p role="status">${this.t(TEXT.loading)}</p>`
        }`,
    );
  }
}

customElements.define('pc-audit-page', PcAuditPage);
