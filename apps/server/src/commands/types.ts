import type { LocalizedText } from '@polcenter/domain';
import type { Output } from '../output.js';
import type { Settings } from '../settings.js';

/** The flags any command may read; each command says which it takes. */
export interface Flags {
  readonly port?: string;
  readonly host?: string;
  readonly username?: string;
  readonly name?: string;
  readonly role?: string[];
  readonly unit?: string[];
  readonly 'password-stdin'?: boolean;
  readonly 'dry-run'?: boolean;
  readonly out?: string;
  readonly 'with-personal-data'?: boolean;
  readonly label?: string;
  readonly scope?: string;
  readonly expires?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format?: string;
}

/** What a command does; its module is loaded only when it runs (see catalog.ts). */
export interface Command {
  /** `FILE` arguments and `--out` arrive resolved against the folder the command was typed in. */
  run(settings: Settings, out: Output, flags: Flags, args: readonly string[]): Promise<void>;
}

/** A wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}
