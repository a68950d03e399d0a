import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `contests.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `contests.ts` and build on these.
 */

/** The three rounds: a written outline (≤ 4 pages or 20 slides), a ~20-minute talk, jury questions. */
export const CONTEST_ROUNDS = ['outline', 'talk', 'questions'] as const;
export type ContestRound = (typeof CONTEST_ROUNDS)[number];

export const CONTEST_ROUND_NAMES: Record<ContestRound, LocalizedText> = {
  outline: { vi: 'Đề cương (tối đa 4 trang hoặc 20 trang chiếu)', en: 'Written outline (≤ 4 pages or 20 slides)' },
  talk: { vi: 'Trình bày (khoảng 20 phút)', en: 'Talk (about 20 minutes)' },
  questions: { vi: 'Trả lời câu hỏi của Ban Giám khảo', en: "Answers to the jury's questions" },
};

/** Default categories; a contest may define its own codes. */
export const DEFAULT_CONTEST_CATEGORIES: readonly { code: string; name: LocalizedText }[] = [
  { code: 'resolution', name: { vi: 'Giới thiệu, quán triệt nghị quyết', en: 'Explaining a resolution' } },
  { code: 'current_affairs', name: { vi: 'Thông tin thời sự', en: 'Current affairs' } },
  { code: 'thematic', name: { vi: 'Báo cáo chuyên đề', en: 'Thematic report' } },
];

export const AWARDS = ['first', 'second', 'third', 'consolation'] as const;
export type Award = (typeof AWARDS)[number];

export const AWARD_NAMES: Record<Award, LocalizedText> = {
  first: { vi: 'Giải Nhất', en: 'First prize' },
  second: { vi: 'Giải Nhì', en: 'Second prize' },
  third: { vi: 'Giải Ba', en: 'Third prize' },
  consolation: { vi: 'Giải Khuyến khích', en: 'Consolation prize' },
};
