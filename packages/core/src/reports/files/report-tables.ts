import {
  BRIEFING_MODE_NAMES,
  type BriefingMode,
  ETHNICITY_NAMES,
  type Ethnicity,
  formatDate,
  GENDER_NAMES,
  type Gender,
  type Lang,
  type LocalizedText,
  type Planned,
  SENSITIVITY_NAMES,
  type Sensitivity,
} from '@polcenter/domain';
import type { PeriodReport } from '../period-report.js';

export type Cell = string | number | null;

/** One section of a report as a table: what a sheet, a CSV block and a printed table each show. */
export interface ReportTable {
  /** The section's name: the sheet's name and the printed heading. */
  readonly title: string;
  /** The sentence that opens the section in print, if any. */
  readonly sentence?: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Columns holding a percent (one decimal). */
  readonly percentColumns?: ReadonlySet<number>;
}

const T = (vi: string, en: string): LocalizedText => ({ vi, en });
const nameOf = <K extends string>(
  names: Record<K, LocalizedText>,
  code: string | null,
  lang: Lang,
  none: LocalizedText,
) => (code === null ? none[lang] : ((names as Record<string, LocalizedText>)[code]?.[lang] ?? code));
const UNKNOWN = T('Chưa rõ', 'Unknown');

/** The plan beside the actual: actual, plan, % of plan. */
const plannedCells = (p: Planned): Cell[] => [p.actual, p.plan, p.percent];

/**
 * The period report as the tables of an official report, section by section, in the language
 * asked (Vietnamese headers by default): figures with a plan carry the plan and its % beside them.
 */
