import { z } from 'zod';
import { formatDate, type IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';

/** A reporting period and, optionally, the organising unit (and the units below it). */
export const reportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    organiserCode: text(40).optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
  });
export type ReportInput = z.input<typeof reportInput>;

/**
 * How the period reads in a report: "06 tháng đầu năm 2022", "Năm 2022", "06 tháng cuối năm 2022",
 * or the dates themselves.
 */
export function periodLabel(from: IsoDate, to: IsoDate): LocalizedText {
  const year = from.slice(0, 4);
  if (to.slice(0, 4) === year) {
    const span = `${from.slice(5)}/${to.slice(5)}`;
    if (span === '01-01/06-30') return { vi: `06 tháng đầu năm ${year}`, en: `In the first half of ${year}` };
    if (span === '07-01/12-31') return { vi: `06 tháng cuối năm ${year}`, en: `In the second half of ${year}` };
    if (span === '01-01/12-31') return { vi: `Năm ${year}`, en: `In ${year}` };
  }
  return {
    vi: `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
    en: `From ${formatDate(from)} to ${formatDate(to)}`,
  };
}

/** Reports write small counts with two digits, as the center's own reports do ("04 lớp"). */
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The report's opening sentence, e.g. "06 tháng đầu năm 2022, Trung tâm Chính trị huyện đã mở
 * 04 lớp đào tạo, bồi dưỡng cho 211 học viên."
 */
export function trainingSentence(
  period: LocalizedText,
  counts: { readonly classes: number; readonly trainees: number },
  organiser: LocalizedText = { vi: 'Trung tâm Chính trị huyện', en: 'the district political center' },
): LocalizedText {
  return {
    vi: `${period.vi}, ${organiser.vi} đã mở ${twoDigits(counts.classes)} lớp đào tạo, bồi dưỡng cho ${counts.trainees} học viên.`,
    en: `${period.en}, ${organiser.en} opened ${counts.classes} training class${counts.classes === 1 ? '' : 'es'} for ${counts.trainees} trainee${counts.trainees === 1 ? '' : 's'}.`,
  };
}

/**
 * The propaganda report's opening sentence, e.g. "Năm 2022, đã tổ chức 96 buổi tuyên truyền miệng
 * cho 6.512 lượt người nghe, 12 hội nghị với 1.480 lượt người dự; nắm bắt 15 báo cáo dư luận xã hội."
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
): LocalizedText {
  const vi = (n: number) => n.toLocaleString('vi-VN');
  const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
  return {
    vi: `${period.vi}, đã tổ chức ${twoDigits(counts.briefings)} buổi tuyên truyền miệng cho ${vi(counts.audience)} lượt người nghe, ${twoDigits(counts.conferences)} hội nghị với ${vi(counts.attendees)} lượt người dự; nắm bắt ${twoDigits(counts.opinionReports)} báo cáo dư luận xã hội.`,
    en: `${period.en}: ${plural(counts.briefings, 'briefing')} to an audience of ${counts.audience.toLocaleString('en-GB')}, ${plural(counts.conferences, 'conference')} attended ${counts.attendees.toLocaleString('en-GB')} times, ${plural(counts.opinionReports, 'public-opinion report')}.`,
  };
}
