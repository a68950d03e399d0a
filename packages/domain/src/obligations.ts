import { z } from 'zod';
import type { IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { OBLIGATION_KINDS, type ObligationKind } from './obligations-terms.js';
import { text } from './text.js';

/**
 * Obligations of rapporteurs (**configurable**): rules as data, e.g. "at least 6 briefings a year",
 * "attend at least 80 % of the year's conferences of one's roster". The product shows who falls
 * short and by how much.
 */

const obligationFields = z
  .object({
    code: text(40).regex(/^[A-Za-z0-9._-]+$/),
    kind: z.enum(OBLIGATION_KINDS),
    /**
     * Whose rule it is: it binds the rosters of this unit and of the units below it. Absent or
     * null: every roster everywhere, which only an administrator may define.
     */
    ownerUnitId: z.uuid().nullish(),
    /** The roster level it binds (null: every roster). */
    rosterLevel: text(40).nullish(),
    /** A fixed count per year… */
    minimum: z.number().int().min(1).max(1000).nullish(),
    /** …or a share of what was held (conferences of one's roster that year), 0–1. */
    minShare: z.number().gt(0).max(1).nullish(),
    name: z.object({ vi: text(200), en: text(200) }).strict(),
    validFromYear: z.number().int().min(1945).max(2200).nullish(),
    validToYear: z.number().int().min(1945).max(2200).nullish(),
  })
  .strict();

type Measured = {
  kind: ObligationKind;
  minimum?: number | null | undefined;
  minShare?: number | null | undefined;
  validFromYear?: number | null | undefined;
  validToYear?: number | null | undefined;
};

/** What a rule must say, whether new or corrected: one measure, a share only of conferences, years in order. */
function measured<T extends z.ZodType<Measured>>(schema: T) {
  return schema
    .refine((o) => Boolean(o.minimum) !== Boolean(o.minShare), {
      path: ['minimum'],
      message: bilingual({
        vi: 'Cho một số tối thiểu hoặc một tỷ lệ, không cả hai.',
        en: 'Give a minimum count or a share, not both.',
      }),
    })
    .refine((o) => !o.minShare || o.kind === 'conference_attendance', {
      path: ['minShare'],
      message: bilingual({ vi: 'Tỷ lệ chỉ dùng cho dự hội nghị.', en: 'A share applies only to conferences.' }),
    })
    .refine((o) => !o.validFromYear || !o.validToYear || o.validFromYear <= o.validToYear, {
      path: ['validToYear'],
      message: bilingual({ vi: 'Năm kết thúc phải sau năm bắt đầu.', en: 'The last year must follow the first.' }),
    });
}

export const obligationInput = measured(obligationFields);
export type ObligationInput = z.input<typeof obligationInput>;

/**
 * A correction of a rule (a mistyped minimum, name, level or years), on the version read
 * (OBLIGATION.STALE otherwise). Whose rule it is does not change. Shortfalls are computed when
 * asked, so a correction applies to every year the rule covers; a rule that changes from a year on
 * is a new rule (`validFromYear`) with the old one ending the year before (`validToYear`).
 */
export const obligationUpdateInput = measured(
  obligationFields.omit({ ownerUnitId: true }).extend({ id: z.uuid(), expectedVersion: versionNumber }),
);
export type ObligationUpdateInput = z.input<typeof obligationUpdateInput>;

/** Six briefings a year and 80 % of the roster's conferences: the demo's defaults. */
export const DEFAULT_OBLIGATIONS: readonly ObligationInput[] = [
  {
    code: 'BRIEFINGS-6',
    kind: 'briefings',
    minimum: 6,
    name: { vi: 'Ít nhất 6 buổi tuyên truyền miệng mỗi năm', en: 'At least 6 briefings a year' },
  },
  {
    code: 'CONFERENCES-80',
    kind: 'conference_attendance',
    minShare: 0.8,
    name: {
      vi: 'Dự ít nhất 80% hội nghị báo cáo viên định kỳ trong năm',
      en: "Attend at least 80% of the year's rapporteur conferences",
    },
  },
];

export interface ObligationRule {
  readonly id: string;
  readonly code: string;
  readonly kind: ObligationKind;
  readonly minimum: number | null;
  readonly minShare: number | null;
  readonly name: LocalizedText;
}

/** What one member did in the year, and what was held for them (conferences of their roster). */
export interface MemberTally {
  readonly personId: string;
  readonly done: Readonly<Record<ObligationKind, number>>;
  readonly held: Readonly<Partial<Record<ObligationKind, number>>>;
}

export interface Shortfall {
  readonly personId: string;
  readonly obligationId: string;
  readonly code: string;
  readonly kind: ObligationKind;
  readonly required: number;
  readonly done: number;
  readonly shortBy: number;
}

/** The count a rule asks of a member: its minimum, or its share of what was held (rounded up). */
export function requiredCount(rule: ObligationRule, tally: MemberTally): number {
  if (rule.minimum) return rule.minimum;
  return Math.ceil((rule.minShare ?? 0) * (tally.held[rule.kind] ?? 0) - 1e-9);
}

/** Everyone below what a rule asks, by how much; most behind first, then by person id. */
export function computeShortfalls(rules: readonly ObligationRule[], tallies: readonly MemberTally[]): Shortfall[] {
  const out: Shortfall[] = [];
  for (const rule of rules) {
    for (const tally of tallies) {
      const required = requiredCount(rule, tally);
      const done = tally.done[rule.kind] ?? 0;
      if (done < required) {
        out.push({
          personId: tally.personId,
          obligationId: rule.id,
          code: rule.code,
          kind: rule.kind,
          required,
          done,
          shortBy: required - done,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      b.shortBy - a.shortBy ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

// ---- workload -------------------------------------------------------------------------------

export const WORKLOAD_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type WorkloadPeriod = (typeof WORKLOAD_PERIODS)[number];

/** `2022-03-14` → `2022-03` (month), `2022-Q1`, `2022-H1`, `2022`. */
export function periodKey(date: IsoDate, period: WorkloadPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    default:
      return year;
  }
}

/** One person's work on one day, as the database counts it. */
export interface WorkloadEntry {
  readonly personId: string;
  readonly date: IsoDate;
  readonly periodsTaught: number;
  readonly sessionsTaught: number;
  readonly briefings: number;
  readonly audience: number;
}

export interface WorkloadRow {
  readonly personId: string;
  readonly period: string;
  readonly periodsTaught: number;
  readonly sessionsTaught: number;
  readonly briefings: number;
  readonly audience: number;
}

/** Rolls daily entries up into periods, per person; ordered by person, then period. */
export function aggregateWorkload(entries: readonly WorkloadEntry[], period: WorkloadPeriod): WorkloadRow[] {
  const rows = new Map<string, WorkloadRow>();
  for (const entry of entries) {
    const key = periodKey(entry.date, period);
    const id = `${entry.personId}|${key}`;
    const row = rows.get(id) ?? {
      personId: entry.personId,
      period: key,
      periodsTaught: 0,
      sessionsTaught: 0,
      briefings: 0,
      audience: 0,
    };
    rows.set(id, {
      ...row,
      periodsTaught: row.periodsTaught + entry.periodsTaught,
      sessionsTaught: row.sessionsTaught + entry.sessionsTaught,
      briefings: row.briefings + entry.briefings,
      audience: row.audience + entry.audience,
    });
  }
  return [...rows.values()].sort((a, b) =>
    a.personId === b.personId ? (a.period < b.period ? -1 : 1) : a.personId < b.personId ? -1 : 1,
  );
}

export const workloadInput = z
  .object({
    from: isoDate,
    to: isoDate,
    period: z.enum(WORKLOAD_PERIODS).default('month'),
    personIds: z.array(z.uuid()).max(1000).optional(),
    /** Only people of this unit or a unit below it. */
    unitId: z.uuid().optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end must come after the start.' }),
  });
export type WorkloadInput = z.input<typeof workloadInput>;

/** The rules that concern a unit (the caller's own when none is named) in a year. */
export const obligationListInput = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    /** Only rules that bind this unit's rosters or that units below it made. */
    unitId: z.uuid().optional(),
  })
  .strict();
export type ObligationListInput = z.input<typeof obligationListInput>;

export const shortfallInput = z
  .object({
    year: z.number().int().min(1945).max(2200),
    /** Only members of rosters owned by this unit or a unit within it in the tree of `asOf` (ADR 0048). */
    unitId: z.uuid().optional(),
    /** Count up to this date (default: the end of the year, or today in the current year). */
    asOf: isoDate.optional(),
  })
  .strict();
export type ShortfallInput = z.input<typeof shortfallInput>;

/** One member against every rule that binds them in a year: met or short, and by how much. */
export const standingInput = z
  .object({
    personId: z.uuid(),
    year: z.number().int().min(1945).max(2200),
    /** Count up to this date (default: the end of the year, or today in the current year). */
    asOf: isoDate.optional(),
  })
  .strict();
export type StandingInput = z.input<typeof standingInput>;
