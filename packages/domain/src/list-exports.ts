import { z } from 'zod';
import { classListInput } from './class-list.js';
import { enrolmentListInput } from './enrolment-inputs.js';

/**
 * A list the person sees, as a file: which list, its filter as the list's own procedure takes it
 * (its `cursor` and `limit` are the export's business), and CSV or Excel.
 */
export const listExportInput = z.discriminatedUnion('list', [
  z.object({ list: z.literal('classes'), format: z.enum(['csv', 'xlsx']), filter: classListInput }).strict(),
  z.object({ list: z.literal('enrolments'), format: z.enum(['csv', 'xlsx']), filter: enrolmentListInput }).strict(),
]);
export type ListExportInput = z.input<typeof listExportInput>;
