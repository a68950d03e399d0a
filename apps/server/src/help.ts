import type { Lang, LocalizedText } from '@polcenter/domain';
import { ARG_NAMES, COMMANDS, type CommandSpec, ENVIRONMENT, FLAGS } from './commands/catalog.js';
import type { Flags } from './commands/types.js';

const INDENT = '  ';
const GAP = '  ';

/** Characters as a terminal shows them: Vietnamese letters are one column whether composed or not. */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** Words of `text` in lines of at most `room` columns (a longer word keeps its own line). */
function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && width(line) + 1 + width(word) > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/**
 * Columns as wide as their widest entry; the last one wrapped to the terminal, its continuation
 * lines under its first.
 */
function columns(rows: readonly (readonly string[])[], terminal: number): string[] {
  const count = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: count - 1 }, (_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  const left = INDENT.length + widths.reduce((sum, w) => sum + w + GAP.length, 0);
  const room = Math.max(30, terminal - left);
  return rows.flatMap((row) => {
    const lead = widths.map((w, i) => `${row[i] ?? ''}${' '.repeat(w - width(row[i] ?? ''))}`).join(GAP);
    return wrap(row[count - 1] ?? '', room).map((part, i) =>
      i === 0 ? `${INDENT}${lead}${GAP}${part}`.trimEnd() : `${' '.repeat(left)}${part}`,
    );
  });
}

const TITLES = {
  usage: { vi: 'Cách dùng:', en: 'Usage:' },
  commands: { vi: 'Lệnh:', en: 'Commands:' },
  options: { vi: 'Tuỳ chọn:', en: 'Options:' },
  environment: { vi: 'Biến môi trường (mặc định):', en: 'Environment (default):' },
} satisfies Record<string, LocalizedText>;

const GLOBAL_OPTIONS: readonly [string, LocalizedText][] = [
  ['--lang vi|en', { vi: 'ngôn ngữ của trợ giúp và thông báo', en: 'language of help and messages' }],
  [
    '-h, --help',
    { vi: 'trợ giúp này; sau tên lệnh: tuỳ chọn của lệnh đó', en: 'this help; after a command: its options' },
  ],
];

function commandLine(name: string, spec: CommandSpec, lang: Lang): string {
  const args = (spec.args ?? []).map((arg) => ARG_NAMES[arg][lang]);
  return [name, ...args].join(' ');
}

function flagLine(flag: keyof Flags, lang: Lang): string {
  const value = FLAGS[flag].value;
  return value ? `--${flag} ${value[lang]}` : `--${flag}`;
}

/** `pnpm polcenter --help`: every command, the global options and the environment. */
export function generalHelp(lang: Lang, terminal: number): string {
  return [
    `${TITLES.usage[lang]} pnpm polcenter ${lang === 'vi' ? '<lệnh> [tuỳ chọn]' : '<command> [options]'}`,
    '',
    TITLES.commands[lang],
    ...columns(
      Object.entries(COMMANDS).map(([name, spec]) => [commandLine(name, spec, lang), spec.summary[lang]]),
      terminal,
    ),
    '',
    TITLES.options[lang],
    ...columns(
      GLOBAL_OPTIONS.map(([name, text]) => [name, text[lang]]),
      terminal,
    ),
    '',
    lang === 'vi'
      ? 'Tuỳ chọn của từng lệnh: pnpm polcenter <lệnh> --help (ví dụ: pnpm polcenter import people --help).'
      : 'Each command’s options: pnpm polcenter <command> --help (e.g. pnpm polcenter import people --help).',
    '',
    TITLES.environment[lang],
    ...columns(
      ENVIRONMENT.map(([name, fallback, text]) => [name, fallback || '—', text[lang]]),
      terminal,
    ),
  ].join('\n');
}

/** `pnpm polcenter <command> --help`: what it does, its arguments and its flags. */
export function commandHelp(name: string, lang: Lang, terminal: number): string {
  const spec = COMMANDS[name] as CommandSpec;
  const flags = spec.flags ?? [];
  const options: [string, string][] = [
    ...flags.map((flag): [string, string] => [flagLine(flag, lang), (spec.flagHelp?.[flag] ?? FLAGS[flag].help)[lang]]),
    ...GLOBAL_OPTIONS.slice(0, 1).map(([option, text]): [string, string] => [option, text[lang]]),
  ];
  return [
    `${TITLES.usage[lang]} pnpm polcenter ${commandLine(name, spec, lang)}${flags.length ? (lang === 'vi' ? ' [tuỳ chọn]' : ' [options]') : ''}`,
    '',
    ...wrap(`${spec.summary[lang][0]?.toUpperCase()}${spec.summary[lang].slice(1)}.`, terminal),
    ...(spec.notes ?? []).flatMap((note) => wrap(note[lang], terminal)),
    '',
    TITLES.options[lang],
    ...columns(options, terminal),
  ].join('\n');
}
