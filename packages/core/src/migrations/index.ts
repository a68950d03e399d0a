import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128000001Units } from './Migration20261128000001Units.js';
import { Migration20261128000002ClassesAndEnrolment } from './Migration20261128000002ClassesAndEnrolment.js';
import { Migration20261128000003Rosters } from './Migration20261128000003Rosters.js';
import { Migration20261128000005Enrolment } from './Migration20261128000005Enrolment.js';
import { Migration20261128000006Auth } from './Migration20261128000006Auth.js';
import { Migration20261128000007Idempotency } from './Migration20261128000007Idempotency.js';
import { Migration20261202000100IdempotencyCommitted } from './Migration20261202000100IdempotencyCommitted.js';
import { Migration20261202000101RateLimits } from './Migration20261202000101RateLimits.js';
import { Migration20261202000200ApiTokenScope } from './Migration20261202000200ApiTokenScope.js';
import { Migration20261202000300UnitScope } from './Migration20261202000300UnitScope.js';
import { Migration20261202000400RegistrationReview } from './Migration20261202000400RegistrationReview.js';
import { Migration20261206000100SessionVersion } from './Migration20261206000100SessionVersion.js';
import { Migration20261207000100ClassRules } from './Migration20261207000100ClassRules.js';
import { Migration20261207000200ClassProgramIndex } from './Migration20261207000200ClassProgramIndex.js';
import { Migration20261211000100RosterVersion } from './Migration20261211000100RosterVersion.js';
import { Migration20261211000200ObligationVersion } from './Migration20261211000200ObligationVersion.js';
import { Migration20261212000100ActivityDetails } from './Migration20261212000100ActivityDetails.js';
import { Migration20261213000100ReferenceData } from './Migration20261213000100ReferenceData.js';
import { Migration20261213000200UnitChanges } from './Migration20261213000200UnitChanges.js';
import { Migration20261214000100AccountsAndMerges } from './Migration20261214000100AccountsAndMerges.js';
import { Migration20261215000100ImportJobs } from './Migration20261215000100ImportJobs.js';
import { Migration20261220000100PlansAndOutput } from './Migration20261220000100PlansAndOutput.js';
import { Migration20261221000100PeopleSearchIndex } from './Migration20261221000100PeopleSearchIndex.js';
import { Migration20261222000100UnitTreeStamp } from './Migration20261222000100UnitTreeStamp.js';
import { Migration20261226000200UnitTreeOnDate } from './Migration20261226000200UnitTreeOnDate.js';
import { Migration20261226000300RosterHistoryIndexes } from './Migration20261226000300RosterHistoryIndexes.js';
import { Migration20261227000200PersonNameWords } from './Migration20261227000200PersonNameWords.js';
import { Migration20261227000201PersonNameWordsInOrder } from './Migration20261227000201PersonNameWordsInOrder.js';
import { Migration20261227000202PersonNameVocabularyInOrder } from './Migration20261227000202PersonNameVocabularyInOrder.js';

/**
 * Every migration, in order. Listed explicitly rather than found by a file glob, so they run the
 * same from source, from a bundle and in tests. Add new ones at the end; never edit a released one.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128000001Units', class: Migration20261128000001Units },
  { name: 'Migration20261128000002ClassesAndEnrolment', class: Migration20261128000002ClassesAndEnrolment },
  { name: 'Migration20261128000006Auth', class: Migration20261128000006Auth },
  { name: 'Migration20261128000007Idempotency', class: Migration20261128000007Idempotency },
  { name: 'Migration20261128000003Rosters', class: Migration20261128000003Rosters },
  { name: 'Migration20261128000005Enrolment', class: Migration20261128000005Enrolment },
  { name: 'Migration20261202000300UnitScope', class: Migration20261202000300UnitScope },
  { name: 'Migration20261202000200ApiTokenScope', class: Migration20261202000200ApiTokenScope },
  { name: 'Migration20261202000400RegistrationReview', class: Migration20261202000400RegistrationReview },
  { name: 'Migration20261202000100IdempotencyCommitted', class: Migration20261202000100IdempotencyCommitted },
  { name: 'Migration20261202000101RateLimits', class: Migration20261202000101RateLimits },
  { name: 'Migration20261207000100ClassRules', class: Migration20261207000100ClassRules },
  { name: 'Migration20261207000200ClassProgramIndex', class: Migration20261207000200ClassProgramIndex },
  { name: 'Migration20261206000100SessionVersion', class: Migration20261206000100SessionVersion },
  { name: 'Migration20261211000100RosterVersion', class: Migration20261211000100RosterVersion },
  { name: 'Migration20261214000100AccountsAndMerges', class: Migration20261214000100AccountsAndMerges },
  { name: 'Migration20261212000100ActivityDetails', class: Migration20261212000100ActivityDetails },
  { name: 'Migration20261211000200ObligationVersion', class: Migration20261211000200ObligationVersion },
  { name: 'Migration20261215000100ImportJobs', class: Migration20261215000100ImportJobs },
  { name: 'Migration20261213000100ReferenceData', class: Migration20261213000100ReferenceData },
  { name: 'Migration20261213000200UnitChanges', class: Migration20261213000200UnitChanges },
  { name: 'Migration20261222000100UnitTreeStamp', class: Migration20261222000100UnitTreeStamp },
  { name: 'Migration20261221000100PeopleSearchIndex', class: Migration20261221000100PeopleSearchIndex },
  { name: 'Migration20261220000100PlansAndOutput', class: Migration20261220000100PlansAndOutput },
  { name: 'Migration20261226000200UnitTreeOnDate', class: Migration20261226000200UnitTreeOnDate },
  { name: 'Migration20261226000300RosterHistoryIndexes', class: Migration20261226000300RosterHistoryIndexes },
  { name: 'Migration20261227000200PersonNameWords', class: Migration20261227000200PersonNameWords },
  { name: 'Migration20261227000201PersonNameWordsInOrder', class: Migration20261227000201PersonNameWordsInOrder },
  {
    name: 'Migration20261227000202PersonNameVocabularyInOrder',
    class: Migration20261227000202PersonNameVocabularyInOrder,
  },
];
