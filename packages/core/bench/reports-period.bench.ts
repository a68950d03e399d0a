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

/*
 * The baseline, written for this bench alone (not the product's query text or helpers): every
 * figure of the staff's year report, by plain SQL through raw `pg`. First the units of the period,
 * by a walk of its own over the tables; then three statements sent at once, each given those units
 * as arrays. Each says in its comment which rule of the product it follows.
 */

/**
 * The units the report counts: the report's unit and everything under it on the period's last day
 * (the unit's own last day if it ended before), each under its parent of that day — the parent a
 * later move took it from, else its parent now — or carried on by a successor (merger, split,
 * rename; not a partial transfer). Each unit's "top" is the unit directly under the report's unit
 * by the fewest steps (the lowest id among equals). $1 unit, $2 the period's last day.
 */
const UNITS = `
WITH RECURSIVE
on_day AS (SELECT least($2::date, coalesce(u.valid_to, 'infinity'::date)) AS day FROM unit u WHERE u.id = $1::uuid),
step(up, down) AS MATERIALIZED (
  SELECT CASE WHEN later.unit_id IS NULL THEN u.parent_id ELSE later.from_parent_id END, u.id
    FROM unit u
    LEFT JOIN LATERAL (
      SELECT m.unit_id, m.from_parent_id FROM unit_move m
       WHERE m.unit_id = u.id AND m.effective_on > (SELECT day FROM on_day)
       ORDER BY m.effective_on, m.created_at LIMIT 1
    ) later ON true
  UNION ALL
  SELECT successor_id, predecessor_id FROM unit_link WHERE kind IN ('merge', 'split', 'rename')
),
walk(id, top, depth) AS (
  SELECT $1::uuid, $1::uuid, 0
  UNION ALL
  SELECT s.down, CASE WHEN w.depth = 0 THEN s.down ELSE w.top END, w.depth + 1
    FROM walk w JOIN step s ON s.up = w.id
) CYCLE id SET looped USING trail,
nearest AS (
  SELECT DISTINCT ON (id) id, top FROM walk WHERE NOT looped ORDER BY id, depth, top
)
SELECT array_agg(n.id) AS ids, array_agg(n.top) AS tops,
       (SELECT coalesce(array_agg(DISTINCT p.code), '{}') FROM unit_link l JOIN unit p ON p.id = l.predecessor_id
         WHERE l.kind IN ('merge', 'split', 'rename') AND l.successor_id IN (SELECT id FROM nearest)) AS predecessors
  FROM nearest n`;

/**
 * Training: classes that started in the period (not drafts, not cancelled), organised in scope; a
 * trainee is an enrolment that held a seat. Per program, grades of those with a result, trainees by
 * people and by the top of their unit, certificates issued in scope, and "sent": people of the scope
 * seated in anyone's classes. $1 ids, $2 tops, $3 from, $4 to.
 */
