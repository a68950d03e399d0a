import { z } from 'zod';
import { parseDate } from './calendar';
import { bilingual } from './errors';

/** A real calendar date (no 31/02) as `YYYY-MM-DD`; also accepts `dd/mm/yyyy` typed by a person. */
export const isoDate = z.string().transform((value, ctx) => {
  const date = parseDate(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: bilingual({
        vi: `"${value.slice(0, 40)}" không phải là một ngày có thật (dạng dd/mm/yyyy).`,
        en: `"${value.slice(0, 40)}" is not a real date (format dd/mm/yyyy).`,
      }),
    });
    return z.NEVER;
  }
  return date;
});
