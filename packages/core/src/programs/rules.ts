import type { CertificateKind, EligibilityRule, GradingScale, PassRule, ProgramEnding } from '@polcenter/domain';

/**
 * A program's rules: configurable data with the defaults of DOMAIN.md, kept together as JSON. A
 * class copies them when it is created (`training_class.rules`) and keeps that copy once opened.
 */
export interface ProgramRules {
  readonly audience: { readonly vi: string; readonly en: string };
  readonly days: { readonly min: number; readonly max: number };
  readonly endsWith: ProgramEnding;
  readonly eligibility: EligibilityRule;
  readonly passRule: PassRule;
  readonly certificateKind: CertificateKind | null;
  /** How certificate numbers are written: `{n}` the sequence, `{n:3}` padded, `{yyyy}`/`{yy}` the year. */
  readonly certificateNumberTemplate: string;
  readonly maxAbsenceRatio: number;
  readonly gradingScale: GradingScale;
}
