import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `plans.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `plans.ts` and build on these.
 */

export const PLAN_MEASURES = [
  'classes',
  'trainees',
  'briefings',
  'audience',
  'conferences',
  'documents',
  'news',
  'radio',
  'banners',
] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

/** The propaganda outputs counted per period: the measures of a plan they answer to. */
export const OUTPUT_KINDS = ['documents', 'news', 'radio', 'banners'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const PLAN_MEASURE_NAMES: Record<PlanMeasure, LocalizedText> = {
  classes: { vi: 'Số lớp', en: 'Classes' },
  trainees: { vi: 'Số học viên', en: 'Trainees' },
  briefings: { vi: 'Số buổi tuyên truyền miệng', en: 'Briefings' },
  audience: { vi: 'Lượt người nghe', en: 'Audience reached' },
  conferences: { vi: 'Số hội nghị', en: 'Conferences' },
  documents: { vi: 'Văn bản ban hành', en: 'Documents issued' },
  news: { vi: 'Tin, bài', en: 'News items' },
  radio: { vi: 'Tin phát thanh, loa truyền thanh', en: 'Radio and loudspeaker items' },
  banners: { vi: 'Băng rôn, khẩu hiệu, pa nô', en: 'Banners and posters' },
};
