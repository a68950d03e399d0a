import { z } from 'zod';
import { DEFAULT_MAX_ABSENCE_RATIO } from './attendance-terms.js';
import { certificateNumberTemplate } from './certificates.js';
import { DEFAULT_CERTIFICATE_NUMBER_TEMPLATE } from './certificates-terms.js';
import { bilingual, DomainError } from './errors.js';
import { gradingScaleInput, passRuleInput } from './grading.js';
import { DEFAULT_GRADING_SCALE, type GradingScale, type PassRule } from './grading-terms.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import {
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVELS,
  type EducationLevel,
  educationAtLeast,
  PARTY_STATUS_NAMES,
  PARTY_STATUSES,
  type PartyStatus,
} from './person-fields.js';
import {
  CERTIFICATE_KINDS,
  type CertificateKind,
  type EligibilityRule,
  PROGRAM_ENDINGS,
  PROGRAM_KINDS,
  type ProgramEnding,
  type ProgramKind,
} from './programs-terms.js';
import { text } from './text.js';

/**
 * A program is a kind of course; a class is one run of it. Everything a province may do
 * differently — who may attend, how it is passed, the absence limit — is data on the program,
 * seeded from DEFAULT_PROGRAMS and edited by staff.
 */

export interface ProgramTopic {
  readonly number: number;
  readonly title: LocalizedText;
  readonly periods: number;
}

export interface ProgramDefinition {
  /** Short code, also the prefix of class codes (`NTĐ` → `NTĐ-03/2022`). */
  readonly code: string;
  readonly kind: ProgramKind;
  readonly name: LocalizedText;
  readonly audience: LocalizedText;
  /** Number of topics (*chuyên đề*) or modules a class usually covers. */
  readonly topicCount: number;
  /** Total periods (*tiết*) a class usually has. */
  readonly periods: number;
  readonly days: { readonly min: number; readonly max: number };
  readonly endsWith: ProgramEnding;
  readonly eligibility: EligibilityRule;
  readonly passRule: PassRule;
  readonly certificateKind: CertificateKind | null;
  readonly maxAbsenceRatio: number;
  readonly gradingScale: GradingScale;
}

const scoreRule: PassRule = { by: 'score', minimum: 5 };
const common = { maxAbsenceRatio: DEFAULT_MAX_ABSENCE_RATIO, gradingScale: DEFAULT_GRADING_SCALE };

/** The six kinds of program a district political center runs (DOMAIN.md), as seed data. */
export const DEFAULT_PROGRAMS: readonly ProgramDefinition[] = [
  {
    code: 'NTĐ',
    kind: 'party_awareness',
    name: { vi: 'Bồi dưỡng nhận thức về Đảng', en: 'Awareness of the Party' },
    audience: {
      vi: 'Quần chúng ưu tú được chi bộ giới thiệu',
      en: 'Outstanding non-members proposed by a party cell',
    },
    topicCount: 5,
    periods: 40,
    days: { min: 5, max: 5 },
    endsWith: 'paper',
    // Its certificate is required for admission to the Party, so only non-members take it.
    eligibility: { partyStatuses: ['non_member'] },
    passRule: scoreRule,
    certificateKind: 'completion',
    ...common,
  },
  {
    code: 'ĐVM',
    kind: 'new_member',
    name: { vi: 'Lý luận chính trị dành cho đảng viên mới', en: 'Political theory for new party members' },
    audience: { vi: 'Đảng viên dự bị (bắt buộc)', en: 'Probationary party members (compulsory)' },
    topicCount: 10,
    periods: 60,
    days: { min: 5, max: 10 },
    endsWith: 'paper',
    eligibility: { partyStatuses: ['probationary'] },
    passRule: scoreRule,
    certificateKind: 'completion',
    ...common,
  },
  {
    code: 'SC',
    kind: 'elementary_theory',
    name: { vi: 'Sơ cấp lý luận chính trị', en: 'Elementary political theory' },
    audience: {
      vi: 'Đảng viên, cán bộ, công chức cơ sở (Quy định 57-QĐ/TW)',
      en: 'Party members, grassroots cadres and civil servants (Regulation 57-QĐ/TW)',
    },
    topicCount: 18,
    periods: 295,
    days: { min: 25, max: 35 },
    endsWith: 'exams_and_paper',
    eligibility: { minEducation: 'lower_secondary' },
    passRule: { by: 'score', minimum: 5, eachAtLeast: 5 },
    certificateKind: 'elementary_theory',
    ...common,
  },
  {
    code: 'CNKT',
    kind: 'knowledge_update',
    name: { vi: 'Cập nhật kiến thức', en: 'Knowledge update' },
    audience: { vi: 'Cán bộ theo từng cấp', en: 'Cadres by level' },
    topicCount: 3,
    periods: 16,
    days: { min: 1, max: 5 },
    endsWith: 'attendance',
    eligibility: { repeatable: true },
    passRule: { by: 'attendance' },
    certificateKind: null,
    ...common,
  },
  {
    code: 'BDNV',
    kind: 'skills',
    name: { vi: 'Bồi dưỡng nghiệp vụ', en: 'Skills training' },
    audience: {
      vi: 'Người giữ chức vụ: công tác Đảng, Mặt trận, đoàn thể, trưởng thôn',
      en: 'Office holders: party work, the Front, mass organisations, village heads',
    },
    topicCount: 4,
    periods: 24,
    days: { min: 2, max: 5 },
    endsWith: 'attendance_or_test',
    eligibility: { repeatable: true },
    passRule: { by: 'attendance' },
    certificateKind: 'completion',
    ...common,
  },
  {
    code: 'NQ',
    kind: 'resolution_study',
    name: { vi: 'Học tập, quán triệt nghị quyết', en: 'Resolution study conference' },
    audience: {
      vi: 'Cán bộ, đảng viên của một cấp, thường trực tuyến tới nhiều điểm cầu',
      en: 'All members of a level, often online to many sites',
    },
    topicCount: 2,
    periods: 8,
    days: { min: 1, max: 2 },
    endsWith: 'attendance',
    // Conferences often take non-member cadres too; provinces that differ set partyStatuses.
    eligibility: { repeatable: true },
    passRule: { by: 'attendance' },
    certificateKind: null,
    ...common,
  },
];

