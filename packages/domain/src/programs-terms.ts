import type { PassRule } from './grading-terms.js';
import type { LocalizedText } from './i18n.js';
import { EDUCATION_LEVEL_NAMES, type EducationLevel, PARTY_STATUS_NAMES, type PartyStatus } from './person-fields.js';

/**
 * The lists, names and rules of `programs.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `programs.ts` and build on these.
 */

export const PROGRAM_KINDS = [
  'party_awareness',
  'new_member',
  'elementary_theory',
  'knowledge_update',
  'skills',
  'resolution_study',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const PROGRAM_KIND_NAMES: Record<ProgramKind, LocalizedText> = {
  party_awareness: { vi: 'Bồi dưỡng nhận thức về Đảng', en: 'Awareness of the Party' },
  new_member: { vi: 'Lý luận chính trị cho đảng viên mới', en: 'Political theory for new members' },
  elementary_theory: { vi: 'Sơ cấp lý luận chính trị', en: 'Elementary political theory' },
  knowledge_update: { vi: 'Cập nhật kiến thức', en: 'Knowledge update' },
  skills: { vi: 'Bồi dưỡng nghiệp vụ', en: 'Skills training' },
  resolution_study: { vi: 'Học tập, quán triệt nghị quyết', en: 'Resolution study' },
};

/** What a class of the program ends with. */
export const PROGRAM_ENDINGS = ['paper', 'exams_and_paper', 'attendance', 'attendance_or_test'] as const;
export type ProgramEnding = (typeof PROGRAM_ENDINGS)[number];

export const PROGRAM_ENDING_NAMES: Record<ProgramEnding, LocalizedText> = {
  paper: { vi: 'Viết bài thu hoạch', en: 'A written paper' },
  exams_and_paper: { vi: 'Kiểm tra và viết bài thu hoạch cuối khóa', en: 'Exams and a final paper' },
  attendance: { vi: 'Theo dõi chuyên cần', en: 'Attendance only' },
  attendance_or_test: { vi: 'Chuyên cần, có thể kiểm tra', en: 'Attendance, sometimes a test' },
};

export const CERTIFICATE_KINDS = ['completion', 'elementary_theory'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_KIND_NAMES: Record<CertificateKind, LocalizedText> = {
  completion: { vi: 'Giấy chứng nhận hoàn thành khóa học', en: 'Certificate of completion' },
  elementary_theory: {
    vi: 'Giấy chứng nhận sơ cấp lý luận chính trị',
    en: 'Certificate in elementary political theory',
  },
};

/**
 * Who may enrol, as data. Every condition present must hold. `prerequisites` are program
 * codes whose certificate the person must hold; `repeatable` programs (updates, resolution
 * study) may be attended again after passing, the others may not.
 */
export interface EligibilityRule {
  readonly partyStatuses?: readonly PartyStatus[];
  readonly minEducation?: EducationLevel;
  readonly prerequisites?: readonly string[];
  readonly repeatable?: boolean;
}

const decimal = (value: number, lang: 'vi' | 'en') => (lang === 'vi' ? String(value).replace('.', ',') : String(value));

/** How the program is passed, as a sentence. */
export function describePassRule(rule: PassRule): LocalizedText {
  if (rule.by === 'attendance') {
    return { vi: 'Theo chuyên cần: đủ thời gian học là đạt.', en: 'By attendance: attending enough passes.' };
  }
  const each = rule.eachAtLeast;
  return {
    vi: `Điểm trung bình từ ${decimal(rule.minimum, 'vi')} trở lên${each === undefined ? '' : `, mỗi bài từ ${decimal(each, 'vi')} trở lên`}.`,
    en: `A mean score of at least ${rule.minimum}${each === undefined ? '' : `, every paper at least ${each}`}.`,
  };
}

/** Who may enrol, one sentence per condition; anyone when there is none. */
export function describeEligibility(
  rule: EligibilityRule,
  programNames: Readonly<Record<string, LocalizedText>> = {},
): LocalizedText[] {
  const lines: LocalizedText[] = [];
  if (rule.partyStatuses && rule.partyStatuses.length > 0) {
    const names = rule.partyStatuses.map((s) => PARTY_STATUS_NAMES[s]);
    lines.push({
      vi: `Dành cho: ${names.map((n) => n.vi.toLowerCase()).join(', ')}.`,
      en: `For: ${names.map((n) => n.en.toLowerCase()).join(', ')}.`,
    });
  }
  if (rule.minEducation) {
    const level = EDUCATION_LEVEL_NAMES[rule.minEducation];
    lines.push({ vi: `Trình độ tối thiểu: ${level.vi.toLowerCase()}.`, en: `At least: ${level.en.toLowerCase()}.` });
  }
  for (const code of rule.prerequisites ?? []) {
    const name = programNames[code] ?? { vi: code, en: code };
    lines.push({
      vi: `Cần có giấy chứng nhận chương trình ${name.vi}.`,
      en: `Needs the certificate of the program ${name.en}.`,
    });
  }
  lines.push(
    rule.repeatable
      ? { vi: 'Được học lại sau khi đã đạt.', en: 'May be taken again after passing.' }
      : { vi: 'Đã đạt thì không học lại.', en: 'Not taken again once passed.' },
  );
  if (lines.length === 1) lines.unshift({ vi: 'Mọi người đều được tham gia.', en: 'Open to everyone.' });
  return lines;
}
