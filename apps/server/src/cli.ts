import { parseArgs } from 'node:util';
import { createOrm, createPolCenter, migrate, seedDemo } from '@polcenter/core';
import { isDomainError, type LocalizedText, pickLang } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';
import { openDatabase } from './database';
import { consoleOutput, type Output } from './output';
import { readSettings, SETTINGS_HELP, type Settings } from './settings';
import { startServer } from './start';

/** Exit codes: 0 done, 1 the work failed (a clear sentence says why), 2 the command line was wrong. */
const USAGE_ERROR = 2;

class UsageError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

const COMMANDS: Record<string, { summary: LocalizedText; run: (settings: Settings, out: Output) => Promise<void> }> = {
  start: {
    summary: {
      vi: 'chạy máy chủ (cơ sở dữ liệu, chuyển đổi, dữ liệu mẫu, HTTP)',
      en: 'run the server (database, migrations, demo data, HTTP)',
    },
    run: runStart,
  },
  migrate: {
    summary: { vi: 'nâng cấp cấu trúc cơ sở dữ liệu rồi thoát', en: 'bring the database schema up to date and exit' },
    run: runMigrate,
  },
  seed: {
    summary: {
      vi: 'nạp dữ liệu mẫu Chợ Đồn vào cơ sở dữ liệu trống',
      en: 'load the Chợ Đồn demo data into an empty database',
    },
    run: runSeed,
  },
};

function usage(lang: 'vi' | 'en'): string {
  const lines = [
    lang === 'vi' ? 'Cách dùng: pnpm polcenter <lệnh> [tuỳ chọn]' : 'Usage: pnpm polcenter <command> [options]',
    '',
    lang === 'vi' ? 'Lệnh:' : 'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary[lang]}`),
    '',
    lang === 'vi' ? 'Tuỳ chọn:' : 'Options:',
    `  --port N   ${lang === 'vi' ? 'cổng HTTP (start)' : 'HTTP port (start)'}`,
    `  --host A   ${lang === 'vi' ? 'địa chỉ lắng nghe (start)' : 'listen address (start)'}`,
    `  --help     ${lang === 'vi' ? 'trợ giúp này' : 'this help'}`,
    '',
    lang === 'vi' ? 'Biến môi trường (mặc định):' : 'Environment (default):',
    ...SETTINGS_HELP.map(([name, fallback, what]) => `  ${name.padEnd(20)}${fallback.padEnd(14)}${what}`),
  ];
  return lines.join('\n');
}

async function runStart(settings: Settings, out: Output): Promise<void> {
  const server = await startServer(settings, out);
  out.say({
    vi: `PolCenter đang chạy tại ${server.url} — dữ liệu: ${server.where}. Nhấn Ctrl-C để dừng.`,
    en: `PolCenter is listening on ${server.url} — data: ${server.where}. Press Ctrl-C to stop.`,
  });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        out.fail({ vi: 'Dừng ngay.', en: 'Stopping now.' });
        process.exit(130);
      }
      stopping = true;
      out.say({ vi: `Đã nhận ${signal}, đang dừng…`, en: `Received ${signal}, stopping…` });
      server.stop().then(resolve, (error) => {
        out.fail(String(error));
        process.exit(1);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out.say({ vi: 'Đã dừng máy chủ và cơ sở dữ liệu.', en: 'Server and database stopped.' });
}

async function runMigrate(settings: Settings, out: Output): Promise<void> {
  const db = await openDatabase(settings, (line) => out.note(line));
  try {
    const orm = await createOrm({ databaseUrl: db.url });
    try {
      const { applied } = await migrate(orm);
      out.say(
        applied.length === 0
          ? {
              vi: 'Cấu trúc cơ sở dữ liệu đã mới nhất; không có gì để làm.',
              en: 'The schema is up to date; nothing to do.',
            }
          : {
              vi: `Đã áp dụng ${applied.length} bước chuyển đổi: ${applied.join(', ')}.`,
              en: `Applied ${applied.length} migration(s): ${applied.join(', ')}.`,
            },
      );
    } finally {
      await orm.close();
    }
  } finally {
    await db.close();
  }
}

async function runSeed(settings: Settings, out: Output): Promise<void> {
  const db = await openDatabase(settings, (line) => out.note(line));
  try {
    const polcenter = await createPolCenter({ databaseUrl: db.url });
    try {
      const report = await seedDemo(polcenter.orm);
      out.say(
        report.seeded
          ? { vi: `Đã nạp dữ liệu mẫu (${report.units} đơn vị).`, en: `Demo data loaded (${report.units} units).` }
          : {
              vi: 'Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.',
              en: 'The database already holds data; no demo data loaded.',
            },
      );
    } finally {
      await polcenter.close();
    }
  } finally {
    await db.close();
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const lang = pickLang(env.POLCENTER_LANG);
  const out = consoleOutput(lang);
  try {
    const { values, positionals } = parseFlags(argv);
    const [name, ...rest] = positionals;
    if (values.help || name === 'help') {
      out.say(usage(lang));
      return 0;
    }
    if (!name) throw new UsageError({ vi: 'Thiếu tên lệnh.', en: 'No command given.' });
    const command = COMMANDS[name];
    if (!command) throw new UsageError({ vi: `Không có lệnh "${name}".`, en: `There is no command "${name}".` });
    if (rest.length > 0) {
      throw new UsageError({ vi: `Thừa tham số: ${rest.join(' ')}.`, en: `Unexpected arguments: ${rest.join(' ')}.` });
    }
    const settings = readSettings(env, { port: values.port, host: values.host });
    await command.run(settings, consoleOutput(settings.lang));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.fail(
        lang === 'vi' ? `${error.text.vi} Xem: pnpm polcenter --help` : `${error.text.en} See: pnpm polcenter --help`,
      );
      return USAGE_ERROR;
    }
    if (error instanceof SetupError) out.fail(error.sentence);
    else if (isDomainError(error)) out.fail(error.text);
    else {
      out.fail({
        vi: `Lỗi không mong đợi: ${(error as Error)?.message ?? error}. Đặt POLCENTER_DEBUG=1 để xem chi tiết.`,
        en: `Unexpected error: ${(error as Error)?.message ?? error}. Set POLCENTER_DEBUG=1 for details.`,
      });
    }
    if (env.POLCENTER_DEBUG) console.error(error);
    return 1;
  }
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
      },
    });
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0] ?? '';
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    throw new UsageError({ vi: `Tuỳ chọn không hợp lệ: ${flag}.`, en: `Invalid option: ${flag}.` });
  }
}
