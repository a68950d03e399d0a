import { codeName, type Lang, type LocalizedText } from '@polcenter/domain';
import { date, dateTime, number } from '../i18n.js';

/**
 * The audit log as staff read it: each recorded action by its name, and a change as the fields
 * that differ, labelled in the reader's language, values as the console shows them elsewhere
 * (dates dd/mm/yyyy, codes by their names, identity numbers masked).
 */

export const ACTIONS: Record<string, LocalizedText> = {
  'class.create': { vi: 'Tạo lớp', en: 'Class created' },
  'class.transition': { vi: 'Đổi tình trạng lớp', en: 'Class status changed' },
  'class.update': { vi: 'Sửa thông tin lớp', en: 'Class edited' },
  'class.add_sessions': { vi: 'Thêm buổi học', en: 'Sessions added' },
  'class_session.update': { vi: 'Sửa buổi học', en: 'Session edited' },
  'class_session.remove': { vi: 'Xoá buổi học', en: 'Session removed' },
  'enrolment.nominate': { vi: 'Cử đi học', en: 'Nominated' },
  'enrolment.request': { vi: 'Đăng ký', en: 'Requested' },
  'enrolment.approve': { vi: 'Duyệt', en: 'Approved' },
  'enrolment.waitlist': { vi: 'Vào danh sách chờ', en: 'Waitlisted' },
  'enrolment.promote': { vi: 'Được xếp chỗ', en: 'Promoted' },
  'enrolment.reject': { vi: 'Không duyệt', en: 'Rejected' },
  'enrolment.withdraw': { vi: 'Rút tên', en: 'Withdrawn' },
  'enrolment.attend': { vi: 'Bắt đầu học', en: 'Started attending' },
  'enrolment.result': { vi: 'Tính kết quả', en: 'Result computed' },
  'enrolment.historical': { vi: 'Nhập kết quả lớp cũ', en: 'Past result imported' },
  'enrolment.export_personal': { vi: 'Xuất ghi danh có dữ liệu cá nhân', en: 'Enrolments exported with personal data' },
  'score.record': { vi: 'Ghi điểm', en: 'Scores recorded' },
  'attendance.record': { vi: 'Điểm danh', en: 'Attendance recorded' },
  'certificate.issue': { vi: 'Cấp giấy chứng nhận', en: 'Certificate issued' },
  'certificate.revoke': { vi: 'Thu hồi giấy chứng nhận', en: 'Certificate revoked' },
  'person.create': { vi: 'Thêm cá nhân', en: 'Person added' },
  'person.update': { vi: 'Sửa cá nhân', en: 'Person edited' },
  'person.read_full': { vi: 'Xem hồ sơ đầy đủ', en: 'Full record read' },
  'person.export_personal': { vi: 'Xuất danh sách có dữ liệu cá nhân', en: 'People exported with personal data' },
  'program.create': { vi: 'Tạo chương trình', en: 'Program created' },
  'program.update': { vi: 'Sửa quy định chương trình', en: 'Program rules edited' },
  'import.people': { vi: 'Nhập danh sách cá nhân từ tệp', en: 'People imported from a file' },
  'import.enrolments': { vi: 'Nhập ghi danh từ tệp', en: 'Enrolments imported from a file' },
  'unit.create': { vi: 'Thêm đơn vị', en: 'Unit added' },
  'unit.update': { vi: 'Sửa đơn vị', en: 'Unit edited' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'assignment.create': { vi: 'Phân công giảng dạy', en: 'Lecturer assigned' },
  'assignment.override': { vi: 'Phân công dù trùng lịch', en: 'Assigned despite a clash' },
  'assignment.remove': { vi: 'Bỏ phân công', en: 'Assignment removed' },
};

/** The name of a recorded action; one this console does not know yet is shown by its code. */
export function actionName(action: string, lang: Lang): string {
  return ACTIONS[action]?.[lang] ?? action;
}

const FIELDS: Record<string, LocalizedText> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  givenName: { vi: 'Tên', en: 'Given name' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức vụ', en: 'Position' },
  partyStatus: { vi: 'Đảng viên', en: 'Party status' },
  partyAdmittedOn: { vi: 'Ngày vào Đảng', en: 'Admitted to the Party' },
  educationLevel: { vi: 'Trình độ học vấn', en: 'Education' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  nationalId: { vi: 'Số CCCD', en: 'National ID' },
  version: { vi: 'Phiên bản', en: 'Version' },
  imported: { vi: 'Nhập từ tệp', en: 'Imported from a file' },
  code: { vi: 'Mã', en: 'Code' },
  title: { vi: 'Tên', en: 'Title' },
  status: { vi: 'Tình trạng', en: 'Status' },
  state: { vi: 'Trạng thái', en: 'State' },
  classification: { vi: 'Xếp loại', en: 'Result' },
  capacity: { vi: 'Sĩ số tối đa', en: 'Capacity' },
  startDate: { vi: 'Ngày bắt đầu', en: 'Start date' },
  endDate: { vi: 'Ngày kết thúc', en: 'End date' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  note: { vi: 'Ghi chú', en: 'Note' },
  reason: { vi: 'Lý do', en: 'Reason' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  created: { vi: 'Đã thêm', en: 'Added' },
  skipped: { vi: 'Bỏ qua (đã có)', en: 'Skipped (on file)' },
  fileName: { vi: 'Tệp', en: 'File' },
  classId: { vi: 'Lớp', en: 'Class' },
  personId: { vi: 'Cá nhân', en: 'Person' },
  finalScore: { vi: 'Điểm', en: 'Score' },
};

/** An identity number shown by its last three digits, as lists show it. */
const masked = (value: string) => (value.length > 3 ? `${'•'.repeat(value.length - 3)}${value.slice(-3)}` : value);
const MASKED = new Set(['nationalId', 'phone']);

/** One value of the log as a short text. */
export function showValue(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  if (typeof value === 'number') return number(value, lang);
  if (typeof value === 'string') {
    if (MASKED.has(field)) return masked(value);
    const name = codeName(field, value);
    if (name) return name[lang];
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => showValue(field, v, lang)).join(', ');
  return JSON.stringify(value);
}

export interface Change {
  readonly field: string;
  readonly label: string;
  /** Undefined when the record did not exist before (a creation). */
  readonly from: string | undefined;
  /** Undefined when it does not exist after. */
  readonly to: string | undefined;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The fields a log entry changed (all of them for a creation), in the order the record lists them. */
export function changes(before: unknown, after: unknown, lang: Lang): Change[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => k !== 'id');
  const out: Change[] = [];
  for (const key of keys) {
    const from = a && key in a ? a[key] : undefined;
    const to = b && key in b ? b[key] : undefined;
    if (a && b && JSON.stringify(from) === JSON.stringify(to)) continue;
    out.push({
      field: key,
      label: FIELDS[key]?.[lang] ?? key,
      from: a ? showValue(key, from, lang) : undefined,
      to: b ? showValue(key, to, lang) : undefined,
    });
  }
  return out;
}
