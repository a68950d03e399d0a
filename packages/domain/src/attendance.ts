import { z } from 'zod';
import { ATTENDANCE_MARKS } from './attendance-terms.js';
import { bilingual } from './errors.js';
import { text } from './text.js';

/** One attendance sheet: the marks of a whole session, taken at once. */
export const attendanceSheetInput = z
  .object({
    sessionId: z.uuid(),
    marks: z
      .array(
        z
          .object({
            enrolmentId: z.uuid(),
            mark: z.enum(ATTENDANCE_MARKS),
            note: text(500, { min: 0, multiline: true }).nullish(),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict()
  .superRefine((sheet, ctx) => {
    const seen = new Set<string>();
    sheet.marks.forEach((entry, index) => {
      if (seen.has(entry.enrolmentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['marks', index, 'enrolmentId'],
          message: bilingual({
            vi: 'Học viên này đã có trong bảng điểm danh.',
            en: 'This trainee is already on the sheet.',
          }),
        });
      }
      seen.add(entry.enrolmentId);
    });
  });
export type AttendanceSheetInput = z.input<typeof attendanceSheetInput>;
