import type { LocalizedText, Role } from '@polcenter/domain';

/**
 * Every page of the console, one line each. `path` is below `/console` (`:name` parts become the
 * page's `params`); `load` imports the page's module, which defines `tag`, when it is first
 * visited; `nav` puts it in the menu (for people holding one of `roles`, when given).
 * Add a page: write `pages/<name>.ts` (a `ConsolePage`), add its line here. See docs/console.md.
 */
export interface Route {
  readonly path: string;
  readonly tag: string;
  readonly title: LocalizedText;
  readonly load: () => Promise<unknown>;
  readonly nav?: boolean;
  readonly roles?: readonly Role[];
}

export const ROUTES: readonly Route[] = [
  {
    path: '/',
    tag: 'pc-home-page',
    title: { vi: 'Việc cần làm', en: 'To do' },
    load: () => import('./pages/home.js'),
    nav: true,
  },
  {
    path: '/classes',
    tag: 'pc-classes-page',
    title: { vi: 'Lớp học', en: 'Classes' },
    load: () => import('./pages/classes.js'),
    nav: true,
  },
  {
    path: '/classes/new',
    tag: 'pc-class-new-page',
    title: { vi: 'Mở lớp mới', en: 'New class' },
    load: () => import('./pages/class-new.js'),
    roles: ['center_staff'],
  },
  // The pages of one class (docs/console.md, "The pages of a class"): the API keeps each to the
  // organiser's center staff, but enrolment, where any unit's coordinator nominates its people.
  {
    path: '/classes/:id',
    tag: 'pc-class-page',
    title: { vi: 'Lớp', en: 'Class' },
    load: () => import('./pages/class.js'),
  },
  {
    path: '/classes/:id/edit',
    tag: 'pc-class-edit-page',
    title: { vi: 'Sửa thông tin lớp', en: 'Edit the class' },
    load: () => import('./pages/class-edit.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/enrolment',
    tag: 'pc-enrolment-page',
    title: { vi: 'Ghi danh', en: 'Enrolment' },
    load: () => import('./pages/enrolment.js'),
  },
  {
    path: '/classes/:id/timetable',
    tag: 'pc-timetable-page',
    title: { vi: 'Lịch học', en: 'Timetable' },
    load: () => import('./pages/timetable.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/attendance',
    tag: 'pc-attendance-page',
    title: { vi: 'Điểm danh', en: 'Attendance' },
    load: () => import('./pages/attendance.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/attendance/:sessionId',
    tag: 'pc-attendance-page',
    title: { vi: 'Điểm danh', en: 'Attendance' },
    load: () => import('./pages/attendance.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/results',
    tag: 'pc-results-page',
    title: { vi: 'Điểm và kết quả', en: 'Scores and results' },
    load: () => import('./pages/results.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/certificates',
    tag: 'pc-certificates-page',
    title: { vi: 'Giấy chứng nhận', en: 'Certificates' },
    load: () => import('./pages/certificates.js'),
    roles: ['center_staff'],
  },
  {
    path: '/classes/:id/audit',
    tag: 'pc-audit-page',
    title: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
    load: () => import('./pages/audit.js'),
    roles: ['center_staff'],
  },
  {
    path: '/programs',
    tag: 'pc-programs-page',
    title: { vi: 'Chương trình', en: 'Programs' },
    load: () => import('./pages/programs.js'),
    nav: true,
  },
  // Creating and editing: the API keeps programs to the owner unit's center staff (everyone's to admins).
  {
    path: '/programs/new',
    tag: 'pc-program-form-page',
    title: { vi: 'Tạo chương trình', en: 'New program' },
    load: () => import('./pages/program-form.js'),
    roles: ['center_staff'],
  },
  {
    path: '/programs/:id',
    tag: 'pc-program-page',
    title: { vi: 'Chương trình', en: 'Program' },
    load: () => import('./pages/program.js'),
  },
  {
    path: '/programs/:id/edit',
    tag: 'pc-program-form-page',
    title: { vi: 'Sửa quy định chương trình', en: 'Edit the program’s rules' },
    load: () => import('./pages/program-form.js'),
    roles: ['center_staff'],
  },
  // Rosters and obligations (docs/console.md, "Rosters of rapporteurs"): read by the staff of the
  // roster's unit line; decisions, corrections and new rules by its propaganda department.
  {
    path: '/rosters',
    tag: 'pc-rosters-page',
    title: { vi: 'Báo cáo viên', en: 'Rapporteurs' },
    load: () => import('./rosters/rosters-page.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator'],
  },
  {
    path: '/rosters/new',
    tag: 'pc-roster-form-page',
    title: { vi: 'Lập danh sách báo cáo viên', en: 'New rapporteur roster' },
    load: () => import('./rosters/roster-form.js'),
    roles: ['propaganda_staff'],
  },
  {
    path: '/rosters/:id',
    tag: 'pc-roster-page',
    title: { vi: 'Danh sách báo cáo viên', en: 'Rapporteur roster' },
    load: () => import('./rosters/roster-page.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator'],
  },
  {
    path: '/rosters/:id/edit',
    tag: 'pc-roster-form-page',
    title: { vi: 'Sửa thông tin danh sách', en: 'Correct the roster' },
    load: () => import('./rosters/roster-form.js'),
    roles: ['propaganda_staff'],
  },
  {
    path: '/rosters/:id/decisions/new',
    tag: 'pc-decision-form-page',
    title: { vi: 'Nhập quyết định', en: 'Record a decision' },
    load: () => import('./rosters/decision-form.js'),
    roles: ['propaganda_staff'],
  },
  {
    path: '/rapporteurs/:personId',
    tag: 'pc-member-page',
    title: { vi: 'Báo cáo viên', en: 'Rapporteur' },
    load: () => import('./rosters/member-page.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator'],
  },
  {
    path: '/obligations',
    tag: 'pc-obligations-page',
    title: { vi: 'Nghĩa vụ báo cáo viên', en: 'Rapporteurs’ obligations' },
    load: () => import('./rosters/obligations-page.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator'],
  },
  // People and accounts (docs/console.md, "People" and "Accounts"): staff who keep people; admins for accounts.
  {
    path: '/people',
    tag: 'pc-people-page',
    title: { vi: 'Cá nhân', en: 'People' },
    load: () => import('./people/people.js'),
    nav: true,
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/people/new',
    tag: 'pc-person-form-page',
    title: { vi: 'Thêm người', en: 'New person' },
    load: () => import('./people/person-form.js'),
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/people/duplicates',
    tag: 'pc-duplicates-page',
    title: { vi: 'Hồ sơ trùng lặp', en: 'Duplicate records' },
    load: () => import('./people/duplicates.js'),
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/people/:id',
    tag: 'pc-person-page',
    title: { vi: 'Hồ sơ cá nhân', en: 'Person' },
    load: () => import('./people/person.js'),
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/people/:id/edit',
    tag: 'pc-person-form-page',
    title: { vi: 'Sửa hồ sơ', en: 'Edit the record' },
    load: () => import('./people/person-form.js'),
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/accounts',
    tag: 'pc-accounts-page',
    title: { vi: 'Tài khoản', en: 'Accounts' },
    load: () => import('./accounts/accounts.js'),
    nav: true,
    roles: ['admin'],
  },
  {
    path: '/accounts/:id',
    tag: 'pc-account-page',
    title: { vi: 'Tài khoản', en: 'Account' },
    load: () => import('./accounts/account.js'),
    roles: ['admin'],
  },
  {
    path: '/imports',
    tag: 'pc-import-page',
    title: { vi: 'Nhập dữ liệu', en: 'Import' },
    load: () => import('./pages/import.js'),
    nav: true,
    roles: ['center_staff'],
  },
  {
    path: '/audit',
    tag: 'pc-audit-log-page',
    title: { vi: 'Nhật ký hệ thống', en: 'Audit log' },
    load: () => import('./pages/audit-log.js'),
    nav: true,
    roles: ['admin'],
  },
  // Propaganda work (docs/console.md, "Propaganda work"): everyone on the staff reads it; briefings
  // are logged by the department, unit coordinators and rapporteurs.
  {
    path: '/briefings',
    tag: 'pc-briefings-page',
    title: { vi: 'Tuyên truyền miệng', en: 'Briefings' },
    load: () => import('./activities/briefings.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/briefings/new',
    tag: 'pc-briefing-form-page',
    title: { vi: 'Ghi buổi tuyên truyền', en: 'Record a briefing' },
    load: () => import('./activities/briefing-form.js'),
    roles: ['propaganda_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/briefings/:id/edit',
    tag: 'pc-briefing-form-page',
    title: { vi: 'Sửa buổi tuyên truyền', en: 'Edit a briefing' },
    load: () => import('./activities/briefing-form.js'),
    roles: ['propaganda_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/opinions',
    tag: 'pc-opinions-page',
    title: { vi: 'Dư luận xã hội', en: 'Public opinion' },
    load: () => import('./activities/opinions.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/opinions/new',
    tag: 'pc-opinion-page',
    title: { vi: 'Ghi báo cáo dư luận', en: 'Record an opinion report' },
    load: () => import('./activities/opinion.js'),
    roles: ['propaganda_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/opinions/:id',
    tag: 'pc-opinion-page',
    title: { vi: 'Báo cáo dư luận', en: 'Opinion report' },
    load: () => import('./activities/opinion.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/conferences',
    tag: 'pc-conferences-page',
    title: { vi: 'Hội nghị', en: 'Conferences' },
    load: () => import('./activities/conferences.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/conferences/new',
    tag: 'pc-conference-page',
    title: { vi: 'Tạo hội nghị', en: 'New conference' },
    load: () => import('./activities/conference.js'),
    roles: ['propaganda_staff'],
  },
  {
    path: '/conferences/:id',
    tag: 'pc-conference-page',
    title: { vi: 'Hội nghị', en: 'Conference' },
    load: () => import('./activities/conference.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/contests',
    tag: 'pc-contests-page',
    title: { vi: 'Hội thi báo cáo viên', en: 'Contests' },
    load: () => import('./activities/contests.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/contests/new',
    tag: 'pc-contest-page',
    title: { vi: 'Tạo hội thi', en: 'New contest' },
    load: () => import('./activities/contest.js'),
    roles: ['propaganda_staff'],
  },
  {
    path: '/contests/:id',
    tag: 'pc-contest-page',
    title: { vi: 'Hội thi', en: 'Contest' },
    load: () => import('./activities/contest.js'),
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  {
    path: '/propaganda-report',
    tag: 'pc-propaganda-report-page',
    title: { vi: 'Báo cáo tuyên truyền', en: 'Propaganda report' },
    load: () => import('./activities/report.js'),
    nav: true,
    roles: ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'],
  },
  // Reports sent upward (docs/console.md, "Reports"): read by the unit's staff as the API's
  // reports.period/plan/outputs allow (not lecturers); targets and output entered by center and
  // propaganda staff, which the pages decide unit by unit.
  {
    path: '/reports',
    tag: 'pc-report-page',
    title: { vi: 'Báo cáo', en: 'Reports' },
    load: () => import('./reports/report-page.js'),
    nav: true,
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/reports/plan',
    tag: 'pc-plan-page',
    title: { vi: 'Chỉ tiêu kế hoạch năm', en: 'Year plan targets' },
    load: () => import('./reports/plan-page.js'),
    nav: true,
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  {
    path: '/reports/outputs',
    tag: 'pc-outputs-page',
    title: { vi: 'Sản phẩm tuyên truyền', en: 'Propaganda output' },
    load: () => import('./reports/outputs-page.js'),
    nav: true,
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
  },
  // The unit tree and reference data (docs/console.md, "Units and reference data").
  {
    path: '/units',
    tag: 'pc-units-page',
    title: { vi: 'Đơn vị', en: 'Units' },
    load: () => import('./units/units-tree.js'),
    nav: true,
  },
  {
    path: '/units/:id',
    tag: 'pc-unit-page',
    title: { vi: 'Đơn vị', en: 'Unit' },
    load: () => import('./units/unit.js'),
  },
  {
    path: '/reference',
    tag: 'pc-reference-page',
    title: { vi: 'Danh mục dùng chung', en: 'Reference data' },
    load: () => import('./units/reference.js'),
    nav: true,
    roles: ['admin'],
  },
  {
    path: '/password',
    tag: 'pc-password-page',
    title: { vi: 'Đổi mật khẩu', en: 'Change password' },
    load: () => import('./pages/password.js'),
  },
];

export interface Match {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** The route of an address below `/console`, and its parameters; undefined when none matches. */
export function match(path: string, routes: readonly Route[] = ROUTES): Match | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((segment, i) => {
      const part = parts[i] as string;
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      }
      return segment === part;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** The console's base address; every console link is `${BASE}/…`. */
export const BASE = '/console';

/** A console address's path below the base (`/console/classes?x` → `/classes`). */
export function pathOf(url: URL): string {
  const below = url.pathname.slice(BASE.length);
  return below === '' ? '/' : below;
}
