import { type Figure, median, round, time } from '@polcenter/bench';
import pg from 'pg';
import { createTestPolCenter } from '../src/testing/index.js';
import type { WorkList } from '../src/work/work.js';

export const ids = ['work.todo.ratio'];

const TODAY = '2026-12-02';
const CLASSES = 3000;
const TRAINEES = 30;
const CALLS = 50;
const ROUNDS = 7;
const WARMUP_ROUNDS = 2;

/**
 * The same five lists written by hand, the plainest way: one statement per kind for the district's
 * organisers (every unit below '064'), each a count per class. Sent together over a pool, so their
 * round trips overlap: the floor of asking the database the same questions.
 */
const BASELINE = [
  `SELECT c.id, c.capacity - c.seats_taken AS n FROM training_class c
    WHERE c.organiser_unit_id = ANY($1::uuid[]) AND c.status = 'open'
      AND c.enrolment_closes_on >= $2::date AND c.enrolment_closes_on <= $2::date + 7`,
  `SELECT e.class_id AS id, count(*)::int AS n FROM enrolment e JOIN training_class c ON c.id = e.class_id
    WHERE c.organiser_unit_id = ANY($1::uuid[]) AND c.status IN ('open', 'running')
      AND e.state IN ('nominated', 'requested') AND $2::date IS NOT NULL
    GROUP BY e.class_id`,
  `SELECT s.class_id AS id, count(*)::int AS n FROM class_session s
     JOIN training_class c ON c.id = s.class_id
     JOIN enrolment e ON e.class_id = c.id AND e.state IN ('approved', 'attending', 'passed', 'failed', 'incomplete')
     LEFT JOIN attendance a ON a.session_id = s.id AND a.enrolment_id = e.id
    WHERE c.organiser_unit_id = ANY($1::uuid[]) AND c.status IN ('running', 'finished') AND s.date = $2::date
      AND a.enrolment_id IS NULL
    GROUP BY s.id, s.class_id`,
  `SELECT c.id, count(*)::int AS n FROM training_class c JOIN enrolment e ON e.class_id = c.id
    WHERE c.organiser_unit_id = ANY($1::uuid[]) AND e.state IN ('approved', 'attending')
      AND (c.status = 'finished' OR (c.status = 'running' AND c.end_date < $2::date))
    GROUP BY c.id`,
  `SELECT c.id, count(*)::int AS n FROM training_class c
     JOIN enrolment e ON e.class_id = c.id AND e.state = 'passed'
     LEFT JOIN certificate x ON x.enrolment_id = e.id AND x.revoked_at IS NULL
    WHERE c.organiser_unit_id = ANY($1::uuid[]) AND c.status IN ('running', 'finished') AND x.id IS NULL
      AND c.rules->>'certificateKind' IS NOT NULL
      AND $2::date IS NOT NULL
    GROUP BY c.id`,
];

/**
 * `work.todo.ratio`: the console's start page for the district's center staff — WorkService.todo
 * (scope walk, one statement, rows to views) — divided by the same five lists asked with five
 * hand-written statements through raw `pg`, sent at once. 3,000 classes over eight years (most
 * closed, with their certificates), 30 trainees each. Sides alternate which goes first each round.
 */
export default async function workTodo(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  const pool = new pg.Pool({ connectionString: polcenter.url, max: 5 });
  try {
    const { district, units } = await seed(pool);
    const scope = { runs: [district], sends: [] };
    const viaService = () => polcenter.work.todo(scope, { today: TODAY });
    const viaPg = () => Promise.all(BASELINE.map((text) => pool.query(text, [`{${units.join(',')}}`, TODAY])));
    // The same answer both ways: each kind's total.
    const list = await viaService();
    const totals = (await viaPg()).map((r) => r.rowCount);
    const ours = list.kinds.map((k) => k.total);
    if (JSON.stringify(ours) !== JSON.stringify(totals)) throw new Error(`totals differ: ${ours} vs ${totals}`);
    if (ours.some((n) => n === 0)) throw new Error(`a kind with nothing to measure: ${ours}`);
    const ratios: number[] = [];
    const serviceMs: number[] = [];
    const pgMs: number[] = [];
    const many = (fn: () => Promise<unknown>) => async () => {
      for (let i = 0; i < CALLS; i++) await fn();
    };
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      const serviceFirst = r % 2 === 0;
      const first = await time(many(serviceFirst ? viaService : viaPg));
      const second = await time(many(serviceFirst ? viaPg : viaService));
      if (r < 0) continue;
      const [s, p] = serviceFirst ? [first, second] : [second, first];
      ratios.push(s / p);
      serviceMs.push(s / CALLS);
      pgMs.push(p / CALLS);
    }
    return [
      {
        id: 'work.todo.ratio',
        value: median(ratios),
        unit: 'x raw SQL',
        baseline: 'five hand-written statements (one per kind) through raw pg, sent at once; same totals',
        target: '<= 2',
        note:
          `todo ${round(median(serviceMs))} ms/call vs raw ${round(median(pgMs))} ms; ${CLASSES} classes, ` +
          `${CLASSES * TRAINEES} enrolments, totals ${describe(list)}; ${CALLS} sequential calls per side per round, ` +
          `median of ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up, round ratios ` +
          `${round(Math.min(...ratios))}–${round(Math.max(...ratios))}, embedded PostgreSQL 18 on loopback`,
      },
    ];
  } finally {
    await pool.end();
    await polcenter.close();
  }
}

