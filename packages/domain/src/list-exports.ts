import { z } from 'zod';
import { accountListInput } from './accounts.js';
import { activityRangeInput } from './activities.js';
import { auditTrailInput } from './audit-trail.js';
import { classListInput } from './class-list.js';
import { enrolmentListInput } from './enrolment-inputs.js';
import { obligationListInput, shortfallInput } from './obligations.js';
import { personSearchInput } from './people-search.js';
import { rosterAtInput, rosterListInput } from './rosters.js';
import { unitListInput } from './units.js';

const format = z.enum(['csv', 'xlsx']);
const entry = <L extends string, F extends z.ZodType>(list: L, filter: F) =>
  z.object({ list: z.literal(list), format, filter }).strict();
const noFilter = z.object({}).strict().default({});

/**
 * A list the person sees, as a file: which list, its filter as the list's own procedure takes it
 * (its `cursor` and `limit` are the export's business), and CSV or Excel.
 */
export const listExportInput = z.discriminatedUnion('list', [
  entry('classes', classListInput),
  entry('enrolments', enrolmentListInput),
  entry('people', personSearchInput),
  entry('rosters', rosterListInput),
  /** The members of one roster at a date (`rosters.at`). */
  entry('rosterMembers', rosterAtInput),
  entry('obligations', obligationListInput),
  entry('shortfalls', shortfallInput),
  entry('briefings', activityRangeInput),
  entry('opinionReports', activityRangeInput),
  entry('conferences', activityRangeInput),
  entry('contests', activityRangeInput),
  entry('units', unitListInput),
  entry('accounts', accountListInput),
  entry('audit', auditTrailInput),
  entry('programs', noFilter),
]);
export type ListExportInput = z.input<typeof listExportInput>;
