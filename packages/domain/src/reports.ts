import { z } from 'zod';
import { formatDate, type IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { namedPeriod } from './reports-terms.js';
import { text } from './text.js';

const endAfterStart = {
  path: ['to'],
  message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
};

/** A reporting period and, optionally, the organising unit (and the units below it). */
export const reportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    organiserCode: text(40).optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, endAfterStart);
export type ReportInput = z.input<typeof reportInput>;

/** The report of a period for a unit and everything within it (every unit when none is named). */
export const periodReportInput = z
  .object({ from: isoDate, to: isoDate, unitId: z.uuid().optional() })
  .strict()
  .refine((r) => r.from <= r.to, endAfterStart);
export type PeriodReportInput = z.input<typeof periodReportInput>;

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;

/** The report of a period as a file: JSON, CSV, XLSX (a sheet per section) or the HTML print view. */
export const reportFileInput = z
  .object({ from: isoDate, to: isoDate, unitId: z.uuid().optional(), format: z.enum(REPORT_FORMATS) })
  .strict()
  .refine((r) => r.from <= r.to, endAfterStart);
export type ReportFileInput = z.input<typeof reportFileInput>;

/** The public subset of a period's report, for a unit named by its code (every unit when none). */
export const publishedReportInput = z
  .object({ from: isoDate, to: isoDate, unitCode: text(40).optional() })
  .strict()
  .refine((r) => r.from <= r.to, endAfterStart);
export type PublishedReportInput = z.input<typeof publishedReportInput>;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The period as staff name it in a title or mid-sentence: "06 tháng đầu năm 2022", "Quý III/2022",
 * "năm 2022", "tháng 5/2022", "09 tháng đầu năm 2022", or the dates "01/03/2022–15/05/2022".
 */
