import { type SheetTable, toCsv, toXlsx } from '@polcenter/core';
import {
  BRIEFING_MODE_NAMES,
  CLASS_MODE_NAMES,
  DomainError,
  EDUCATION_LEVEL_NAMES,
  GENDER_NAMES,
  type Lang,
  type LocalizedText,
  maskPerson,
  OBLIGATION_KIND_NAMES,
  OPINION_STATUS_NAMES,
  PARTY_STATUS_NAMES,
  type ReferenceList,
  ROLE_NAMES,
  SENSITIVITY_NAMES,
  UNIT_KIND_NAMES,
} from '@polcenter/domain';
import type { Context } from './context.js';
import { accountsRouter } from './routers/accounts.js';
import { activitiesRouter } from './routers/activities.js';
import { auditRouter } from './routers/audit.js';
import { listClasses } from './routers/classes.js';
import { enrolmentsOfClass } from './routers/enrolment.js';
import { obligationsRouter } from './routers/obligations.js';
import { peopleRouter } from './routers/people.js';
import { programsRouter } from './routers/programs.js';
import { rostersRouter } from './routers/rosters.js';
import { unitsRouter } from './routers/units.js';
import { createCallerFactory, router } from './trpc.js';

type Staff = Context & { principal: NonNullable<Context['principal']> };

/**
 * The lists' own procedures, called with the caller's context: an export runs each list's role
 * check, unit scope and filters (sensitive opinion reports withheld, masked personal fields) exactly
 * as the page does, so a file never holds a row the list would not show.
 */
const lists = createCallerFactory(
  router({
    accounts: accountsRouter,
    activities: activitiesRouter,
    audit: auditRouter,
    obligations: obligationsRouter,
    people: peopleRouter,
    programs: programsRouter,
    rosters: rostersRouter,
    units: unitsRouter,
  }),
);

/** A code of a reference list by the name an administrator gave it (the code itself when unknown). */
export type ReferenceNames = (list: ReferenceList, code: string | null | undefined, lang: Lang) => string | null;

async function referenceNames(ctx: Staff): Promise<ReferenceNames> {
  const names = new Map((await ctx.polcenter.reference.list()).map((v) => [`${v.list}:${v.code}`, v.name]));
  return (list, code, lang) => (code ? (names.get(`${list}:${code}`)?.[lang] ?? code) : null);
}

const whole = <T>(items: readonly T[]) => ({ items, nextCursor: null });
const yesNo = (value: boolean, lang: Lang) => (value ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' })[lang];
const names = (people: readonly { readonly fullName: string }[]) => people.map((p) => p.fullName).join('; ');
/** Audit values as JSON, CCCD, phone and birth date masked as the audit page shows them. */
const maskedJson = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const masked = JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? maskPerson(v as Record<string, string>) : v,
  );
  return masked.length > 32_000 ? `${masked.slice(0, 32_000)}…` : masked;
};

/** One column of an exported list: its header in both languages and its cell. */
export interface ExportColumn<T> {
  readonly header: LocalizedText;
  readonly cell: (item: T, lang: Lang, ref: ReferenceNames) => string | number | null;
  /** ISO dates in the items: dd/mm/yyyy in CSV, real dates in Excel. */
  readonly date?: boolean;
}

/**
 * A list the console can export: the file's name, its columns, and how to read a page of it — the
 * very function the list's own procedure runs, so an export holds exactly what the person may see.
 * A list adopts exports by adding its entry to `LIST_EXPORTS` (and one element in its page).
 */
export interface ListExport<T, F> {
  readonly fileName: LocalizedText;
  readonly columns: readonly ExportColumn<T>[];
  readonly page: (
    ctx: Staff,
    filter: F,
    cursor: string | undefined,
  ) => Promise<{ readonly items: readonly T[]; readonly nextCursor: string | null }>;
}

const define = <T, F>(spec: ListExport<T, F>) => spec;

/** Rows beyond this are refused rather than sent half: a filter narrows the list. */
export const MAX_EXPORT_ROWS = 20_000;
const PAGE = 100;