const TRAINING = `
WITH scope AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(id, top)),
classes AS (
  SELECT k.id, k.program_id, k.organiser_unit_id FROM training_class k
   WHERE k.start_date BETWEEN $3::date AND $4::date AND k.status NOT IN ('draft', 'cancelled')
),
seats AS (
  SELECT e.class_id, e.person_id, e.state, e.classification, (k.organiser_unit_id IN (SELECT id FROM scope)) AS ours
    FROM enrolment e JOIN classes k ON k.id = e.class_id
   WHERE e.state IN ('approved', 'attending', 'passed', 'failed', 'incomplete')
),
ours AS (SELECT s.*, pe.ethnicity, pe.gender, pe.unit_id FROM seats s JOIN person pe ON pe.id = s.person_id WHERE s.ours),
by_class AS (
  SELECT class_id, count(*) AS n, count(*) FILTER (WHERE state = 'passed') AS ok,
         count(*) FILTER (WHERE state IN ('passed', 'failed')) AS done
    FROM ours GROUP BY class_id
)
SELECT
  (SELECT json_object_agg(p.code, json_build_array(x.classes, x.trainees, x.done, x.passed)) FROM (
     SELECT k.program_id, count(*)::int AS classes, coalesce(sum(b.n), 0)::int AS trainees,
            coalesce(sum(b.done), 0)::int AS done, coalesce(sum(b.ok), 0)::int AS passed
       FROM classes k LEFT JOIN by_class b ON b.class_id = k.id
      WHERE k.organiser_unit_id IN (SELECT id FROM scope) GROUP BY k.program_id) x
     JOIN program p ON p.id = x.program_id) AS programs,
  (SELECT json_object_agg(coalesce(g, '-'), n) FROM (
     SELECT classification AS g, count(*)::int AS n FROM ours WHERE state IN ('passed', 'failed') GROUP BY classification) x) AS grades,
  (SELECT json_object_agg(coalesce(eth, '-') || '/' || coalesce(gen, '-'), n) FROM (
     SELECT ethnicity AS eth, gender AS gen, count(*)::int AS n FROM ours GROUP BY ethnicity, gender) x) AS people,
  (SELECT json_object_agg(coalesce(t.code, '-'), json_build_array(x.n, x.ok)) FROM (
     SELECT sc.top, count(*)::int AS n, count(*) FILTER (WHERE o.state = 'passed')::int AS ok
       FROM ours o LEFT JOIN scope sc ON sc.id = o.unit_id GROUP BY sc.top) x
     LEFT JOIN unit t ON t.id = x.top) AS units,
  (SELECT count(*)::int FROM certificate c
    WHERE c.issuer_unit_id IN (SELECT id FROM scope) AND c.revoked_at IS NULL AND c.issued_on BETWEEN $3::date AND $4::date) AS certificates,
  (SELECT json_build_array(count(*), count(*) FILTER (WHERE s.state = 'passed')) FROM seats s JOIN person pe ON pe.id = s.person_id
    WHERE pe.unit_id IN (SELECT id FROM scope)) AS sent`;

/**
 * Rosters on the period's last day, every annulment counting ("as known now"): a person is on a
 * roster when their latest line about it (by the decision's date, then its recording order) puts
 * them on it — an addition, a re-appointment, a transfer to it — and is not older than the roster's
 * latest establishing decision. Latest lines by DISTINCT ON, no window function.
 * Size: rosters owned in scope (any term), people counted once, by level and by field.
 * Shortfalls: the same rosters (owned in scope, the period's tree) whose term covers the year;
 * each rule in force that year binds the rosters of its level (or any) owned by its unit or
 * below (any when it has none). Briefings given and opinion reports written count per person from
 * 1 January to the last day; conferences per roster: attended ÷ held, the share rounded up.
 * $1 ids, $2 the last day, $3 the year.
 */
