import { type Figure, median, round, time } from '@polcenter/bench';
import { seededRandom } from '../src/seed/random.js';
import { createProvinceDataset, type ProvinceDataset } from '../src/testing/index.js';

export const ids = [
  'scale.people.search.growthRatio',
  'scale.roster.atDate.growthRatio',
  'scale.shortfalls.growthRatio',
];

const ROUNDS = 7;
const WARMUP_ROUNDS = 2;
const SEARCHES = 30;
const ROSTER_READS = 60;
const SHORTFALLS = 5;

/**
 * How three reads grow with the province (docs/benchmarks.md): the same call on the province
 * dataset at scale 1 and at scale 0.1 (same tree, same history per roster, a tenth of the people,
 * rosters and decisions), in one process on one PostgreSQL. Each round times a batch of calls on
 * each size, sides alternating which goes first; a figure is the median per-call time at 1 ÷ the
 * median at 0.1. A flat read gives 1; a read that scans everything gives about 10.
 */
export default async function scale(): Promise<Figure[]> {
  const small = await createProvinceDataset({ scale: 0.1 });
  const large = await createProvinceDataset({ scale: 1 });
  try {
    const sizes = (d: ProvinceDataset) =>
      `${d.facts.sizes.people} people, ${d.facts.rosterCount} rosters / ${d.facts.sizes.decisions} decisions`;
    const random = seededRandom(15);
    // The sample district's rosters exist with the same history at both sizes.
    const rosterAsks = Array.from({ length: ROSTER_READS }, () => ({
      roster: Math.floor(random() * 32),
      date: `20${21 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
    }));
    const reads = {
      search: {
        calls: SEARCHES,
        run: (d: ProvinceDataset) => async () => {
          for (let i = 0; i < SEARCHES; i++) await d.people.search({ query: 'nguyen van' });
        },
      },
      roster: {
        calls: ROSTER_READS,
        run: (d: ProvinceDataset) => async () => {
          for (const ask of rosterAsks) {
            await d.rosters.rosterAt({ rosterId: d.facts.rosterIds[ask.roster] as string, date: ask.date });
          }
        },
      },
      shortfalls: {
        calls: SHORTFALLS,
        run: (d: ProvinceDataset) => async () => {
          for (let i = 0; i < SHORTFALLS; i++) {
            await d.obligations.shortfalls({ year: 2024, asOf: '2024-12-31', unitId: d.facts.sampleDistrictId });
          }
        },
      },
    };
    // Same answers at both sizes where the data are the same (rosters, shortfalls of the district).
    for (const ask of rosterAsks.slice(0, 10)) {
      const [a, b] = await Promise.all(
        [small, large].map((d) =>
          d.rosters.rosterAt({ rosterId: d.facts.rosterIds[ask.roster] as string, date: ask.date }),
        ),
      );
      if (JSON.stringify(a?.members) !== JSON.stringify(b?.members)) throw new Error('rosters differ between sizes');
    }
    const [fa, fb] = await Promise.all(
      [small, large].map((d) =>
        d.obligations.shortfalls({ year: 2024, asOf: '2024-12-31', unitId: d.facts.sampleDistrictId }),
      ),
    );
    if (fa?.members !== fb?.members || fa?.shortfalls.length !== fb?.shortfalls.length) {
      throw new Error('shortfalls differ between sizes');
    }
    const [hitsSmall, hitsLarge] = await Promise.all(
      [small, large].map(async (d) => {
        const [row] = await d.orm.em
          .fork()
          .execute<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM person WHERE ' ' || search_name LIKE '% nguyen% van%'`,
          );
        return row?.n ?? 0;
      }),
    );

    const perCall: Record<keyof typeof reads, { small: number[]; large: number[] }> = {
      search: { small: [], large: [] },
      roster: { small: [], large: [] },
      shortfalls: { small: [], large: [] },
    };
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      for (const [name, read] of Object.entries(reads) as [keyof typeof reads, (typeof reads)['search']][]) {
        const smallFirst = r % 2 === 0;
        const first = await time(read.run(smallFirst ? small : large));
        const second = await time(read.run(smallFirst ? large : small));
        if (r < 0) continue;
        const [s, l] = smallFirst ? [first, second] : [second, first];
        perCall[name].small.push(s / read.calls);
        perCall[name].large.push(l / read.calls);
      }
    }
    const figure = (id: string, name: keyof typeof reads, target: string, what: string): Figure => {
      const s = median(perCall[name].small);
      const l = median(perCall[name].large);
      return {
        id,
        value: l / s,
        unit: 'x at 1/10 size',
        baseline: 'the same call on the province at scale 0.1',
        target,
        note:
          `${what}: p50 ${round(l)} ms at scale 1 (${sizes(large)}) vs ${round(s)} ms at 0.1 (${sizes(small)}); ` +
          `median per-call time of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, ${reads[name].calls} sequential calls a round`,
      };
    };
    return [
      figure(
        'scale.people.search.growthRatio',
        'search',
        '<= 1.5',
        `people.search "nguyen van", unscoped, first page of 20 (${hitsLarge} vs ${hitsSmall} people match)`,
      ),
      figure(
        'scale.roster.atDate.growthRatio',
        'roster',
        '<= 1.3',
        'rosters.rosterAt by id, 32 rosters of the sample district (100 decisions each), dates 2021–2024',
      ),
      figure(
        'scale.shortfalls.growthRatio',
        'shortfalls',
        '<= 1.5',
        `obligations.shortfalls 2024 of one district (32 rosters, ${fa?.members} members, ${fa?.shortfalls.length} shortfalls)`,
      ),
    ];
  } finally {
    await small.close();
    await large.close();
  }
}