export const LIST_EXPORTS = {
  classes: define({
    fileName: { vi: 'danh-sach-lop', en: 'classes' },
    page: (ctx, filter: Omit<Parameters<typeof listClasses>[1] & object, 'cursor' | 'limit'>, cursor) =>
      listClasses(ctx, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Mã lớp', en: 'Code' }, cell: (c) => c.code },
      { header: { vi: 'Tên lớp', en: 'Title' }, cell: (c) => c.title },
      { header: { vi: 'Chương trình', en: 'Program' }, cell: (c, lang) => c.program.name[lang] },
      { header: { vi: 'Đơn vị tổ chức', en: 'Organiser' }, cell: (c) => c.organiser.name },
      { header: { vi: 'Hình thức', en: 'Mode' }, cell: (c, lang) => CLASS_MODE_NAMES[c.mode][lang] },
      { header: { vi: 'Ngày bắt đầu', en: 'Start date' }, cell: (c) => c.startDate, date: true },
      { header: { vi: 'Ngày kết thúc', en: 'End date' }, cell: (c) => c.endDate, date: true },
      { header: { vi: 'Sĩ số tối đa', en: 'Capacity' }, cell: (c) => c.capacity },
      { header: { vi: 'Đã duyệt', en: 'Approved' }, cell: (c) => c.seatsTaken },
      { header: { vi: 'Số buổi', en: 'Sessions' }, cell: (c) => c.sessionCount },
      { header: { vi: 'Tình trạng', en: 'Status' }, cell: (c, lang) => c.statusName[lang] },
    ],
  }),
  enrolments: define({
    fileName: { vi: 'ghi-danh', en: 'enrolments' },
    page: (ctx, filter: Omit<Parameters<typeof enrolmentsOfClass>[1], 'cursor' | 'limit'>, cursor) =>
      enrolmentsOfClass(ctx, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Mã lớp', en: 'Class code' }, cell: (e) => e.classCode },
      { header: { vi: 'Họ và tên', en: 'Full name' }, cell: (e) => e.personName },
      { header: { vi: 'Trạng thái', en: 'State' }, cell: (e, lang) => e.stateName[lang] },
      { header: { vi: 'Ngày đăng ký', en: 'Requested on' }, cell: (e) => e.requestedAt.slice(0, 10), date: true },
      { header: { vi: 'Điểm', en: 'Score' }, cell: (e) => e.finalScore },
      { header: { vi: 'Ghi chú', en: 'Note' }, cell: (e) => e.note },
      { header: { vi: 'Lý do', en: 'Reason' }, cell: (e) => e.decisionReason },
    ],
  }),
  people: define({
    fileName: { vi: 'ca-nhan', en: 'people' },
    page: (ctx, filter: Parameters<ReturnType<typeof lists>['people']['search']>[0], cursor) =>
      lists(ctx).people.search({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Họ và tên', en: 'Full name' }, cell: (p) => p.fullName },
      // Lists show a birth date as its year until a reason is given; so does the file.
      {
        header: { vi: 'Năm sinh', en: 'Birth year' },
        cell: (p) => (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null),
      },
      {
        header: { vi: 'Giới tính', en: 'Gender' },
        cell: (p, lang) => (p.gender ? GENDER_NAMES[p.gender][lang] : null),
      },
      { header: { vi: 'Dân tộc', en: 'Ethnic group' }, cell: (p, lang, ref) => ref('ethnicity', p.ethnicity, lang) },
      { header: { vi: 'Đơn vị', en: 'Unit' }, cell: (p) => p.unitName },
      { header: { vi: 'Chức vụ', en: 'Position' }, cell: (p) => p.position },
      { header: { vi: 'Đảng viên', en: 'Party status' }, cell: (p, lang) => PARTY_STATUS_NAMES[p.partyStatus][lang] },
      {
        header: { vi: 'Trình độ', en: 'Education' },
        cell: (p, lang) => (p.educationLevel ? EDUCATION_LEVEL_NAMES[p.educationLevel][lang] : null),
      },
      { header: { vi: 'Điện thoại', en: 'Phone' }, cell: (p) => p.phone },
      { header: { vi: 'Số CCCD', en: 'National ID' }, cell: (p) => p.nationalId },
    ],
  }),
  rosters: define({
    fileName: { vi: 'danh-sach-bao-cao-vien', en: 'rosters' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['rosters']['list']>[0]) =>
      whole(await lists(ctx).rosters.list(filter)),
    columns: [
      { header: { vi: 'Cấp', en: 'Level' }, cell: (r, lang, ref) => ref('roster_level', r.level, lang) },
      { header: { vi: 'Đơn vị', en: 'Unit' }, cell: (r) => r.ownerUnitName },
      { header: { vi: 'Tên danh sách', en: 'Name' }, cell: (r) => r.name },
      { header: { vi: 'Nhiệm kỳ từ năm', en: 'Term from' }, cell: (r) => r.termStartYear },
      { header: { vi: 'Nhiệm kỳ đến năm', en: 'Term to' }, cell: (r) => r.termEndYear },
    ],
  }),
  rosterMembers: define({
    fileName: { vi: 'bao-cao-vien', en: 'rapporteurs' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['rosters']['at']>[0]) => {
      const at = await lists(ctx).rosters.at(filter);
      return whole(
        at.members.map((m) => ({ ...m, level: at.roster.level, unit: at.roster.ownerUnitName, date: at.date })),
      );
    },
    columns: [
      { header: { vi: 'Họ và tên', en: 'Full name' }, cell: (m) => m.fullName },
      { header: { vi: 'Đơn vị công tác', en: 'Unit' }, cell: (m) => m.unitName },
      { header: { vi: 'Chức vụ', en: 'Position' }, cell: (m) => m.position },
      {
        header: { vi: 'Lĩnh vực', en: 'Fields of expertise' },
        cell: (m, lang, ref) => m.fields.map((f) => ref('expertise_field', f, lang)).join('; '),
      },
      { header: { vi: 'Tham gia từ ngày', en: 'Member since' }, cell: (m) => m.since, date: true },
      { header: { vi: 'Quyết định số', en: 'Decision' }, cell: (m) => m.decisionNumber },
      {
        header: { vi: 'Cấp báo cáo viên', en: 'Roster level' },
        cell: (m, lang, ref) => ref('roster_level', m.level, lang),
      },
      { header: { vi: 'Danh sách của', en: 'Roster of' }, cell: (m) => m.unit },
      { header: { vi: 'Tại ngày', en: 'As of' }, cell: (m) => m.date, date: true },
    ],
  }),
  obligations: define({
    fileName: { vi: 'nghia-vu-bao-cao-vien', en: 'obligations' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['obligations']['list']>[0]) =>
      whole(await lists(ctx).obligations.list(filter)),
    columns: [
      { header: { vi: 'Mã', en: 'Code' }, cell: (o) => o.code },
      { header: { vi: 'Nghĩa vụ', en: 'Obligation' }, cell: (o, lang) => o.name[lang] },
      { header: { vi: 'Loại việc', en: 'Kind' }, cell: (o, lang) => OBLIGATION_KIND_NAMES[o.kind][lang] },
      {
        header: { vi: 'Cấp báo cáo viên', en: 'Roster level' },
        cell: (o, lang, ref) => ref('roster_level', o.rosterLevel, lang),
      },
      { header: { vi: 'Tối thiểu mỗi năm', en: 'Minimum a year' }, cell: (o) => o.minimum },
      {
        header: { vi: 'Tỷ lệ tối thiểu (%)', en: 'Minimum share (%)' },
        cell: (o) => (o.minShare === null ? null : Math.round(o.minShare * 1000) / 10),
      },
      { header: { vi: 'Từ năm', en: 'From year' }, cell: (o) => o.validFromYear },
      { header: { vi: 'Đến năm', en: 'To year' }, cell: (o) => o.validToYear },
    ],
  }),
  shortfalls: define({
    fileName: { vi: 'chua-dat-nghia-vu', en: 'shortfalls' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['obligations']['shortfalls']>[0]) =>
      whole((await lists(ctx).obligations.shortfalls(filter)).shortfalls),
    columns: [
      { header: { vi: 'Họ và tên', en: 'Full name' }, cell: (s) => s.fullName },
      {
        header: { vi: 'Cấp báo cáo viên', en: 'Roster level' },
        cell: (s, lang, ref) => ref('roster_level', s.rosterLevel, lang),
      },
      { header: { vi: 'Mã nghĩa vụ', en: 'Obligation code' }, cell: (s) => s.code },
      { header: { vi: 'Nghĩa vụ', en: 'Obligation' }, cell: (s, lang) => s.name[lang] },
      { header: { vi: 'Yêu cầu', en: 'Required' }, cell: (s) => s.required },
      { header: { vi: 'Đã làm', en: 'Done' }, cell: (s) => s.done },
      { header: { vi: 'Còn thiếu', en: 'Short by' }, cell: (s) => s.shortBy },
    ],
  }),
  briefings: define({
    fileName: { vi: 'sinh-hoat-bao-cao-vien', en: 'briefings' },
    page: (ctx, filter: Parameters<ReturnType<typeof lists>['activities']['briefings']>[0], cursor) =>
      lists(ctx).activities.briefings({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Ngày', en: 'Date' }, cell: (b) => b.date, date: true },
      { header: { vi: 'Đơn vị', en: 'Unit' }, cell: (b) => b.unitName },
      { header: { vi: 'Địa điểm', en: 'Place' }, cell: (b) => b.place },
      { header: { vi: 'Chủ đề', en: 'Topic' }, cell: (b) => b.topic },
      { header: { vi: 'Nghị quyết', en: 'Resolution' }, cell: (b) => b.resolution },
      { header: { vi: 'Chỉ thị', en: 'Directive' }, cell: (b) => b.directive },
      { header: { vi: 'Hình thức', en: 'Format' }, cell: (b, lang) => BRIEFING_MODE_NAMES[b.mode][lang] },
      { header: { vi: 'Số người nghe', en: 'Audience' }, cell: (b) => b.audienceSize },
      {
        header: { vi: 'Người nghe theo dân tộc', en: 'Audience by ethnic group' },
        cell: (b, lang, ref) =>
          b.audience
            .map(
              (g) => `${ref('ethnicity', g.ethnicity, lang)} ${GENDER_NAMES[g.gender][lang].toLowerCase()}: ${g.count}`,
            )
            .join('; ') || null,
      },
      { header: { vi: 'Báo cáo viên', en: 'Rapporteurs' }, cell: (b) => names(b.presenters) },
      { header: { vi: 'Ghi chú', en: 'Note' }, cell: (b) => b.note },
    ],
  }),
  opinionReports: define({
    fileName: { vi: 'du-luan-xa-hoi', en: 'opinion-reports' },
    // The procedure leaves out what the reader may not read (sensitive topics: the department only).
    page: (ctx, filter: Parameters<ReturnType<typeof lists>['activities']['opinionReports']>[0], cursor) =>
      lists(ctx).activities.opinionReports({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }),
    columns: [
      { header: { vi: 'Ngày', en: 'Date' }, cell: (o) => o.date, date: true },
      { header: { vi: 'Đơn vị', en: 'Unit' }, cell: (o) => o.unitName },
      { header: { vi: 'Chủ đề', en: 'Topic' }, cell: (o) => o.topic },
      { header: { vi: 'Nội dung', en: 'What people said' }, cell: (o) => o.summary },
      { header: { vi: 'Mức độ', en: 'Sensitivity' }, cell: (o, lang) => SENSITIVITY_NAMES[o.sensitivity][lang] },
      { header: { vi: 'Tình trạng', en: 'Status' }, cell: (o, lang) => OPINION_STATUS_NAMES[o.status][lang] },
      { header: { vi: 'Hướng xử lý', en: 'Follow-up' }, cell: (o) => o.followUp },
      { header: { vi: 'Người báo cáo', en: 'Reporters' }, cell: (o) => names(o.reporters) },
    ],
  }),
  conferences: define({
    fileName: { vi: 'hoi-nghi', en: 'conferences' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['activities']['conferences']>[0]) =>
      whole(await lists(ctx).activities.conferences(filter)),
    columns: [
      { header: { vi: 'Ngày', en: 'Date' }, cell: (c) => c.date, date: true },
      { header: { vi: 'Hội nghị', en: 'Conference' }, cell: (c) => c.title },
      { header: { vi: 'Đơn vị tổ chức', en: 'Held by' }, cell: (c) => c.ownerUnitName },
      { header: { vi: 'Số điểm cầu', en: 'Sites' }, cell: (c) => c.sites.length },
      { header: { vi: 'Điểm cầu', en: 'Site names' }, cell: (c) => c.sites.map((s) => s.name).join('; ') },
      { header: { vi: 'Số người dự', en: 'Attendance' }, cell: (c) => c.headcount },
      { header: { vi: 'Có mặt (điểm danh)', en: 'Present (named)' }, cell: (c) => c.present },
      { header: { vi: 'Vắng có phép', en: 'Excused' }, cell: (c) => c.excused },
      { header: { vi: 'Vắng', en: 'Absent' }, cell: (c) => c.absent },
    ],
  }),
  contests: define({
    fileName: { vi: 'hoi-thi', en: 'contests' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['activities']['contests']>[0]) =>
      whole(await lists(ctx).activities.contests(filter)),
    columns: [
      { header: { vi: 'Ngày', en: 'Date' }, cell: (c) => c.heldOn, date: true },
      { header: { vi: 'Hội thi', en: 'Contest' }, cell: (c) => c.title },
      { header: { vi: 'Đơn vị tổ chức', en: 'Held by' }, cell: (c) => c.ownerUnitName },
      { header: { vi: 'Cấp', en: 'Level' }, cell: (c, lang, ref) => ref('unit_level', c.level, lang) },
      { header: { vi: 'Số thí sinh', en: 'Entrants' }, cell: (c) => c.entrants },
      { header: { vi: 'Đã công bố kết quả', en: 'Results published' }, cell: (c, lang) => yesNo(c.finalised, lang) },
    ],
  }),
  units: define({
    fileName: { vi: 'don-vi', en: 'units' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['units']['list']>[0]) => {
      const units = await lists(ctx).units.list(filter);
      // The parent of the first units listed may lie outside the filter (`under`): the whole tree names it.
      const tree =
        filter?.under || filter?.underCode || filter?.level
          ? await lists(ctx).units.list({ ...(filter?.at ? { at: filter.at } : {}) })
          : units;
      const byId = new Map(tree.map((u) => [u.id, u.name]));
      return whole(units.map((u) => ({ ...u, parentName: u.parentId ? (byId.get(u.parentId) ?? null) : null })));
    },
    columns: [
      { header: { vi: 'Mã', en: 'Code' }, cell: (u) => u.code },
      { header: { vi: 'Tên đơn vị', en: 'Name' }, cell: (u) => u.name },
      { header: { vi: 'Cấp', en: 'Level' }, cell: (u, lang, ref) => ref('unit_level', u.level, lang) },
      { header: { vi: 'Loại', en: 'Kind' }, cell: (u, lang) => UNIT_KIND_NAMES[u.kind][lang] },
      { header: { vi: 'Trực thuộc', en: 'Under' }, cell: (u) => u.parentName },
      { header: { vi: 'Hiệu lực từ', en: 'Valid from' }, cell: (u) => u.validFrom, date: true },
      { header: { vi: 'Hiệu lực đến', en: 'Valid to' }, cell: (u) => u.validTo, date: true },
    ],
  }),
  accounts: define({
    fileName: { vi: 'tai-khoan', en: 'accounts' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['accounts']['list']>[0]) =>
      whole(await lists(ctx).accounts.list(filter)),
    columns: [
      { header: { vi: 'Tên đăng nhập', en: 'Username' }, cell: (a) => a.username },
      { header: { vi: 'Họ và tên', en: 'Name' }, cell: (a) => a.displayName },
      {
        header: { vi: 'Vai trò', en: 'Roles' },
        cell: (a, lang) =>
          a.roles.map((r) => [ROLE_NAMES[r.role][lang], r.unitName].filter(Boolean).join(' — ')).join('; '),
      },
      { header: { vi: 'Đang hoạt động', en: 'Active' }, cell: (a, lang) => yesNo(a.active, lang) },
      {
        header: { vi: 'Phải đổi mật khẩu', en: 'Must change password' },
        cell: (a, lang) => yesNo(a.mustChangePassword, lang),
      },
      { header: { vi: 'Ngày tạo', en: 'Created on' }, cell: (a) => a.createdAt.slice(0, 10), date: true },
      {
        header: { vi: 'Hoạt động lần cuối', en: 'Last active on' },
        cell: (a) => a.lastActiveAt?.slice(0, 10) ?? null,
        date: true,
      },
    ],
  }),
  audit: define({
    fileName: { vi: 'nhat-ky-he-thong', en: 'audit-log' },
    page: async (ctx, filter: Parameters<ReturnType<typeof lists>['audit']['list']>[0], cursor) => {
      const page = await lists(ctx).audit.list({
        ...filter,
        limit: PAGE,
        ...(cursor ? { before: Number(cursor) } : {}),
      });
      return { items: page.items, nextCursor: page.nextBefore === null ? null : String(page.nextBefore) };
    },
    columns: [
      { header: { vi: 'Ngày', en: 'Date' }, cell: (e) => e.at.slice(0, 10), date: true },
      { header: { vi: 'Giờ', en: 'Time' }, cell: (e) => e.at.slice(11, 19) },
      { header: { vi: 'Người thực hiện', en: 'By' }, cell: (e) => e.actorLabel },
      { header: { vi: 'Tên đăng nhập', en: 'Username' }, cell: (e) => e.actorUsername },
      { header: { vi: 'Hành động', en: 'Action' }, cell: (e) => e.action },
      { header: { vi: 'Loại bản ghi', en: 'Record kind' }, cell: (e) => e.entity },
      { header: { vi: 'Mã bản ghi', en: 'Record id' }, cell: (e) => e.entityId },
      { header: { vi: 'Trước', en: 'Before' }, cell: (e) => maskedJson(e.before) },
      { header: { vi: 'Sau', en: 'After' }, cell: (e) => maskedJson(e.after) },
    ],
  }),
  programs: define({
    fileName: { vi: 'chuong-trinh', en: 'programs' },
    page: async (ctx, _filter: Record<string, never>) => whole(await lists(ctx).programs.list()),
    columns: [
      { header: { vi: 'Mã', en: 'Code' }, cell: (p) => p.code },
      { header: { vi: 'Tên chương trình', en: 'Program' }, cell: (p, lang) => p.name[lang] },
      { header: { vi: 'Loại', en: 'Kind' }, cell: (p, lang, ref) => ref('program_kind', p.kind, lang) },
      { header: { vi: 'Số chủ đề', en: 'Topics' }, cell: (p) => p.topics.length },
      { header: { vi: 'Tổng số tiết', en: 'Periods' }, cell: (p) => p.totalPeriods },
      { header: { vi: 'Số lớp', en: 'Classes' }, cell: (p) => p.classCount },
      {
        header: { vi: 'Phạm vi', en: 'For' },
        cell: (p, lang) =>
          (p.ownerUnitId ? { vi: 'Riêng một đơn vị', en: 'One unit' } : { vi: 'Mọi đơn vị', en: 'Every unit' })[lang],
      },
    ],
  }),
} as const;

export type ExportableList = keyof typeof LIST_EXPORTS;

/** A whole list as a file for the person asking: every page read, then CSV (with its BOM) or XLSX. */
export async function exportList<T, F>(
  ctx: Staff,
  spec: ListExport<T, F>,
  filter: F,
  format: 'csv' | 'xlsx',
): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const lang = ctx.lang;
  const ref = await referenceNames(ctx);
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await spec.page(ctx, filter, cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (items.length > MAX_EXPORT_ROWS) {
      throw new DomainError('INPUT.INVALID', {
        vi: `Danh sách có hơn ${MAX_EXPORT_ROWS} dòng; hãy lọc bớt rồi xuất.`,
        en: `The list has more than ${MAX_EXPORT_ROWS} rows; filter it, then export.`,
      });
    }
  } while (cursor);
  const table: SheetTable = {
    headers: spec.columns.map((c) => c.header[lang]),
    rows: items.map((item) => spec.columns.map((c) => c.cell(item, lang, ref))),
    dateColumns: new Set(spec.columns.flatMap((c, i) => (c.date ? [i] : []))),
  };
  const name = spec.fileName[lang];
  if (format === 'csv') {
    return {
      fileName: `${name}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(toCsv(table), 'utf8').toString('base64'),
      rows: items.length,
    };
  }
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await toXlsx(table, name)).toString('base64'),
    rows: items.length,
  };
}
