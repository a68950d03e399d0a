import type { RouterOutputs } from '@polcenter/client';

/** The signed-in person as `auth.me` tells it: name, roles by unit, the session's expiry. */
export type Me = RouterOutputs['auth']['me'];
