import type { LocalizedText } from '@polcenter/domain';
import type { Command, Flags } from './types.js';

/**
 * What the CLI offers, as `--help` shows it: names, summaries, arguments and flags. Nothing here
 * loads a command: `load` imports its module (the library, the database driver…) only when it runs,
 * so help and usage errors answer at once.
 */
export interface CommandSpec {
  readonly summary: LocalizedText;
  /** Positional arguments after the command's words; `FILE` is resolved against the user's folder. */
  readonly args?: readonly ('FILE' | 'ID')[];
  readonly flags?: readonly (keyof Flags)[];
  /** What a flag means for this command, where it differs from FLAGS. */
  readonly flagHelp?: Partial<Record<keyof Flags, LocalizedText>>;
  /** Lines under the summary in the command's own help. */
  readonly notes?: readonly LocalizedText[];
  load(): Promise<Command>;
}

export const ARG_NAMES: Record<'FILE' | 'ID', LocalizedText> = {
  FILE: { vi: 'TỆP', en: 'FILE' },
  ID: { vi: 'MÃ', en: 'ID' },
};

const RELATIVE: LocalizedText = {
  vi: 'Tên tệp tương đối tính từ thư mục bạn gõ lệnh.',
  en: 'Relative file names are taken from the folder you typed the command in.',
};
const BESIDE_SERVER: LocalizedText = {
  vi: 'Chạy được cả khi máy chủ đang chạy: lệnh dùng cơ sở dữ liệu của máy chủ đó.',
  en: 'Works while the server runs: the command uses that server’s database.',
};

const personal = (what: LocalizedText): LocalizedText => ({
  vi: `kèm ngày sinh, điện thoại, CCCD (có ghi nhật ký); mặc định ${what.vi} không có các cột đó`,
  en: `with birth dates, phones and IDs (audited); by default ${what.en} leave them out`,
});