const ROSTERS = `
WITH RECURSIVE
sized AS (SELECT id FROM roster WHERE owner_unit_id = ANY($1::uuid[])),
judged AS (SELECT id FROM roster WHERE owner_unit_id = ANY($1::uuid[]) AND $3 BETWEEN term_start_year AND term_end_year),
in_force AS (
  SELECT d.id, d.roster_id, d.date, d.seq FROM roster_decision d
   WHERE d.kind <> 'annul' AND d.date <= $2::date
     AND d.id NOT IN (SELECT annuls_decision_id FROM roster_decision WHERE annuls_decision_id IS NOT NULL)
),
line AS (
  SELECT d.roster_id, i.person_id, d.date, d.seq, d.id AS decision_id,
         (i.change IN ('add', 'reappoint') OR (i.change = 'transfer' AND i.to_roster_id = d.roster_id)) AS puts_on
    FROM in_force d JOIN roster_decision_item i ON i.decision_id = d.id
   WHERE d.roster_id IN (SELECT id FROM sized)
  UNION ALL
  SELECT i.to_roster_id, i.person_id, d.date, d.seq, d.id, true
    FROM roster_decision_item i JOIN in_force d ON d.id = i.decision_id
   WHERE i.to_roster_id IN (SELECT id FROM sized) AND d.roster_id <> i.to_roster_id
),
latest AS (
  SELECT DISTINCT ON (roster_id, person_id) roster_id, person_id, date, seq, decision_id, puts_on
    FROM line ORDER BY roster_id, person_id, date DESC, seq DESC
),
established AS (
  SELECT DISTINCT ON (d.roster_id) d.roster_id, d.date, d.seq FROM roster_decision d
   WHERE d.kind = 'establish' AND d.date <= $2::date
     AND d.id NOT IN (SELECT annuls_decision_id FROM roster_decision WHERE annuls_decision_id IS NOT NULL)
   ORDER BY d.roster_id, d.date DESC, d.seq DESC
),
sitting AS (
  SELECT l.roster_id, l.person_id, i.fields, r.level, r.owner_unit_id
    FROM latest l
    JOIN roster r ON r.id = l.roster_id
    JOIN roster_decision_item i ON i.decision_id = l.decision_id AND i.person_id = l.person_id
    LEFT JOIN established e ON e.roster_id = l.roster_id
   WHERE l.puts_on AND (e.roster_id IS NULL OR (l.date, l.seq) >= (e.date, e.seq))
),
counted AS (SELECT * FROM sitting WHERE roster_id IN (SELECT id FROM sized)),
bound_by AS (SELECT * FROM sitting WHERE roster_id IN (SELECT id FROM judged)),
owners_up(roster_id, unit_id) AS (
  SELECT DISTINCT roster_id, owner_unit_id FROM bound_by
  UNION SELECT o.roster_id, u.parent_id FROM owners_up o JOIN unit u ON u.id = o.unit_id WHERE u.parent_id IS NOT NULL
),
rules AS (
  SELECT * FROM obligation
   WHERE (valid_from_year IS NULL OR valid_from_year <= $3) AND (valid_to_year IS NULL OR valid_to_year >= $3)
),
bound AS (
  SELECT ru.id AS rule_id, ru.code, ru.kind, ru.minimum, ru.min_share, b.person_id, b.roster_id
    FROM rules ru JOIN bound_by b ON ru.roster_level IS NULL OR ru.roster_level = b.level
   WHERE ru.owner_unit_id IS NULL
      OR EXISTS (SELECT 1 FROM owners_up o WHERE o.roster_id = b.roster_id AND o.unit_id = ru.owner_unit_id)
),
span AS (SELECT make_date($3, 1, 1) AS first, $2::date AS last),
gave AS (
  SELECT bp.person_id, count(*) AS n FROM briefing_person bp JOIN briefing b ON b.id = bp.briefing_id, span
   WHERE b.date BETWEEN span.first AND span.last GROUP BY bp.person_id
),
wrote AS (
  SELECT op.person_id, count(*) AS n FROM opinion_report_person op JOIN opinion_report o ON o.id = op.report_id, span
   WHERE o.date BETWEEN span.first AND span.last GROUP BY op.person_id
),
convened AS (SELECT c.id, c.roster_id FROM conference c, span WHERE c.date BETWEEN span.first AND span.last),
held AS (SELECT roster_id, count(*) AS n FROM convened GROUP BY roster_id),
went AS (
  SELECT a.person_id, c.roster_id, count(*) AS n FROM conference_attendance a JOIN convened c ON c.id = a.conference_id
   WHERE a.status = 'present' GROUP BY a.person_id, c.roster_id
),
judged_on AS (
  SELECT DISTINCT rule_id, code, kind, minimum, person_id, NULL::uuid AS roster_id, NULL::numeric AS min_share
    FROM bound WHERE kind <> 'conference_attendance'
  UNION ALL
  SELECT DISTINCT rule_id, code, kind, minimum, person_id, roster_id, min_share FROM bound WHERE kind = 'conference_attendance'
),
measured AS (
  SELECT j.code, j.person_id,
         coalesce(j.minimum, ceil(j.min_share * coalesce(h.n, 0) - 0.000000001))::int AS required,
         (CASE j.kind WHEN 'briefings' THEN coalesce(g.n, 0) WHEN 'opinion_reports' THEN coalesce(w.n, 0)
                      ELSE coalesce(v.n, 0) END)::int AS done
    FROM judged_on j
    LEFT JOIN gave g ON g.person_id = j.person_id
    LEFT JOIN wrote w ON w.person_id = j.person_id
    LEFT JOIN held h ON h.roster_id = j.roster_id
    LEFT JOIN went v ON v.person_id = j.person_id AND v.roster_id = j.roster_id
)
SELECT
  (SELECT count(DISTINCT person_id)::int FROM counted) AS members,
  (SELECT json_object_agg(level, n) FROM (SELECT level, count(DISTINCT person_id)::int AS n FROM counted GROUP BY level) x) AS levels,
  (SELECT json_object_agg(field, n) FROM (
     SELECT f.field, count(DISTINCT c.person_id)::int AS n FROM counted c CROSS JOIN unnest(c.fields) AS f(field) GROUP BY f.field) x) AS fields,
  (SELECT count(DISTINCT person_id)::int FROM bound_by) AS judged,
  (SELECT coalesce(json_agg(json_build_array(pe.full_name, m.code, m.required, m.done, m.required - m.done)), '[]')
     FROM measured m JOIN person pe ON pe.id = m.person_id WHERE m.done < m.required) AS short`;

