import type { EntityManager } from '@mikro-orm/postgresql';
import { dayOffReason, type OutputKind, type PlanMeasure } from '@polcenter/domain';
import { insertRows } from './insert-rows.js';

/**
 * The district's propaganda output of 2022, month by month, as the propaganda department tallied
 * it. The first half sums to the article's figures: 98 documents and "nearly 200" news items on
 * the district portal, "over 450" items on district radio (196 and 457 here). The second half is
 * invented in the same rhythm. The article counts no banners, so none are recorded.
 */
export const OUTPUT_2022: Readonly<Record<Exclude<OutputKind, 'banners'>, readonly number[]>> = {
  documents: [14, 11, 19, 17, 18, 19, 17, 18, 16, 19, 17, 20],
  news: [31, 24, 36, 34, 35, 36, 33, 35, 32, 36, 34, 38],
  radio: [76, 62, 82, 77, 79, 81, 78, 80, 77, 81, 79, 84],
};

const WHERE: Record<keyof typeof OUTPUT_2022, string> = {
  documents: 'Văn bản đăng trên Cổng Thông tin điện tử huyện',
  news: 'Tin, bài trên Cổng Thông tin điện tử huyện',
  radio: 'Tin, bài trên sóng phát thanh huyện',
};

/**
 * The district's plan for 2022, set in January: classes and trainees per program (the resolution
 * study has sites, not trainees), briefings and their audience, the monthly conferences, and the
 * output. Chosen so that the year's actual reads as staff would write it: 392 of 610 trainees
 * (64.3 %), output a little over plan.
 */
export const PLAN_2022: readonly (readonly [PlanMeasure, string | null, number])[] = [
  ['classes', 'NTĐ', 3],
  ['trainees', 'NTĐ', 200],
  ['classes', 'ĐVM', 2],
  ['trainees', 'ĐVM', 140],
  ['classes', 'CNKT', 2],
  ['trainees', 'CNKT', 120],
  ['classes', 'BDNV', 2],
  ['trainees', 'BDNV', 100],
  ['classes', 'SC', 1],
  ['trainees', 'SC', 50],
  ['classes', 'NQ', 2],
  ['briefings', null, 120],
  ['audience', null, 7000],
  ['conferences', null, 12],
  ['documents', null, 200],
  ['news', null, 400],
  ['radio', null, 900],
];

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** An office's working day on or after `iso`: Monday to Friday, no holiday, not in the Tết break. */
export function nextWorkingDay(iso: string): string {
  let day = iso;
  while (dayOffReason(day) || new Date(`${day}T00:00:00Z`).getUTCDay() === 6) day = addDays(day, 1);
  return day;
}

const at = (day: string) => `${day}T09:00:00+07:00`;

/**
 * Writes the district's 2022 plan and monthly output tallies into the tables the API writes
 * (`plan_target`, `propaganda_output`), each dated on the working day staff would have entered it:
 * the plan on the first working day after 10 January, a month's tally on the first working day of
 * the next month.
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
 */
export async function seedPlanAndOutput2022(
  tx: EntityManager,
  unitId: (code: string) => string,
  idFor: (key: string) => string,
): Promise<{ targets: number; tallies: number }> {
  const district = unitId('064');
  const planned = at(nextWorkingDay('2022-01-10'));
  const targets = PLAN_2022.map(([measure, program, target]) => [
    idFor(`plan:2022:${measure}:${program ?? 'all'}`),
    district,
    2022,
    measure,
    program ? idFor(`program:${program}`) : null,
    target,
    planned,
    planned,
  ]);
  await insertRows(
    tx,
    'plan_target',
    ['id', 'unit_id', 'year', 'measure', 'program_id', 'target', 'created_at', 'updated_at'],
    targets,
  );
  const tallies: unknown[][] = [];
  for (const [kind, counts] of Object.entries(OUTPUT_2022) as [keyof typeof OUTPUT_2022, readonly number[]][]) {
    counts.forEach((count, i) => {
      const month = String(i + 1).padStart(2, '0');
      const from = `2022-${month}-01`;
      const next = i === 11 ? '2023-01-01' : `2022-${String(i + 2).padStart(2, '0')}-01`;
      const recorded = at(nextWorkingDay(next));
      tallies.push([
        idFor(`output:2022:${month}:${kind}`),
        district,
        from,
        addDays(next, -1),
        kind,
        count,
        `${WHERE[kind]}, tháng ${month}/2022`,
        recorded,
        recorded,
      ]);
    });
  }
  await insertRows(
    tx,
    'propaganda_output',
    ['id', 'unit_id', 'period_from', 'period_to', 'kind', 'count', 'note', 'created_at', 'updated_at'],
    tallies,
  );
  return { targets: targets.length, tallies: tallies.length };
}