export const COMMANDS: Record<string, CommandSpec> = {
  start: {
    summary: {
      vi: 'chạy máy chủ (cơ sở dữ liệu, chuyển đổi, dữ liệu mẫu, HTTP)',
      en: 'run the server (database, migrations, demo data, HTTP)',
    },
    flags: ['port', 'host'],
    load: async () => (await import('./start.js')).startCommand,
  },
  migrate: {
    summary: { vi: 'nâng cấp cấu trúc cơ sở dữ liệu rồi thoát', en: 'bring the database schema up to date and exit' },
    load: async () => (await import('./database.js')).migrateCommand,
  },
  seed: {
    summary: {
      vi: 'nạp dữ liệu mẫu Chợ Đồn vào cơ sở dữ liệu trống',
      en: 'load the Chợ Đồn demo data into an empty database',
    },
    load: async () => (await import('./database.js')).seedCommand,
  },
  'user add': {
    summary: {
      vi: 'tạo tài khoản cán bộ; mật khẩu hỏi khi chạy',
      en: 'create a staff account; the password is asked for',
    },
    flags: ['username', 'name', 'role', 'unit', 'password-stdin'],
    notes: [BESIDE_SERVER],
    load: async () => (await import('./users.js')).userAddCommand,
  },
  'token add': {
    summary: { vi: 'tạo mã API cho một ứng dụng khác', en: 'create an API token for another app' },
    flags: ['username', 'label', 'name', 'scope', 'expires'],
    flagHelp: {
      username: { vi: 'tài khoản chủ của mã', en: 'account the token acts as' },
      name: { vi: 'như --label (cách viết cũ)', en: 'as --label (its former spelling)' },
    },
    notes: [
      {
        vi: 'Dòng đầu tiên in ra là mã (pca_…), chỉ hiện lần này.',
        en: 'The first line printed is the token (pca_…), shown this once.',
      },
    ],
    load: async () => (await import('./users.js')).tokenAddCommand,
  },
  'token list': {
    summary: { vi: 'liệt kê mã API (không bao giờ hiện mã)', en: 'list API tokens (never the secrets)' },
    flags: ['username'],
    flagHelp: { username: { vi: 'chỉ mã của tài khoản này', en: 'only this account’s tokens' } },
    load: async () => (await import('./users.js')).tokenListCommand,
  },
  'token revoke': {
    summary: {
      vi: 'thu hồi một mã API theo mã số (xem token list)',
      en: 'revoke an API token by its id (see token list)',
    },
    args: ['ID'],
    load: async () => (await import('./users.js')).tokenRevokeCommand,
  },
  'import people': {
    summary: {
      vi: 'nhập danh sách cá nhân từ .csv/.xlsx (tất cả hoặc không)',
      en: 'import people from a .csv/.xlsx file (all or nothing)',
    },
    args: ['FILE'],
    flags: ['dry-run'],
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).importPeopleCommand,
  },
  'import enrolments': {
    summary: {
      vi: 'nhập danh sách cử đi học từ .csv/.xlsx (mã lớp, CCCD hoặc họ tên + ngày sinh, mã đơn vị cử)',
      en: 'import nominations from .csv/.xlsx (class code, ID or name + birth date, unit code)',
    },
    args: ['FILE'],
    flags: ['dry-run'],
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).importEnrolmentsCommand,
  },
  'export people': {
    summary: { vi: 'xuất danh sách cá nhân ra CSV hoặc Excel', en: 'export the people as CSV or Excel' },
    flags: ['out', 'with-personal-data'],
    flagHelp: { 'with-personal-data': personal({ vi: 'bản xuất', en: 'exports' }) },
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).exportPeopleCommand,
  },
  'export enrolments': {
    summary: { vi: 'xuất danh sách ghi danh ra CSV hoặc Excel', en: 'export the enrolments as CSV or Excel' },
    flags: ['out', 'with-personal-data'],
    flagHelp: { 'with-personal-data': personal({ vi: 'bản xuất', en: 'exports' }) },
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).exportEnrolmentsCommand,
  },
  'export classes': {
    summary: { vi: 'xuất danh sách lớp ra CSV hoặc Excel', en: 'export the classes as CSV or Excel' },
    flags: ['out'],
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).exportClassesCommand,
  },
  report: {
    summary: {
      vi: 'báo cáo một kỳ của một đơn vị (kể cả đơn vị tiền thân) ra JSON, CSV, Excel hoặc trang in HTML',
      en: 'a unit’s report for a period (with the units it carries on) as JSON, CSV, Excel or a printable HTML page',
    },
    flags: ['unit', 'from', 'to', 'format', 'out'],
    flagHelp: {
      unit: { vi: 'mã đơn vị báo cáo (không có: mọi đơn vị)', en: 'code of the reporting unit (none: every unit)' },
      out: {
        vi: 'tệp ghi ra (mặc định: ra màn hình; xlsx cần --out)',
        en: 'file to write (default: stdout; xlsx needs --out)',
      },
    },
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./report.js')).reportCommand,
  },
  backup: {
    summary: { vi: 'sao lưu toàn bộ dữ liệu ra tệp JSON Lines', en: 'back up all data to a JSON Lines file' },
    flags: ['out'],
    flagHelp: {
      out: {
        vi: 'tệp sao lưu (bắt buộc; nén gzip khi tên tận cùng .gz)',
        en: 'backup file (required; gzip when it ends in .gz)',
      },
    },
    notes: [RELATIVE, BESIDE_SERVER],
    load: async () => (await import('./data.js')).backupCommand,
  },
  restore: {
    summary: {
      vi: 'khôi phục bản sao lưu vào cơ sở dữ liệu trống (một giao dịch)',
      en: 'restore a backup into an empty database (one transaction)',
    },
    args: ['FILE'],
    notes: [
      RELATIVE,
      {
        vi: 'Cần dùng riêng cơ sở dữ liệu: dừng máy chủ trước (Ctrl-C), khôi phục, rồi khởi động lại.',
        en: 'Needs the database to itself: stop the server first (Ctrl-C), restore, then start it again.',
      },
    ],
    load: async () => (await import('./data.js')).restoreCommand,
  },
};