/** What eligibility needs to know of a person. */
export interface EligibilitySubject {
  readonly partyStatus: PartyStatus;
  readonly educationLevel?: EducationLevel | null;
  /** Codes of the programs whose certificate the person holds (not revoked). */
  readonly certificates?: readonly string[];
  /** Codes of the programs the person has passed. */
  readonly passedPrograms?: readonly string[];
}

export type IneligibilityReason =
  | { readonly code: 'party_status'; readonly allowed: readonly PartyStatus[]; readonly actual: PartyStatus }
  | { readonly code: 'education'; readonly minimum: EducationLevel; readonly actual: EducationLevel | null }
  | { readonly code: 'missing_prerequisite'; readonly program: string }
  | { readonly code: 'already_passed'; readonly program: string };

/**
 * Every reason the person may not enrol in the program, empty when they may. All reasons are
 * listed, not only the first, so a coordinator fixes a nomination in one go.
 */
export function checkEligibility(
  program: { readonly code: string; readonly eligibility: EligibilityRule },
  person: EligibilitySubject,
): IneligibilityReason[] {
  const rule = program.eligibility;
  const reasons: IneligibilityReason[] = [];
  if (!rule.repeatable && person.passedPrograms?.includes(program.code)) {
    reasons.push({ code: 'already_passed', program: program.code });
  }
  if (rule.partyStatuses && rule.partyStatuses.length > 0 && !rule.partyStatuses.includes(person.partyStatus)) {
    reasons.push({ code: 'party_status', allowed: rule.partyStatuses, actual: person.partyStatus });
  }
  if (rule.minEducation && !(person.educationLevel && educationAtLeast(person.educationLevel, rule.minEducation))) {
    reasons.push({ code: 'education', minimum: rule.minEducation, actual: person.educationLevel ?? null });
  }
  for (const prerequisite of rule.prerequisites ?? []) {
    if (!person.certificates?.includes(prerequisite))
      reasons.push({ code: 'missing_prerequisite', program: prerequisite });
  }
  return reasons;
}

/**
 * One reason as a sentence. `programNames` turns program codes into names where the caller
 * knows them; the code itself is shown otherwise.
 */
