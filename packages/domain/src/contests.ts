import { z } from 'zod';
import { AWARDS, type Award, CONTEST_ROUND_NAMES, CONTEST_ROUNDS, type ContestRound } from './contests-terms.js';
import { isoDate } from './dates.js';
import { DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';

/**
 * Rapporteur contests (*Hội thi báo cáo viên giỏi*): entrants in categories, three rounds scored
 * by judges, a ranking and awards. The rules are data (**configurable**) with these defaults.
 */

export const contestRulesSchema = z
  .object({
    /** Points each round is scored out of; the total is the sum of the round averages. */
    maxPoints: z
      .object({
        outline: z.number().positive().max(1000),
        talk: z.number().positive().max(1000),
        questions: z.number().positive().max(1000),
      })
      .strict(),
    /** Rounds compared, in order, when totals are equal. */
    tieBreak: z.array(z.enum(CONTEST_ROUNDS)).max(3),
    /** How many prizes of each kind, per category, from the top. */
    awards: z.array(z.object({ award: z.enum(AWARDS), count: z.number().int().min(0).max(100) }).strict()).max(4),
    /** No prize below this total (a share of the maximum total, 0–1). */
    minShareForAward: z.number().min(0).max(1),
  })
  .strict();
/**
 * Written out rather than `z.output<…>`: it travels in API answers, and a client's declaration
 * then needs no zod to name it (ADR 0017). The schema must produce exactly this (checked below).
 */
export interface ContestRules {
  maxPoints: { outline: number; talk: number; questions: number };
  tieBreak: ContestRound[];
  awards: { award: Award; count: number }[];
  minShareForAward: number;
}
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const rulesMatchSchema: Same<ContestRules, z.output<typeof contestRulesSchema>> = true;
void rulesMatchSchema;

/**
 * 100 points: outline 20, talk 50, questions 30; ties broken by the talk, then the answers;
 * per category one first, two second, three third and three consolation prizes, none below 50.
 */
export const DEFAULT_CONTEST_RULES: ContestRules = {
  maxPoints: { outline: 20, talk: 50, questions: 30 },
  tieBreak: ['talk', 'questions'],
  awards: [
    { award: 'first', count: 1 },
    { award: 'second', count: 2 },
    { award: 'third', count: 3 },
    { award: 'consolation', count: 3 },
  ],
  minShareForAward: 0.5,
};

export interface JudgeScore {
  readonly entrantId: string;
  readonly judgeId: string;
  readonly round: ContestRound;
  readonly score: number;
}

export interface ContestResult {
  readonly entrantId: string;
  /** Average of the judges' scores per round, two decimals; null when no judge scored the round. */
  readonly averages: Readonly<Record<ContestRound, number | null>>;
  /** Sum of the round averages, two decimals; null when a round is missing. */
  readonly total: number | null;
  /** 1-based; entrants still tied after the tie-break share a rank ("1, 2, 2, 4"); null: unranked. */
  readonly rank: number | null;
  readonly award: Award | null;
  /** Why two entrants with equal totals stand where they do, when they do. */
  readonly note: LocalizedText | null;
}

/**
 * Scores are compared in hundredths, as announced: averages are rounded to two decimals first,
 * so 3 judges giving 8, 8 and 9 make 8.33, and 8.33 + 8.33 is 16.66 (not 16.67).
 */
const hundredths = (value: number) => Math.round(value * 100);

export function averageScores(scores: readonly JudgeScore[], entrantId: string): Record<ContestRound, number | null> {
  const averages = { outline: null, talk: null, questions: null } as Record<ContestRound, number | null>;
  for (const round of CONTEST_ROUNDS) {
    const mine = scores.filter((s) => s.entrantId === entrantId && s.round === round);
    if (mine.length > 0) averages[round] = hundredths(mine.reduce((sum, s) => sum + s.score, 0) / mine.length) / 100;
  }
  return averages;
}

/**
 * Ranks the entrants of one category. Order: total, then each tie-break round's average in turn;
 * entrants equal on all of them share a rank and the next rank is skipped. An entrant missing a
 * round is listed last, unranked. Awards go down the ranking (count per award); sharers of a rank
 * get the same prize, so a tie on the last first-prize place gives two first prizes and pushes
 * the second prizes down.
 */
export function rankContest(
  entrantIds: readonly string[],
  scores: readonly JudgeScore[],
  rules: ContestRules = DEFAULT_CONTEST_RULES,
): ContestResult[] {
  const rows = entrantIds.map((entrantId) => {
    const averages = averageScores(scores, entrantId);
    const complete = CONTEST_ROUNDS.every((r) => averages[r] !== null);
    const total = complete ? CONTEST_ROUNDS.reduce((sum, r) => sum + hundredths(averages[r] ?? 0), 0) / 100 : null;
    return { entrantId, averages, total };
  });
  const ranked = rows.filter((r) => r.total !== null);
  const unranked = rows.filter((r) => r.total === null);
  const key = (r: (typeof rows)[number]) => [
    hundredths(r.total ?? 0),
    ...rules.tieBreak.map((round) => hundredths(r.averages[round] ?? 0)),
  ];
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (kb[i] ?? 0) - (ka[i] ?? 0);
    return 0;
  };
  ranked.sort((a, b) => compare(a, b) || (a.entrantId < b.entrantId ? -1 : 1));

  const maxTotal = rules.maxPoints.outline + rules.maxPoints.talk + rules.maxPoints.questions;
  const prizeSlots: Award[] = rules.awards.flatMap((a) => Array.from({ length: a.count }, () => a.award));
  const results: ContestResult[] = [];
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    const sharesWithPrevious = previous !== undefined && compare(previous, row) === 0;
    const rank = sharesWithPrevious ? (results[index - 1]?.rank ?? index + 1) : index + 1;
    const eligible = (row.total ?? 0) >= maxTotal * rules.minShareForAward;
    results.push({
      entrantId: row.entrantId,
      averages: row.averages,
      total: row.total,
      rank,
      award: eligible ? (prizeSlots[rank - 1] ?? null) : null,
      note: tieNote(row, ranked, rules, compare),
    });
  });
  for (const row of unranked) {
    results.push({
      entrantId: row.entrantId,
      averages: row.averages,
      total: null,
      rank: null,
      award: null,
      note: { vi: 'Chưa đủ điểm cả ba phần thi, chưa xếp hạng.', en: 'Not scored in all three rounds; unranked.' },
    });
  }
  return results;
}