export const FLAGS: Record<keyof Flags, { value?: LocalizedText; help: LocalizedText }> = {
  port: {
    value: { vi: 'CỔNG', en: 'PORT' },
    help: { vi: 'cổng HTTP (mặc định 3000)', en: 'HTTP port (default 3000)' },
  },
  host: {
    value: { vi: 'ĐỊA_CHỈ', en: 'ADDRESS' },
    help: { vi: 'địa chỉ lắng nghe (mặc định 127.0.0.1)', en: 'listen address (default 127.0.0.1)' },
  },
  username: { value: { vi: 'TÊN', en: 'NAME' }, help: { vi: 'tên đăng nhập', en: 'username' } },
  name: { value: { vi: 'TÊN', en: 'NAME' }, help: { vi: 'tên hiển thị', en: 'display name' } },
  role: {
    value: { vi: 'VAI_TRÒ', en: 'ROLE' },
    help: {
      vi: 'admin, center_staff, propaganda_staff, unit_coordinator hoặc lecturer (lặp lại được)',
      en: 'admin, center_staff, propaganda_staff, unit_coordinator or lecturer (repeatable)',
    },
  },
  unit: {
    value: { vi: 'MÃ', en: 'CODE' },
    help: { vi: 'mã đơn vị của vai trò (mọi vai trò trừ admin)', en: 'unit code the role is held for (all but admin)' },
  },
  'password-stdin': {
    help: {
      vi: 'đọc mật khẩu từ đầu vào chuẩn: một dòng, hoặc hai dòng giống nhau (cho kịch bản)',
      en: 'read the password from stdin: one line, or two equal lines (for scripts)',
    },
  },
  'dry-run': { help: { vi: 'chỉ kiểm tra tệp, không ghi gì', en: 'check the file, write nothing' } },
  out: {
    value: { vi: 'TỆP', en: 'FILE' },
    help: {
      vi: 'tệp ghi ra, .csv hoặc .xlsx (mặc định CSV ra màn hình)',
      en: 'file to write, .csv or .xlsx (default: CSV to stdout)',
    },
  },
  'with-personal-data': { help: personal({ vi: 'bản xuất', en: 'exports' }) },
  from: {
    value: { vi: 'NGÀY', en: 'DATE' },
    help: { vi: 'ngày đầu kỳ, YYYY-MM-DD hoặc dd/mm/yyyy', en: 'first day of the period, YYYY-MM-DD or dd/mm/yyyy' },
  },
  to: {
    value: { vi: 'NGÀY', en: 'DATE' },
    help: { vi: 'ngày cuối kỳ, YYYY-MM-DD hoặc dd/mm/yyyy', en: 'last day of the period, YYYY-MM-DD or dd/mm/yyyy' },
  },
  format: {
    value: { vi: 'DẠNG', en: 'FORMAT' },
    help: {
      vi: 'json, csv, xlsx hoặc html (mặc định theo đuôi của --out, nếu không: json)',
      en: 'json, csv, xlsx or html (default: from --out’s extension, else json)',
    },
  },
  label: {
    value: { vi: 'NHÃN', en: 'LABEL' },
    help: { vi: 'nhãn của mã: ứng dụng nào dùng', en: 'the token’s label: which app uses it' },
  },
  scope: {
    value: { vi: 'PHẠM_VI', en: 'SCOPE' },
    help: {
      vi: 'full (mặc định), read, khu vực (enrolment,classes…) hoặc read:khu vực',
      en: 'full (default), read, areas (enrolment,classes…) or read:areas',
    },
  },
  expires: {
    value: { vi: 'THỜI_HẠN', en: 'LIFETIME' },
    help: { vi: '90d (mặc định), 12w, 1y; tối đa 365 ngày', en: '90d (default), 12w, 1y; at most 365 days' },
  },
};

/** Environment variables and their defaults (docs/operations.md says more). */
export const ENVIRONMENT: readonly [name: string, fallback: string, help: LocalizedText][] = [
  [
    'DATABASE_URL',
    '',
    {
      vi: 'postgres://… của một máy chủ PostgreSQL 15+; không đặt: PostgreSQL nhúng',
      en: 'postgres://… of a PostgreSQL 15+ server; unset: the embedded PostgreSQL',
    },
  ],
  [
    'POLCENTER_DATA_DIR',
    '.data',
    { vi: 'thư mục dữ liệu của PostgreSQL nhúng', en: 'folder of the embedded PostgreSQL’s data' },
  ],
  [
    'POLCENTER_PG_PORT',
    '0',
    {
      vi: 'cổng của PostgreSQL nhúng trên 127.0.0.1 (0: cổng trống)',
      en: 'port of the embedded PostgreSQL (0: a free one)',
    },
  ],
  [
    'POLCENTER_HOST',
    '127.0.0.1',
    {
      vi: 'địa chỉ máy chủ HTTP lắng nghe (0.0.0.0: mọi địa chỉ)',
      en: 'address the HTTP server listens on (0.0.0.0: all)',
    },
  ],
  ['POLCENTER_PORT', '3000', { vi: 'cổng HTTP (cũng đọc PORT)', en: 'HTTP port (PORT is read too)' }],
  [
    'POLCENTER_DEMO',
    '1',
    { vi: '0: không nạp dữ liệu mẫu vào CSDL trống', en: '0: no demo data in an empty database' },
  ],
  ['POLCENTER_LANG', 'vi', { vi: 'ngôn ngữ: vi hoặc en (như --lang)', en: 'language: vi or en (as --lang)' }],
  [
    'POLCENTER_CORS_ORIGINS',
    '',
    {
      vi: 'các nguồn cổng thông tin được gọi API, cách nhau bởi dấu phẩy',
      en: 'comma-separated portal origins allowed to call the API',
    },
  ],
  [
    'POLCENTER_TRUST_PROXY',
    '0',
    { vi: '1: lấy địa chỉ khách từ X-Forwarded-For', en: '1: take the client address from X-Forwarded-For' },
  ],
  ['POLCENTER_LOG', '1', { vi: '0: không ghi nhật ký JSON ra stdout', en: '0: no JSON request log on stdout' }],
  [
    'POLCENTER_CERTIFICATE_CHECK_URL',
    '',
    {
      vi: 'trang tra cứu giấy chứng nhận trên cổng thông tin (mã QR in trên giấy); mặc định: trang / của máy chủ này',
      en: "the portal page checking certificates (their printed QR code); default: this server's /",
    },
  ],
  [
    'NODE_ENV',
    '',
    { vi: 'production: lỗi API không kèm vết ngăn xếp', en: 'production: no stack traces in API errors' },
  ],
];
