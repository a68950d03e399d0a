import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `grading.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `grading.ts` and build on these.
 */

/** Rounds half up to one decimal, immune to 7.45 being stored as 7.4499…. */
export function roundScore(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

/** A classification band: scores at or above `min` (and below the next band up) get it. */
export interface GradeBand {
  readonly code: string;
  readonly min: number;
  readonly name: LocalizedText;
}

/** Bands from highest to lowest; the last one's `min` should be 0. */
export type GradingScale = readonly GradeBand[];

/** The usual scale (configurable): reports show giỏi / khá / đạt. */
export const DEFAULT_GRADING_SCALE: GradingScale = [
  { code: 'excellent', min: 8, name: { vi: 'Giỏi', en: 'Excellent' } },
  { code: 'good', min: 7, name: { vi: 'Khá', en: 'Good' } },
  { code: 'pass', min: 5, name: { vi: 'Đạt (trung bình)', en: 'Pass (average)' } },
  { code: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
];

/** The band a score falls in; bands may be given in any order. */
export function classify(value: number, scale: GradingScale = DEFAULT_GRADING_SCALE): GradeBand {
  const bands = [...scale].sort((a, b) => b.min - a.min);
  const band = bands.find((b) => value >= b.min - 1e-9) ?? bands.at(-1);
  if (!band) throw new Error('A grading scale needs at least one band.');
  return band;
}

/**
 * How a program is passed (configurable): by attendance alone, or by scores, whose weighted
 * mean must reach `minimum` and, where `eachAtLeast` is set, each of them that much too
 * (sơ cấp: every module exam and the final paper).
 */
export type PassRule =
  | { readonly by: 'attendance' }
  | { readonly by: 'score'; readonly minimum: number; readonly eachAtLeast?: number };

export const RESULT_OUTCOMES = ['passed', 'failed', 'incomplete'] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];
