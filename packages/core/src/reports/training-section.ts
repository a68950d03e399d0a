import { DEFAULT_GRADING_SCALE, type LocalizedText, planned } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import type { TrainingSection } from './period-report.js';
import type { PlanTargets } from './plan-targets-sql.js';
import { HELD_CLASS, type ReportScope, SCOPE, SEATED, UNIT_TOP } from './report-scope.js';

interface TrainingRow {
  programs: {
    program_id: string;
    code: string;
    name_vi: string;
    name_en: string;
    classes: number;
    trainees: number;
    completed: number;
    passed: number;
  }[];
  grades: { code: string | null; trainees: number }[];
  bands: { code: string; vi: string | null; en: string | null; min: number | null }[];
  people: { ethnicity: string | null; gender: string | null; trainees: number }[];
  units: { unit_id: string | null; code: string | null; name: string | null; trainees: number; passed: number }[];
  certificates: number;
  sent: { trainees: number; passed: number };
}

/**
 * Classes and trainees of the units in scope over the period, in one statement: each class's
 * seats are counted first, then summed by program, so no `count(DISTINCT …)` ever sorts the
 * enrolments (ADR 0033). A trainee counts with the class, in the period it started.
 */
export async function trainingSection(
  sql: Sql,
  q: { from: string; to: string; scope: ReportScope },
  plan: PlanTargets,
): Promise<TrainingSection> {
  const [row] = await sql.execute<{ r: TrainingRow }[]>(
    `WITH ${SCOPE}, ${UNIT_TOP},
     -- Every class held in the period, whoever organised it: the scope's own give the figures, and
     -- anyone's count as "sent" for trainees of the scope's units. One pass over their seats and
     -- their people serves both.
     held AS MATERIALIZED (
       SELECT c.id, c.program_id, c.organiser_unit_id IN (SELECT id FROM units_in) AS ours
         FROM training_class c WHERE ${HELD_CLASS}
     ),
     cls AS (SELECT id, program_id FROM held WHERE ours),
     seated AS MATERIALIZED (
       SELECT e.class_id, e.state, e.classification, h.ours, p.ethnicity, p.gender, p.unit_id,
              p.unit_id IN (SELECT id FROM units_in) AS mine
         FROM enrolment e JOIN held h ON h.id = e.class_id JOIN person p ON p.id = e.person_id
        WHERE ${SEATED}
     ),
     seat AS (SELECT class_id, state, classification FROM seated WHERE ours),
     per_class AS (
       SELECT class_id, count(*) AS trainees,
              count(*) FILTER (WHERE state IN ('passed', 'failed')) AS completed,
              count(*) FILTER (WHERE state = 'passed') AS passed
         FROM seat GROUP BY class_id
     ),
     trained AS (SELECT state, ethnicity, gender, unit_id FROM seated WHERE ours)
     SELECT json_build_object(
       'programs', (SELECT coalesce(json_agg(x ORDER BY x.code), '[]') FROM (
           SELECT p.id AS program_id, p.code, p.name_vi, p.name_en, count(*)::int AS classes,
                  coalesce(sum(pc.trainees), 0)::int AS trainees, coalesce(sum(pc.completed), 0)::int AS completed,
                  coalesce(sum(pc.passed), 0)::int AS passed
             FROM cls JOIN program p ON p.id = cls.program_id LEFT JOIN per_class pc ON pc.class_id = cls.id
            GROUP BY p.id) x),
       -- The bands' names as the classes' own rules give them (a program may rename or add bands).
       'bands', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT DISTINCT ON (b->>'code') b->>'code' AS code, b->'name'->>'vi' AS vi, b->'name'->>'en' AS en,
                  (b->>'min')::float AS min
             FROM training_class c, jsonb_array_elements(c.rules->'gradingScale') b
            WHERE c.id IN (SELECT id FROM cls) ORDER BY b->>'code', c.id) x),
       'grades', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT classification AS code, count(*)::int AS trainees FROM seat
            WHERE state IN ('passed', 'failed') GROUP BY classification) x),
       'people', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT ethnicity, gender, count(*)::int AS trainees FROM trained GROUP BY ethnicity, gender) x),
       'units', (SELECT coalesce(json_agg(x ORDER BY x.trainees DESC, x.name), '[]') FROM (
           SELECT g.top AS unit_id, u.code, u.name, g.trainees, g.passed FROM (
             SELECT t.top, count(*)::int AS trainees, count(*) FILTER (WHERE tr.state = 'passed')::int AS passed
               FROM trained tr LEFT JOIN unit_top t ON t.id = tr.unit_id GROUP BY t.top) g
           LEFT JOIN unit u ON u.id = g.top) x),
       'certificates', (SELECT count(*)::int FROM certificate ce
           WHERE ce.issuer_unit_id IN (SELECT id FROM units_in) AND ce.revoked_at IS NULL
             AND ce.issued_on BETWEEN ?::date AND ?::date),
       'sent', (SELECT json_build_object('trainees', count(*)::int, 'passed', count(*) FILTER (WHERE state = 'passed')::int)
           FROM seated WHERE mine)
     ) AS r`,
    [q.scope.ids, q.scope.ids, q.scope.tops, q.from, q.to, q.from, q.to],
  );
  const r = (row as { r: TrainingRow }).r;
  const sum = <K extends 'classes' | 'trainees' | 'completed' | 'passed'>(key: K) =>
    r.programs.reduce((total, p) => total + p[key], 0);
  const completed = sum('completed');
  const passed = sum('passed');
  // Names and order (highest band first) from the classes' rules; the default scale for a code no
  // held class names any more.
  const bands = new Map<string, { name: LocalizedText; min: number }>(
    DEFAULT_GRADING_SCALE.map((b) => [b.code, { name: b.name, min: b.min }]),
  );
  for (const b of r.bands) {
    if (b.vi) bands.set(b.code, { name: { vi: b.vi, en: b.en ?? b.vi }, min: b.min ?? -1 });
  }
  const rank = (code: string) => -(bands.get(code)?.min ?? -1);
  const tally = (key: 'ethnicity' | 'gender') => {
    const totals = new Map<string | null, number>();
    for (const p of r.people) totals.set(p[key], (totals.get(p[key]) ?? 0) + p.trainees);
    return [...totals].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  };
  return {
    classes: planned(sum('classes'), plan.total('classes')),
    trainees: planned(sum('trainees'), plan.total('trainees')),
    completed,
    passed,
    passRate: completed ? Math.round((passed / completed) * 1000) / 10 : null,
    classification: r.grades
      // Passed without a score (attendance-only programs) have no band: they are in `passed`, not here.
      .filter((g): g is { code: string; trainees: number } => g.code !== null)
      .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
      .map((g) => ({
        code: g.code,
        name: bands.get(g.code)?.name ?? { vi: g.code, en: g.code },
        trainees: g.trainees,
      })),
    certificates: r.certificates,
    byProgram: [
      ...r.programs,
      // A program the plan names but no class of which started: 0 of its target.
      ...plan.programs
        .filter((t) => !r.programs.some((p) => p.program_id === t.programId))
        .map((t) => ({
          program_id: t.programId,
          code: t.code,
          name_vi: t.name.vi,
          name_en: t.name.en,
          classes: 0,
          trainees: 0,
          completed: 0,
          passed: 0,
        })),
    ]
      .sort((a, b) => a.code.localeCompare(b.code, 'vi'))
      .map((p) => ({
        programId: p.program_id,
        code: p.code,
        name: { vi: p.name_vi, en: p.name_en },
        classes: planned(p.classes, plan.of('classes', p.program_id)),
        trainees: planned(p.trainees, plan.of('trainees', p.program_id)),
        completed: p.completed,
        passed: p.passed,
      })),
    byUnit: r.units.map((u) => ({
      unitId: u.unit_id,
      code: u.code,
      name: u.name,
      trainees: u.trainees,
      passed: u.passed,
    })),
    byEthnicity: tally('ethnicity').map(([ethnicity, trainees]) => ({ ethnicity, trainees })),
    byGender: tally('gender').map(([gender, trainees]) => ({ gender, trainees })),
    sent: r.sent,
  };
}
