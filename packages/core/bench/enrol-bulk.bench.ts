import v8 from 'node:v8';
import vm from 'node:vm';
import { type Figure, median, round, time } from '@polcenter/bench';
import pg from 'pg';
import type { Actor } from '../src/kernel/actor.js';
import { openClasses } from '../src/testing/enrolment-workload.js';
import { fixturePeople, fixtureProgram, fixtureUnit } from '../src/testing/fixtures.js';
import { createTestPolCenter } from '../src/testing/index.js';

export const ids = ['enrol.bulk.ratio', 'enrol.bulk.memoryGrowthRatio'];

const PEOPLE = 10_000;
/** The largest nomination the service takes in one call (`nominationInput`: personIds ≤ 1,000). */
const BATCH = 1000;
/** One class per batch: a unit sends a thousand of its people to each of ten classes. */
const CLASSES = PEOPLE / BATCH;
const ROUNDS = 7;
const WARMUP_ROUNDS = 1;
/** Heap sampling period during a service round; batches take tens of milliseconds or more. */
const SAMPLE_MS = 5;
const ACTOR: Actor = { id: null, label: 'bench' };

/**
 * `enrol.bulk.ratio`: 10,000 people nominated into 10 open classes through
 * `polcenter.enrolment.nominate` in batches of 1,000 (the service's cap per call), each call one
 * transaction (lock the people, existing enrolments, eligibility and clash checks, insert, one
 * audit row per enrolment, read the views back), divided by the same 10,000 enrolment rows written
 * with raw `pg` as one multi-row INSERT per batch, prepared like the service's statements. The floor writes no audit rows, as the brief
 * asks; the note also gives the ratio to a floor that does (enrolments + audit rows, one
 * transaction per batch). Sides alternate which goes first; the database is reset after each side.
 *
 * `enrol.bulk.memoryGrowthRatio`: peak V8 heap in use during the service side of the last round ÷
 * that of the first measured round (after the warm-up), each round starting after a full GC; a
 * leak (an identity map, a cache keyed by request) would grow it round after round.
 */