export function describeIneligibility(
  reason: IneligibilityReason,
  programNames: Readonly<Record<string, LocalizedText>> = {},
): LocalizedText {
  const program = (code: string) => programNames[code] ?? { vi: code, en: code };
  switch (reason.code) {
    case 'party_status': {
      const allowed = reason.allowed.map((s) => PARTY_STATUS_NAMES[s]);
      return {
        vi: `Chương trình dành cho ${allowed.map((s) => s.vi.toLowerCase()).join(', ')}; người này là ${PARTY_STATUS_NAMES[reason.actual].vi.toLowerCase()}.`,
        en: `The program is for: ${allowed.map((s) => s.en.toLowerCase()).join(', ')}; this person is: ${PARTY_STATUS_NAMES[reason.actual].en.toLowerCase()}.`,
      };
    }
    case 'education': {
      const minimum = EDUCATION_LEVEL_NAMES[reason.minimum];
      const actual = reason.actual ? EDUCATION_LEVEL_NAMES[reason.actual] : null;
      return {
        vi: `Cần trình độ tối thiểu ${minimum.vi.toLowerCase()}; ${actual ? `người này có ${actual.vi.toLowerCase()}` : 'chưa có thông tin trình độ'}.`,
        en: `Needs at least ${minimum.en.toLowerCase()}; ${actual ? `this person has ${actual.en.toLowerCase()}` : 'no education level on record'}.`,
      };
    }
    case 'missing_prerequisite':
      return {
        vi: `Cần có giấy chứng nhận chương trình ${program(reason.program).vi} trước.`,
        en: `Needs the certificate of the program ${program(reason.program).en} first.`,
      };
    case 'already_passed':
      return {
        vi: `Người này đã hoàn thành chương trình ${program(reason.program).vi}.`,
        en: `This person has already passed the program ${program(reason.program).en}.`,
      };
  }
}

const ABSENCE_LIMIT_RANGE = bilingual({
  vi: 'Mức vắng tối đa phải từ 0% đến 100% số tiết.',
  en: 'The absence limit must be between 0% and 100% of the periods.',
});

// Staff type Vietnamese; a plain string is the Vietnamese, and English falls back to it
// until someone translates.
const localizedName = (max: number) =>
  z
    .union([text(max), z.object({ vi: text(max), en: text(max).optional() }).strict()])
    .transform(
      (name): LocalizedText =>
        typeof name === 'string' ? { vi: name, en: name } : { vi: name.vi, en: name.en ?? name.vi },
    );

export const eligibilityRuleInput = z
  .object({
    partyStatuses: z.array(z.enum(PARTY_STATUSES)).max(PARTY_STATUSES.length).optional(),
    minEducation: z.enum(EDUCATION_LEVELS).optional(),
    prerequisites: z.array(text(20)).max(20).optional(),
    repeatable: z.boolean().optional(),
  })
  .strict();

export const programCode = text(20)
  .transform((code) => code.toLocaleUpperCase('vi'))
  .pipe(
    z
      .string()
      .min(1)
      .max(20)
      .regex(/^[\p{Lu}\p{N}]+(?:[.-][\p{Lu}\p{N}]+)*$/u, {
        message: bilingual({
          vi: 'Mã chương trình gồm chữ in hoa và số, ví dụ NTĐ hoặc SC.',
          en: 'A program code holds capital letters and digits, e.g. NTĐ or SC.',
        }),
      }),
  );

const topicInput = z
  .object({
    /** The topic's number: sessions of classes name it, so it stays the topic's for good. */
    number: z.number().int().min(1).max(200),
    title: localizedName(300),
    periods: z.number().int().min(1).max(200),
  })
  .strict();

/** Every rule of a program staff set (DOMAIN.md's configurable ones), as create and update take them. */
const programFields = z
  .object({
    code: programCode,
    kind: z.enum(PROGRAM_KINDS),
    /**
     * The unit whose center keeps it (a district's or a commune's own course). Absent or null: a
     * program for everyone, which only an administrator may define. Any unit may run classes of
     * any program: programs are public reference data.
     */
    ownerUnitId: z.uuid().nullish(),
    name: localizedName(200),
    audience: localizedName(500).optional(),
    topics: z.array(topicInput).min(1).max(200),
    /** How long a class usually runs; absent: the topics' periods at eight a day. */
    days: z
      .object({ min: z.number().int().min(1).max(366), max: z.number().int().min(1).max(366) })
      .strict()
      .refine((days) => days.min <= days.max, {
        path: ['max'],
        message: bilingual({
          vi: 'Số ngày tối đa không được nhỏ hơn số ngày tối thiểu.',
          en: 'The most days cannot be fewer than the fewest.',
        }),
      })
      .optional(),
    endsWith: z.enum(PROGRAM_ENDINGS),
    eligibility: eligibilityRuleInput.default({}),
    passRule: passRuleInput,
    certificateKind: z.enum(CERTIFICATE_KINDS).nullable(),
    /** How the center writes the numbers of this program's certificates (`{n}/GCN-TTCT`). */
    certificateNumberTemplate: certificateNumberTemplate.default(DEFAULT_CERTIFICATE_NUMBER_TEMPLATE),
    maxAbsenceRatio: z
      .number()
      .min(0, { message: ABSENCE_LIMIT_RANGE })
      .max(1, { message: ABSENCE_LIMIT_RANGE })
      .default(DEFAULT_MAX_ABSENCE_RATIO),
    gradingScale: gradingScaleInput.optional(),
  })
  .strict();

