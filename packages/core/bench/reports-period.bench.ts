import { type Figure, median, time } from '@polcenter/bench';
import pg from 'pg';
import { reportXlsx } from '../src/reports/files/index.js';
import type { PeriodReport } from '../src/reports/period-report.js';
import { createProvinceDataset } from '../src/testing/index.js';

export const ids = ['reports.period.ratio', 'reports.xlsx.seconds'];

const ROUNDS = 5;
const WARMUP_ROUNDS = 1;
/** The year of the reform: districts end and communes merge on 1 July, mid-period. */
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/**
 * The baseline, written for this bench alone (not the product's query text): the province and
 * everything that is or was within it — children by `parent_id` and predecessors by `unit_link` —
 * then each figure as a plain aggregate. $1 province, $2 from, $3 to.
 */
const BASELINE = `
WITH RECURSIVE reach(id) AS (
  SELECT $1::uuid
  UNION
  SELECT x.id FROM reach r
    JOIN LATERAL (SELECT u.id FROM unit u WHERE u.parent_id = r.id
                  UNION ALL SELECT l.predecessor_id FROM unit_link l WHERE l.successor_id = r.id AND l.kind <> 'transfer') x ON true
),
held AS (
  SELECT k.id, k.program_id FROM training_class k JOIN reach r ON r.id = k.organiser_unit_id
   WHERE k.start_date >= $2::date AND k.start_date <= $3::date AND k.status <> 'draft' AND k.status <> 'cancelled'
),
seats AS (
  SELECT e.class_id, e.person_id, e.state, e.classification FROM enrolment e JOIN held h ON h.id = e.class_id
   WHERE e.state = ANY ('{approved,attending,passed,failed,incomplete}')
),
by_class AS (
  SELECT class_id, count(*) AS n, sum((state = 'passed')::int) AS ok, sum((state IN ('passed', 'failed'))::int) AS done
    FROM seats GROUP BY class_id
),
in_period_briefings AS (
  SELECT b.id, b.audience_size, b.mode FROM briefing b JOIN reach r ON r.id = b.unit_id
   WHERE b.date >= $2::date AND b.date <= $3::date
)
SELECT
  (SELECT json_object_agg(p.code, json_build_array(x.classes, x.trainees, x.passed, x.done)) FROM (
     SELECT h.program_id, count(*)::int AS classes, coalesce(sum(c.n), 0)::int AS trainees,
            coalesce(sum(c.ok), 0)::int AS passed, coalesce(sum(c.done), 0)::int AS done
       FROM held h LEFT JOIN by_class c ON c.class_id = h.id GROUP BY h.program_id) x JOIN program p ON p.id = x.program_id) AS programs,
  (SELECT json_object_agg(coalesce(g, '-'), n) FROM (SELECT classification AS g, count(*)::int AS n FROM seats
     WHERE state IN ('passed', 'failed') GROUP BY classification) x) AS grades,
  (SELECT json_object_agg(coalesce(eth, '-') || '/' || coalesce(gen, '-'), n) FROM (
     SELECT pe.ethnicity AS eth, pe.gender AS gen, count(*)::int AS n FROM seats s JOIN person pe ON pe.id = s.person_id
      GROUP BY pe.ethnicity, pe.gender) x) AS people,
  (SELECT count(*)::int FROM certificate c JOIN reach r ON r.id = c.issuer_unit_id
    WHERE c.revoked_at IS NULL AND c.issued_on >= $2::date AND c.issued_on <= $3::date) AS certificates,
  (SELECT count(*)::int FROM enrolment e JOIN person pe ON pe.id = e.person_id JOIN reach r ON r.id = pe.unit_id
     JOIN training_class k ON k.id = e.class_id
    WHERE e.state = ANY ('{approved,attending,passed,failed,incomplete}') AND k.start_date >= $2::date
      AND k.start_date <= $3::date AND k.status NOT IN ('draft', 'cancelled')) AS sent,
  (SELECT count(*)::int FROM in_period_briefings) AS briefings,
  (SELECT coalesce(sum(audience_size), 0)::int FROM in_period_briefings) AS audience,
  (SELECT json_object_agg(mode, n) FROM (SELECT mode, count(*)::int AS n FROM in_period_briefings GROUP BY mode) x) AS modes,
  (SELECT json_object_agg(a.ethnicity || '/' || a.gender, a.n) FROM (
     SELECT ba.ethnicity, ba.gender, sum(ba.count)::int AS n FROM briefing_audience ba JOIN in_period_briefings b ON b.id = ba.briefing_id
      GROUP BY ba.ethnicity, ba.gender) a) AS listeners,
  (SELECT count(*)::int FROM (SELECT bp.person_id FROM briefing_person bp JOIN in_period_briefings b ON b.id = bp.briefing_id
      GROUP BY bp.person_id) x) AS presenters,
  (SELECT count(*)::int FROM opinion_report o JOIN reach r ON r.id = o.unit_id WHERE o.date >= $2::date AND o.date <= $3::date) AS opinions
`;

