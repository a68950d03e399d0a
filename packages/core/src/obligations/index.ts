/** `@polcenter/core/obligations`: rapporteurs' obligations as data (briefings, opinion reports, conferences a year), and who falls short. */
export * from './entities.js';
export {
  ObligationService,
  type ObligationView,
  type ShortfallReport,
  type ShortfallView,
  type StandingReport,
  type StandingView,
} from './obligations.js';
