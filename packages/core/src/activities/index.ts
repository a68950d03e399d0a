/** `@polcenter/core/activities`: propaganda activities of the rapporteurs: briefings, public-opinion reports, conferences, contests. */

export { ActivityService } from './activities.js';
export type { BriefingView } from './briefings.js';
export type { ConferenceAttendee, ConferenceDetail, ConferenceSiteView, ConferenceView } from './conferences.js';
export type { ContestStanding, ContestSummary, ContestView } from './contests.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export type { OpinionFilter, OpinionReportView } from './opinion-reports.js';