interface Baseline {
  programs: Record<string, [number, number, number, number]> | null;
  grades: Record<string, number> | null;
  people: Record<string, number> | null;
  certificates: number;
  sent: number;
  briefings: number;
  audience: number;
  modes: Record<string, number> | null;
  listeners: Record<string, number> | null;
  presenters: number;
  opinions: number;
}

/** The product's figures in the baseline's shape, to check both sides agree. */
function asBaseline(r: PeriodReport): Baseline {
  const t = r.training;
  const obj = <T>(entries: [string, T][]) => (entries.length ? Object.fromEntries(entries) : null);
  const people = new Map<string, number>();
  return {
    programs: obj(
      t.byProgram
        .filter((p) => p.classes.actual > 0)
        .map((p) => [p.code, [p.classes.actual, p.trainees.actual, p.passed, p.completed]]),
    ),
    grades: obj([
      ...t.classification.map((c): [string, number] => [c.code, c.trainees]),
      // Passed or failed without a band (attendance-only programs) are in the baseline's '-'.
      ...((): [string, number][] => {
        const banded = t.classification.reduce((s, c) => s + c.trainees, 0);
        return t.completed > banded ? [['-', t.completed - banded]] : [];
      })(),
    ]),
    people: (() => {
      // The product answers by ethnicity and by gender; the baseline by both: compare the margins.
      for (const e of t.byEthnicity) people.set(`e:${e.ethnicity ?? '-'}`, e.trainees);
      for (const g of t.byGender) people.set(`g:${g.gender ?? '-'}`, g.trainees);
      return Object.fromEntries(people);
    })(),
    certificates: t.certificates,
    sent: t.sent.trainees,
    briefings: r.rapporteurs.briefings.count,
    audience: r.rapporteurs.briefings.audience,
    modes: obj(r.directive17.byMode.map((m) => [m.mode, m.briefings])),
    listeners: obj(r.rapporteurs.briefings.byEthnicityAndGender.map((g) => [`${g.ethnicity}/${g.gender}`, g.audience])),
    presenters: r.directive17.presenters,
    opinions: r.rapporteurs.opinionReports.count + r.rapporteurs.opinionReports.withheld,
  };
}

function marginsOf(b: Baseline): Baseline {
  const people = new Map<string, number>();
  for (const [key, n] of Object.entries(b.people ?? {})) {
    const [eth, gen] = key.split('/');
    people.set(`e:${eth}`, (people.get(`e:${eth}`) ?? 0) + n);
    people.set(`g:${gen}`, (people.get(`g:${gen}`) ?? 0) + n);
  }
  return { ...b, people: Object.fromEntries(people) };
}

const sorted = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, sorted(v)]),
      )
    : value;

/**
 * `reports.period.ratio`: Thái Nguyên's report for 2025 — the year its districts ended and its
 * communes merged on 1 July — through `ReportService.period` (every section, the propaganda
 * department's view) divided by hand-written aggregates of the same figures through raw `pg`, on
 * the shared province dataset with 100,000 enrolments. `reports.xlsx.seconds`: that report as the
 * XLSX workbook. Peak memory is sampled during the product's rounds.
 */
