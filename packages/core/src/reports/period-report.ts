import type { LocalizedText, OutputKind, Planned } from '@polcenter/domain';
import type { PropagandaReport } from './propaganda-report.js';

/** The unit a report speaks for, and who speaks (null: every unit, said without a speaker). */
export interface ReportOrganiser {
  readonly unitId: string;
  readonly code: string;
  readonly name: string;
  readonly levelCode: string;
  readonly level: LocalizedText;
  /** "Trung tâm Chính trị huyện Chợ Đồn", "Trường Chính trị tỉnh Thái Nguyên", "Đảng ủy xã Chợ Đồn". */
  readonly training: LocalizedText;
  /** "Ban Tuyên giáo Huyện ủy Chợ Đồn"… */
  readonly propaganda: LocalizedText;
}

export interface ClassificationCount {
  /** The grading band's code (excellent, good, pass, fail, or one a program configures). */
  readonly code: string;
  readonly name: LocalizedText;
  readonly trainees: number;
}

export interface TrainingSection {
  /** Classes that started in the period (ADR 0033), with % of the year's plan. */
  readonly classes: Planned;
  /** Enrolments that held a seat in those classes (never withdrawn, waitlisted, rejected or pending). */
  readonly trainees: Planned;
  /** Trainees with a result: passed or failed (incomplete ones did not finish). */
  readonly completed: number;
  readonly passed: number;
  /** Passed ÷ completed, in % with one decimal; null when nobody has a result yet. */
  readonly passRate: number | null;
  readonly classification: readonly ClassificationCount[];
  /** Certificates issued in the period by the units in scope, not revoked. */
  readonly certificates: number;
  readonly byProgram: readonly {
    readonly programId: string;
    readonly code: string;
    readonly name: LocalizedText;
    readonly classes: Planned;
    readonly trainees: Planned;
    readonly completed: number;
    readonly passed: number;
  }[];
  /**
   * Trainees of these classes by where they come from: the unit directly within the report's unit
   * that holds (or carries on) their own unit; null: from outside it.
   */
  readonly byUnit: readonly {
    readonly unitId: string | null;
    readonly code: string | null;
    readonly name: string | null;
    readonly trainees: number;
    readonly passed: number;
  }[];
  readonly byEthnicity: readonly { readonly ethnicity: string | null; readonly trainees: number }[];
  readonly byGender: readonly { readonly gender: string | null; readonly trainees: number }[];
  /**
   * People of the units in scope trained in the period in any unit's classes (a commune's own people
   * at the district's classes): what a unit that organises nothing itself reports.
   */
  readonly sent: { readonly trainees: number; readonly passed: number };
}

export interface RapporteurSection {
  /** Members of the scope's rosters on the period's last day, by roster level, and by field of expertise. */
  readonly roster: {
    readonly members: number;
    readonly byLevel: readonly { readonly level: string; readonly members: number }[];
    readonly byField: readonly { readonly field: string; readonly name: LocalizedText; readonly members: number }[];
  };
  readonly briefings: PropagandaReport['briefings'] & { readonly planned: Planned; readonly audiencePlanned: Planned };
  readonly conferences: PropagandaReport['conferences'] & { readonly planned: Planned };
  readonly opinionReports: PropagandaReport['opinionReports'] & {
    /** By topic and sensitivity, as far as the viewer may read. */
    readonly bySensitivity: readonly { readonly sensitivity: string; readonly reports: number }[];
  };
  /** Members short of an obligation in the period's last year, counted up to its last day. */
  readonly shortfalls: {
    readonly year: number;
    readonly members: number;
    readonly short: readonly {
      readonly fullName: string;
      readonly code: string;
      readonly name: LocalizedText;
      readonly required: number;
      readonly done: number;
      readonly shortBy: number;
    }[];
  };
}

/** Directive 17-CT/TW's oral-propaganda tallies. */
export interface Directive17Section {
  readonly briefings: number;
  readonly audience: number;
  readonly byMode: readonly { readonly mode: string; readonly briefings: number; readonly audience: number }[];
  /** Rapporteurs and propagandists who gave at least one briefing. */
  readonly presenters: number;
  /** Presentations: a briefing given by three people is three. */
  readonly presentations: number;
  readonly byResolution: readonly { readonly resolution: string; readonly briefings: number }[];
}

export interface OutputSection {
  readonly byKind: readonly { readonly kind: OutputKind; readonly name: LocalizedText; readonly count: Planned }[];
  /** Tallies recorded over a period that only partly lies in the report's: left out, counted here. */
  readonly straddling: number;
}

/**
 * The report of a period for a unit and everything within it, following successor links (ADR 0033).
 * Every path (the console, the CLI, the files, the public figures) reads this one object.
 */
export interface PeriodReport {
  readonly from: string;
  readonly to: string;
  /** "06 tháng đầu năm 2022", "Quý III/2022", "năm 2022", "01/03/2022–15/05/2022". */
  readonly periodTitle: LocalizedText;
  /** The period as a sentence opens: "06 tháng đầu năm 2022", "Năm 2022"… */
  readonly period: LocalizedText;
  readonly organiser: ReportOrganiser | null;
  /** Units whose work the report counts because the report's unit carries them on. */
  readonly predecessors: readonly { readonly unitId: string; readonly code: string; readonly name: string }[];
  /** The plan years the % of plan compares with (the years the period touches). */
  readonly planYears: readonly number[];
  readonly sentences: {
    readonly training: LocalizedText;
    readonly propaganda: LocalizedText;
    readonly output: LocalizedText;
  };
  readonly training: TrainingSection;
  readonly rapporteurs: RapporteurSection;
  readonly directive17: Directive17Section;
  readonly output: OutputSection;
}

/**
 * The rapporteurs' figures every path of a report shows, the public one included: the roster,
 * briefings and their audience, conferences by site, opinion reports (the propaganda report's own
 * statements, so its numbers and these are one), each beside its plan.
 */
export type RapporteurBasis = Omit<RapporteurSection, 'shortfalls' | 'opinionReports'> & {
  readonly opinionReports: PropagandaReport['opinionReports'];
};

/**
 * What every path of a period's report shows, the public figures included: the organiser, the
 * sentences, training, the rapporteurs' roster, briefings, conferences and opinion reports, and
 * the output, each beside its plan. `periodReport` adds what only staff read.
 */
export interface PeriodBasis
  extends Pick<
    PeriodReport,
    'from' | 'to' | 'periodTitle' | 'period' | 'organiser' | 'planYears' | 'sentences' | 'training' | 'output'
  > {
  readonly rapporteurs: RapporteurBasis;
}
