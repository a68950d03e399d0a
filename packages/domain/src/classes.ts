import { z } from 'zod';
import type { IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';
import { DEFAULT_DAY_PART_TIMES, describeSession, findSelfClash, hasValidTime, sessionInput } from './timetable.js';

/** A class is one run of a program: its code, where and when, how many seats, and its status. */

export const CLASS_STATUSES = ['draft', 'open', 'running', 'finished', 'closed', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const CLASS_STATUS_NAMES: Record<ClassStatus, LocalizedText> = {
  draft: { vi: 'Dự kiến', en: 'Draft' },
  open: { vi: 'Đang nhận đăng ký', en: 'Open for enrolment' },
  running: { vi: 'Đang học', en: 'Running' },
  finished: { vi: 'Đã kết thúc', en: 'Finished' },
  closed: { vi: 'Đã đóng hồ sơ', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/**
 * The legal moves of a class, as data: draft → open → running → finished → closed, and
 * cancelled from any state before finished. Once finished, results and certificates exist,
 * so cancelling would orphan them.
 */
export const CLASS_TRANSITIONS: Readonly<Record<ClassStatus, readonly ClassStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['running', 'cancelled'],
  running: ['finished', 'cancelled'],
  finished: ['closed'],
  closed: [],
  cancelled: [],
};

export function canTransitionClass(from: ClassStatus, to: ClassStatus): boolean {
  return CLASS_TRANSITIONS[from].includes(to);
}

/** Throws CLASS.ILLEGAL_TRANSITION, naming both states, unless `from → to` is legal. */
export function assertClassTransition(from: ClassStatus, to: ClassStatus): void {
  if (canTransitionClass(from, to)) return;
  const a = CLASS_STATUS_NAMES[from];
  const b = CLASS_STATUS_NAMES[to];
  throw new DomainError(
    'CLASS.ILLEGAL_TRANSITION',
    {
      vi: `Không thể chuyển lớp từ trạng thái "${a.vi}" sang "${b.vi}".`,
      en: `A class cannot go from "${a.en}" to "${b.en}".`,
    },
    { details: { from, to, allowed: CLASS_TRANSITIONS[from] } },
  );
}

/** In person (*trực tiếp*), online (*trực tuyến*), or both (*kết hợp*). */
export const CLASS_MODES = ['in_person', 'online', 'hybrid'] as const;
export type ClassMode = (typeof CLASS_MODES)[number];

export const CLASS_MODE_NAMES: Record<ClassMode, LocalizedText> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp trực tiếp và trực tuyến', en: 'Hybrid' },
};

/** Seats above this are a typing slip, not a class: the largest conferences reach ~1,000. */
export const MAX_CLASS_CAPACITY = 2000;

// A program code, a sequence number and the year: `NTĐ-03/2022`, `SC-K2-01/2022`.
const CLASS_CODE = /^[\p{Lu}\p{N}]+(?:[.-][\p{Lu}\p{N}]+)*-\d{1,4}\/\d{4}$/u;

export const classCode = text(40)
  .transform((code) => code.trim().toLocaleUpperCase('vi'))
  .pipe(
    z
      .string()
      .max(40)
      .regex(CLASS_CODE, {
        message: bilingual({
          vi: 'Mã lớp có dạng MÃ-SỐ/NĂM, ví dụ NTĐ-03/2022.',
          en: 'A class code reads CODE-NUMBER/YEAR, e.g. NTĐ-03/2022.',
        }),
      }),
  );

/** ("NTĐ", 3, 2022) → "NTĐ-03/2022": the center's habit of two-digit sequence numbers. */
export function formatClassCode(programCode: string, sequence: number, year: number): string {
  return `${programCode}-${String(sequence).padStart(2, '0')}/${year}`;
}

/** An online site (*điểm cầu*) of a class. */
export const classSite = z
  .object({
    name: text(200),
    /** The unit hosting the site (*điểm cầu*), when it is one of ours. */
    unitId: z.uuid().nullish(),
  })
  .strict();

/** What the rules of a class read: its mode, where, when, and its enrolment window. */
export interface ClassShape {
  readonly mode: ClassMode;
  readonly venue?: string | null | undefined;
  readonly sites: readonly unknown[];
  readonly startDate: string;
  readonly endDate: string;
  readonly enrolmentOpensOn?: string | null | undefined;
  readonly enrolmentClosesOn?: string | null | undefined;
}

/**
 * The rules a whole class must keep, field by field: checked on the input of a new class, and on
 * a class as an edit would leave it (the edit's fields over the stored ones).
 */
export function classRuleProblems(c: ClassShape): { path: readonly string[]; message: LocalizedText }[] {
  const problems: { path: readonly string[]; message: LocalizedText }[] = [];
  const issue = (field: string, message: LocalizedText) => problems.push({ path: [field], message });
  if (c.endDate < c.startDate) {
    issue('endDate', {
      vi: 'Ngày bế giảng không được trước ngày khai giảng.',
      en: 'The end date cannot come before the start date.',
    });
  }
  if (c.mode !== 'online' && !c.venue) {
    issue('venue', { vi: 'Lớp học trực tiếp cần địa điểm.', en: 'An in-person class needs a venue.' });
  }
  if (c.mode !== 'in_person' && c.sites.length === 0) {
    issue('sites', { vi: 'Lớp trực tuyến cần ít nhất một điểm cầu.', en: 'An online class needs at least one site.' });
  }
  if (c.mode === 'in_person' && c.sites.length > 0) {
    issue('sites', {
      vi: 'Lớp học trực tiếp không có điểm cầu; hãy chọn hình thức kết hợp.',
      en: 'An in-person class has no online sites; choose hybrid.',
    });
  }
  if (c.enrolmentOpensOn && c.enrolmentClosesOn && c.enrolmentClosesOn < c.enrolmentOpensOn) {
    issue('enrolmentClosesOn', {
      vi: 'Hạn đăng ký phải sau ngày mở đăng ký.',
      en: 'Enrolment cannot close before it opens.',
    });
  }
  if (c.enrolmentClosesOn && c.enrolmentClosesOn > c.startDate) {
    issue('enrolmentClosesOn', {
      vi: 'Hạn đăng ký phải trước hoặc đúng ngày khai giảng.',
      en: 'Enrolment must close on or before the start date.',
    });
  }
  if (c.enrolmentOpensOn && c.enrolmentOpensOn > c.startDate) {
    issue('enrolmentOpensOn', {
      vi: 'Ngày mở đăng ký phải trước ngày khai giảng.',
      en: 'Enrolment must open before the start date.',
    });
  }
  return problems;
}

export const classInput = z
  .object({
    code: classCode,
    programId: z.uuid(),
    organiserUnitId: z.uuid(),
    title: text(300).nullish(),
    mode: z.enum(CLASS_MODES),
    /** Where trainees meet in person. */
    venue: text(300).nullish(),
    onlineLink: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .nullish(),
    /** Online sites (*điểm cầu*). */
    sites: z.array(classSite).max(500).default([]),
    capacity: z.number().int().min(1).max(MAX_CLASS_CAPACITY),
    startDate: isoDate,
    endDate: isoDate,
    enrolmentOpensOn: isoDate.nullish(),
    enrolmentClosesOn: isoDate.nullish(),
    sessions: z.array(sessionInput).max(500).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const problem of classRuleProblems(c)) {
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: bilingual(problem.message) });
    }
    (c.sessions ?? []).forEach((session, index) => {
      if (session.date < c.startDate || session.date > c.endDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', index, 'date'],
          message: bilingual({
            vi: 'Buổi học nằm ngoài thời gian của lớp.',
            en: 'The session falls outside the dates of the class.',
          }),
        });
      }
    });
    // Zod runs this even when a session failed its own checks; those already have an issue.
    const sessions = (c.sessions ?? []).filter(hasValidTime);
    const clash = findSelfClash(sessions, DEFAULT_DAY_PART_TIMES);
    if (clash) {
      const a = describeSession(clash.first);
      ctx.addIssue({
        code: 'custom',
        path: ['sessions', (c.sessions ?? []).indexOf(clash.second), 'date'],
        message: bilingual({
          vi: `Buổi học trùng giờ với buổi ${a.vi}.`,
          en: `The session overlaps the one on the ${a.en}.`,
        }),
      });
    }
  });

export type ClassInput = z.input<typeof classInput>;
export type ValidClassInput = z.output<typeof classInput>;

/** What enrolment needs to know of a class. */
export interface EnrolmentWindow {
  readonly status: ClassStatus;
  readonly enrolmentOpensOn?: IsoDate | null;
  readonly enrolmentClosesOn?: IsoDate | null;
}

/** Whether the window is open on `today`: before, during, or after it. Absent ends are unbounded. */
export function enrolmentWindowState(cls: EnrolmentWindow, today: IsoDate): 'before' | 'open' | 'after' {
  if (cls.enrolmentOpensOn && today < cls.enrolmentOpensOn) return 'before';
  if (cls.enrolmentClosesOn && today > cls.enrolmentClosesOn) return 'after';
  return 'open';
}