export default async function enrolBulk(): Promise<Figure[]> {
  const gc = exposeGc();
  const polcenter = await createTestPolCenter();
  const poolSize = polcenter.orm.config.get('pool')?.max ?? 20;
  const pool = new pg.Pool({ connectionString: polcenter.url, max: poolSize });
  try {
    const unit = await fixtureUnit(polcenter.orm);
    const program = await fixtureProgram(polcenter.orm, 'NTĐ');
    const classIds = await openClasses(polcenter.orm, {
      programId: program.id,
      unitId: unit,
      count: CLASSES,
      capacity: BATCH,
      firstDay: '2027-04-01',
    });
    const people = await fixturePeople(polcenter.orm, PEOPLE, { unitId: unit });
    const batches = classIds.map((classId, c) => ({ classId, personIds: people.slice(c * BATCH, (c + 1) * BATCH) }));

    const viaService = async () => {
      for (const batch of batches) {
        const result = await polcenter.enrolment.nominate(ACTOR, { ...batch, unitId: unit });
        if (result.nominated.length !== BATCH) {
          throw new Error(`nominated ${result.nominated.length} of ${BATCH} (${result.refused.length} refused)`);
        }
        // While the batch's 1,000 views are still alive: the timer alone could miss that moment.
        sampleHeap();
      }
    };
    const viaPg = async () => {
      for (const batch of batches) {
        const inserted = await pool.query({
          name: 'raw-insert-enrolments',
          text: INSERT_ENROLMENTS,
          values: [batch.classId, unit, ...batch.personIds],
        });
        if (inserted.rowCount !== BATCH) throw new Error(`raw INSERT wrote ${inserted.rowCount} rows`);
      }
    };
    const viaPgAudited = async () => {
      for (const batch of batches) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const inserted = await client.query<{ id: string; person_id: string }>({
            name: 'raw-insert-enrolments-returning',
            text: `${INSERT_ENROLMENTS} RETURNING id, person_id`,
            values: [batch.classId, unit, ...batch.personIds],
          });
          await client.query({
            name: 'raw-insert-audit',
            text: INSERT_AUDIT,
            values: [
              ACTOR.label,
              inserted.rows.map((e) => e.id),
              inserted.rows.map((e) =>
                JSON.stringify({ classId: batch.classId, personId: e.person_id, unitId: unit, state: 'nominated' }),
              ),
            ],
          });
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }
    };

    const ratios: number[] = [];
    const auditedRatios: number[] = [];
    const serviceMs: number[] = [];
    const pgMs: number[] = [];
    const auditedMs: number[] = [];
    const peaks: number[] = [];
    const retained: number[] = [];
    const rss: number[] = [];
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      const sides = r % 2 === 0 ? (['service', 'pg', 'audited'] as const) : (['audited', 'pg', 'service'] as const);
      const ms = { service: 0, pg: 0, audited: 0 };
      for (const side of sides) {
        if (side === 'service') {
          gc();
          const sampled = await withPeakHeap(() => time(viaService));
          ms.service = sampled.result;
          gc();
          if (r >= 0) {
            peaks.push(sampled.peak);
            retained.push(process.memoryUsage().heapUsed);
            rss.push(process.memoryUsage().rss);
          }
        } else {
          ms[side] = await time(side === 'pg' ? viaPg : viaPgAudited);
        }
        await reset(pool, classIds);
      }
      if (r < 0) continue;
      serviceMs.push(ms.service);
      pgMs.push(ms.pg);
      auditedMs.push(ms.audited);
      ratios.push(ms.service / ms.pg);
      auditedRatios.push(ms.service / ms.audited);
    }

    const mib = (bytes: number) => round(bytes / 2 ** 20);
    const sizes = `${PEOPLE.toLocaleString('en')} people into ${CLASSES} classes, batches of ${BATCH}`;
    return [
      {
        id: 'enrol.bulk.ratio',
        value: median(ratios),
        unit: 'x raw pg',
        baseline: 'raw pg multi-row INSERT of the same enrolment rows, one statement per batch',
        target: '<= 3',
        note:
          `nominate ${Math.round(median(serviceMs))} ms vs raw INSERT ${Math.round(median(pgMs))} ms for ${sizes}; ` +
          `median of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, round ratios ` +
          `${round(Math.min(...ratios))}–${round(Math.max(...ratios))}; against a floor that also writes the ` +
          `10,000 audit rows (one transaction per batch, ${Math.round(median(auditedMs))} ms) the ratio is ` +
          `${round(median(auditedRatios))}; sequential batches, pool ${poolSize} each; database reset after each side`,
      },
      {
        id: 'enrol.bulk.memoryGrowthRatio',
        value: (peaks.at(-1) as number) / (peaks[0] as number),
        unit: 'x',
        target: '<= 1.2',
        note:
          `peak V8 heapUsed during the service side (sampled every ${SAMPLE_MS} ms and after each batch, full GC ` +
          `before each round), last ÷ first of ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up: ` +
          `${peaks.map(mib).join(', ')} MiB; heap after GC ${retained.map(mib).join(', ')} MiB; ` +
          `RSS ${rss.map(mib).join(', ')} MiB; ${sizes}`,
      },
    ];
  } finally {
    await pool.end();
    await polcenter.close();
  }
}

/** `$1` class, `$2` unit, `$3…` the batch's people: 1,000 rows in one statement. */
const INSERT_ENROLMENTS = `INSERT INTO enrolment (id, class_id, person_id, state, origin, nominated_by_unit_id) VALUES ${Array.from(
  { length: BATCH },
  (_, i) => `(gen_random_uuid(), $1, $${i + 3}, 'nominated', 'nominated', $2)`,
).join(', ')}`;

const INSERT_AUDIT = `
  INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, before, after)
  SELECT NULL, $1, 'enrolment.nominate', 'enrolment', id, NULL, after
    FROM unnest($2::uuid[], $3::jsonb[]) AS x(id, after)`;

/** Takes the round's enrolments and audit rows away again, so every round starts from the same tables. */
async function reset(pool: pg.Pool, classIds: readonly string[]): Promise<void> {
  await pool.query('DELETE FROM enrolment WHERE class_id = ANY($1::uuid[])', [classIds]);
  await pool.query('DELETE FROM audit_log WHERE actor_label = $1', [ACTOR.label]);
  await pool.query('VACUUM ANALYZE enrolment, audit_log');
}

/**
 * `global.gc`: the harness starts each bench as `node --import tsx run-one.ts` with no way to add
 * `--expose-gc`, so the flag is set at run time and the function taken from a fresh context (V8
 * installs `gc` on contexts created after the flag is set). Without it, "peak heap" would mostly
 * measure when V8 happened to collect.
 */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

let peakHeap = 0;

function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

/** Runs `work`, sampling heapUsed on a timer (I/O waits between queries let it fire) and when told. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  peakHeap = 0;
  sampleHeap();
  const timer = setInterval(sampleHeap, SAMPLE_MS);
  try {
    const result = await work();
    sampleHeap();
    return { result, peak: peakHeap };
  } finally {
    clearInterval(timer);
  }
}
