import { z } from 'zod';
import { bilingual, type FieldError, invalidFields } from './errors.js';
import type { LocalizedText } from './i18n.js';

/**
 * Text as it may enter PolCenter, from a form, the portal, another app or a file. Every string
 * field of every input schema is built with `text()`; `screenInput` walks a whole raw input at the
 * API boundary, so a field a schema forgets is still held to the same rules (ADR 0010):
 * - Unicode NFC, so a name pasted decomposed (NFD) equals the same name typed;
 * - no control characters: NUL (which PostgreSQL refuses), the rest of C0 and C1, and lone halves
 *   of surrogate pairs (which would be stored as U+FFFD, silently changing the text). Multi-line
 *   fields (notes, reasons, summaries) keep tab and newline, with CR LF made LF; single-line
 *   fields refuse them;
 * - a length bound on every string, and on every list.
 */

/** Always refused: C0 controls but tab, LF and CR; DEL and C1; lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
/** Refused in single-line fields besides: tab, line breaks, Unicode line and paragraph separators. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/** The longest string and the longest list the API accepts anywhere, whatever a schema says. */
export const MAX_INPUT_STRING = 20_000;
export const MAX_INPUT_ITEMS = 2_000;
/** Inputs are records with lists of records, a few levels deep at most. */
const MAX_INPUT_DEPTH = 12;
/** A payload refused for many fields names the first few; the rest is noise. */
const MAX_REPORTED = 20;

/** The code point as people look it up: `U+0000`. */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a string cannot be stored as text, or undefined when it can. */
export function textProblem(value: string, options: { multiline?: boolean } = {}): LocalizedText | undefined {
  const control = CONTROL.exec(value)?.[0];
  if (control !== undefined) {
    const code = codePoint(control);
    return /\p{Cs}/u.test(control)
      ? {
          vi: `Chứa ký tự Unicode hỏng (nửa cặp thay thế ${code}).`,
          en: `Contains a broken Unicode character (a lone surrogate ${code}).`,
        }
      : {
          vi: `Chứa ký tự điều khiển không được phép (${code}).`,
          en: `Contains a control character that is not allowed (${code}).`,
        };
  }
  if (!options.multiline && LINE_BREAK.test(value)) {
    return {
      vi: 'Trường này chỉ một dòng: không được có xuống dòng hay dấu tab.',
      en: 'This field is one line: no line breaks or tabs.',
    };
  }
  return undefined;
}

export interface TextOptions {
  /** Fewest characters after trimming (default 1: not empty). */
  readonly min?: number;
  /** Keeps tab and newline (notes, reasons, summaries). */
  readonly multiline?: boolean;
  /** Trims surrounding white space (default true; false for passwords). */
  readonly trim?: boolean;
  /** Turns every run of white space, line breaks included, into one space (names pasted from a sheet). */
  readonly collapseSpaces?: boolean;
}

/**
 * The one way to accept a string: NFC, trimmed, no control characters, at most `max` characters.
 * A `z.string()` still, so `.regex()`, `.toLowerCase()`, `.optional()` and the rest chain on.
 */
export function text(max: number, options: TextOptions = {}): z.ZodString {
  const { min = 1, multiline = false, trim = true, collapseSpaces = false } = options;
  return (
    z
      .string()
      // Refused before normalising: a 100 KB string is not worth normalising to be refused.
      .max(Math.min(MAX_INPUT_STRING, max * 4), {
        abort: true,
        message: bilingual({ vi: `Dài quá ${max} ký tự.`, en: `Longer than ${max} characters.` }),
      })
      .overwrite((value) => {
        let out = value.normalize('NFC');
        if (multiline) out = out.replace(/\r\n?/g, '\n');
        if (collapseSpaces) out = out.replace(/\s+/g, ' ');
        return trim ? out.trim() : out;
      })
      .check((ctx) => {
        const problem = textProblem(ctx.value, { multiline });
        if (problem) {
          ctx.issues.push({ code: 'custom', message: bilingual(problem), input: ctx.value, continue: false });
        }
      })
      .min(min, { abort: true })
      .max(max, { abort: true })
  );
}

/**
 * What the API does to every raw input before any schema sees it: every string (and key) in NFC,
 * and a field error for each string with a control character or beyond `MAX_INPUT_STRING`, each
 * list beyond `MAX_INPUT_ITEMS`, each number that is not finite, and nesting deeper than a record
 * needs. Returns the normalised copy; throws INPUT.INVALID naming the fields.
 */
export function screenInput(raw: unknown): unknown {
  const problems: FieldError[] = [];
  const report = (path: readonly (string | number)[], message: LocalizedText) => {
    if (problems.length < MAX_REPORTED) problems.push({ field: path.join('.') || '(input)', message });
  };
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      if (value.length > MAX_INPUT_STRING) {
        report(path, {
          vi: `Dài quá ${MAX_INPUT_STRING} ký tự.`,
          en: `Longer than ${MAX_INPUT_STRING} characters.`,
        });
        return value;
      }
      // Tab and newline are for the schema of the field to judge; everything else is refused here.
      const problem = textProblem(value, { multiline: true });
      if (problem) report(path, problem);
      return value.normalize('NFC');
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(path, { vi: 'Số không hợp lệ.', en: 'Not a finite number.' });
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (path.length >= MAX_INPUT_DEPTH) {
      report(path, { vi: 'Dữ liệu lồng quá sâu.', en: 'Nested too deeply.' });
      return value;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_INPUT_ITEMS) {
        report(path, {
          vi: `Nhiều hơn ${MAX_INPUT_ITEMS} mục.`,
          en: `More than ${MAX_INPUT_ITEMS} items.`,
        });
        return value;
      }
      return value.map((item, index) => walk(item, [...path, index]));
    }
    const proto = Object.getPrototypeOf(value);
    // Only what JSON makes; a caller in the same process may pass a Date or a class instance.
    if (proto !== Object.prototype && proto !== null) return value;
    // fromEntries defines own properties, so a "__proto__" key stays a key.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const problem = key.length > 200 ? { vi: 'Tên trường quá dài.', en: 'Field name too long.' } : textProblem(key);
        if (problem) report([...path, key.slice(0, 40)], problem);
        return [key.normalize('NFC'), walk(item, [...path, key])];
      }),
    );
  };
  const screened = walk(raw, []);
  if (problems.length > 0) throw invalidFields(problems);
  return screened;
}
