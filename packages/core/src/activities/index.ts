/** `@polcenter/core/activities`: propaganda activities of the rapporteurs: briefings, public-opinion reports, conferences, contests. */

export { ActivityService } from './activities.js';
export type { BriefingView } from './briefings.js';
export type { ConferenceView } from './conferences.js';
export type { ContestStanding, ContestView } from './contests.js';
export * from './entities.js';
export type { OpinionFilter, OpinionReportView } from './opinion-reports.js';
