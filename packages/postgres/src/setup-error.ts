import type { LocalizedText } from '@polcenter/domain';

/**
 * A failure the operator can fix (a bad URL, a port in use, an unwritable folder…). The CLI prints
 * its sentence alone, without a stack trace, and exits non-zero.
 */
export class SetupError extends Error {
  readonly code: string;
  readonly sentence: LocalizedText;

  constructor(code: string, sentence: LocalizedText, options?: { cause?: unknown }) {
    super(sentence.en, options);
    this.name = 'SetupError';
    this.code = code;
    this.sentence = sentence;
  }
}