function tieNote<R extends { entrantId: string; total: number | null; averages: Record<ContestRound, number | null> }>(
  row: R,
  all: readonly R[],
  rules: ContestRules,
  compare: (a: R, b: R) => number,
): LocalizedText | null {
  const sameTotal = all.filter((o) => o !== row && hundredths(o.total ?? 0) === hundredths(row.total ?? 0));
  if (sameTotal.length === 0) return null;
  if (sameTotal.some((o) => compare(o, row) === 0)) {
    return {
      vi: 'Bằng điểm tổng và điểm các phần xét phụ với thí sinh khác: đồng hạng.',
      en: 'Equal total and tie-break rounds with another entrant: rank shared.',
    };
  }
  const round = rules.tieBreak.find((r) =>
    sameTotal.some((o) => hundredths(o.averages[r] ?? 0) !== hundredths(row.averages[r] ?? 0)),
  );
  const name = round ? CONTEST_ROUND_NAMES[round] : null;
  return {
    vi: `Bằng điểm tổng với thí sinh khác; thứ hạng xét theo điểm phần ${name?.vi.toLowerCase() ?? ''}.`,
    en: `Equal total with another entrant; order decided by the ${name?.en.toLowerCase() ?? ''} round.`,
  };
}

// ---- inputs ---------------------------------------------------------------------------------

