import {
  type LocalizedText,
  type OpinionAudience,
  type PeriodReportInput,
  type PropagandaReportInput,
  type PublishedReportInput,
  parseInput,
  periodLabel,
  publishedReportInput,
  type ReportInput,
  recordNotFoundError,
  reportInput,
} from '@polcenter/domain';
import { ObligationService } from '../obligations/obligations.js';
import type { Orm } from '../orm.js';
import { periodBasis, periodReport } from './period.js';
import type { PeriodReport } from './period-report.js';
import { propagandaReport } from './propaganda.js';
import type { PropagandaReport } from './propaganda-report.js';
import { type PublishedReport, publishedSubset } from './published.js';

/** The training figures the public `reports.training` has always answered: now read from the period report. */
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

/**
 * Reports of a period for a unit and everything within it, following successor links (ADR 0033).
 * `period` is the one function; `published` and `training` are subsets of it, so every path
 * shows the same numbers.
 */
export class ReportService {
  private readonly obligations: ObligationService;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {
    this.obligations = new ObligationService(orm);
  }

  /** Every figure of the period; sensitive opinion topics for a `propaganda` viewer only. */
  period(input: PeriodReportInput, viewer: OpinionAudience): Promise<PeriodReport> {
    return periodReport(this.orm, this.obligations, input, viewer);
  }

  /**
   * The public subset of the period's report, for a unit named by its code (every unit when none):
   * the figures every path shows, without computing what only staff read (shortfalls, tallies).
   */
  async published(input: PublishedReportInput): Promise<PublishedReport> {
    const q = parseInput(publishedReportInput, input);
    const unitId = q.unitCode ? await this.unitIdOf(q.unitCode, 'unitCode') : undefined;
    return this.publishedOf({ from: q.from, to: q.to, ...(unitId ? { unitId } : {}) });
  }

  /** Briefings, audience by people and gender, conferences by site, opinion reports by topic (propaganda.ts). */
  propaganda(input: PropagandaReportInput, viewer: OpinionAudience): Promise<PropagandaReport> {
    return propagandaReport(this.orm, input, viewer);
  }

  /** The training figures and sentence of the period (public): the published subset, cut down. */
  async training(input: ReportInput): Promise<TrainingReport> {
    const q = parseInput(reportInput, input);
    const unitId = q.organiserCode ? await this.unitIdOf(q.organiserCode, 'organiserCode') : undefined;
    const published = await this.publishedOf({ from: q.from, to: q.to, ...(unitId ? { unitId } : {}) });
    const t = published.training;
    return {
      from: published.from,
      to: published.to,
      period: periodLabel(published.from, published.to),
      sentence: published.sentences.training,
      classes: t.classes.actual,
      trainees: t.trainees.actual,
      passed: t.passed,
      certificates: t.certificates,
      byProgram: t.byProgram.filter((p) => p.classes > 0),
      byEthnicity: t.byEthnicity,
      byGender: t.byGender,
      rapporteurs: {
        briefings: published.rapporteurs.briefings.actual,
        audience: published.rapporteurs.audience.actual,
      },
    };
  }

  private async publishedOf(input: PeriodReportInput): Promise<PublishedReport> {
    return publishedSubset(await periodBasis(this.orm, input, 'staff'));
  }

  /** A unit's id by its code; an unknown code is UNIT.NOT_FOUND naming the field. */
  async unitIdOf(code: string, field = 'unitCode'): Promise<string> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>('SELECT id FROM unit WHERE code = ?', [code]);
    if (!row) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, code, field);
    return row.id;
  }
}
