import type { RouterInputs, RouterOutputs } from '@polcenter/client';
import {
  type CertificateKind,
  DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
  DEFAULT_GRADING_SCALE,
  DEFAULT_MAX_ABSENCE_RATIO,
  type EducationLevel,
  type PartyStatus,
  type ProgramEnding,
  type ProgramKind,
} from '@polcenter/domain';

type Program = RouterOutputs['programs']['get'];
export type ProgramCreate = RouterInputs['programs']['create'];
export type ProgramUpdate = RouterInputs['programs']['update'];

/**
 * What the program form holds while someone types: every rule as typed (numbers as text, the
 * absence limit in percent), so nothing is lost or rewritten under their fingers. `toInput` turns
 * it into what the API takes; the API says what is wrong, field by field.
 */
export interface ProgramDraft {
  code: string;
  kind: ProgramKind;
  name: { vi: string; en: string };
  audience: { vi: string; en: string };
  days: { min: string; max: string };
  endsWith: ProgramEnding;
  eligibility: {
    partyStatuses: PartyStatus[];
    minEducation: EducationLevel | '';
    prerequisites: string[];
    repeatable: boolean;
  };
  passRule: { by: 'attendance' | 'score'; minimum: string; eachAtLeast: string };
  certificateKind: CertificateKind | '';
  certificateNumberTemplate: string;
  absencePercent: string;
  gradingScale: { code: string; min: string; name: { vi: string; en: string } }[];
  /** `sessions`: how many class sessions name the topic (those keep their number). */
  topics: { number: string; title: { vi: string; en: string }; periods: string; sessions: number }[];
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

/** A new program's form: the usual rules, one topic to fill in. */
export function emptyDraft(): ProgramDraft {
  return {
    code: '',
    kind: 'skills',
    name: { vi: '', en: '' },
    audience: { vi: '', en: '' },
    days: { min: '', max: '' },
    endsWith: 'paper',
    eligibility: { partyStatuses: [], minEducation: '', prerequisites: [], repeatable: false },
    passRule: { by: 'score', minimum: '5', eachAtLeast: '' },
    certificateKind: 'completion',
    certificateNumberTemplate: DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
    absencePercent: String(DEFAULT_MAX_ABSENCE_RATIO * 100),
    gradingScale: DEFAULT_GRADING_SCALE.map((b) => ({
      code: b.code,
      min: String(b.min),
      name: { vi: b.name.vi, en: b.name.en },
    })),
    topics: [{ number: '1', title: { vi: '', en: '' }, periods: '4', sessions: 0 }],
  };
}

/** The form of a program as it stands. */
export function draftOf(p: Program): ProgramDraft {
  const rule = p.rules.passRule;
  return {
    code: p.code,
    kind: p.kind,
    name: { vi: p.name.vi, en: p.name.en },
    audience: { vi: p.rules.audience.vi, en: p.rules.audience.en },
    days: { min: String(p.rules.days.min), max: String(p.rules.days.max) },
    endsWith: p.rules.endsWith,
    eligibility: {
      partyStatuses: [...(p.rules.eligibility.partyStatuses ?? [])],
      minEducation: p.rules.eligibility.minEducation ?? '',
      prerequisites: [...(p.rules.eligibility.prerequisites ?? [])],
      repeatable: p.rules.eligibility.repeatable ?? false,
    },
    passRule:
      rule.by === 'score'
        ? { by: 'score', minimum: String(rule.minimum), eachAtLeast: text(rule.eachAtLeast) }
        : { by: 'attendance', minimum: '5', eachAtLeast: '' },
    certificateKind: p.rules.certificateKind ?? '',
    certificateNumberTemplate: p.rules.certificateNumberTemplate,
    absencePercent: String(Math.round(p.rules.maxAbsenceRatio * 10000) / 100),
    gradingScale: p.rules.gradingScale.map((b) => ({
      code: b.code,
      min: String(b.min),
      name: { vi: b.name.vi, en: b.name.en },
    })),
    topics: p.topics.map((t) => ({
      number: String(t.number),
      title: { vi: t.title.vi, en: t.title.en === t.title.vi ? '' : t.title.en },
      periods: String(t.periods),
      sessions: t.sessions,
    })),
  };
}

/**
 * A number as typed, with a decimal comma or point; blank is left out (the API then says it is
 * required), anything else unreadable goes as typed so the API names the field.
 */
function numberOf(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed.replace(',', '.'));
}

const localized = (value: { vi: string; en: string }) =>
  value.en.trim() === '' ? { vi: value.vi } : { vi: value.vi, en: value.en };

/** What the API takes to create (with the owner) or, with id and version, to update. */
export function toInput(draft: ProgramDraft): Omit<ProgramCreate, 'ownerUnitId'> {
  const eligibility = draft.eligibility;
  const percent = numberOf(draft.absencePercent);
  const daysMin = numberOf(draft.days.min);
  const daysMax = numberOf(draft.days.max);
  return {
    code: draft.code,
    kind: draft.kind,
    name: localized(draft.name),
    ...(draft.audience.vi.trim() ? { audience: localized(draft.audience) } : {}),
    topics: draft.topics.map((t) => ({
      number: numberOf(t.number) as number,
      title: localized(t.title),
      periods: numberOf(t.periods) as number,
    })),
    ...(daysMin !== undefined || daysMax !== undefined
      ? { days: { min: (daysMin ?? daysMax) as number, max: (daysMax ?? daysMin) as number } }
      : {}),
    endsWith: draft.endsWith,
    eligibility: {
      ...(eligibility.partyStatuses.length > 0 ? { partyStatuses: eligibility.partyStatuses } : {}),
      ...(eligibility.minEducation ? { minEducation: eligibility.minEducation } : {}),
      ...(eligibility.prerequisites.length > 0 ? { prerequisites: eligibility.prerequisites } : {}),
      ...(eligibility.repeatable ? { repeatable: true } : {}),
    },
    passRule:
      draft.passRule.by === 'attendance'
        ? { by: 'attendance' }
        : {
            by: 'score',
            minimum: numberOf(draft.passRule.minimum) as number,
            ...(draft.passRule.eachAtLeast.trim()
              ? { eachAtLeast: numberOf(draft.passRule.eachAtLeast) as number }
              : {}),
          },
    certificateKind: draft.certificateKind || null,
    certificateNumberTemplate: draft.certificateNumberTemplate,
    ...(percent !== undefined ? { maxAbsenceRatio: Math.round(percent * 100) / 10000 } : {}),
    gradingScale: draft.gradingScale.map((b) => ({
      code: b.code,
      min: numberOf(b.min) as number,
      name: { vi: b.name.vi, en: b.name.en.trim() || b.name.vi },
    })),
  };
}