/**
 * Propaganda: briefings dated in the period by units in scope (count, audience, by mode, by
 * resolution, listeners by people and gender, who presented); conferences held in the period,
 * one line per site of a conference owned in scope or per site in scope (attendees: the site's head
 * count, else those present there), and one per conference owned in scope for those present with
 * no site; opinion reports by topic and sensitivity; output tallies whose own period lies inside the
 * report's (and how many overlap it without), and the plan: targets of the period's years set in
 * scope, unless a unit above it by parent on 31 December of its year (in scope) set the same one;
 * a measure's plan is its total, else the sum of its programs'. $1 ids, $2 from, $3 to.
 */
const PROPAGANDA = `
WITH RECURSIVE scope AS (SELECT unnest($1::uuid[]) AS id),
b AS (SELECT * FROM briefing WHERE date BETWEEN $2::date AND $3::date AND unit_id IN (SELECT id FROM scope)),
c AS (SELECT * FROM conference WHERE date BETWEEN $2::date AND $3::date),
present_at AS (
  SELECT a.site_id, count(*) AS n FROM conference_attendance a JOIN c ON c.id = a.conference_id
   WHERE a.status = 'present' AND a.site_id IS NOT NULL GROUP BY a.site_id
),
site_line AS (
  SELECT c.id, to_char(c.date, 'YYYY-MM-DD') AS date, c.title, s.name, s.headcount, coalesce(p.n, 0)::int AS named
    FROM c JOIN conference_site s ON s.conference_id = c.id LEFT JOIN present_at p ON p.site_id = s.id
   WHERE c.owner_unit_id IN (SELECT id FROM scope) OR s.unit_id IN (SELECT id FROM scope)
),
bare_line AS (
  SELECT c.id, to_char(c.date, 'YYYY-MM-DD') AS date, c.title, count(*)::int AS named
    FROM c JOIN conference_attendance a ON a.conference_id = c.id
   WHERE a.site_id IS NULL AND a.status = 'present' AND c.owner_unit_id IN (SELECT id FROM scope)
   GROUP BY c.id, c.date, c.title
),
targets AS (
  SELECT * FROM plan_target
   WHERE year BETWEEN extract(year FROM $2::date) AND extract(year FROM $3::date) AND unit_id IN (SELECT id FROM scope)
),
-- Each unit's parent on 31 December of a target's year: the parent its first move after that day
-- took it from (none if that move took it from the top), else its parent now.
parent_then(year, unit_id, parent_id) AS (
  SELECT y.year, u.id,
         CASE WHEN nxt.unit_id IS NULL THEN u.parent_id ELSE nxt.from_parent_id END
    FROM (SELECT DISTINCT year FROM targets) y CROSS JOIN unit u
    LEFT JOIN LATERAL (
      SELECT m.unit_id, m.from_parent_id FROM unit_move m
       WHERE m.unit_id = u.id AND m.effective_on > make_date(y.year, 12, 31)
       ORDER BY m.effective_on, m.created_at LIMIT 1
    ) nxt ON true
),
ancestor(year, unit_id, above) AS (
  SELECT p.year, p.unit_id, p.parent_id FROM parent_then p
   WHERE p.parent_id IS NOT NULL AND (p.year, p.unit_id) IN (SELECT year, unit_id FROM targets)
  UNION SELECT a.year, a.unit_id, p.parent_id FROM ancestor a
    JOIN parent_then p ON p.year = a.year AND p.unit_id = a.above WHERE p.parent_id IS NOT NULL
),
kept AS (
  SELECT t.* FROM targets t
   WHERE NOT EXISTS (
     SELECT 1 FROM ancestor a JOIN targets o ON o.unit_id = a.above AND o.year = a.year
      WHERE a.unit_id = t.unit_id AND o.year = t.year AND o.measure = t.measure
        AND coalesce(o.program_id::text, '') = coalesce(t.program_id::text, ''))
)
SELECT
  (SELECT count(*)::int FROM b) AS briefings,
  (SELECT coalesce(sum(audience_size), 0)::int FROM b) AS audience,
  (SELECT json_object_agg(mode, json_build_array(n, a)) FROM (
     SELECT mode, count(*)::int AS n, sum(audience_size)::int AS a FROM b GROUP BY mode) x) AS modes,
  (SELECT json_object_agg(resolution, n) FROM (
     SELECT resolution, count(*)::int AS n FROM b WHERE resolution IS NOT NULL GROUP BY resolution) x) AS resolutions,
  (SELECT json_object_agg(k, n) FROM (
     SELECT ba.ethnicity || '/' || ba.gender AS k, sum(ba.count)::int AS n
       FROM briefing_audience ba JOIN b ON b.id = ba.briefing_id GROUP BY ba.ethnicity, ba.gender) x) AS listeners,
  (SELECT coalesce(sum(ba.count), 0)::int FROM briefing_audience ba JOIN b ON b.id = ba.briefing_id) AS classified,
  (SELECT count(DISTINCT bp.person_id)::int FROM briefing_person bp JOIN b ON b.id = bp.briefing_id) AS presenters,
  (SELECT count(*)::int FROM briefing_person bp JOIN b ON b.id = bp.briefing_id) AS presentations,
  (SELECT coalesce(json_agg(json_build_array(id, date, title, name, headcount, named, coalesce(headcount, named))), '[]')
     FROM site_line) AS sites,
  (SELECT coalesce(json_agg(json_build_array(id, date, title, NULL, NULL, named, named)), '[]') FROM bare_line) AS bare,
  (SELECT json_object_agg(topic, n) FROM (
     SELECT topic, count(*)::int AS n FROM opinion_report
      WHERE date BETWEEN $2::date AND $3::date AND unit_id IN (SELECT id FROM scope) GROUP BY topic) x) AS topics,
  (SELECT json_object_agg(sensitivity, n) FROM (
     SELECT sensitivity, count(*)::int AS n FROM opinion_report
      WHERE date BETWEEN $2::date AND $3::date AND unit_id IN (SELECT id FROM scope) GROUP BY sensitivity) x) AS sensitivity,
  (SELECT json_object_agg(kind, n) FROM (
     SELECT kind, sum(count)::int AS n FROM propaganda_output
      WHERE unit_id IN (SELECT id FROM scope) AND period_from >= $2::date AND period_to <= $3::date GROUP BY kind) x) AS output,
  (SELECT count(*)::int FROM propaganda_output
    WHERE unit_id IN (SELECT id FROM scope) AND period_from <= $3::date AND period_to >= $2::date
      AND (period_from < $2::date OR period_to > $3::date)) AS straddling,
  (SELECT json_object_agg(measure, n) FROM (
     SELECT measure, coalesce(sum(target) FILTER (WHERE program_id IS NULL), sum(target))::int AS n
       FROM kept GROUP BY measure) x) AS plan,
  (SELECT json_object_agg(x.measure || '/' || p.code, x.n) FROM (
     SELECT measure, program_id, sum(target)::int AS n FROM kept WHERE program_id IS NOT NULL GROUP BY measure, program_id) x
     JOIN program p ON p.id = x.program_id) AS program_plan`;