export const contestInput = z
  .object({
    title: text(300),
    ownerUnitId: z.uuid(),
    heldOn: isoDate,
    /** The contest's level (district → province → region); the owner's unit level when absent. */
    level: text(40).optional(),
    categories: z
      .array(z.object({ code: text(40), name: text(200) }).strict())
      .min(1)
      .max(10)
      .optional(),
    rules: contestRulesSchema.optional(),
  })
  .strict();
export type ContestInput = z.input<typeof contestInput>;

export const contestEntrantInput = z
  .object({
    contestId: z.uuid(),
    personId: z.uuid(),
    category: text(40),
    topic: text(300),
  })
  .strict();
export type ContestEntrantInput = z.input<typeof contestEntrantInput>;

export const contestScoresInput = z
  .object({
    contestId: z.uuid(),
    scores: z
      .array(
        z
          .object({
            entrantId: z.uuid(),
            judgeId: z.uuid(),
            round: z.enum(CONTEST_ROUNDS),
            score: z.number().min(0).max(1000).multipleOf(0.1),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict();
export type ContestScoresInput = z.input<typeof contestScoresInput>;

/** The jury (*Ban Giám khảo*): only its members' scores are taken. */
export const contestJudgesInput = z
  .object({ contestId: z.uuid(), judgeIds: z.array(z.uuid()).min(1).max(15) })
  .strict();
export type ContestJudgesInput = z.input<typeof contestJudgesInput>;

export function notAJudgeError(index: number): DomainError {
  return new DomainError(
    'CONTEST.NOT_A_JUDGE',
    {
      vi: 'Người chấm điểm không có trong Ban Giám khảo của hội thi.',
      en: 'The person scoring is not on the contest’s jury.',
    },
    {
      fields: [
        {
          field: `scores.${index}.judgeId`,
          message: { vi: 'Không có trong Ban Giám khảo.', en: 'Not on the jury.' },
        },
      ],
    },
  );
}

export function judgeHasScoresError(index: number): DomainError {
  return new DomainError(
    'CONTEST.JUDGE_HAS_SCORES',
    {
      vi: 'Giám khảo đã chấm điểm thì không bỏ khỏi Ban Giám khảo được.',
      en: 'A judge who has scored cannot leave the jury.',
    },
    {
      fields: [
        {
          field: `judgeIds`,
          message: {
            vi: `Giám khảo thứ ${index + 1} bị bỏ đã chấm điểm.`,
            en: `Judge ${index + 1} removed has already scored.`,
          },
        },
      ],
    },
  );
}

/** A unit's contest is held at its level or below: a commune's contest is never a district one. */
export function contestLevelAboveOwnerError(level: string, ownerLevel: string): DomainError {
  return new DomainError(
    'CONTEST.LEVEL_ABOVE_OWNER',
    {
      vi: `Hội thi cấp "${level}" phải do đơn vị cấp đó tổ chức, không phải đơn vị cấp "${ownerLevel}".`,
      en: `A "${level}" contest is held by a unit of that level, not by a "${ownerLevel}" unit.`,
    },
    {
      fields: [
        {
          field: 'level',
          message: { vi: 'Cao hơn cấp của đơn vị tổ chức.', en: 'Above the level of the owner unit.' },
        },
      ],
    },
  );
}

export function scoreOutOfRangeError(round: ContestRound, max: number, index: number): DomainError {
  return new DomainError(
    'CONTEST.SCORE_OUT_OF_RANGE',
    {
      vi: `Điểm phần ${CONTEST_ROUND_NAMES[round].vi.toLowerCase()} tối đa là ${max}.`,
      en: `The ${CONTEST_ROUND_NAMES[round].en.toLowerCase()} round is scored out of ${max}.`,
    },
    { fields: [{ field: `scores.${index}.score`, message: { vi: `Tối đa ${max}.`, en: `At most ${max}.` } }] },
  );
}
