import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `obligations.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `obligations.ts` and build on these.
 */

export const OBLIGATION_KINDS = ['briefings', 'conference_attendance', 'opinion_reports'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_KIND_NAMES: Record<ObligationKind, LocalizedText> = {
  briefings: { vi: 'Số buổi tuyên truyền miệng', en: 'Briefings given' },
  conference_attendance: { vi: 'Dự hội nghị báo cáo viên', en: 'Rapporteur conferences attended' },
  opinion_reports: { vi: 'Báo cáo tình hình dư luận', en: 'Public-opinion reports' },
};