type Counts = Record<string, number>;
interface UnitsRow {
  ids: string[];
  tops: string[];
  predecessors: string[];
}
interface TrainingRow {
  programs: Record<string, [number, number, number, number]> | null;
  grades: Counts | null;
  people: Counts | null;
  units: Record<string, [number, number]> | null;
  certificates: number;
  sent: [number, number];
}
interface RostersRow {
  members: number;
  levels: Counts | null;
  fields: Counts | null;
  judged: number;
  short: [string, string, number, number, number][];
}
type Line = [string, string, string, string | null, number | null, number, number];
interface PropagandaRow {
  briefings: number;
  audience: number;
  modes: Record<string, [number, number]> | null;
  resolutions: Counts | null;
  listeners: Counts | null;
  classified: number;
  presenters: number;
  presentations: number;
  sites: Line[];
  bare: Line[];
  topics: Counts | null;
  sensitivity: Counts | null;
  output: Counts | null;
  straddling: number;
  plan: Counts | null;
  program_plan: Counts | null;
}

/** Every figure of the report, in one shape for both sides: maps without zero entries, lists sorted. */
type Figures = Record<string, unknown>;

const nonZero = (entries: [string, unknown][]) =>
  Object.fromEntries(
    entries.filter(([, v]) => v !== 0 && v !== null && !(Array.isArray(v) && v.every((x) => x === 0))),
  );
