import { z } from 'zod';
import {
  type AttendanceSummary,
  DEFAULT_MAX_ABSENCE_RATIO,
  formatRatio,
  isBarredFromTest,
} from './attendance-terms.js';
import { bilingual, DomainError } from './errors.js';
import {
  classify,
  type GradeBand,
  type GradingScale,
  type PassRule,
  type ResultOutcome,
  roundScore,
} from './grading-terms.js';
import type { LocalizedText } from './i18n.js';
import { pageFields } from './paging.js';
import { text } from './text.js';

/**
 * Scores are on the 10-point scale with one decimal. People type "7,5" (the Vietnamese
 * decimal comma) as often as 7.5; both are accepted, 7.25 and 10.5 are not.
 */
export const score = z
  .union([z.number(), text(10).regex(/^\d{1,2}(?:[.,]\d+)?$/)])
  .transform((value) => (typeof value === 'number' ? value : Number(value.replace(',', '.'))))
  .pipe(
    z
      .number()
      .min(0)
      .max(10)
      .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, {
        message: bilingual({
          vi: 'Điểm chỉ lấy một chữ số thập phân (ví dụ 7,5).',
          en: 'A score has at most one decimal (e.g. 7.5).',
        }),
      })
      .transform(roundScore),
  );

/**
 * A scale is its bands' floors: a band holds every score from its floor up to the next band's,
 * so bands can neither overlap nor leave a gap. What can go wrong is said field by field: no
 * band starting at 0 (scores below the lowest floor would have no band), two bands on one floor,
 * two bands with one code.
 */
export const gradingScaleInput = z
  .array(
    z
      .object({
        code: text(40),
        min: z.number().min(0).max(10),
        name: z.object({ vi: text(100), en: text(100) }).strict(),
      })
      .strict(),
  )
  .min(1)
  .max(10)
  .superRefine((bands, ctx) => {
    if (bands.length > 0 && !bands.some((b) => b.min === 0)) {
      const lowest = bands.reduce((low, b, i) => (b.min < (bands[low]?.min ?? 0) ? i : low), 0);
      ctx.addIssue({
        code: 'custom',
        path: [lowest, 'min'],
        message: bilingual({
          vi: 'Thang xếp loại phải có một mức bắt đầu từ 0 điểm, nếu không điểm thấp sẽ không được xếp loại.',
          en: 'A grading scale needs a band starting at 0, or low scores would have no band.',
        }),
      });
    }
    const floors = new Map<number, number>();
    const codes = new Set<string>();
    bands.forEach((band, index) => {
      const other = floors.get(band.min);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'min'],
          message: bilingual({
            vi: `Mức này trùng điểm sàn ${String(band.min).replace('.', ',')} với mức thứ ${other + 1}.`,
            en: `This band starts at ${band.min}, as band ${other + 1} does.`,
          }),
        });
      } else floors.set(band.min, index);
      if (codes.has(band.code)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'code'],
          message: bilingual({ vi: `Mã mức "${band.code}" bị trùng.`, en: `Band code "${band.code}" appears twice.` }),
        });
      }
      codes.add(band.code);
    });
  })
  // Kept highest first, the way people read a scale.
  .transform((bands) => [...bands].sort((a, b) => b.min - a.min));

export const passRuleInput = z.discriminatedUnion('by', [
  z.object({ by: z.literal('attendance') }).strict(),
  z
    .object({
      by: z.literal('score'),
      minimum: z.number().min(0).max(10),
      eachAtLeast: z.number().min(0).max(10).optional(),
    })
    .strict(),
]);

export type ResultReason =
  | { readonly code: 'attended' }
  | { readonly code: 'scored'; readonly finalScore: number }
  | { readonly code: 'too_many_absences'; readonly missedRatio: number; readonly maxAbsenceRatio: number }
  | { readonly code: 'missing_score' }
  | { readonly code: 'below_minimum'; readonly finalScore: number; readonly minimum: number }
  | { readonly code: 'component_below_minimum'; readonly score: number; readonly minimum: number };

export interface TrainingResult {
  readonly outcome: ResultOutcome;
  readonly finalScore: number | null;
  /** Null when there is no score to classify (attendance-only programs, incomplete trainees). */
  readonly classification: GradeBand | null;
  readonly reason: ResultReason;
}

export interface ScoreEntry {
  readonly value: number;
  /** Relative weight; 1 when absent. */
  readonly weight?: number;
}

/** Weighted mean rounded to one decimal, or null without scores. */
export function finalScore(scores: readonly ScoreEntry[]): number | null {
  const weight = scores.reduce((sum, s) => sum + (s.weight ?? 1), 0);
  if (scores.length === 0 || weight <= 0) return null;
  return roundScore(scores.reduce((sum, s) => sum + s.value * (s.weight ?? 1), 0) / weight);
}

/**
 * A trainee's result from their attendance and scores. Attendance is judged first: a trainee
 * over the absence limit is `incomplete` whatever they scored, since they were not allowed to
 * sit the test. Unmarked sessions count as not attended, so finish the sheets before results.
 */
