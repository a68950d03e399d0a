/** `@polcenter/core/obligations`: rapporteurs' obligations as data (briefings, opinion reports, conferences a year), and who falls short. */
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export {
  ObligationService,
  type ObligationView,
  type ShortfallReport,
  type ShortfallView,
  type StandingReport,
  type StandingView,
} from './obligations.js';
