import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  audienceTotal,
  BRIEFING_MODES,
  OPINION_STATUSES,
  SENSITIVITIES,
} from './activities-terms.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { pageFields } from './paging.js';
import { ETHNICITIES, GENDERS } from './person-fields.js';
import { text } from './text.js';

/**
 * What rapporteurs do, besides teaching: briefings at the grassroots (*tuyên truyền miệng*,
 * Directive 17-CT/TW), public-opinion reports (*nắm bắt dư luận xã hội*) and the periodic
 * rapporteur conferences (*hội nghị báo cáo viên định kỳ*).
 */

const people = z.array(z.uuid()).min(1).max(50);

const audienceCount = z.number().int().min(0).max(100_000);

const briefingFields = {
  date: isoDate,
  /** The village (*thôn, bản, tổ*) or other unit where it was held. */
  unitId: z.uuid(),
  /** Where in it, e.g. "Nhà văn hoá thôn Bản Cuôn". */
  place: text(200).nullish(),
  topic: text(300),
  /** The resolution explained, e.g. "Nghị quyết Đại hội XIII". */
  resolution: text(200).nullish(),
  /** The directive it was held under, e.g. "Chỉ thị 17-CT/TW" on oral propaganda. */
  directive: text(200).nullish(),
  /** The whole audience; when the groups below are given it may be left out (it is their sum). */
  audienceSize: audienceCount.optional(),
  /** The audience by people (*dân tộc*) and gender, each pair once. */
  audience: z
    .array(z.object({ ethnicity: z.enum(ETHNICITIES), gender: z.enum(GENDERS), count: audienceCount }).strict())
    .max(ETHNICITIES.length * GENDERS.length)
    .default([]),
  mode: z.enum(BRIEFING_MODES).default('in_person'),
  note: text(1000, { min: 0, multiline: true }).nullish(),
  presenterIds: people,
};

type BriefingFields = z.output<z.ZodObject<typeof briefingFields>>;

/** The sum of the groups, or the total as typed: each group once, and both agreeing when both are given. */
function checkAudience(b: BriefingFields, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  b.audience.forEach((g, i) => {
    const key = `${g.ethnicity}/${g.gender}`;
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['audience', i, 'ethnicity'],
        message: bilingual({
          vi: 'Dân tộc và giới tính này đã có ở dòng trên.',
          en: 'This people and gender are already in a row above.',
        }),
      });
    seen.add(key);
  });
  const sum = audienceTotal(b.audience);
  if (b.audience.length === 0 && b.audienceSize === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['audienceSize'],
      message: bilingual({
        vi: 'Nhập số người nghe, hoặc số người theo dân tộc và giới tính.',
        en: 'Give the audience size, or the audience by people and gender.',
      }),
    });
  if (b.audience.length > 0 && b.audienceSize !== undefined && b.audienceSize !== sum)
    ctx.addIssue({
      code: 'custom',
      path: ['audienceSize'],
      message: bilingual({
        vi: `Tổng số người nghe (${b.audienceSize}) khác tổng theo dân tộc và giới tính (${sum}).`,
        en: `The audience size (${b.audienceSize}) differs from the sum by people and gender (${sum}).`,
      }),
    });
}

const withTotal = <T extends BriefingFields>(b: T) => ({
  ...b,
  audienceSize: b.audienceSize ?? audienceTotal(b.audience),
});

export const briefingInput = z.object(briefingFields).strict().superRefine(checkAudience).transform(withTotal);
export type BriefingInput = z.input<typeof briefingInput>;

/** A briefing corrected: every field again, on the version read (a stale screen is refused). */
export const briefingUpdateInput = z
  .object({ id: z.uuid(), version: versionNumber, ...briefingFields })
  .strict()
  .superRefine(checkAudience)
  .transform(withTotal);
export type BriefingUpdateInput = z.input<typeof briefingUpdateInput>;

export function briefingStaleError(): DomainError {
  return new DomainError(
    'ACTIVITY.STALE',
    {
      vi: 'Buổi tuyên truyền đã được người khác sửa sau khi anh/chị mở; hãy tải lại để xem bản mới.',
      en: 'Someone else changed this briefing after you opened it; reload to see their version.',
    },
    { fields: [{ field: 'version', message: { vi: 'Bản đã cũ.', en: 'Out of date.' } }] },
  );
}

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

/**
 * A site (*điểm cầu*) and how many attended there: most people at a resolution-study conference are
 * not on any roster, so they are counted, not named.
 */
const conferenceSite = z
  .object({
    name: text(200),
    unitId: z.uuid().nullish(),
    headcount: z.number().int().min(0).max(1_000_000).nullish(),
  })
  .strict();

function uniqueSiteNames(c: { sites: readonly { name: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  c.sites.forEach((site, i) => {
    const key = site.name.toLocaleLowerCase('vi');
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['sites', i, 'name'],
        message: bilingual({ vi: 'Trùng tên với điểm cầu khác.', en: 'Another site has this name.' }),
      });
    seen.add(key);
  });
}

export const conferenceInput = z
  .object({
    date: isoDate,
    title: text(300),
    ownerUnitId: z.uuid(),
    /** The roster it is held for (its members are expected to attend). */
    rosterId: z.uuid().nullish(),
    mode: z.enum(['in_person', 'online', 'hybrid']).default('in_person'),
    /** Online sites (*điểm cầu*), each with the people counted there when known. */
    sites: z.array(conferenceSite).max(100).default([]),
  })
  .strict()
  .superRefine(uniqueSiteNames);
export type ConferenceInput = z.input<typeof conferenceInput>;

/**
 * A conference's sites as they are now: a site with an `id` is kept (renamed, recounted), one
 * without is added, one left out is removed (refused while attendance names it).
 */
export const conferenceSitesInput = z
  .object({
    conferenceId: z.uuid(),
    sites: z.array(conferenceSite.extend({ id: z.uuid().optional() })).max(100),
  })
  .strict()
  .superRefine(uniqueSiteNames);
export type ConferenceSitesInput = z.input<typeof conferenceSitesInput>;

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
    /** Words found at the start of words of the title or topic, the place, the unit (diacritics optional). */
    search: text(100, { min: 0 }).optional(),
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

/** A period's propaganda output for a unit and the units below it (all units when none). */
export const propagandaReportInput = z
  .object({ from: isoDate, to: isoDate, unitId: z.uuid().optional() })
  .strict()
  .refine((r) => r.from <= r.to, {
    path: ['to'],
    message: bilingual({ vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end must come after the start.' }),
  });
export type PropagandaReportInput = z.input<typeof propagandaReportInput>;

/** A site attendance names cannot be removed: its people would lose where they attended from. */
export function siteInUseError(name: string): DomainError {
  return new DomainError(
    'CONFERENCE.SITE_IN_USE',
    {
      vi: `Điểm cầu "${name}" đã có người dự được ghi tên, không bỏ được.`,
      en: `Site "${name}" has named attendees; it cannot be removed.`,
    },
    { fields: [{ field: 'sites', message: { vi: `"${name}" đã có người dự.`, en: `"${name}" has attendees.` } }] },
  );
}
