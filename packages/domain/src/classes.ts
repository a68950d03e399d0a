import { z } from 'zod';
import type { IsoDate } from './calendar.js';
import { CLASS_MODES, type ClassMode, type ClassStatus, MAX_CLASS_CAPACITY } from './classes-terms.js';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';
import { describeSession, findSelfClash, hasValidTime, sessionInput } from './timetable.js';
import { DEFAULT_DAY_PART_TIMES } from './timetable-terms.js';

/** A class is one run of a program: its code, where and when, how many seats, and its status. */

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
