import type { RouterOutputs } from '@polcenter/client';
import { GENDER_NAMES, GENDERS } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { referenceName } from '../reference-names.js';
import {
  activityStyles,
  BASE,
  filterForm,
  filterFromAddress,
  isoOf,
  loadState,
  type PeriodFilter,
  READERS,
  type UnitChoice,
  unitChoices,
} from './shared.js';

type Report = RouterOutputs['activities']['report'];

const TEXT = {
  heading: { vi: 'Báo cáo công tác tuyên truyền', en: 'Propaganda report' },
  briefings: { vi: 'Tuyên truyền miệng', en: 'Briefings' },
  count: { vi: 'Số buổi', en: 'Briefings held' },
  audience: { vi: 'Lượt người nghe', en: 'Audience' },
  byEthnicity: { vi: 'Người nghe theo dân tộc và giới tính', en: 'Audience by people and gender' },
  people: { vi: 'Dân tộc', en: 'People' },
  total: { vi: 'Cộng', en: 'Total' },
  unclassified: { vi: 'Chưa phân theo dân tộc, giới tính', en: 'Not counted by people and gender' },
  conferences: { vi: 'Hội nghị', en: 'Conferences' },
  conferenceCount: { vi: 'Số hội nghị', en: 'Conferences held' },
  attendees: { vi: 'Lượt người dự', en: 'Attendance' },
  conference: { vi: 'Hội nghị', en: 'Conference' },
  site: { vi: 'Điểm cầu', en: 'Site' },
  noSite: { vi: 'Không ghi điểm cầu', en: 'No site given' },
  headcount: { vi: 'Số người dự (đếm)', en: 'Headcount' },
  named: { vi: 'Ghi tên có mặt', en: 'Named present' },
  counted: { vi: 'Tính vào tổng', en: 'Counted' },
  noConferences: { vi: 'Không có hội nghị nào trong kỳ.', en: 'No conference in the period.' },
  opinions: { vi: 'Báo cáo dư luận xã hội theo chủ đề', en: 'Public-opinion reports by topic' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  reports: { vi: 'Số báo cáo', en: 'Reports' },
  noOpinions: { vi: 'Không có báo cáo nào trong kỳ.', en: 'No report in the period.' },
  full: {
    vi: 'Báo cáo đầy đủ của kỳ (đào tạo, báo cáo viên, Chỉ thị 17, sản phẩm tuyên truyền, % kế hoạch, tải Excel và bản in)',
    en: 'The full report of the period (training, rapporteurs, Directive 17, output, % of plan, Excel and print view)',
  },
  withheld: (n: number) => ({
    vi: `Ngoài ra có ${n} báo cáo nhạy cảm hoặc phức tạp chỉ Ban Tuyên giáo được xem.`,
    en: `Besides, ${n} sensitive or complex reports are for the propaganda department only.`,
  }),
};

/**
 * The period report of propaganda output for a chosen period and unit, as the API computes it
 * (`activities.report`, from core's `propagandaReport`): the sentence, briefings and their audience
 * by people and gender, conferences by site, opinion reports by topic. Nothing is added up here.
 */
export class PcPropagandaReportPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, activityStyles];

  private readonly output = new ApiResource<Report>(this);
  private readonly units = new ApiResource<UnitChoice[]>(this);
  private filter: PeriodFilter = filterFromAddress();

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = filterFromAddress();
    this.loadUnits();
    this.load();
  }

  /** The units of the period's end: a report of 2024 picks among the communes of 2024. */
  private loadUnits(): void {
    const at = isoOf(this.filter.to);
    this.units.start(({ signal }) => unitChoices(this, signal, READERS, at), { keep: true });
  }

  private load(): void {
    const { search: _search, ...input } = this.filter;
    this.output.start(({ client, signal }) => client.activities.report.query(input, { signal }), { keep: true });
  }

  override render(): TemplateResult {
    const r = this.output.value;
    const query = new URLSearchParams({
      from: this.filter.from,
      to: this.filter.to,
      ...(this.filter.unitId ? { unitId: this.filter.unitId } : {}),
    });
    return html`<h1>${this.t(TEXT.heading)}</h1>
      ${
        // The full report is for the unit's staff (reports.period); lecturers read this page only.
        this.can(['center_staff', 'propaganda_staff', 'unit_coordinator'])
          ? html`<p><a href="${BASE}/reports?${query}">${this.t(TEXT.full)}</a></p>`
          : nothing
      }
      ${filterForm(
        this,
        this.filter,
        this.units.value,
        (filter) => {
          this.filter = filter;
          this.loadUnits();
          this.load();
        },
        { search: false },
      )}
      ${this.output.failure || !r ? loadState(this, this.output) : nothing}
      ${r ? this.renderReport(r) : nothing}`;
  }

  private renderReport(r: Report): TemplateResult {
    const lang = this.currentLang;
    const n = (x: number | null | undefined) => number(x ?? 0, lang);
    const cell = (ethnicity: string, gender: string) =>
      r.briefings.byEthnicityAndGender.find((g) => g.ethnicity === ethnicity && g.gender === gender)?.audience ?? 0;
    return html`<p class="sentence" data-sentence>${this.t(r.sentence)}</p>
      <section aria-labelledby="h-briefings">
        <h2 id="h-briefings">${this.t(TEXT.briefings)}</h2>
        <dl class="facts">
          <dt>${this.t(TEXT.count)}</dt><dd data-figure="briefings">${n(r.briefings.count)}</dd>
          <dt>${this.t(TEXT.audience)}</dt><dd data-figure="audience">${n(r.briefings.audience)}</dd>
          <dt>${this.t(TEXT.unclassified)}</dt><dd data-figure="unclassified">${n(r.briefings.unclassified)}</dd>
        </dl>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.byEthnicity)}>
          <table data-table="by-ethnicity">
            <caption class="visually-hidden">${this.t(TEXT.byEthnicity)}</caption>
            <thead>
              <tr>
                <th scope="col">${this.t(TEXT.people)}</th>
                ${GENDERS.map((g) => html`<th scope="col" class="num">${GENDER_NAMES[g][lang]}</th>`)}
                <th scope="col" class="num">${this.t(TEXT.total)}</th>
              </tr>
            </thead>
            <tbody>
              ${r.briefings.byEthnicity.map(
                (e) => html`<tr data-ethnicity=${e.ethnicity}>
                  <th scope="row">${referenceName('ethnicity', e.ethnicity, lang)}</th>
                  ${GENDERS.map((g) => html`<td class="num">${n(cell(e.ethnicity, g))}</td>`)}
                  <td class="num">${n(e.audience)}</td>
                </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr data-ethnicity="total">
                <th scope="row">${this.t(TEXT.total)}</th>
                ${GENDERS.map((g) => html`<td class="num">${n(r.briefings.byGender.find((x) => x.gender === g)?.audience)}</td>`)}
                <td class="num">${n(r.briefings.byGender.reduce((sum, g) => sum + g.audience, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section aria-labelledby="h-conferences">
        <h2 id="h-conferences">${this.t(TEXT.conferences)}</h2>
        <dl class="facts">
          <dt>${this.t(TEXT.conferenceCount)}</dt><dd data-figure="conferences">${n(r.conferences.count)}</dd>
          <dt>${this.t(TEXT.attendees)}</dt><dd data-figure="attendees">${n(r.conferences.attendees)}</dd>
        </dl>
        ${
          r.conferences.sites.length === 0
            ? html`<p>${this.t(TEXT.noConferences)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.conferences)}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${this.t(TEXT.conference)}</th>
                      <th scope="col">${this.t(TEXT.site)}</th>
                      <th scope="col" class="num">${this.t(TEXT.headcount)}</th>
                      <th scope="col" class="num">${this.t(TEXT.named)}</th>
                      <th scope="col" class="num">${this.t(TEXT.counted)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${r.conferences.sites.map(
                      (s) => html`<tr>
                        <td>${date(s.date)} · ${s.title}</td>
                        <td>${s.site ?? html`<span class="muted">${this.t(TEXT.noSite)}</span>`}</td>
                        <td class="num">${s.headcount === null ? '—' : n(s.headcount)}</td>
                        <td class="num">${n(s.named)}</td>
                        <td class="num">${n(s.attendees)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>
      <section aria-labelledby="h-opinions">
        <h2 id="h-opinions">${this.t(TEXT.opinions)}</h2>
        ${
          r.opinionReports.byTopic.length === 0
            ? html`<p>${this.t(TEXT.noOpinions)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.opinions)}>
                <table>
                  <thead>
                    <tr><th scope="col">${this.t(TEXT.topic)}</th><th scope="col" class="num">${this.t(TEXT.reports)}</th></tr>
                  </thead>
                  <tbody>
                    ${r.opinionReports.byTopic.map(
                      (t) => html`<tr><td>${t.topic}</td><td class="num">${n(t.reports)}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
        ${r.opinionReports.withheld > 0 ? html`<p class="muted">${this.t(TEXT.withheld(r.opinionReports.withheld))}</p>` : nothing}
      </section>`;
  }
}

customElements.define('pc-propaganda-report-page', PcPropagandaReportPage);