export function periodTitle(from: IsoDate, to: IsoDate): LocalizedText {
  const year = from.slice(0, 4);
  const named = namedPeriod(from, to);
  switch (named?.kind) {
    case 'year':
      return { vi: `năm ${year}`, en: year };
    case 'half1':
      return { vi: `06 tháng đầu năm ${year}`, en: `the first half of ${year}` };
    case 'half2':
      return { vi: `06 tháng cuối năm ${year}`, en: `the second half of ${year}` };
    case 'nine':
      return { vi: `09 tháng đầu năm ${year}`, en: `the first nine months of ${year}` };
    case 'quarter':
      return { vi: `Quý ${ROMAN[named.n - 1]}/${year}`, en: `Q${named.n} ${year}` };
    case 'month':
      return { vi: `tháng ${named.n}/${year}`, en: `${MONTHS_EN[named.n - 1]} ${year}` };
    default:
      return { vi: `${formatDate(from)}–${formatDate(to)}`, en: `${formatDate(from)}–${formatDate(to)}` };
  }
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * How the period opens a report's sentence: "06 tháng đầu năm 2022", "Quý III/2022", "Năm 2022",
 * "Tháng 5/2022", or "Từ ngày 01/03/2022 đến ngày 15/05/2022".
 */
export function periodLabel(from: IsoDate, to: IsoDate): LocalizedText {
  if (!namedPeriod(from, to)) {
    return {
      vi: `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
      en: `From ${formatDate(from)} to ${formatDate(to)}`,
    };
  }
  const title = periodTitle(from, to);
  return { vi: capitalise(title.vi), en: `In ${title.en}` };
}

/** The unit a report speaks for, as the database knows it. */
export interface ReportUnit {
  /** "Huyện Chợ Đồn", "Tỉnh Thái Nguyên", "Xã Chợ Đồn". */
  readonly name: string;
  /** A unit level's code: province, district, commune, village, or one an administrator added. */
  readonly levelCode: string;
}

/** The word of a place's Party committee after its kind: "Huyện Chợ Đồn" → "Huyện ủy". */
const COMMITTEES: readonly [prefix: string, committee: string][] = [
  ['Thành phố ', 'Thành ủy'],
  ['Thị xã ', 'Thị ủy'],
  ['Tỉnh ', 'Tỉnh ủy'],
  ['Huyện ', 'Huyện ủy'],
  ['Quận ', 'Quận ủy'],
];

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function placeName(name: string): { committee: string | null; rest: string } {
  for (const [prefix, committee] of COMMITTEES) {
    if (name.startsWith(prefix)) return { committee, rest: name.slice(prefix.length) };
  }
  return { committee: null, rest: name };
}

/**
 * Who speaks in a report, named for the unit and its level — never a hard-coded "huyện": the
 * training organiser of a district is its political center ("Trung tâm Chính trị huyện Chợ Đồn"),
 * of a province its political school ("Trường Chính trị tỉnh Thái Nguyên"), of a commune its Party
 * committee ("Đảng ủy xã Chợ Đồn"); the propaganda organiser of a district or province is the
 * committee's propaganda department ("Ban Tuyên giáo Huyện ủy Chợ Đồn"), of a commune again its
 * Party committee. A unit of another level speaks under its own name.
 */
export function organiserName(unit: ReportUnit, role: 'training' | 'propaganda'): LocalizedText {
  const place = lowerFirst(unit.name);
  const { committee, rest } = placeName(unit.name);
  switch (unit.levelCode) {
    case 'province':
      return role === 'training'
        ? { vi: `Trường Chính trị ${place}`, en: `the political school of ${unit.name}` }
        : { vi: `Ban Tuyên giáo ${committee ?? 'Tỉnh ủy'} ${rest}`, en: `the propaganda department of ${unit.name}` };
    case 'district':
      return role === 'training'
        ? { vi: `Trung tâm Chính trị ${place}`, en: `the political center of ${unit.name}` }
        : { vi: `Ban Tuyên giáo ${committee ?? 'Huyện ủy'} ${rest}`, en: `the propaganda department of ${unit.name}` };
    case 'commune':
      return { vi: `Đảng ủy ${place}`, en: `the Party committee of ${unit.name}` };
    default:
      return { vi: unit.name, en: unit.name };
  }
}

/** Reports write small counts with two digits, as the center's own reports do ("04 lớp"), and thousands with dots. */
export function reportCount(n: number): string {
  return n < 10 && n >= 0 ? String(n).padStart(2, '0') : n.toLocaleString('vi-VN');
}

const en = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, word: string, many = `${word}s`) => `${en(n)} ${n === 1 ? word : many}`;
/** 64,5 % in Vietnamese, 64.5% in English. */
const percentVi = (p: number) => `${p.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
const percentEn = (p: number) => `${p.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;

const speaker = (organiser: LocalizedText | null | undefined) => ({
  vi: organiser ? ` ${organiser.vi}` : '',
  en: organiser ? ` ${organiser.en}` : '',
});

/**
 * The report's opening sentence, e.g. "06 tháng đầu năm 2022, Trung tâm Chính trị huyện Chợ Đồn đã
 * mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên.", with ", đạt 52,8% kế hoạch năm" when the year's
 * plan sets a trainee target. No organiser: every unit's figures, said without one.
 */
export function trainingSentence(
  period: LocalizedText,
  counts: { readonly classes: number; readonly trainees: number; readonly planPercent?: number | null },
  organiser?: LocalizedText | null,
): LocalizedText {
  const who = speaker(organiser);
  const plan = counts.planPercent ?? null;
  return {
    vi: `${period.vi},${who.vi} đã mở ${reportCount(counts.classes)} lớp đào tạo, bồi dưỡng cho ${reportCount(counts.trainees)} học viên${plan === null ? '' : `, đạt ${percentVi(plan)} kế hoạch năm`}.`,
    en: `${period.en},${who.en || ' there were'} ${organiser ? 'opened ' : ''}${plural(counts.classes, 'training class', 'training classes')} for ${plural(counts.trainees, 'trainee')}${plan === null ? '' : `, ${percentEn(plan)} of the annual plan`}.`,
  };
}

/**
 * The propaganda report's opening sentence, e.g. "Năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã tổ
 * chức 96 buổi tuyên truyền miệng cho 6.512 lượt người nghe, 12 hội nghị với 1.480 lượt người dự;
 * nắm bắt 15 báo cáo dư luận xã hội."
 */
export function propagandaSentence(
  period: LocalizedText,
  counts: {
    readonly briefings: number;
    readonly audience: number;
    readonly conferences: number;
    readonly attendees: number;
    readonly opinionReports: number;
  },
  organiser?: LocalizedText | null,
): LocalizedText {
  const who = speaker(organiser);
  const c = reportCount;
  return {
    vi: `${period.vi},${who.vi} đã tổ chức ${c(counts.briefings)} buổi tuyên truyền miệng cho ${c(counts.audience)} lượt người nghe, ${c(counts.conferences)} hội nghị với ${c(counts.attendees)} lượt người dự; nắm bắt ${c(counts.opinionReports)} báo cáo dư luận xã hội.`,
    en: `${period.en}${organiser ? `, ${organiser.en} held` : ':'} ${plural(counts.briefings, 'briefing')} to an audience of ${en(counts.audience)}, ${plural(counts.conferences, 'conference')} attended ${en(counts.attendees)} times, ${plural(counts.opinionReports, 'public-opinion report')}.`,
  };
}

/**
 * The propaganda output's sentence, e.g. "Năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã ban hành 98
 * văn bản; đăng tải 200 tin, bài; phát 450 tin trên sóng phát thanh, loa truyền thanh; treo 35
 * băng rôn, khẩu hiệu." A kind with nothing counted is left out, as a report writes it (the 2022
 * article counts no banners and says nothing of them), rather than "treo 00 băng rôn".
 */
export function outputSentence(
  period: LocalizedText,
  counts: { readonly documents: number; readonly news: number; readonly radio: number; readonly banners: number },
  organiser?: LocalizedText | null,
): LocalizedText {
  const who = speaker(organiser);
  const c = reportCount;
  const parts = (
    [
      [counts.documents, `ban hành ${c(counts.documents)} văn bản`, plural(counts.documents, 'document')],
      [counts.news, `đăng tải ${c(counts.news)} tin, bài`, plural(counts.news, 'news item')],
      [
        counts.radio,
        `phát ${c(counts.radio)} tin trên sóng phát thanh, loa truyền thanh`,
        plural(counts.radio, 'radio or loudspeaker item'),
      ],
      [counts.banners, `treo ${c(counts.banners)} băng rôn, khẩu hiệu`, plural(counts.banners, 'banner')],
    ] as const
  ).filter(([n]) => n > 0);
  if (parts.length === 0) {
    return {
      vi: `${period.vi},${who.vi} chưa ghi nhận sản phẩm tuyên truyền nào.`,
      en: `${period.en}${organiser ? `, ${organiser.en} recorded` : ':'} no propaganda output.`,
    };
  }
  const english = parts.map(([, , e]) => e);
  const last = english.pop();
  return {
    vi: `${period.vi},${who.vi} đã ${parts.map(([, vi]) => vi).join('; ')}.`,
    en: `${period.en}${organiser ? `, ${organiser.en} issued` : ':'} ${english.length ? `${english.join(', ')} and ` : ''}${last}.`,
  };
}