export function computeResult(input: {
  readonly passRule: PassRule;
  readonly attendance: Pick<AttendanceSummary, 'missedPeriods' | 'unmarkedPeriods' | 'totalPeriods'>;
  readonly scores?: readonly ScoreEntry[];
  readonly maxAbsenceRatio?: number;
  readonly scale?: GradingScale;
}): TrainingResult {
  const maxAbsenceRatio = input.maxAbsenceRatio ?? DEFAULT_MAX_ABSENCE_RATIO;
  const { totalPeriods } = input.attendance;
  const missedPeriods = input.attendance.missedPeriods + input.attendance.unmarkedPeriods;
  if (isBarredFromTest({ missedPeriods, totalPeriods }, maxAbsenceRatio)) {
    return {
      outcome: 'incomplete',
      finalScore: null,
      classification: null,
      reason: { code: 'too_many_absences', missedRatio: missedPeriods / totalPeriods, maxAbsenceRatio },
    };
  }
  const rule = input.passRule;
  if (rule.by === 'attendance') {
    return { outcome: 'passed', finalScore: null, classification: null, reason: { code: 'attended' } };
  }
  const scores = input.scores ?? [];
  const final = finalScore(scores);
  if (final === null) {
    return { outcome: 'incomplete', finalScore: null, classification: null, reason: { code: 'missing_score' } };
  }
  const classification = classify(final, input.scale);
  const weakest = rule.eachAtLeast === undefined ? undefined : scores.find((s) => s.value < (rule.eachAtLeast ?? 0));
  if (weakest && rule.eachAtLeast !== undefined) {
    return {
      outcome: 'failed',
      finalScore: final,
      classification,
      reason: { code: 'component_below_minimum', score: weakest.value, minimum: rule.eachAtLeast },
    };
  }
  if (final < rule.minimum) {
    return {
      outcome: 'failed',
      finalScore: final,
      classification,
      reason: { code: 'below_minimum', finalScore: final, minimum: rule.minimum },
    };
  }
  return { outcome: 'passed', finalScore: final, classification, reason: { code: 'scored', finalScore: final } };
}

const formatScore = (value: number) => String(value).replace('.', ',');

/** The reason for a result as a sentence, for the trainee's record and the unit's report. */
export function describeResultReason(reason: ResultReason): LocalizedText {
  switch (reason.code) {
    case 'attended':
      return { vi: 'Tham gia đủ thời gian quy định.', en: 'Attended the required time.' };
    case 'scored':
      return { vi: `Đạt ${formatScore(reason.finalScore)} điểm.`, en: `Scored ${reason.finalScore}.` };
    case 'too_many_absences':
      return {
        vi: `Nghỉ ${formatRatio(reason.missedRatio)} số tiết, quá mức cho phép ${formatRatio(reason.maxAbsenceRatio)}: không đủ điều kiện dự kiểm tra.`,
        en: `Missed ${formatRatio(reason.missedRatio, 'en')} of the periods, over the ${formatRatio(reason.maxAbsenceRatio, 'en')} allowed: not admitted to the test.`,
      };
    case 'missing_score':
      return { vi: 'Chưa có điểm kiểm tra, thu hoạch.', en: 'No test or paper score yet.' };
    case 'below_minimum':
      return {
        vi: `Điểm ${formatScore(reason.finalScore)} dưới mức đạt ${formatScore(reason.minimum)}.`,
        en: `Score ${reason.finalScore} is below the pass mark ${reason.minimum}.`,
      };
    case 'component_below_minimum':
      return {
        vi: `Có bài đạt ${formatScore(reason.score)} điểm, dưới mức tối thiểu ${formatScore(reason.minimum)}.`,
        en: `One paper scored ${reason.score}, below the minimum ${reason.minimum}.`,
      };
  }
}

/** ENROLMENT.BARRED_FROM_TEST: a score recorded for a trainee over the absence limit. */
export function barredFromTestError(missedRatio: number, maxAbsenceRatio: number): DomainError {
  return new DomainError(
    'ENROLMENT.BARRED_FROM_TEST',
    {
      vi: `Học viên nghỉ ${formatRatio(missedRatio)} số tiết (quá ${formatRatio(maxAbsenceRatio)}), không được dự kiểm tra.`,
      en: `The trainee missed ${formatRatio(missedRatio, 'en')} of the periods (over ${formatRatio(maxAbsenceRatio, 'en')}) and may not sit the test.`,
    },
    { details: { missedRatio, maxAbsenceRatio } },
  );
}

/** Recording scores for one trainee: several papers, or a single final one. */
export const scoreSheetInput = z
  .object({
    enrolmentId: z.uuid(),
    scores: z
      .array(
        z
          .object({
            label: text(200),
            value: score,
            weight: z.number().positive().max(100).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();
export type ScoreSheetInput = z.input<typeof scoreSheetInput>;

/** A page of a class's score grid. */
export const scoreGridInput = z.object({ classId: z.uuid(), ...pageFields }).strict();
export type ScoreGridInput = z.input<typeof scoreGridInput>;