export default async function reportsPeriod(): Promise<Figure[]> {
  const province = await createProvinceDataset({ sizes: { enrolments: 100_000 } });
  const pool = new pg.Pool({ connectionString: province.url, max: 4 });
  try {
    const unitId = province.facts.provinceId;
    const product = () => province.reports.period({ ...YEAR, unitId }, 'propaganda');
    const baseline = async () =>
      (await pool.query<Baseline>(BASELINE, [unitId, YEAR.from, YEAR.to])).rows[0] as Baseline;

    const report = await product();
    const expected = JSON.stringify(sorted(marginsOf(await baseline())));
    const actual = JSON.stringify(sorted(asBaseline(report)));
    if (expected !== actual) throw new Error(`figures differ:\n product  ${actual}\n baseline ${expected}`);

    let peakHeap = 0;
    let peakRss = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 5);
    const heapBefore = process.memoryUsage().heapUsed;
    const ratios: number[] = [];
    const productMs: number[] = [];
    const baselineMs: number[] = [];
    const xlsxMs: number[] = [];
    // Where the XLSX figure's time goes: computing the report, then exceljs writing the workbook.
    const xlsxReportMs: number[] = [];
    const xlsxWorkbookMs: number[] = [];
    try {
      for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
        const productFirst = r % 2 === 0;
        const first = await time(productFirst ? product : baseline);
        const second = await time(productFirst ? baseline : product);
        let parts: [number, number] = [0, 0];
        const x = await time(async () => {
          const started = performance.now();
          const computed = await product();
          const written = performance.now();
          await reportXlsx(computed);
          parts = [written - started, performance.now() - written];
        });
        if (r < 0) continue;
        xlsxReportMs.push(parts[0]);
        xlsxWorkbookMs.push(parts[1]);
        const [p, b] = productFirst ? [first, second] : [second, first];
        ratios.push(p / b);
        productMs.push(p);
        baselineMs.push(b);
        xlsxMs.push(x);
      }
    } finally {
      clearInterval(sampler);
    }
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    const t = report.training;
    const sizes =
      `province dataset at scale 1 with 100,000 enrolments; the year 2025 holds ${t.classes.actual} classes, ` +
      `${t.trainees.actual} trainees, ${report.rapporteurs.briefings.count} briefings, ${report.predecessors.length} ` +
      `predecessor units (communes merged and districts ended on 01/07/2025)`;
    return [
      {
        id: 'reports.period.ratio',
        value: median(ratios),
        unit: 'x hand-written SQL',
        baseline:
          'one hand-written statement of plain aggregates through raw pg (its own scope walk over parent_id and unit_link), same figures checked equal',
        target: '<= 2',
        note:
          `period report ${median(productMs).toFixed(0)} ms vs baseline ${median(baselineMs).toFixed(0)} ms (medians of ` +
          `${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up; round ratios ${Math.min(...ratios).toFixed(2)}–` +
          `${Math.max(...ratios).toFixed(2)}); the product also derives the roster at the period's end by level and field ` +
          `and the obligation shortfalls, which the baseline does not; peak heap ${mib(peakHeap)} MiB ` +
          `(${mib(peakHeap - heapBefore)} MiB above the start), peak RSS ${mib(peakRss)} MiB; ${sizes}`,
      },
      {
        id: 'reports.xlsx.seconds',
        value: median(xlsxMs) / 1000,
        unit: 's',
        target: '<= 5',
        note:
          `the report computed and written as a workbook (a sheet per section, exceljs), median of ${ROUNDS} rounds: ` +
          `computing the report ${median(xlsxReportMs).toFixed(0)} ms, writing the workbook ${median(xlsxWorkbookMs).toFixed(0)} ms ` +
          `(${report.rapporteurs.shortfalls.short.length} shortfall rows); ${sizes}`,
      },
    ];
  } finally {
    await pool.end();
    await province.close();
  }
}
