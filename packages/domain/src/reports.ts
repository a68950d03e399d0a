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
