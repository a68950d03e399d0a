import type { LocalizedText, OutputKind, Planned } from '@polcenter/domain';
import type { ClassificationCount, PeriodBasis, PeriodReport } from './period-report.js';

/**
 * What the portal may publish of a period's report (`reports.published`, the `<pc-stats>` widget):
 * aggregates only — no person, no name of a rapporteur, no opinion topic (sensitive or not), no
 * conference title. Its shape is a public contract (docs/api.md): fields are added, never renamed.
 */
export interface PublishedReport {
  readonly from: string;
  readonly to: string;
  readonly periodTitle: LocalizedText;
  readonly organiser: {
    readonly code: string;
    readonly name: string;
    readonly training: LocalizedText;
    readonly propaganda: LocalizedText;
  } | null;
  readonly sentences: PeriodReport['sentences'];
  readonly training: {
    readonly classes: Planned;
    readonly trainees: Planned;
    readonly completed: number;
    readonly passed: number;
    readonly passRate: number | null;
    readonly certificates: number;
    readonly classification: readonly ClassificationCount[];
    readonly byProgram: readonly {
      readonly code: string;
      readonly name: LocalizedText;
      readonly classes: number;
      readonly trainees: number;
      readonly passed: number;
    }[];
    readonly byEthnicity: readonly { readonly ethnicity: string | null; readonly trainees: number }[];
    readonly byGender: readonly { readonly gender: string | null; readonly trainees: number }[];
  };
  readonly rapporteurs: {
    readonly members: number;
    readonly briefings: Planned;
    readonly audience: Planned;
    readonly conferences: Planned;
    readonly attendees: number;
  };
  readonly output: readonly { readonly kind: OutputKind; readonly name: LocalizedText; readonly count: Planned }[];
}

/** The public subset, picked field by field (never a spread, so nothing new leaks by default). */
export function publishedSubset(report: PeriodBasis): PublishedReport {
  const t = report.training;
  const r = report.rapporteurs;
  return {
    from: report.from,
    to: report.to,
    periodTitle: report.periodTitle,
    organiser: report.organiser && {
      code: report.organiser.code,
      name: report.organiser.name,
      training: report.organiser.training,
      propaganda: report.organiser.propaganda,
    },
    sentences: report.sentences,
    training: {
      classes: t.classes,
      trainees: t.trainees,
      completed: t.completed,
      passed: t.passed,
      passRate: t.passRate,
      certificates: t.certificates,
      classification: t.classification,
      byProgram: t.byProgram.map((p) => ({
        code: p.code,
        name: p.name,
        classes: p.classes.actual,
        trainees: p.trainees.actual,
        passed: p.passed,
      })),
      byEthnicity: t.byEthnicity,
      byGender: t.byGender,
    },
    rapporteurs: {
      members: r.roster.members,
      briefings: r.briefings.planned,
      audience: r.briefings.audiencePlanned,
      conferences: r.conferences.planned,
      attendees: r.conferences.attendees,
    },
    output: report.output.byKind,
  };
}