const sortedLines = <T>(lines: readonly T[]) => lines.map((l) => JSON.stringify(l)).sort();
/** Ethnicity and gender as margins (the product answers by each; the baseline by both). */
function margins(byBoth: Counts | null): Counts {
  const out: Counts = {};
  for (const [key, n] of Object.entries(byBoth ?? {})) {
    const [eth, gen] = key.split('/');
    out[`e:${eth}`] = (out[`e:${eth}`] ?? 0) + n;
    out[`g:${gen}`] = (out[`g:${gen}`] ?? 0) + n;
  }
  return nonZero(Object.entries(out)) as Counts;
}

/** The baseline's answer: the units, then the three statements at once on the pool. */
async function baselineFigures(pool: pg.Pool, unitId: string): Promise<Figures> {
  const year = Number(YEAR.to.slice(0, 4));
  const units = (await pool.query<UnitsRow>(UNITS, [unitId, YEAR.to])).rows[0] as UnitsRow;
  const [training, rosters, propaganda] = await Promise.all([
    pool
      .query<TrainingRow>(TRAINING, [units.ids, units.tops, YEAR.from, YEAR.to])
      .then((r) => r.rows[0] as TrainingRow),
    pool.query<RostersRow>(ROSTERS, [units.ids, YEAR.to, year]).then((r) => r.rows[0] as RostersRow),
    pool.query<PropagandaRow>(PROPAGANDA, [units.ids, YEAR.from, YEAR.to]).then((r) => r.rows[0] as PropagandaRow),
  ]);
  const plan = propaganda.plan ?? {};
  const programPlan = propaganda.program_plan ?? {};
  const programs = new Set([
    ...Object.keys(training.programs ?? {}),
    ...Object.keys(programPlan).map((k) => k.slice(k.indexOf('/') + 1)),
  ]);
  return {
    predecessors: [...units.predecessors].sort(),
    training: {
      programs: Object.fromEntries(
        [...programs].map((code) => [
          code,
          [
            ...(training.programs?.[code] ?? [0, 0, 0, 0]),
            programPlan[`classes/${code}`] ?? null,
            programPlan[`trainees/${code}`] ?? null,
          ],
        ]),
      ),
      plan: [plan.classes ?? null, plan.trainees ?? null],
      grades: nonZero(Object.entries(training.grades ?? {})),
      people: margins(training.people),
      units: nonZero(Object.entries(training.units ?? {})),
      certificates: training.certificates,
      sent: training.sent,
    },
    roster: {
      members: rosters.members,
      levels: nonZero(Object.entries(rosters.levels ?? {})),
      fields: nonZero(Object.entries(rosters.fields ?? {})),
    },
    shortfalls: { members: rosters.judged, short: sortedLines(rosters.short) },
    briefings: {
      count: propaganda.briefings,
      audience: propaganda.audience,
      unclassified: propaganda.audience - propaganda.classified,
      plan: [plan.briefings ?? null, plan.audience ?? null],
      listeners: nonZero(Object.entries(propaganda.listeners ?? {})),
      modes: propaganda.modes ?? {},
      resolutions: propaganda.resolutions ?? {},
      presenters: propaganda.presenters,
      presentations: propaganda.presentations,
    },
    conferences: {
      count: new Set([...propaganda.sites, ...propaganda.bare].map((l) => l[0])).size,
      attendees: [...propaganda.sites, ...propaganda.bare].reduce((sum, l) => sum + l[6], 0),
      lines: sortedLines([...propaganda.sites, ...propaganda.bare]),
      plan: plan.conferences ?? null,
    },
    opinions: { topics: propaganda.topics ?? {}, sensitivity: propaganda.sensitivity ?? {}, withheld: 0 },
    output: {
      kinds: Object.fromEntries(
        ['documents', 'news', 'radio', 'banners'].map((k) => [k, [propaganda.output?.[k] ?? 0, plan[k] ?? null]]),
      ),
      straddling: propaganda.straddling,
    },
  };
}