/** What create and update both check across fields: topic numbers once each, no self-prerequisite. */
function checkProgram(
  program: {
    readonly code: string;
    readonly topics: readonly { number: number }[];
    readonly eligibility: EligibilityRule;
  },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<number>();
  program.topics.forEach((topic, index) => {
    if (seen.has(topic.number)) {
      ctx.addIssue({
        code: 'custom',
        path: ['topics', index, 'number'],
        message: bilingual({
          vi: `Chuyên đề số ${topic.number} bị trùng.`,
          en: `Topic number ${topic.number} appears twice.`,
        }),
      });
    }
    seen.add(topic.number);
  });
  if (program.eligibility.prerequisites?.includes(program.code)) {
    ctx.addIssue({
      code: 'custom',
      path: ['eligibility', 'prerequisites'],
      message: bilingual({
        vi: 'Chương trình không thể là điều kiện của chính nó.',
        en: 'A program cannot be its own prerequisite.',
      }),
    });
  }
}

export const programInput = programFields.superRefine(checkProgram);
export type ProgramInput = z.input<typeof programInput>;
export type ValidProgramInput = z.output<typeof programInput>;

/**
 * A program's new rules, whole, on the version the editor read: what is left out takes its default,
 * as at create. The owner is not among them: a program stays whose it is.
 */
export const programUpdateInput = programFields
  .omit({ ownerUnitId: true })
  .extend({ id: z.uuid(), expectedVersion: versionNumber })
  .strict()
  .superRefine(checkProgram);
export type ProgramUpdateInput = z.input<typeof programUpdateInput>;
export type ValidProgramUpdateInput = z.output<typeof programUpdateInput>;

/** Total periods of a program's topics. */
export function totalPeriods(topics: readonly { readonly periods: number }[]): number {
  return topics.reduce((sum, topic) => sum + topic.periods, 0);
}

/** PROGRAM.CODE_IN_USE: a program's code is in its classes' codes and other programs' prerequisites. */
export function programCodeInUseError(code: string, classes: number, requiredBy: readonly string[]): DomainError {
  const why = {
    vi: [classes > 0 ? `${classes} lớp` : '', requiredBy.length > 0 ? `điều kiện của ${requiredBy.join(', ')}` : '']
      .filter(Boolean)
      .join(' và '),
    en: [
      classes > 0 ? `${classes} class${classes === 1 ? '' : 'es'}` : '',
      requiredBy.length > 0 ? `the prerequisites of ${requiredBy.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' and '),
  };
  return new DomainError(
    'PROGRAM.CODE_IN_USE',
    {
      vi: `Không thể đổi mã chương trình ${code}: mã đang được dùng bởi ${why.vi}.`,
      en: `The program code ${code} cannot change: ${why.en} use it.`,
    },
    {
      fields: [
        {
          field: 'code',
          message: {
            vi: `Mã đang được dùng bởi ${why.vi}; giữ nguyên mã ${code}.`,
            en: `In use by ${why.en}; keep the code ${code}.`,
          },
        },
      ],
      details: { code, classes, requiredBy },
    },
  );
}

/**
 * PROGRAM.TOPIC_IN_USE: sessions of classes name these topics by number, so they may be retitled
 * but not removed (nor renumbered, which removes the old number).
 */
export function topicsInUseError(
  inUse: readonly { readonly number: number; readonly sessions: number }[],
): DomainError {
  const list = inUse.map((t) => t.number).join(', ');
  return new DomainError(
    'PROGRAM.TOPIC_IN_USE',
    {
      vi: `Không thể bỏ chuyên đề số ${list}: các buổi học của lớp đang dùng. Có thể đổi tên, số tiết, hoặc thêm chuyên đề mới.`,
      en: `Topic ${list} cannot be removed: class sessions use it. It may be retitled or given other periods, and new topics added.`,
    },
    {
      fields: [
        {
          field: 'topics',
          message: {
            vi: inUse.map((t) => `Chuyên đề số ${t.number} đang có ${t.sessions} buổi học.`).join(' '),
            en: inUse
              .map((t) => `Topic ${t.number} has ${t.sessions} session${t.sessions === 1 ? '' : 's'}.`)
              .join(' '),
          },
        },
      ],
      details: { topics: inUse },
    },
  );
}
