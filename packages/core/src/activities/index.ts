/** `@polcenter/core/activities`: propaganda activities of the rapporteurs: briefings, public-opinion reports, conferences, contests. */
export {
  ActivityService,
  type BriefingView,
  type ConferenceView,
  type ContestStanding,
  type ContestView,
  type OpinionFilter,
  type OpinionReportView,
} from './activities.js';