/** The product's answer in the same shape. */
function productFigures(r: PeriodReport): Figures {
  const t = r.training;
  const rp = r.rapporteurs;
  const banded = t.classification.reduce((s, c) => s + c.trainees, 0);
  return {
    predecessors: r.predecessors.map((p) => p.code).sort(),
    training: {
      programs: Object.fromEntries(
        t.byProgram.map((p) => [
          p.code,
          [p.classes.actual, p.trainees.actual, p.completed, p.passed, p.classes.plan, p.trainees.plan],
        ]),
      ),
      plan: [t.classes.plan, t.trainees.plan],
      // Passed or failed without a band (attendance-only programs) are the baseline's '-'.
      grades: nonZero([
        ...t.classification.map((c): [string, number] => [c.code, c.trainees]),
        ['-', t.completed - banded],
      ]),
      people: nonZero([
        ...t.byEthnicity.map((e): [string, number] => [`e:${e.ethnicity ?? '-'}`, e.trainees]),
        ...t.byGender.map((g): [string, number] => [`g:${g.gender ?? '-'}`, g.trainees]),
      ]),
      units: nonZero(t.byUnit.map((u) => [u.code ?? '-', [u.trainees, u.passed]])),
      certificates: t.certificates,
      sent: [t.sent.trainees, t.sent.passed],
    },
    roster: {
      members: rp.roster.members,
      levels: nonZero(rp.roster.byLevel.map((l) => [l.level, l.members])),
      fields: nonZero(rp.roster.byField.map((f) => [f.field, f.members])),
    },
    shortfalls: {
      members: rp.shortfalls.members,
      short: sortedLines(rp.shortfalls.short.map((s) => [s.fullName, s.code, s.required, s.done, s.shortBy])),
    },
    briefings: {
      count: rp.briefings.count,
      audience: rp.briefings.audience,
      unclassified: rp.briefings.unclassified,
      plan: [rp.briefings.planned.plan, rp.briefings.audiencePlanned.plan],
      listeners: nonZero(rp.briefings.byEthnicityAndGender.map((g) => [`${g.ethnicity}/${g.gender}`, g.audience])),
      modes: Object.fromEntries(r.directive17.byMode.map((m) => [m.mode, [m.briefings, m.audience]])),
      resolutions: Object.fromEntries(r.directive17.byResolution.map((x) => [x.resolution, x.briefings])),
      presenters: r.directive17.presenters,
      presentations: r.directive17.presentations,
    },
    conferences: {
      count: rp.conferences.count,
      attendees: rp.conferences.attendees,
      lines: sortedLines(
        rp.conferences.sites.map((s) => [s.conferenceId, s.date, s.title, s.site, s.headcount, s.named, s.attendees]),
      ),
      plan: rp.conferences.planned.plan,
    },
    opinions: {
      topics: Object.fromEntries(rp.opinionReports.byTopic.map((x) => [x.topic, x.reports])),
      sensitivity: Object.fromEntries(rp.opinionReports.bySensitivity.map((x) => [x.sensitivity, x.reports])),
      withheld: rp.opinionReports.withheld,
    },
    output: {
      kinds: Object.fromEntries(r.output.byKind.map((k) => [k.kind, [k.count.actual, k.count.plan]])),
      straddling: r.output.straddling,
    },
  };
}

