import type { RouterOutputs } from '@polcenter/client';
import {
  CERTIFICATE_KIND_NAMES,
  describeEligibility,
  describePassRule,
  formatCertificateNumber,
  formatRatio,
  type LocalizedText,
  PROGRAM_ENDING_NAMES,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { dateTime, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { mayEditProgram, PROGRAM_FIELD_NAMES, programChanges } from '../programs/program-rules.js';
import { programStyles } from '../programs/program-styles.js';
import { referenceName } from '../reference-names.js';

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
const BASE = '/console';

type Program = RouterOutputs['programs']['get'];
type Trail = RouterOutputs['programs']['history'];
type Entry = Trail['items'][number];

const PAGE = 20;

const TEXT = {
  back: { vi: 'Tất cả chương trình', en: 'All programs' },
  loading: { vi: 'Đang tải chương trình…', en: 'Loading the program…' },
  edit: { vi: 'Sửa quy định', en: 'Edit the rules' },
  saved: {
    vi: 'Đã lưu. Quy định mới áp dụng cho các lớp mở từ nay; các lớp đã mở giữ quy định cũ.',
    en: 'Saved. The new rules apply to classes opened from now on; classes already open keep theirs.',
  },
  created: { vi: 'Đã tạo chương trình.', en: 'Program created.' },
  rules: { vi: 'Quy định', en: 'Rules' },
  code: { vi: 'Mã', en: 'Code' },
  kind: { vi: 'Loại chương trình', en: 'Kind' },
  audience: { vi: 'Đối tượng', en: 'For whom' },
  length: { vi: 'Thời lượng', en: 'Length' },
  days: { vi: 'ngày', en: 'days' },
  periodsUnit: { vi: 'tiết', en: 'periods' },
  endsWith: { vi: 'Kết thúc bằng', en: 'Ends with' },
  eligibility: { vi: 'Điều kiện tham gia', en: 'Who may enrol' },
  passRule: { vi: 'Đánh giá đạt', en: 'Pass rule' },
  absence: { vi: 'Vắng tối đa', en: 'Absence limit' },
  absenceText: { vi: 'số tiết; vắng quá thì không được dự kiểm tra', en: 'of the periods; above it, no test' },
  certificate: { vi: 'Giấy chứng nhận', en: 'Certificate' },
  noCertificate: { vi: 'Không cấp giấy chứng nhận', en: 'No certificate' },
  numberFormat: { vi: 'Mẫu số giấy chứng nhận', en: 'Certificate number format' },
  example: { vi: 'ví dụ', en: 'e.g.' },
  classes: { vi: 'Số lớp đã mở', en: 'Classes' },
  scale: { vi: 'Thang xếp loại', en: 'Grading scale' },
  band: { vi: 'Xếp loại', en: 'Band' },
  from: { vi: 'Từ điểm', en: 'From' },
  topics: { vi: 'Chuyên đề', en: 'Topics' },
  number: { vi: 'Số', en: 'No.' },
  title: { vi: 'Tên chuyên đề', en: 'Title' },
  periods: { vi: 'Số tiết', en: 'Periods' },
  sessions: { vi: 'Buổi học đã xếp', en: 'Sessions' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  history: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  what: { vi: 'Việc', en: 'What' },
  changed: { vi: 'Thay đổi', en: 'Changes' },
  more: { vi: 'Xem cũ hơn', en: 'Older entries' },
  empty: { vi: 'Chưa có thay đổi nào.', en: 'No change recorded yet.' },
  create: { vi: 'Tạo chương trình', en: 'Program created' },
  update: { vi: 'Sửa quy định', en: 'Rules edited' },
} satisfies Record<string, LocalizedText>;

/**
 * One program and every rule it holds, as staff read them, with who created and edited it. The
 * rules shown are the program's now; each class keeps those it was opened with.
 */
export class PcProgramPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, programStyles];
  static override properties = { ...ConsolePage.properties, entries: { state: true } };

  private readonly program = new ApiResource<Program>(this);
  private readonly programs = new ApiResource<RouterOutputs['programs']['list']>(this);
  private readonly trail = new ApiResource<Trail>(this, (page) => {
    this.entries = this.appending ? [...this.entries, ...page.items] : [...page.items];
    this.appending = false;
  });
  declare private entries: Entry[];
  private appending = false;
  private address = '';

  constructor() {
    super();
    this.entries = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.params.id;
    if (changed.has('params') && id && id !== this.address) {
      this.address = id;
      this.program.start(({ client, signal }) => client.programs.get.query({ id }, { signal }));
      // Prerequisites are named by their programs' names.
      this.programs.start(({ client, signal }) => client.programs.list.query(undefined, { signal }));
      if (this.can('center_staff')) this.loadTrail();
    }
  }

  private loadTrail(before?: number): void {
    const programId = this.params.id as string;
    this.appending = before !== undefined;
    this.trail.start(
      ({ client, signal }) =>
        client.programs.history.query({ programId, limit: PAGE, ...(before ? { before } : {}) }, { signal }),
      { keep: true },
    );
  }

  override render(): TemplateResult {
    const program = this.program.value;
    const lang = this.currentLang;
    const notice = new URL(location.href).searchParams.get('saved');
    return html`<p><a href="${BASE}/programs">${this.t(TEXT.back)}</a></p>
      ${
        program
          ? html`<h1>${program.name[lang]} <span class="muted">(${program.code})</span></h1>
              ${
                notice
                  ? html`<p class="success" role="status">${this.t(notice === 'created' ? TEXT.created : TEXT.saved)}</p>`
                  : nothing
              }
              ${
                mayEditProgram(this.me, program)
                  ? html`<p><a class="button" href="${BASE}/programs/${program.id}/edit">${this.t(TEXT.edit)}</a></p>`
                  : nothing
              }
              ${this.rules(program)} ${this.scale(program)} ${this.topics(program)}
              ${this.can('center_staff') ? this.history() : nothing}`
          : this.program.failure
            ? html`<p role="alert">${failureText(this.program.failure, lang)}</p>`
            : html`<p role="status">${this.t(TEXT.loading)}</p>`
      }`;
  }

  private rules(p: Program): TemplateResult {
    const lang = this.currentLang;
    const names = Object.fromEntries((this.programs.value ?? []).map((o) => [o.code, o.name]));
    const row = (label: LocalizedText, value: unknown) =>
      html`<tr><th scope="row">${this.t(label)}</th><td>${value}</td></tr>`;
    const days =
      p.rules.days.min === p.rules.days.max
        ? number(p.rules.days.min, lang)
        : `${number(p.rules.days.min, lang)}–${number(p.rules.days.max, lang)}`;
    return html`<h2>${this.t(TEXT.rules)}</h2>
      <div class="table-wrap"><table class="rules">
        <tbody>
          ${row(TEXT.code, p.code)}
          ${row(TEXT.kind, referenceName('program_kind', p.kind, lang))}
          ${row(TEXT.audience, p.rules.audience[lang])}
          ${row(TEXT.length, `${days} ${this.t(TEXT.days)}, ${number(p.totalPeriods, lang)} ${this.t(TEXT.periodsUnit)}`)}
          ${row(TEXT.endsWith, PROGRAM_ENDING_NAMES[p.rules.endsWith][lang])}
          ${row(
            TEXT.eligibility,
            html`<ul class="plain">${describeEligibility(p.rules.eligibility, names).map((line) => html`<li>${line[lang]}</li>`)}</ul>`,
          )}
          ${row(TEXT.passRule, describePassRule(p.rules.passRule)[lang])}
          ${row(TEXT.absence, `${formatRatio(p.rules.maxAbsenceRatio, lang)} ${this.t(TEXT.absenceText)}`)}
          ${row(TEXT.certificate, p.rules.certificateKind ? CERTIFICATE_KIND_NAMES[p.rules.certificateKind][lang] : this.t(TEXT.noCertificate))}
          ${
            p.rules.certificateKind
              ? row(
                  TEXT.numberFormat,
                  html`<code>${p.rules.certificateNumberTemplate}</code> (${this.t(TEXT.example)}
                    ${formatCertificateNumber(125, new Date().getFullYear(), p.rules.certificateNumberTemplate)})`,
                )
              : nothing
          }
          ${row(TEXT.classes, number(p.classCount, lang))}
        </tbody>
      </table></div>`;
  }

  private scale(p: Program): TemplateResult {
    const lang = this.currentLang;
    return html`<h2>${this.t(TEXT.scale)}</h2>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${this.t(TEXT.band)}</th><th scope="col" class="num">${this.t(TEXT.from)}</th></tr></thead>
        <tbody>${p.rules.gradingScale.map(
          (b) => html`<tr><td>${b.name[lang]}</td><td class="num">${number(b.min, lang)}</td></tr>`,
        )}</tbody>
      </table></div>`;
  }

  private topics(p: Program): TemplateResult {
    const lang = this.currentLang;
    return html`<h2>${this.t(TEXT.topics)}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.topics)}><table>
        <thead><tr>
          <th scope="col" class="num">${this.t(TEXT.number)}</th><th scope="col">${this.t(TEXT.title)}</th>
          <th scope="col" class="num">${this.t(TEXT.periods)}</th><th scope="col" class="num">${this.t(TEXT.sessions)}</th>
        </tr></thead>
        <tbody>${p.topics.map(
          (t) => html`<tr data-topic=${t.number}>
            <td class="num">${t.number}</td><td>${t.title[lang]}</td>
            <td class="num">${number(t.periods, lang)}</td><td class="num">${number(t.sessions, lang)}</td>
          </tr>`,
        )}</tbody>
        <tfoot><tr><th scope="row" colspan="2">${this.t(TEXT.total)}</th>
          <td class="num">${number(p.totalPeriods, lang)}</td><td></td></tr></tfoot>
      </table></div>`;
  }

  private history(): TemplateResult {
    const lang = this.currentLang;
    const page = this.trail.value;
    const labels = PROGRAM_FIELD_NAMES;
    return html`<h2>${this.t(TEXT.history)}</h2>
      ${
        page
          ? this.entries.length === 0
            ? html`<p>${this.t(TEXT.empty)}</p>`
            : html`<div class="table-wrap history" tabindex="0" role="region" aria-label=${this.t(TEXT.history)}><table>
                <thead><tr><th scope="col">${this.t(TEXT.when)}</th><th scope="col">${this.t(TEXT.who)}</th>
                  <th scope="col">${this.t(TEXT.what)}</th><th scope="col">${this.t(TEXT.changed)}</th></tr></thead>
                <tbody>${this.entries.map(
                  (e) => html`<tr data-action=${e.action}>
                    <td>${dateTime(e.at)}</td><td>${e.actorLabel}</td>
                    <td>${this.t(e.action === 'program.create' ? TEXT.create : TEXT.update)}</td>
                    <td><ul class="plain">${programChanges(e.before, e.after, lang).map(
                      (c) =>
                        html`<li><strong>${labels[c.field]?.[lang] ?? c.field}</strong>${c.from === undefined ? '' : `: ${c.from} → ${c.to}`}</li>`,
                    )}</ul></td>
                  </tr>`,
                )}</tbody>
              </table></div>
              ${page.nextBefore ? html`<button type="button" @click=${() => this.loadTrail(page.nextBefore ?? undefined)}>${this.t(TEXT.more)}</button>` : nothing}`
          : this.trail.failure
            ? html`<p role="alert">${failureText(this.trail.failure, lang)}</p>`
            : nothing
      }`;
  }
}

customElements.define('pc-program-page', PcProgramPage);
