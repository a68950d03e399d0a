/** `@polcenter/core/auth`: users, roles by unit, sign-in sessions and API tokens. */

export {
  type AccountRole,
  AccountService,
  type AccountSession,
  type AccountView,
  type AccountWithPassword,
} from './accounts.js';

export {
  type ApiTokenView,
  type AuthOptions,
  AuthService,
  type CreatedApiToken,
  type Principal,
  SESSION_ENDED_TEXT,
  type SessionEnd,
  type SignedIn,
  type TokenCheck,
  type TokenInUse,
} from './auth.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
export { type ReachedUnit, UnitReach } from './reach.js';
