import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '@polcenter/domain';
import { COMMANDS, type CommandSpec } from './commands/catalog.js';
import { UsageError } from './commands/types.js';
import { commandHelp, generalHelp } from './help.js';

// Only what parsing and help need is imported up here: a command's modules (the library, the
// database driver, the domain's schemas) load when it runs, so `--help` and usage errors answer
// at once (docs/adr/0018).

/** Exit codes: 0 done, 1 the work failed (a clear sentence says why), 2 the command line was wrong. */
const USAGE_ERROR = 2;

/**
 * Vietnamese unless English is asked for: `--lang` wins over POLCENTER_LANG. The domain's pickLang
 * reads the same way; it is not imported for this, since loading the domain costs seconds.
 */
function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? env.POLCENTER_LANG : argv[at]?.includes('=') ? argv[at]?.slice(7) : argv[at + 1];
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string' },
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
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
      },
    });
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0] ?? '';
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    throw new UsageError({ vi: `Tuỳ chọn không hợp lệ: ${flag}.`, en: `Invalid option: ${flag}.` });
  }
}

/** Finds the command named by the first one or two words. */
function resolve(positionals: string[]): { name: string; spec: CommandSpec; rest: string[] } {
  const [first = '', second = ''] = positionals;
  const two = `${first} ${second}`;
  if (COMMANDS[two]) return { name: two, spec: COMMANDS[two], rest: positionals.slice(2) };
  const spec = COMMANDS[first];
  if (!spec) {
    if (!first) throw new UsageError({ vi: 'Thiếu tên lệnh.', en: 'No command given.' });
    throw new UsageError({
      vi: `Không có lệnh "${positionals.join(' ')}".`,
      en: `There is no command "${positionals.join(' ')}".`,
    });
  }
  return { name: first, spec, rest: positionals.slice(1) };
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
  const lang = languageOf(argv, env);
  let commandName: string | undefined;
  try {
    const { values, positionals } = parseFlags(argv);
    if (values.lang !== undefined && !/^(vi|en)$/i.test(values.lang)) {
      throw new UsageError({
        vi: `--lang nhận vi hoặc en, không nhận "${values.lang}".`,
        en: `--lang takes vi or en, not "${values.lang}".`,
      });
    }
    const terminal = process.stdout.columns || Number(env.COLUMNS) || 100;
    const helpWord = positionals[0] === 'help';
    if (helpWord) positionals.shift();
    if (values.help || helpWord) {
      const asked = positionals.length > 0 ? resolve(positionals).name : undefined;
      process.stdout.write(`${asked ? commandHelp(asked, lang, terminal) : generalHelp(lang, terminal)}\n`);
      return 0;
    }
    const { name, spec, rest } = resolve(positionals);
    commandName = name;
    const extra = rest.slice(spec.args?.length ?? 0);
    if (extra.length > 0) {
      throw new UsageError({
        vi: `Thừa tham số: ${extra.join(' ')}.`,
        en: `Unexpected arguments: ${extra.join(' ')}.`,
      });
    }
    const { help: _help, lang: _lang, ...given } = values;
    const stray = Object.keys(given).filter((flag) => !spec.flags?.includes(flag as never));
    if (stray.length > 0) {
      throw new UsageError({
        vi: `Lệnh "${name}" không nhận tuỳ chọn --${stray.join(', --')}.`,
        en: `The command "${name}" takes no --${stray.join(', --')}.`,
      });
    }
    const here = userDirectory(env);
    const flags = given.out === undefined ? given : { ...given, out: path.resolve(here, given.out) };
    const args = rest.map((arg, i) => (spec.args?.[i] === 'FILE' ? path.resolve(here, arg) : arg));
    const [{ readSettings }, { consoleOutput }, command] = await Promise.all([
      import('./settings.js'),
      import('./output.js'),
      spec.load(),
    ]);
    const settings = readSettings({ ...env, POLCENTER_LANG: lang }, { port: values.port, host: values.host });
    await command.run(settings, consoleOutput(lang), flags, args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const see = `pnpm polcenter${commandName ? ` ${commandName}` : ''} --help`;
      process.stderr.write(`${lang === 'vi' ? `${error.text.vi} Xem: ${see}` : `${error.text.en} See: ${see}`}\n`);
      return USAGE_ERROR;
    }
    await report(error, lang, env);
    return 1;
  }
}

/** A failed command's one sentence (or an unexpected error's kind, never its message). */
async function report(error: unknown, lang: Lang, env: NodeJS.ProcessEnv): Promise<void> {
  const [{ SetupError }, { isDomainError }, { consoleOutput, describeUnexpected }] = await Promise.all([
    import('@polcenter/postgres'),
    import('@polcenter/domain'),
    import('./output.js'),
  ]);
  const out = consoleOutput(lang);
  if (error instanceof SetupError) out.fail(error.sentence);
  else if (isDomainError(error)) {
    out.fail(error.text);
    // A field's message that only repeats the sentence (a file refused whole) is said once.
    for (const field of error.fields) {
      if (field.message[lang] !== error.text[lang]) out.fail(`  ${field.field}: ${field.message[lang]}`);
    }
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
}
