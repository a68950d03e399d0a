import {
  CERTIFICATE_KIND_NAMES,
  type CertificateKind,
  describePassRule,
  formatRatio,
  type Lang,
  type LocalizedText,
  type PassRule,
  PROGRAM_ENDING_NAMES,
  type ProgramEnding,
  type ProgramKind,
} from '@polcenter/domain';
import { referenceName } from '../reference-names.js';
import { type Me, mayDo } from '../session.js';

/**
 * Whether the person may edit a program owned by `ownerUnitId` (null: everyone's), as the API
 * decides it: center staff for their unit and those below it, administrators for every program
 * (the only ones for everyone's). The API still decides each call.
 */
export function mayEditProgram(me: Me | undefined, program: { readonly ownerUnitId: string | null }): boolean {
  return mayDo(me, 'center_staff', program.ownerUnitId);
}

/** The unit a new program of this person belongs to: theirs as center staff; null (everyone's) for an administrator. */
export function ownerForNewProgram(me: Me | undefined): string | null {
  const roles = me?.roles ?? [];
  if (roles.some((g) => g.role === 'admin')) return null;
  return roles.find((g) => g.role === 'center_staff')?.unitId ?? null;
}

/** Each rule's name, as the forms and the audit trail say it. */
export const PROGRAM_FIELD_NAMES: Readonly<Record<string, LocalizedText>> = {
  code: { vi: 'Mã chương trình', en: 'Code' },
  kind: { vi: 'Loại chương trình', en: 'Kind' },
  name: { vi: 'Tên chương trình', en: 'Name' },
  audience: { vi: 'Đối tượng', en: 'For whom' },
  days: { vi: 'Số ngày', en: 'Days' },
  endsWith: { vi: 'Kết thúc bằng', en: 'Ends with' },
  eligibility: { vi: 'Điều kiện tham gia', en: 'Who may enrol' },
  passRule: { vi: 'Đánh giá đạt', en: 'Pass rule' },
  certificateKind: { vi: 'Giấy chứng nhận', en: 'Certificate' },
  certificateNumberTemplate: { vi: 'Mẫu số giấy chứng nhận', en: 'Certificate number format' },
  maxAbsenceRatio: { vi: 'Vắng tối đa', en: 'Absence limit' },
  gradingScale: { vi: 'Thang xếp loại', en: 'Grading scale' },
  topics: { vi: 'Chuyên đề', en: 'Topics' },
  draftClassesFollowing: { vi: 'Lớp nháp theo quy định mới', en: 'Draft classes following' },
};

export interface RuleChange {
  readonly field: string;
  /** Before and after, when they read well on one line; absent for lists and tables. */
  readonly from?: string;
  readonly to?: string;
}

type Audited = {
  readonly code?: string;
  readonly kind?: ProgramKind;
  readonly name?: LocalizedText;
  readonly rules?: Record<string, unknown>;
  readonly topics?: unknown;
  readonly draftClassesFollowing?: number;
};

/** What an audited edit changed, rule by rule, in the reader's language. */
export function programChanges(before: unknown, after: unknown, lang: Lang): RuleChange[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Audited;
  const a = after as Audited;
  const flat = (p: Audited): Record<string, unknown> => ({
    code: p.code,
    kind: p.kind,
    name: p.name,
    ...(p.rules ?? {}),
    topics: p.topics,
  });
  const was = flat(b);
  const now = flat(a);
  const changes: RuleChange[] = [];
  for (const field of Object.keys(PROGRAM_FIELD_NAMES)) {
    if (field === 'draftClassesFollowing' || JSON.stringify(was[field]) === JSON.stringify(now[field])) continue;
    const from = shown(field, was[field], lang);
    const to = shown(field, now[field], lang);
    changes.push(from === undefined || to === undefined ? { field } : { field, from, to });
  }
  if (a.draftClassesFollowing)
    changes.push({ field: 'draftClassesFollowing', from: '0', to: String(a.draftClassesFollowing) });
  return changes;
}

function shown(field: string, value: unknown, lang: Lang): string | undefined {
  if (value === undefined || value === null) return field === 'certificateKind' ? '—' : undefined;
  switch (field) {
    case 'code':
    case 'certificateNumberTemplate':
      return String(value);
    case 'name':
      return (value as LocalizedText)[lang];
    case 'kind':
      return referenceName('program_kind', value as ProgramKind, lang);
    case 'endsWith':
      return PROGRAM_ENDING_NAMES[value as ProgramEnding]?.[lang];
    case 'certificateKind':
      return CERTIFICATE_KIND_NAMES[value as CertificateKind]?.[lang];
    case 'maxAbsenceRatio':
      return formatRatio(Number(value), lang);
    case 'passRule':
      return describePassRule(value as PassRule)[lang];
    case 'days': {
      const days = value as { min: number; max: number };
      return days.min === days.max ? String(days.min) : `${days.min}–${days.max}`;
    }
    default:
      return undefined;
  }
}
