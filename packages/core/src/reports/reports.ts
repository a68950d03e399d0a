import {
  type LocalizedText,
  type OpinionAudience,
  type PropagandaReportInput,
  parseInput,
  periodLabel,
  type ReportInput,
  reportInput,
  trainingSentence,
} from '@polcenter/domain';
import type { Orm } from '../orm.js';
import { propagandaReport } from './propaganda.js';
import type { PropagandaReport } from './propaganda-report.js';

export interface TrainingReport {
  readonly from: string;
  readonly to: string;
  readonly period: LocalizedText;
  /** The report's opening sentence in both languages. */
  readonly sentence: LocalizedText;
  readonly classes: number;
  readonly trainees: number;
  readonly passed: number;
  readonly certificates: number;
  readonly byProgram: readonly {
    readonly code: string;
    readonly name: LocalizedText;
    readonly classes: number;
    readonly trainees: number;
    readonly passed: number;
  }[];
  readonly byEthnicity: readonly { readonly ethnicity: string | null; readonly trainees: number }[];
  readonly byGender: readonly { readonly gender: string | null; readonly trainees: number }[];
  readonly rapporteurs: { readonly briefings: number; readonly audience: number };
}

/** Classes counted in a period: those that started in it and were not cancelled or only planned. */
const HELD = `c.status NOT IN ('draft', 'cancelled') AND c.start_date BETWEEN ?::date AND ?::date`;
/** Trainees: enrolments that held a seat (approved, attending, or with a result). */
const SEATED = `e.state IN ('approved', 'attending', 'passed', 'failed', 'incomplete')`;

/**
 * Aggregates for 6-month and annual reports, and the figures the portal may publish: counts only,
 * never a person. Every figure is one aggregate query over the organiser's subtree.
 */
export class ReportService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /** Briefings, audience by people and gender, conferences by site, opinion reports by topic (propaganda.ts). */
  propaganda(input: PropagandaReportInput, viewer: OpinionAudience): Promise<PropagandaReport> {
    return propagandaReport(this.orm, input, viewer);
  }

  async training(input: ReportInput): Promise<TrainingReport> {
    const filter = parseInput(reportInput, input);
    const em = this.orm.em.fork();
    const scope = `WITH RECURSIVE scope AS (
        SELECT id FROM unit WHERE ${filter.organiserCode ? 'code = ?' : 'parent_id IS NULL'}
        UNION ALL
        SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
      )`;
    const scoped = (sql: string, params: unknown[]) =>
      em.execute(`${scope} ${sql}`, [...(filter.organiserCode ? [filter.organiserCode] : []), ...params]);
    const period = [filter.from, filter.to];
    const inScope = 'c.organiser_unit_id IN (SELECT id FROM scope)';

    const programs = (await scoped(
      `SELECT p.code, p.name_vi, p.name_en, count(DISTINCT c.id)::int AS classes,
              count(e.id) FILTER (WHERE ${SEATED})::int AS trainees,
              count(e.id) FILTER (WHERE e.state = 'passed')::int AS passed
         FROM training_class c JOIN program p ON p.id = c.program_id
         LEFT JOIN enrolment e ON e.class_id = c.id
        WHERE ${inScope} AND ${HELD}
        GROUP BY p.code, p.name_vi, p.name_en ORDER BY p.code`,
      period,
    )) as { code: string; name_vi: string; name_en: string; classes: number; trainees: number; passed: number }[];
    const people = (await scoped(
      `SELECT pe.ethnicity, pe.gender, count(*)::int AS trainees
         FROM training_class c JOIN enrolment e ON e.class_id = c.id JOIN person pe ON pe.id = e.person_id
        WHERE ${inScope} AND ${HELD} AND ${SEATED}
        GROUP BY pe.ethnicity, pe.gender`,
      period,
    )) as { ethnicity: string | null; gender: string | null; trainees: number }[];
    const [issued] = (await scoped(
      `SELECT count(*)::int AS n FROM certificate ce
        WHERE ce.issuer_unit_id IN (SELECT id FROM scope) AND ce.revoked_at IS NULL
          AND ce.issued_on BETWEEN ?::date AND ?::date`,
      period,
    )) as { n: number }[];
    const [briefings] = (await scoped(
      `SELECT count(*)::int AS n, coalesce(sum(b.audience_size), 0)::int AS audience FROM briefing b
        WHERE b.unit_id IN (SELECT id FROM scope) AND b.date BETWEEN ?::date AND ?::date`,
      period,
    )) as { n: number; audience: number }[];

    const sum = (rows: { trainees: number }[]) => rows.reduce((total, r) => total + r.trainees, 0);
    const tally = (key: 'ethnicity' | 'gender') => {
      const totals = new Map<string | null, number>();
      for (const row of people) totals.set(row[key], (totals.get(row[key]) ?? 0) + row.trainees);
      return [...totals].sort((a, b) => b[1] - a[1]);
    };
    const classes = programs.reduce((total, p) => total + p.classes, 0);
    const trainees = sum(programs);
    const label = periodLabel(filter.from, filter.to);
    return {
      from: filter.from,
      to: filter.to,
      period: label,
      sentence: trainingSentence(label, { classes, trainees }),
      classes,
      trainees,
      passed: programs.reduce((total, p) => total + p.passed, 0),
      certificates: issued?.n ?? 0,
      byProgram: programs.map((p) => ({
        code: p.code,
        name: { vi: p.name_vi, en: p.name_en },
        classes: p.classes,
        trainees: p.trainees,
        passed: p.passed,
      })),
      byEthnicity: tally('ethnicity').map(([ethnicity, count]) => ({ ethnicity, trainees: count })),
      byGender: tally('gender').map(([gender, count]) => ({ gender, trainees: count })),
      rapporteurs: { briefings: briefings?.n ?? 0, audience: briefings?.audience ?? 0 },
    };
  }
}