export function reportTables(report: PeriodReport, lang: Lang = 'vi'): ReportTable[] {
  const h = (vi: string, en: string) => T(vi, en)[lang];
  const t = report.training;
  const r = report.rapporteurs;
  const planHeaders = [h('Thực hiện', 'Actual'), h('Kế hoạch', 'Plan'), h('% kế hoạch', '% of plan')];
  const output = (kind: string) => report.output.byKind.find((o) => o.kind === kind);
  const noPlan = (n: number): Planned => ({ actual: n, plan: null, percent: null });

  const summary: [LocalizedText, Planned][] = [
    [T('Số lớp đào tạo, bồi dưỡng', 'Training classes'), t.classes],
    [T('Số học viên', 'Trainees'), t.trainees],
    [T('Học viên hoàn thành', 'Trainees completed'), noPlan(t.completed)],
    [T('Học viên đạt yêu cầu', 'Trainees passed'), noPlan(t.passed)],
    [T('Giấy chứng nhận đã cấp', 'Certificates issued'), noPlan(t.certificates)],
    [T('Học viên do đơn vị cử đi học', 'Trainees sent by the units'), noPlan(t.sent.trainees)],
    [T('Báo cáo viên (cuối kỳ)', 'Rapporteurs (at the end)'), noPlan(r.roster.members)],
    [T('Buổi tuyên truyền miệng', 'Briefings'), r.briefings.planned],
    [T('Lượt người nghe', 'Audience'), r.briefings.audiencePlanned],
    [T('Hội nghị', 'Conferences'), r.conferences.planned],
    [T('Lượt người dự hội nghị', 'Conference attendance'), noPlan(r.conferences.attendees)],
    [T('Báo cáo dư luận xã hội', 'Public-opinion reports'), noPlan(r.opinionReports.count + r.opinionReports.withheld)],
    ...report.output.byKind.map((o): [LocalizedText, Planned] => [o.name, o.count]),
  ];

  const tables: ReportTable[] = [
    {
      title: h('Tổng hợp', 'Summary'),
      sentence: report.sentences.training[lang],
      headers: [h('Nội dung', 'Figure'), ...planHeaders],
      rows: [
        ...summary.map(([name, p]) => [name[lang], ...plannedCells(p)]),
        [h('Tỷ lệ đạt (%)', 'Pass rate (%)'), t.passRate, null, null],
      ],
      percentColumns: new Set([3]),
    },
    {
      title: h('Theo chương trình', 'By program'),
      headers: [
        h('Mã', 'Code'),
        h('Chương trình', 'Program'),
        h('Số lớp', 'Classes'),
        h('Kế hoạch lớp', 'Classes planned'),
        h('% kế hoạch lớp', '% of class plan'),
        h('Số học viên', 'Trainees'),
        h('Kế hoạch học viên', 'Trainees planned'),
        h('% kế hoạch học viên', '% of trainee plan'),
        h('Hoàn thành', 'Completed'),
        h('Đạt', 'Passed'),
      ],
      rows: t.byProgram.map((p) => [
        p.code,
        p.name[lang],
        ...plannedCells(p.classes),
        ...plannedCells(p.trainees),
        p.completed,
        p.passed,
      ]),
      percentColumns: new Set([4, 7]),
    },
    {
      title: h('Kết quả, xếp loại', 'Results'),
      headers: [h('Xếp loại', 'Classification'), h('Số học viên', 'Trainees')],
      rows: t.classification.map((c) => [c.name[lang], c.trainees]),
    },
    {
      title: h('Theo đơn vị', 'By unit'),
      headers: [h('Mã đơn vị', 'Unit code'), h('Đơn vị', 'Unit'), h('Số học viên', 'Trainees'), h('Đạt', 'Passed')],
      rows: t.byUnit.map((u) => [u.code, u.name ?? h('Ngoài đơn vị', 'From elsewhere'), u.trainees, u.passed]),
    },
    {
      title: h('Dân tộc, giới tính', 'Ethnic group, gender'),
      headers: [h('Phân theo', 'By'), h('Nhóm', 'Group'), h('Số học viên', 'Trainees')],
      rows: [
        ...t.byEthnicity.map((e) => [
          h('Dân tộc', 'Ethnic group'),
          nameOf(ETHNICITY_NAMES, e.ethnicity, lang, UNKNOWN),
          e.trainees,
        ]),
        ...t.byGender.map((g) => [h('Giới tính', 'Gender'), nameOf(GENDER_NAMES, g.gender, lang, UNKNOWN), g.trainees]),
      ],
    },
    {
      title: h('Đội ngũ báo cáo viên', 'Rapporteurs'),
      headers: [h('Phân theo', 'By'), h('Nhóm', 'Group'), h('Số người', 'People')],
      rows: [
        ...r.roster.byLevel.map((l) => [h('Cấp', 'Level'), l.level, l.members]),
        ...r.roster.byField.map((f) => [h('Lĩnh vực', 'Field'), f.name[lang], f.members]),
      ],
    },
    {
      title: h('Tuyên truyền miệng (Chỉ thị 17-CT/TW)', 'Oral propaganda (Directive 17-CT/TW)'),
      sentence: report.sentences.propaganda[lang],
      headers: [h('Phân theo', 'By'), h('Nhóm', 'Group'), h('Số buổi', 'Briefings'), h('Lượt người nghe', 'Audience')],
      rows: [
        ...report.directive17.byMode.map((m) => [
          h('Hình thức', 'Mode'),
          nameOf(BRIEFING_MODE_NAMES as Record<BriefingMode, LocalizedText>, m.mode, lang, UNKNOWN),
          m.briefings,
          m.audience,
        ]),
        ...r.briefings.byEthnicityAndGender.map((g) => [
          h('Người nghe', 'Audience'),
          `${nameOf(ETHNICITY_NAMES as Record<Ethnicity, LocalizedText>, g.ethnicity, lang, UNKNOWN)} – ${nameOf(GENDER_NAMES as Record<Gender, LocalizedText>, g.gender, lang, UNKNOWN)}`,
          null,
          g.audience,
        ]),
        [h('Người nghe', 'Audience'), h('Không phân loại', 'Not classified'), null, r.briefings.unclassified],
        [h('Báo cáo viên tham gia', 'Presenters'), h('Số người', 'People'), report.directive17.presenters, null],
        ...report.directive17.byResolution.map((x) => [h('Nghị quyết', 'Resolution'), x.resolution, x.briefings, null]),
      ],
    },
    {
      title: h('Hội nghị', 'Conferences'),
      headers: [h('Ngày', 'Date'), h('Hội nghị', 'Conference'), h('Điểm cầu', 'Site'), h('Số người dự', 'Attendees')],
      rows: r.conferences.sites.map((s) => [formatDate(s.date), s.title, s.site, s.attendees]),
    },
    {
      title: h('Dư luận xã hội', 'Public opinion'),
      headers: [h('Chủ đề', 'Topic'), h('Số báo cáo', 'Reports')],
      rows: [
        ...r.opinionReports.byTopic.map((x) => [x.topic, x.reports]),
        ...r.opinionReports.bySensitivity.map((x) => [
          `${h('Mức độ', 'Sensitivity')}: ${nameOf(SENSITIVITY_NAMES as Record<Sensitivity, LocalizedText>, x.sensitivity, lang, UNKNOWN)}`,
          x.reports,
        ]),
        ...(r.opinionReports.withheld
          ? [[h('Nhạy cảm, phức tạp (không hiển thị)', 'Sensitive or complex (not shown)'), r.opinionReports.withheld]]
          : []),
      ],
    },
    {
      title: h('Thực hiện nghĩa vụ', 'Obligations'),
      headers: [
        h('Họ và tên', 'Full name'),
        h('Nghĩa vụ', 'Obligation'),
        h('Yêu cầu', 'Required'),
        h('Đã thực hiện', 'Done'),
        h('Còn thiếu', 'Short by'),
      ],
      rows: r.shortfalls.short.map((s) => [s.fullName, s.name[lang], s.required, s.done, s.shortBy]),
    },
    {
      title: h('Sản phẩm tuyên truyền', 'Propaganda output'),
      sentence: report.sentences.output[lang],
      headers: [h('Loại', 'Kind'), ...planHeaders],
      rows: ['documents', 'news', 'radio', 'banners'].flatMap((kind) => {
        const o = output(kind);
        return o ? [[o.name[lang], ...plannedCells(o.count)]] : [];
      }),
      percentColumns: new Set([3]),
    },
  ];
  return tables;
}

/** The report's heading lines: who reports, what, for which period. */
export function reportHeading(report: PeriodReport, lang: Lang = 'vi') {
  const organiser = report.organiser;
  return {
    organiser: organiser ? organiser.training[lang] : lang === 'vi' ? 'Toàn bộ các đơn vị' : 'Every unit',
    title:
      lang === 'vi'
        ? `BÁO CÁO KẾT QUẢ CÔNG TÁC ${report.periodTitle.vi.toLocaleUpperCase('vi')}`
        : `REPORT FOR ${report.periodTitle.en.toUpperCase()}`,
    unit: organiser ? organiser.name : null,
    period: report.periodTitle[lang],
  };
}

/** A file name for the report: `bao-cao-064-2022-01-01-2022-06-30`. */
export function reportFileName(report: PeriodReport, lang: Lang = 'vi'): string {
  const code = (report.organiser?.code ?? (lang === 'vi' ? 'tat-ca' : 'all')).replace(/[^A-Za-z0-9_-]/g, '-');
  return `${lang === 'vi' ? 'bao-cao' : 'report'}-${code}-${report.from}-${report.to}`;
}
