import { type PolCenter, SYSTEM_ACTOR } from '@polcenter/core';
import type { Role } from '@polcenter/domain';
import { createContextInner } from './context.js';
import { createCaller } from './root.js';

/**
 * For tests: the API as a new account holding one role for one unit (or none, for an admin) calls
 * it, in process, with its reach worked out as a signed-in call's would be.
 */
export async function callerWithRole(polcenter: PolCenter, role: Role, unitId: string | null) {
  const principal = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: `${role}.${Math.random().toString(36).slice(2, 8)}`,
    displayName: role,
    password: 'a long test password',
    roles: [{ role, unitId }],
  });
  return createCaller(createContextInner({ polcenter, principal }));
}