const describe = (list: WorkList) => list.kinds.map((k) => `${k.kind} ${k.total}`).join(', ');

/**
 * Eight years of the district's classes, one every day or so, organised by its communes: closed
 * ones with results and certificates, then the recent ones finished (some without results or
 * certificates), running (a session today, half marked), open (requests waiting, some closing soon).
 */
async function seed(pool: pg.Pool): Promise<{ district: string; units: string[] }> {
  const q = (text: string, values: unknown[] = []) => pool.query(text, values);
  const district = (await q("SELECT id FROM unit WHERE code = '064'")).rows[0]?.id as string;
  const units = (
    await q(
      `WITH RECURSIVE down AS (SELECT id FROM unit WHERE id = $1 UNION SELECT u.id FROM unit u JOIN down d ON u.parent_id = d.id)
       SELECT id FROM down`,
      [district],
    )
  ).rows.map((r) => r.id as string);
  await q(
    `INSERT INTO training_class (id, code, program_id, organiser_unit_id, mode, start_date, end_date, capacity,
                                 seats_taken, enrolment_opens_on, enrolment_closes_on, status)
     SELECT gen_random_uuid(), 'BENCH-' || g, (SELECT id FROM program ORDER BY code LIMIT 1 OFFSET (g % 6)),
            (SELECT id FROM unit WHERE parent_id = $1 ORDER BY code LIMIT 1 OFFSET (g % 20)),
            'in_person', d, d + 4, 60, 0, d - 30, d - 5,
            CASE WHEN d > $2::date + 4 THEN 'open' WHEN d > $2::date - 4 THEN 'running'
                 WHEN d > $2::date - 60 THEN 'finished' ELSE 'closed' END
       FROM generate_series(1, $3) g, LATERAL (SELECT $2::date - ($3 - g) + 40 AS d) x`,
    [district, TODAY, CLASSES],
  );
  await q(
    `INSERT INTO person (id, full_name, given_name, search_name, unit_id)
     SELECT gen_random_uuid(), 'Hoàng Văn Bench ' || g, 'Bench', 'hoang van bench ' || g,
            (SELECT id FROM unit WHERE parent_id = $1 ORDER BY code LIMIT 1 OFFSET (g % 20))
       FROM generate_series(1, 20000) g`,
    [district],
  );
  await q(
    `WITH people AS (SELECT array_agg(id) AS ids FROM person WHERE full_name LIKE 'Hoàng Văn Bench %'),
          classes AS (SELECT c.id, c.status, row_number() OVER (ORDER BY c.code) AS r FROM training_class c
                       WHERE c.code LIKE 'BENCH-%')
     INSERT INTO enrolment (id, class_id, person_id, state, origin)
     SELECT gen_random_uuid(), c.id, people.ids[1 + ((c.r * $1 + k) % 20000)],
            CASE c.status WHEN 'open' THEN (CASE WHEN k % 3 = 0 THEN 'requested' ELSE 'approved' END)
                          WHEN 'running' THEN 'attending'
                          WHEN 'finished' THEN (CASE WHEN c.r % 4 = 0 THEN 'attending' WHEN k % 10 = 0 THEN 'failed' ELSE 'passed' END)
                          ELSE (CASE WHEN k % 10 = 0 THEN 'failed' ELSE 'passed' END) END,
            'nominated'
       FROM classes c, generate_series(0, $1 - 1) k, people`,
    [TRAINEES],
  );
  await q(`UPDATE training_class c SET seats_taken = n FROM (
             SELECT class_id, count(*) AS n FROM enrolment WHERE state NOT IN ('nominated', 'requested') GROUP BY class_id
           ) e WHERE e.class_id = c.id AND c.code LIKE 'BENCH-%'`);
  // Certificates: every passed trainee of a closed class, and two classes in three of the finished ones.
  await q(
    `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code, issued_on)
     SELECT gen_random_uuid(), e.id, c.organiser_unit_id, 2000, row_number() OVER (), 'bench', substr(md5(e.id::text), 1, 12), c.end_date
       FROM enrolment e JOIN training_class c ON c.id = e.class_id
      WHERE c.code LIKE 'BENCH-%' AND e.state = 'passed'
        AND (c.status = 'closed' OR (c.status = 'finished' AND substr(c.code, 7)::int % 3 <> 0))`,
  );
  // Today's sessions of the running classes, half the trainees marked.
  await q(
    `INSERT INTO class_session (id, class_id, date, start_time, end_time, periods)
     SELECT gen_random_uuid(), c.id, $1::date, '07:30', '11:30', 4 FROM training_class c
      WHERE c.code LIKE 'BENCH-%' AND c.status = 'running'`,
    [TODAY],
  );
  await q(
    `INSERT INTO attendance (enrolment_id, session_id, mark)
     SELECT e.id, s.id, 'present' FROM class_session s JOIN enrolment e ON e.class_id = s.class_id
      WHERE s.date = $1::date AND e.state = 'attending' AND substr(e.id::text, 1, 1) < '8'`,
    [TODAY],
  );
  await q('ANALYZE');
  return { district, units };
}
