import { summariseError } from '@polcenter/core';
import type { Lang, LocalizedText } from '@polcenter/domain';

/** What the CLI says to the person at the terminal, in their language. */
export interface Output {
  readonly lang: Lang;
  say(text: LocalizedText | string): void;
  note(text: LocalizedText | string): void;
  fail(text: LocalizedText | string): void;
}

export function consoleOutput(lang: Lang): Output {
  const pick = (text: LocalizedText | string) => (typeof text === 'string' ? text : text[lang]);
  return {
    lang,
    say: (text) => process.stdout.write(`${pick(text)}\n`),
    note: (text) => process.stdout.write(`  ${pick(text)}\n`),
    fail: (text) => process.stderr.write(`${pick(text)}\n`),
  };
}

/** An unexpected error as the terminal may show it: kind, code and statement, never the message. */
export function describeUnexpected(error: unknown): string {
  const { error: kind, code, statement } = summariseError(error);
  return [kind, code, statement].filter(Boolean).join(' ');
}
