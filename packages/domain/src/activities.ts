import { z } from 'zod';
import type { Role } from './auth.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { pageFields } from './paging.js';
import { text } from './text.js';

/**
 * What rapporteurs do, besides teaching: briefings at the grassroots (*tuyên truyền miệng*,
 * Directive 17-CT/TW), public-opinion reports (*nắm bắt dư luận xã hội*) and the periodic
 * rapporteur conferences (*hội nghị báo cáo viên định kỳ*).
 */

export const BRIEFING_MODES = ['in_person', 'online', 'hybrid', 'loudspeaker'] as const;
export type BriefingMode = (typeof BRIEFING_MODES)[number];

export const BRIEFING_MODE_NAMES: Record<BriefingMode, LocalizedText> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp', en: 'Hybrid' },
  loudspeaker: { vi: 'Qua loa truyền thanh', en: 'Village loudspeaker' },
};

export const SENSITIVITIES = ['routine', 'sensitive', 'complex'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const SENSITIVITY_NAMES: Record<Sensitivity, LocalizedText> = {
  routine: { vi: 'Bình thường', en: 'Routine' },
  sensitive: { vi: 'Nhạy cảm', en: 'Sensitive' },
  complex: { vi: 'Phức tạp', en: 'Complex' },
};

export const OPINION_STATUSES = ['open', 'forwarded', 'resolved', 'closed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_NAMES: Record<OpinionStatus, LocalizedText> = {
  open: { vi: 'Đang theo dõi', en: 'Open' },
  forwarded: { vi: 'Đã chuyển cơ quan chức năng', en: 'Forwarded' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/**
 * Who may read an opinion report: routine ones every staff role that sees the unit; sensitive
 * and complex ones only the propaganda department (and admins).
 */
export type OpinionAudience = 'staff' | 'propaganda';

export function opinionAudience(sensitivity: Sensitivity): OpinionAudience {
  return sensitivity === 'routine' ? 'staff' : 'propaganda';
}

/** Whether a holder of these roles may read a report of that sensitivity (unit scope aside). */
export function mayReadOpinionReport(roles: readonly Role[], sensitivity: Sensitivity): boolean {
  if (roles.includes('admin') || roles.includes('propaganda_staff')) return true;
  return opinionAudience(sensitivity) === 'staff' && roles.length > 0;
}

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type ConferenceAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

const people = z.array(z.uuid()).min(1).max(50);

export const briefingInput = z
  .object({
    date: isoDate,
    /** The village (*thôn, bản, tổ*) or other unit where it was held. */
    unitId: z.uuid(),
    topic: text(300),
    /** The resolution or directive explained, e.g. "Nghị quyết Đại hội XIII". */
    resolution: text(200).nullish(),
    audienceSize: z.number().int().min(0).max(100_000),
    mode: z.enum(BRIEFING_MODES).default('in_person'),
    note: text(1000, { min: 0, multiline: true }).nullish(),
    presenterIds: people,
  })
  .strict();
export type BriefingInput = z.input<typeof briefingInput>;

export const opinionReportInput = z
  .object({
    date: isoDate,
    unitId: z.uuid(),
    topic: text(300),
    /** What people said, in the reporter's words. */
    summary: text(5000, { multiline: true }),
    sensitivity: z.enum(SENSITIVITIES).default('routine'),
    followUp: text(2000, { min: 0, multiline: true }).nullish(),
    status: z.enum(OPINION_STATUSES).default('open'),
    reporterIds: people,
  })
  .strict();
export type OpinionReportInput = z.input<typeof opinionReportInput>;

export const opinionReportUpdateInput = z
  .object({
    id: z.uuid(),
    status: z.enum(OPINION_STATUSES).optional(),
    followUp: text(2000, { min: 0, multiline: true }).nullish(),
    sensitivity: z.enum(SENSITIVITIES).optional(),
  })
  .strict();
export type OpinionReportUpdateInput = z.input<typeof opinionReportUpdateInput>;

export const conferenceInput = z
  .object({
    date: isoDate,
    title: text(300),
    ownerUnitId: z.uuid(),
    /** The roster it is held for (its members are expected to attend). */
    rosterId: z.uuid().nullish(),
    mode: z.enum(['in_person', 'online', 'hybrid']).default('in_person'),
    /** Online sites (*điểm cầu*). */
    sites: z
      .array(z.object({ name: text(200), unitId: z.uuid().nullish() }).strict())
      .max(100)
      .default([]),
  })
  .strict();
export type ConferenceInput = z.input<typeof conferenceInput>;

export const conferenceAttendanceInput = z
  .object({
    conferenceId: z.uuid(),
    entries: z
      .array(
        z
          .object({
            personId: z.uuid(),
            status: z.enum(ATTENDANCE_STATUSES),
            /** The site attended from, by name (online conferences). */
            site: text(200).nullish(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type ConferenceAttendanceInput = z.input<typeof conferenceAttendanceInput>;

export const activityRangeInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Only activities in this unit or below it. */
    unitId: z.uuid().optional(),
    ...pageFields,
  })
  .strict()
  .refine((r) => r.from <= r.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end must come after the start.' }),
  });
export type ActivityRangeInput = z.input<typeof activityRangeInput>;
export type ValidActivityRange = z.output<typeof activityRangeInput>;

export function activityNotFoundError(what: LocalizedText, id: string): DomainError {
  return new DomainError('ACTIVITY.NOT_FOUND', {
    vi: `Không tìm thấy ${what.vi} ${id}.`,
    en: `${what.en} ${id} not found.`,
  });
}

/** A person, unit or roster the input names does not exist. */
export function unknownReferenceError(field: string, id: string): DomainError {
  return new DomainError(
    'ACTIVITY.UNKNOWN_REFERENCE',
    { vi: `Không tìm thấy ${id} (trường ${field}).`, en: `Nothing found for ${id} (field ${field}).` },
    { fields: [{ field, message: { vi: 'Không tìm thấy.', en: 'Not found.' } }] },
  );
}
