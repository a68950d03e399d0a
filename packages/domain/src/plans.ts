import { z } from 'zod';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import { versionNumber } from './lookups.js';
import { OUTPUT_KINDS, PLAN_MEASURES, type PlanMeasure } from './plans-terms.js';
import { text } from './text.js';

/**
 * The year's plan (*kế hoạch năm*) a unit reports against, one target per measure (classes and
 * trainees per program or in all; briefings; conferences; propaganda output), and the propaganda
 * output it records per period (documents issued, news items, radio/loudspeaker items, banners).
 */

const PER_PROGRAM: ReadonlySet<PlanMeasure> = new Set(['classes', 'trainees']);
const target = z.number().int().min(0).max(10_000_000);
const year = z.number().int().min(1945).max(2200);

/** A new target: a unit's plan for a year, of one measure (classes and trainees: of one program, or in all). */
export const planTargetInput = z
  .object({
    unitId: z.uuid(),
    year,
    measure: z.enum(PLAN_MEASURES),
    /** Only for classes and trainees; absent: the target for every program together. */
    programId: z.uuid().nullish(),
    target,
  })
  .strict()
  .refine((t) => !t.programId || PER_PROGRAM.has(t.measure), {
    path: ['programId'],
    message: bilingual({
      vi: 'Chỉ chỉ tiêu số lớp và số học viên mới theo chương trình.',
      en: 'Only class and trainee targets are set per program.',
    }),
  });
export type PlanTargetInput = z.input<typeof planTargetInput>;

/** A corrected target, on the version read. */
export const planTargetUpdateInput = z.object({ id: z.uuid(), expectedVersion: versionNumber, target }).strict();
export type PlanTargetUpdateInput = z.input<typeof planTargetUpdateInput>;

export const planListInput = z.object({ unitId: z.uuid(), year }).strict();
export type PlanListInput = z.input<typeof planListInput>;

const outputPeriod = z
  .object({
    unitId: z.uuid(),
    from: isoDate,
    to: isoDate,
    kind: z.enum(OUTPUT_KINDS),
    count: target,
    note: text(1000).nullish(),
  })
  .strict();

/** A count of propaganda output a unit made in a period (a month, a quarter, a year…). */
export const propagandaOutputInput = outputPeriod
  .refine((o) => o.from <= o.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
  })
  .refine((o) => o.from.slice(0, 4) === o.to.slice(0, 4), {
    path: ['to'],
    message: bilingual({
      vi: 'Một số liệu chỉ thuộc một năm: hãy ghi riêng từng năm.',
      en: 'A count belongs to one year: record each year apart.',
    }),
  });
export type PropagandaOutputInput = z.input<typeof propagandaOutputInput>;

export const propagandaOutputUpdateInput = z
  .object({ id: z.uuid(), expectedVersion: versionNumber, count: target, note: text(1000).nullish() })
  .strict();
export type PropagandaOutputUpdateInput = z.input<typeof propagandaOutputUpdateInput>;

export const propagandaOutputListInput = z
  .object({ unitId: z.uuid(), from: isoDate, to: isoDate })
  .strict()
  .refine((o) => o.from <= o.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' }),
  });
export type PropagandaOutputListInput = z.input<typeof propagandaOutputListInput>;

/**
 * An actual figure beside its plan: `percent` of the target reached (one decimal), null when the
 * unit set no target (or a target of 0).
 */
export interface Planned {
  readonly actual: number;
  readonly plan: number | null;
  readonly percent: number | null;
}

export function planned(actual: number, plan: number | null | undefined): Planned {
  const target = plan ?? null;
  return {
    actual,
    plan: target,
    percent: target ? Math.round((actual / target) * 1000) / 10 : null,
  };
}