const canonical = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      )
    : value;

/** Throws naming every section whose figures differ between the two sides. */
function checkEqual(product: Figures, baseline: Figures): void {
  const differ = Object.keys({ ...product, ...baseline }).filter(
    (k) => JSON.stringify(canonical(product[k])) !== JSON.stringify(canonical(baseline[k])),
  );
  if (differ.length === 0) return;
  const show = (f: Figures) =>
    differ.map((k) => `${k}: ${JSON.stringify(canonical(f[k])).slice(0, 2000)}`).join('\n   ');
  throw new Error(`figures differ (${differ.join(', ')}):\n product  ${show(product)}\n baseline ${show(baseline)}`);
}

/**
 * `reports.period.ratio`: Thái Nguyên's report for 2025 — the year its districts ended and its
 * communes merged on 1 July — through `ReportService.period` (every section, the propaganda
 * department's view) divided by hand-written SQL giving every one of its figures through raw `pg`,
 * on the shared province dataset with 100,000 enrolments; both answers are checked equal before
 * timing. `reports.xlsx.seconds`: that report as the XLSX workbook. Peak memory is sampled during
 * the product's rounds.
 */
export default async function reportsPeriod(): Promise<Figure[]> {
  const province = await createProvinceDataset({ sizes: { enrolments: 100_000 } });
  const pool = new pg.Pool({ connectionString: province.url, max: 4 });
  try {
    const unitId = province.facts.provinceId;
    const product = () => province.reports.period({ ...YEAR, unitId }, 'propaganda');
    const baseline = () => baselineFigures(pool, unitId);

    const report = await product();
    checkEqual(productFigures(report), await baseline());

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
    const rp = report.rapporteurs;
    const sizes =
      `province dataset at scale 1 with 100,000 enrolments; the year 2025 holds ${t.classes.actual} classes, ` +
      `${t.trainees.actual} trainees, ${rp.briefings.count} briefings, ${rp.conferences.count} conferences, ` +
      `${rp.opinionReports.count} opinion reports, ${rp.roster.members} roster members on 31/12 and ` +
      `${rp.shortfalls.short.length} shortfalls of ${rp.shortfalls.members} judged members, ` +
      `${report.predecessors.length} predecessor units ` +
      '(communes merged and districts ended on 01/07/2025)';
    return [
      {
        id: 'reports.period.ratio',
        value: median(ratios),
        unit: 'x hand-written SQL',
        baseline:
          "hand-written SQL through raw pg giving every figure of the report (the period's units by a walk of its own, " +
          'then training, rosters with their size and shortfalls, and propaganda with the plan, three statements at once), ' +
          'all figures checked equal',
        target: '<= 2',
        note:
          `period report ${median(productMs).toFixed(0)} ms vs baseline ${median(baselineMs).toFixed(0)} ms (medians of ` +
          `${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up; round ratios ${Math.min(...ratios).toFixed(2)}–` +
          `${Math.max(...ratios).toFixed(2)}); peak heap ${mib(peakHeap)} MiB ` +
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
          `(${rp.shortfalls.short.length} shortfall rows); ${sizes}`,
      },
    ];
  } finally {
    await pool.end();
    await province.close();
  }
}
