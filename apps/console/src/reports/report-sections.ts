import type { RouterOutputs } from '@polcenter/client';
import {
  BRIEFING_MODE_NAMES,
  type BriefingMode,
  GENDER_NAMES,
  GENDERS,
  type Gender,
  type LocalizedText,
  SENSITIVITY_NAMES,
  type Sensitivity,
} from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import { date, number } from '../i18n.js';
import type { ConsolePage } from '../page.js';
import { referenceName } from '../reference-names.js';

/**
 * The sections of a period's report as the API answers them (`reports.period`, ADR 0033): each
 * figure as it comes, a planned one beside its plan and % of plan. Nothing is added up here; a
 * total shown is one the API gives.
 */
export type PeriodReport = RouterOutputs['reports']['period'];
type Planned = PeriodReport['training']['classes'];

const TEXT = {
  measure: { vi: 'Chỉ tiêu', en: 'Measure' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  percent: { vi: '% kế hoạch', en: '% of plan' },
  noPlan: { vi: 'chưa giao', en: 'not set' },
  training: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
  classes: { vi: 'Số lớp', en: 'Classes' },
  trainees: { vi: 'Số học viên', en: 'Trainees' },
  completed: { vi: 'Hoàn thành khoá học', en: 'Completed' },
  passed: { vi: 'Đạt yêu cầu', en: 'Passed' },
  passRate: { vi: 'Tỷ lệ đạt', en: 'Pass rate' },
  certificates: { vi: 'Giấy chứng nhận đã cấp', en: 'Certificates issued' },
  sent: { vi: 'Người của đơn vị được đào tạo (ở mọi lớp)', en: 'People of the unit trained (in any class)' },
  byProgram: { vi: 'Theo chương trình', en: 'By program' },
  program: { vi: 'Chương trình', en: 'Program' },
  classification: { vi: 'Xếp loại', en: 'Classification' },
  band: { vi: 'Loại', en: 'Band' },
  byUnit: { vi: 'Học viên theo đơn vị', en: 'Trainees by unit' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  outside: { vi: 'Ngoài đơn vị', en: 'From outside the unit' },
  byEthnicity: { vi: 'Học viên theo dân tộc', en: 'Trainees by ethnic group' },
  byGender: { vi: 'Học viên theo giới tính', en: 'Trainees by gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  unknown: { vi: 'Chưa ghi', en: 'Not recorded' },
  rapporteurs: { vi: 'Báo cáo viên, tuyên truyền miệng', en: 'Rapporteurs and briefings' },
  roster: { vi: 'Báo cáo viên trong danh sách (ngày cuối kỳ)', en: 'Rapporteurs on the rosters (last day)' },
  byLevel: { vi: 'Báo cáo viên theo cấp', en: 'Rapporteurs by level' },
  level: { vi: 'Cấp', en: 'Level' },
  byField: { vi: 'Báo cáo viên theo lĩnh vực', en: 'Rapporteurs by field' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  members: { vi: 'Số người', en: 'People' },
  briefings: { vi: 'Buổi tuyên truyền miệng', en: 'Briefings' },
  audience: { vi: 'Lượt người nghe', en: 'Audience' },
  audienceGrid: { vi: 'Người nghe theo dân tộc và giới tính', en: 'Audience by ethnic group and gender' },
  total: { vi: 'Cộng', en: 'Total' },
  unclassified: { vi: 'Người nghe chưa phân theo dân tộc, giới tính', en: 'Audience not counted by group' },
  conferences: { vi: 'Hội nghị báo cáo viên', en: 'Conferences' },
  attendees: { vi: 'Lượt người dự', en: 'Attendance' },
  site: { vi: 'Điểm cầu', en: 'Site' },
  noSite: { vi: 'Không ghi điểm cầu', en: 'No site given' },
  headcount: { vi: 'Số người dự (đếm)', en: 'Headcount' },
  named: { vi: 'Ghi tên có mặt', en: 'Named present' },
  counted: { vi: 'Tính vào tổng', en: 'Counted' },
  opinions: { vi: 'Báo cáo dư luận xã hội theo chủ đề', en: 'Public-opinion reports by topic' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  reports: { vi: 'Số báo cáo', en: 'Reports' },
  sensitivity: { vi: 'Mức độ', en: 'Sensitivity' },
  withheld: (n: number): LocalizedText => ({
    vi: `Ngoài ra có ${n} báo cáo nhạy cảm hoặc phức tạp chỉ Ban Tuyên giáo được xem.`,
    en: `Besides, ${n} sensitive or complex reports are for the propaganda department only.`,
  }),
  shortfalls: (year: number): LocalizedText => ({
    vi: `Báo cáo viên chưa đạt nghĩa vụ năm ${year}`,
    en: `Rapporteurs short of an obligation in ${year}`,
  }),
  person: { vi: 'Họ và tên', en: 'Name' },
  obligation: { vi: 'Nghĩa vụ', en: 'Obligation' },
  required: { vi: 'Yêu cầu', en: 'Required' },
  done: { vi: 'Đã làm', en: 'Done' },
  shortBy: { vi: 'Còn thiếu', en: 'Short by' },
  noShortfall: { vi: 'Không ai chưa đạt.', en: 'Nobody falls short.' },
  directive17: { vi: 'Tuyên truyền miệng theo Chỉ thị 17-CT/TW', en: 'Oral propaganda (Directive 17-CT/TW)' },
  presenters: { vi: 'Báo cáo viên, tuyên truyền viên đã nói chuyện', en: 'Rapporteurs who spoke' },
  presentations: { vi: 'Lượt báo cáo viên trình bày', en: 'Presentations' },
  mode: { vi: 'Hình thức', en: 'Format' },
  resolution: { vi: 'Nghị quyết, chủ đề', en: 'Resolution or topic' },
  output: { vi: 'Sản phẩm tuyên truyền', en: 'Propaganda output' },
  kind: { vi: 'Loại', en: 'Kind' },
  straddling: (n: number): LocalizedText => ({
    vi: `${n} số liệu ghi cho một kỳ chỉ nằm một phần trong kỳ báo cáo nên không được tính.`,
    en: `${n} tallies recorded for a period only partly inside this one are not counted.`,
  }),
  none: { vi: 'Không có số liệu trong kỳ.', en: 'Nothing in the period.' },
};

const ui = (page: ConsolePage) => {
  const lang = page.currentLang;
  const n = (x: number | null | undefined) => number(x ?? 0, lang);
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${number(x, lang)}%`);
  /** A scrolling box around a table, so a wide table never widens the page. */
  const table = (
    label: LocalizedText,
    head: TemplateResult,
    rows: TemplateResult[],
    key: string,
    foot?: TemplateResult,
  ) =>
    rows.length === 0
      ? html`<p class="muted">${page.t(TEXT.none)}</p>`
      : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${page.t(label)}>
          <table data-table=${key}>
            <caption class="visually-hidden">${page.t(label)}</caption>
            <thead>${head}</thead>
            <tbody>${rows}</tbody>
            ${foot ? html`<tfoot>${foot}</tfoot>` : nothing}
          </table>
        </div>`;
  /** Actual, plan, % of plan: three cells. */
  const planned = (p: Planned) => html`<td class="num" data-actual>${n(p.actual)}</td>
    <td class="num" data-plan>${p.plan === null ? html`<span class="muted">${page.t(TEXT.noPlan)}</span>` : n(p.plan)}</td>
    <td class="num" data-percent>${pct(p.percent)}</td>`;
  const plannedHead = (first: LocalizedText) => html`<tr>
    <th scope="col">${page.t(first)}</th>
    <th scope="col" class="num">${page.t(TEXT.actual)}</th>
    <th scope="col" class="num">${page.t(TEXT.plan)}</th>
    <th scope="col" class="num">${page.t(TEXT.percent)}</th>
  </tr>`;
  const plannedRow = (label: LocalizedText, p: Planned, key: string) =>
    html`<tr data-measure=${key}><th scope="row">${page.t(label)}</th>${planned(p)}</tr>`;
  const head = (...cols: [LocalizedText, boolean?][]) =>
    html`<tr>${cols.map(([c, num]) => html`<th scope="col" class=${num ? 'num' : ''}>${page.t(c)}</th>`)}</tr>`;
  return { lang, n, pct, table, planned, plannedHead, plannedRow, head };
};

export function trainingSection(page: ConsolePage, r: PeriodReport): TemplateResult {
  const { lang, n, pct, table, planned, plannedHead, plannedRow, head } = ui(page);
  const t = r.training;
  return html`<section aria-labelledby="h-training" data-section="training">
    <h2 id="h-training">${page.t(TEXT.training)}</h2>
    ${table(TEXT.training, plannedHead(TEXT.measure), [plannedRow(TEXT.classes, t.classes, 'classes'), plannedRow(TEXT.trainees, t.trainees, 'trainees')], 'training-plan')}
    <dl class="facts">
      <dt>${page.t(TEXT.completed)}</dt><dd data-figure="completed">${n(t.completed)}</dd>
      <dt>${page.t(TEXT.passed)}</dt><dd data-figure="passed">${n(t.passed)}</dd>
      <dt>${page.t(TEXT.passRate)}</dt><dd data-figure="passRate">${pct(t.passRate)}</dd>
      <dt>${page.t(TEXT.certificates)}</dt><dd data-figure="certificates">${n(t.certificates)}</dd>
      <dt>${page.t(TEXT.sent)}</dt><dd data-figure="sent">${n(t.sent.trainees)}</dd>
    </dl>
    <h3>${page.t(TEXT.byProgram)}</h3>
    ${table(
      TEXT.byProgram,
      html`<tr>
        <th scope="col" rowspan="2">${page.t(TEXT.program)}</th>
        <th scope="colgroup" colspan="3" class="num">${page.t(TEXT.classes)}</th>
        <th scope="colgroup" colspan="3" class="num">${page.t(TEXT.trainees)}</th>
        <th scope="col" rowspan="2" class="num">${page.t(TEXT.completed)}</th>
        <th scope="col" rowspan="2" class="num">${page.t(TEXT.passed)}</th>
      </tr>
      <tr>
        ${[1, 2].map(
          () => html`<th scope="col" class="num">${page.t(TEXT.actual)}</th>
            <th scope="col" class="num">${page.t(TEXT.plan)}</th>
            <th scope="col" class="num">${page.t(TEXT.percent)}</th>`,
        )}
      </tr>`,
      t.byProgram.map(
        (p) => html`<tr data-program=${p.code}>
          <th scope="row">${p.name[lang]} <span class="muted">(${p.code})</span></th>
          ${planned(p.classes)}${planned(p.trainees)}
          <td class="num">${n(p.completed)}</td><td class="num">${n(p.passed)}</td>
        </tr>`,
      ),
      'by-program',
    )}
    <h3>${page.t(TEXT.classification)}</h3>
    ${table(
      TEXT.classification,
      head([TEXT.band], [TEXT.trainees, true]),
      t.classification.map(
        (c) => html`<tr><th scope="row">${c.name[lang]}</th><td class="num">${n(c.trainees)}</td></tr>`,
      ),
      'classification',
    )}
    <h3>${page.t(TEXT.byUnit)}</h3>
    ${table(
      TEXT.byUnit,
      head([TEXT.unit], [TEXT.trainees, true], [TEXT.passed, true]),
      t.byUnit.map(
        (u) => html`<tr><th scope="row">${u.name ?? page.t(TEXT.outside)}</th>
          <td class="num">${n(u.trainees)}</td><td class="num">${n(u.passed)}</td></tr>`,
      ),
      'by-unit',
    )}
    <div class="two">
      <div>
        <h3>${page.t(TEXT.byEthnicity)}</h3>
        ${table(
          TEXT.byEthnicity,
          head([TEXT.ethnicity], [TEXT.trainees, true]),
          t.byEthnicity.map(
            (
              e,
            ) => html`<tr><th scope="row">${e.ethnicity ? referenceName('ethnicity', e.ethnicity, lang) : page.t(TEXT.unknown)}</th>
              <td class="num">${n(e.trainees)}</td></tr>`,
          ),
          'by-ethnicity',
        )}
      </div>
      <div>
        <h3>${page.t(TEXT.byGender)}</h3>
        ${table(
          TEXT.byGender,
          head([TEXT.gender], [TEXT.trainees, true]),
          t.byGender.map(
            (
              g,
            ) => html`<tr><th scope="row">${g.gender ? (GENDER_NAMES[g.gender as Gender]?.[lang] ?? g.gender) : page.t(TEXT.unknown)}</th>
              <td class="num">${n(g.trainees)}</td></tr>`,
          ),
          'by-gender',
        )}
      </div>
    </div>
  </section>`;
}

export function rapporteurSection(page: ConsolePage, r: PeriodReport): TemplateResult {
  const { lang, n, table, plannedHead, plannedRow, head } = ui(page);
  const s = r.rapporteurs;
  const b = s.briefings;
  const cell = (ethnicity: string, gender: string) =>
    b.byEthnicityAndGender.find((g) => g.ethnicity === ethnicity && g.gender === gender)?.audience ?? 0;
  return html`<section aria-labelledby="h-rapporteurs" data-section="rapporteurs">
    <h2 id="h-rapporteurs">${page.t(TEXT.rapporteurs)}</h2>
    <dl class="facts">
      <dt>${page.t(TEXT.roster)}</dt><dd data-figure="members">${n(s.roster.members)}</dd>
    </dl>
    <div class="two">
      <div>
        <h3>${page.t(TEXT.byLevel)}</h3>
        ${table(
          TEXT.byLevel,
          head([TEXT.level], [TEXT.members, true]),
          s.roster.byLevel.map(
            (l) =>
              html`<tr><th scope="row">${referenceName('roster_level', l.level, lang)}</th><td class="num">${n(l.members)}</td></tr>`,
          ),
          'by-level',
        )}
      </div>
      <div>
        <h3>${page.t(TEXT.byField)}</h3>
        ${table(
          TEXT.byField,
          head([TEXT.field], [TEXT.members, true]),
          s.roster.byField.map(
            (f) => html`<tr><th scope="row">${f.name[lang]}</th><td class="num">${n(f.members)}</td></tr>`,
          ),
          'by-field',
        )}
      </div>
    </div>
    <h3>${page.t(TEXT.briefings)}</h3>
    ${table(
      TEXT.briefings,
      plannedHead(TEXT.measure),
      [
        plannedRow(TEXT.briefings, b.planned, 'briefings'),
        plannedRow(TEXT.audience, b.audiencePlanned, 'audience'),
        plannedRow(TEXT.conferences, s.conferences.planned, 'conferences'),
      ],
      'rapporteurs-plan',
    )}
    <h3>${page.t(TEXT.audienceGrid)}</h3>
    ${table(
      TEXT.audienceGrid,
      html`<tr><th scope="col">${page.t(TEXT.ethnicity)}</th>
        ${GENDERS.map((g) => html`<th scope="col" class="num">${GENDER_NAMES[g][lang]}</th>`)}
        <th scope="col" class="num">${page.t(TEXT.total)}</th></tr>`,
      b.byEthnicity.map(
        (e) => html`<tr data-ethnicity=${e.ethnicity}>
          <th scope="row">${referenceName('ethnicity', e.ethnicity, lang)}</th>
          ${GENDERS.map((g) => html`<td class="num">${n(cell(e.ethnicity, g))}</td>`)}
          <td class="num">${n(e.audience)}</td>
        </tr>`,
      ),
      'audience',
      html`<tr><th scope="row">${page.t(TEXT.total)}</th>
        ${GENDERS.map((g) => html`<td class="num">${n(b.byGender.find((x) => x.gender === g)?.audience)}</td>`)}
        <td></td></tr>`,
    )}
    <p class="muted">${page.t(TEXT.unclassified)}: <span data-figure="unclassified">${n(b.unclassified)}</span></p>
    <h3>${page.t(TEXT.conferences)}</h3>
    <dl class="facts">
      <dt>${page.t(TEXT.attendees)}</dt><dd data-figure="attendees">${n(s.conferences.attendees)}</dd>
    </dl>
    ${table(
      TEXT.conferences,
      head([TEXT.conferences], [TEXT.site], [TEXT.headcount, true], [TEXT.named, true], [TEXT.counted, true]),
      s.conferences.sites.map(
        (c) => html`<tr><td>${date(c.date)} · ${c.title}</td>
          <td>${c.site ?? html`<span class="muted">${page.t(TEXT.noSite)}</span>`}</td>
          <td class="num">${c.headcount === null ? '—' : n(c.headcount)}</td>
          <td class="num">${n(c.named)}</td><td class="num">${n(c.attendees)}</td></tr>`,
      ),
      'sites',
    )}
    <h3>${page.t(TEXT.opinions)}</h3>
    <div class="two">
      ${table(
        TEXT.opinions,
        head([TEXT.topic], [TEXT.reports, true]),
        s.opinionReports.byTopic.map((t) => html`<tr><td>${t.topic}</td><td class="num">${n(t.reports)}</td></tr>`),
        'opinions',
      )}
      ${table(
        TEXT.sensitivity,
        head([TEXT.sensitivity], [TEXT.reports, true]),
        s.opinionReports.bySensitivity.map(
          (x) =>
            html`<tr><td>${SENSITIVITY_NAMES[x.sensitivity as Sensitivity]?.[lang] ?? x.sensitivity}</td><td class="num">${n(x.reports)}</td></tr>`,
        ),
        'sensitivity',
      )}
    </div>
    ${s.opinionReports.withheld > 0 ? html`<p class="muted">${page.t(TEXT.withheld(s.opinionReports.withheld))}</p>` : nothing}
    <h3>${page.t(TEXT.shortfalls(s.shortfalls.year))}</h3>
    ${
      s.shortfalls.short.length === 0
        ? html`<p class="muted">${page.t(TEXT.noShortfall)}</p>`
        : table(
            TEXT.shortfalls(s.shortfalls.year),
            head([TEXT.person], [TEXT.obligation], [TEXT.required, true], [TEXT.done, true], [TEXT.shortBy, true]),
            s.shortfalls.short.map(
              (x) => html`<tr><td>${x.fullName}</td><td>${x.name[lang]}</td>
                <td class="num">${n(x.required)}</td><td class="num">${n(x.done)}</td><td class="num">${n(x.shortBy)}</td></tr>`,
            ),
            'shortfalls',
          )
    }
  </section>`;
}

export function directive17Section(page: ConsolePage, r: PeriodReport): TemplateResult {
  const { lang, n, table, head } = ui(page);
  const d = r.directive17;
  return html`<section aria-labelledby="h-d17" data-section="directive17">
    <h2 id="h-d17">${page.t(TEXT.directive17)}</h2>
    <dl class="facts">
      <dt>${page.t(TEXT.briefings)}</dt><dd data-figure="d17-briefings">${n(d.briefings)}</dd>
      <dt>${page.t(TEXT.audience)}</dt><dd>${n(d.audience)}</dd>
      <dt>${page.t(TEXT.presenters)}</dt><dd>${n(d.presenters)}</dd>
      <dt>${page.t(TEXT.presentations)}</dt><dd>${n(d.presentations)}</dd>
    </dl>
    <div class="two">
      ${table(
        TEXT.mode,
        head([TEXT.mode], [TEXT.briefings, true], [TEXT.audience, true]),
        d.byMode.map(
          (m) => html`<tr><td>${BRIEFING_MODE_NAMES[m.mode as BriefingMode]?.[lang] ?? m.mode}</td>
            <td class="num">${n(m.briefings)}</td><td class="num">${n(m.audience)}</td></tr>`,
        ),
        'by-mode',
      )}
      ${table(
        TEXT.resolution,
        head([TEXT.resolution], [TEXT.briefings, true]),
        d.byResolution.map((x) => html`<tr><td>${x.resolution}</td><td class="num">${n(x.briefings)}</td></tr>`),
        'by-resolution',
      )}
    </div>
  </section>`;
}

export function outputSection(page: ConsolePage, r: PeriodReport): TemplateResult {
  const { lang, table, plannedHead, planned } = ui(page);
  const o = r.output;
  return html`<section aria-labelledby="h-output" data-section="output">
    <h2 id="h-output">${page.t(TEXT.output)}</h2>
    ${table(
      TEXT.output,
      plannedHead(TEXT.kind),
      o.byKind.map((k) => html`<tr data-kind=${k.kind}><th scope="row">${k.name[lang]}</th>${planned(k.count)}</tr>`),
      'output',
    )}
    ${o.straddling > 0 ? html`<p class="muted">${page.t(TEXT.straddling(o.straddling))}</p>` : nothing}
  </section>`;
}
