import { z } from 'zod';
import { classCode, classSite } from './classes.js';
import { CLASS_MODES, MAX_CLASS_CAPACITY } from './classes-terms.js';
import { isoDate } from './dates.js';
import { DomainError } from './errors.js';
import { versionNumber } from './lookups.js';
import { text } from './text.js';

/**
 * Editing a class after it was planned: what may change, and the refusals that protect what
 * enrolment and the timetable already rely on. The code and the mode may be corrected until the
 * first person is enrolled (from then on they name the class to everyone who was); the program and
 * the organiser stay, since the class's rules and its owner come from them: a class planned under
 * the wrong one is cancelled and planned again.
 */

/** A site kept (its `id`), renamed or moved to another unit, or new (no `id`). */
export const classSiteEdit = classSite.extend({ id: z.uuid().optional() }).strict();

/**
 * The fields an edit changes; one left out keeps its value, `null` clears an optional one. The
 * whole class is checked again as the edit would leave it (`classRuleProblems`).
 */
export const classPatch = z
  .object({
    /** Until the first enrolment (CLASS.IDENTITY_FIXED after it). */
    code: classCode.optional(),
    /** Until the first enrolment, as `code`; the venue and sites must suit the new mode. */
    mode: z.enum(CLASS_MODES).optional(),
    title: text(300).nullish(),
    venue: text(300).nullish(),
    onlineLink: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .nullish(),
    /** The whole list of sites: listed ones are kept (with `id`) or added; the others are removed. */
    sites: z.array(classSiteEdit).max(500).optional(),
    capacity: z.number().int().min(1).max(MAX_CLASS_CAPACITY).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    enrolmentOpensOn: isoDate.nullish(),
    enrolmentClosesOn: isoDate.nullish(),
  })
  .strict();
export type ClassPatch = z.input<typeof classPatch>;
export type ValidClassPatch = z.output<typeof classPatch>;

/** `classes.update`: the patch, the class, and the version the editor saw. */
export const classUpdateInput = classPatch
  .extend({
    classId: z.uuid(),
    /** The version the form was filled on; an edit made since is refused (CLASS.STALE), never overwritten. */
    expectedVersion: versionNumber,
  })
  .strict();
export type ClassUpdateInput = z.input<typeof classUpdateInput>;

/**
 * CLASS.CAPACITY_BELOW_TAKEN: the approved trainees keep their seats, so the class cannot hold
 * fewer than they are. Said under the capacity field, with the count.
 */
export function capacityBelowTakenError(capacity: number, taken: number): DomainError {
  const message = {
    vi: `Lớp đã duyệt ${taken} học viên; sức chứa không được nhỏ hơn ${taken}.`,
    en: `${taken} trainees are already approved; the capacity cannot be below ${taken}.`,
  };
  return new DomainError(
    'CLASS.CAPACITY_BELOW_TAKEN',
    {
      vi: `Không thể giảm sức chứa xuống ${capacity}: ${message.vi}`,
      en: `Cannot cut the capacity to ${capacity}: ${message.en}`,
    },
    { fields: [{ field: 'capacity', message }], details: { capacity, taken } },
  );
}

/**
 * CLASS.FINISH_EMPTY: a class that seated nobody is finished only on purpose (the caller says
 * `confirmEmpty`), since its results and certificates will be empty for good.
 */
export function finishEmptyError(): DomainError {
  const message = {
    vi: 'Lớp chưa có học viên nào. Hãy xác nhận nếu vẫn muốn kết thúc lớp.',
    en: 'The class has no trainee. Confirm to finish it anyway.',
  };
  return new DomainError(
    'CLASS.FINISH_EMPTY',
    {
      vi: 'Lớp không có học viên nào; chỉ kết thúc khi đã xác nhận.',
      en: 'The class has no trainee; it is finished only when confirmed.',
    },
    { fields: [{ field: 'confirmEmpty', message }] },
  );
}

/**
 * CLASS.IDENTITY_FIXED: the code or the mode of a class people are enrolled in is what they were
 * told; it stays. Said under the field, with the count.
 */
export function classIdentityFixedError(field: 'code' | 'mode', enrolled: number): DomainError {
  const what = field === 'code' ? { vi: 'mã lớp', en: 'code' } : { vi: 'hình thức học', en: 'mode' };
  const message = {
    vi: `Lớp đã có ${enrolled} người ghi danh; không thể đổi ${what.vi} nữa.`,
    en: `${enrolled} people are enrolled in the class; its ${what.en} can no longer change.`,
  };
  return new DomainError('CLASS.IDENTITY_FIXED', message, {
    fields: [{ field, message }],
    details: { field, enrolled },
  });
}
