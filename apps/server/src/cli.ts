import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDomainError, pickLang } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';
import {
  backupCommand,
  exportClassesCommand,
  exportEnrolmentsCommand,
  exportPeopleCommand,
  importEnrolmentsCommand,
  importPeopleCommand,
  restoreCommand,
} from './commands/data.js';
import { migrateCommand, seedCommand } from './commands/database.js';
import { startCommand } from './commands/start.js';
import { type Command, type Flags, UsageError } from './commands/types.js';
import { tokenAddCommand, tokenListCommand, tokenRevokeCommand, userAddCommand } from './commands/users.js';
import { consoleOutput, describeUnexpected } from './output.js';
import { readSettings, SETTINGS_HELP } from './settings.js';

/** Exit codes: 0 done, 1 the work failed (a clear sentence says why), 2 the command line was wrong. */
const USAGE_ERROR = 2;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  'user add': userAddCommand,
  'token add': tokenAddCommand,
  'token list': tokenListCommand,
  'token revoke': tokenRevokeCommand,
  'import people': importPeopleCommand,
  'import enrolments': importEnrolmentsCommand,
  'export people': exportPeopleCommand,
  'export enrolments': exportEnrolmentsCommand,
  'export classes': exportClassesCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

const FLAG_HELP: Record<keyof Flags, { vi: string; en: string }> = {
  port: { vi: 'cổng HTTP', en: 'HTTP port' },
  host: { vi: 'địa chỉ lắng nghe', en: 'listen address' },
  username: { vi: 'tên đăng nhập', en: 'username' },
  name: { vi: 'tên hiển thị / tên ứng dụng', en: 'display name / app name' },
  role: { vi: 'vai trò (admin, center_staff, propaganda_staff, unit_coordinator, lecturer)', en: 'role' },
  unit: { vi: 'mã đơn vị của vai trò', en: 'unit code the role is held for' },
  'password-stdin': { vi: 'đọc mật khẩu từ đầu vào chuẩn', en: 'read the password from stdin' },
  'dry-run': { vi: 'nhập: chỉ kiểm tra tệp, không ghi gì', en: 'import: check the file, write nothing' },
  out: { vi: 'tệp ghi ra (xuất, sao lưu)', en: 'file to write (export, backup)' },
  'with-personal-data': {
    vi: 'xuất kèm ngày sinh, điện thoại, CCCD (có ghi nhật ký)',
    en: 'export birth dates, phones and IDs too (audited)',
  },
  label: { vi: 'nhãn của mã API (ứng dụng nào dùng)', en: 'API token label (which app uses it)' },
  scope: {
    vi: 'phạm vi mã API: full, read, khu vực (enrolment,classes) hoặc read:khu vực',
    en: 'API token scope: full, read, areas (enrolment,classes) or read:areas',
  },
  expires: { vi: 'thời hạn mã API: 90d, 12w, 1y (mặc định 90d, tối đa 365d)', en: 'API token lifetime (default 90d)' },
};

function usage(lang: 'vi' | 'en'): string {
  return [
    lang === 'vi' ? 'Cách dùng: pnpm polcenter <lệnh> [tuỳ chọn]' : 'Usage: pnpm polcenter <command> [options]',
    '',
    lang === 'vi' ? 'Lệnh:' : 'Commands:',
    ...Object.entries(COMMANDS).map(
      ([name, c]) => `  ${[name, ...(c.args ?? [])].join(' ').padEnd(24)}${c.summary[lang]}`,
    ),
    '',
    lang === 'vi' ? 'Tuỳ chọn:' : 'Options:',
    ...Object.entries(FLAG_HELP).map(([flag, text]) => `  --${flag.padEnd(16)}${text[lang]}`),
    `  --${'help'.padEnd(16)}${lang === 'vi' ? 'trợ giúp này' : 'this help'}`,
    '',
    lang === 'vi' ? 'Biến môi trường (mặc định):' : 'Environment (default):',
    ...SETTINGS_HELP.map(([name, fallback, what]) => `  ${name.padEnd(20)}${fallback.padEnd(14)}${what}`),
  ].join('\n');
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        unit: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        out: { type: 'string' },
        'with-personal-data': { type: 'boolean' },
        label: { type: 'string' },
        scope: { type: 'string' },
        expires: { type: 'string' },
      },
    });
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0] ?? '';
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    throw new UsageError({ vi: `Tuỳ chọn không hợp lệ: ${flag}.`, en: `Invalid option: ${flag}.` });
  }
}

