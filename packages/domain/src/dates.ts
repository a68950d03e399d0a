import { z } from 'zod';
import { checkDate, type FieldCheck } from './calendar.js';
import { bilingual } from './errors.js';
import { text } from './text.js';

/**
 * A zod string field checked by one of the domain's plain rules (`checkDate`, `checkFullName`…):
 * each rule is written once, and both the schemas and a widget checking a form as typed use it.
 * It is `text()` first (NFC, no control characters, at most `max`); tab and newline are left to
 * the rule, which may fold them (a pasted name) or refuse them.
 */
export function checkedString<T>(check: (typed: string) => FieldCheck<T>, max = 200) {
  return text(max, { multiline: true }).transform((value, ctx): T => {
    const result = check(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: bilingual(result.message) });
    return z.NEVER;
  });
}

/** A real calendar date (no 31/02) as `YYYY-MM-DD`; also accepts `dd/mm/yyyy` typed by a person. */
export const isoDate = checkedString(checkDate);
