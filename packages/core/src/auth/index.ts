/** `@polcenter/core/auth`: users, roles by unit, sign-in sessions and API tokens. */

export {
  type ApiTokenView,
  AuthService,
  type CreatedApiToken,
  type Principal,
  type SignedIn,
  type TokenInUse,
} from './auth.js';
export * from './entities.js';