/** Finds the command named by the first one or two words. */
function resolve(positionals: string[]): { name: string; command: Command; rest: string[] } {
  const [first = '', second = ''] = positionals;
  const two = `${first} ${second}`;
  if (COMMANDS[two]) return { name: two, command: COMMANDS[two], rest: positionals.slice(2) };
  const command = COMMANDS[first];
  if (!command) {
    if (!first) throw new UsageError({ vi: 'Thiếu tên lệnh.', en: 'No command given.' });
    throw new UsageError({
      vi: `Không có lệnh "${positionals.join(' ')}".`,
      en: `There is no command "${positionals.join(' ')}".`,
    });
  }
  return { name: first, command, rest: positionals.slice(1) };
}

/**
 * The folder the user typed the command in: relative file names are theirs. `pnpm polcenter …`
 * runs the script from the repository's root and says where it was typed in INIT_CWD; trusted only
 * while we are that script (a process started by one, e.g. a test, inherits a stale INIT_CWD).
 */
export function userDirectory(env: NodeJS.ProcessEnv): string {
  const byPnpm =
    env.INIT_CWD &&
    env.npm_lifecycle_event &&
    env.npm_package_json &&
    path.dirname(env.npm_package_json) === process.cwd();
  return byPnpm ? path.resolve(env.INIT_CWD as string) : process.cwd();
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const lang = pickLang(env.POLCENTER_LANG);
  const out = consoleOutput(lang);
  try {
    const { values, positionals } = parseFlags(argv);
    if (values.help || positionals[0] === 'help') {
      out.say(usage(lang));
      return 0;
    }
    const { name, command, rest } = resolve(positionals);
    const extra = rest.slice(command.args?.length ?? 0);
    if (extra.length > 0) {
      throw new UsageError({
        vi: `Thừa tham số: ${extra.join(' ')}.`,
        en: `Unexpected arguments: ${extra.join(' ')}.`,
      });
    }
    const { help: _help, ...given } = values;
    const here = userDirectory(env);
    const flags = given.out === undefined ? given : { ...given, out: path.resolve(here, given.out) };
    const args = rest.map((arg, i) => (command.args?.[i] === 'FILE' ? path.resolve(here, arg) : arg));
    const stray = Object.keys(flags).filter((flag) => !command.flags?.includes(flag as keyof Flags));
    if (stray.length > 0) {
      throw new UsageError({
        vi: `Lệnh "${name}" không nhận tuỳ chọn --${stray.join(', --')}.`,
        en: `The command "${name}" takes no --${stray.join(', --')}.`,
      });
    }
    const settings = readSettings(env, { port: values.port, host: values.host });
    await command.run(settings, consoleOutput(settings.lang), flags, args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.fail(
        lang === 'vi' ? `${error.text.vi} Xem: pnpm polcenter --help` : `${error.text.en} See: pnpm polcenter --help`,
      );
      return USAGE_ERROR;
    }
    if (error instanceof SetupError) out.fail(error.sentence);
    else if (isDomainError(error)) {
      out.fail(error.text);
      for (const field of error.fields) out.fail(`  ${field.field}: ${field.message[lang]}`);
    } else {
      // Its kind and code, not its message: a database error's message is the SQL with the values
      // of the rows at hand, which may be people's IDs and birth dates (docs/operations.md).
      const what = describeUnexpected(error);
      out.fail({
        vi: `Lỗi không mong đợi (${what}). Đặt POLCENTER_DEBUG=1 để xem chi tiết (có thể lộ dữ liệu cá nhân).`,
        en: `Unexpected error (${what}). Set POLCENTER_DEBUG=1 for details (they may show personal data).`,
      });
    }
    if (env.POLCENTER_DEBUG) console.error(error);
    return 1;
  }
}
