import { createHash } from 'node:crypto';
import { nameBirthKey } from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';

/**
 * Two clerks typing the same trainee at once would both find no duplicate; name + birth date has
 * no unique index to stop the second, so writers of the same identity queue on an advisory lock.
 *
 * The locks are striped (ADR 0012): an identity key hashes to one of `IDENTITY_STRIPES` locks, so
 * a writer never holds more than that many however many people it writes. One lock per key let an
 * import of 20,000 people take 40,000 advisory locks and run PostgreSQL's shared lock table out of
 * memory. Two different people in one stripe merely queue for the length of a short transaction.
 */
const IDENTITY_STRIPES = 1024;
/** The first half of the two-number advisory lock key: our namespace for identity stripes. */
const IDENTITY_LOCK_SPACE = 0x70657273; // "pers"

function identityStripe(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % IDENTITY_STRIPES;
}

export async function lockIdentity(
  tx: Sql,
  person: { fullName: string; birthDate: string; nationalId?: string | null },
): Promise<void> {
  await lockIdentities(tx, [person]);
}

function identityLockKeys(person: { fullName: string; birthDate: string; nationalId?: string | null }): string[] {
  const keys = [`person:${nameBirthKey(person.fullName, person.birthDate)}`];
  if (person.nationalId) keys.push(`person-id:${person.nationalId}`);
  return keys;
}

/**
 * The identity locks of one person or many (an import), in one statement, always in ascending
 * stripe order, so an import and a clerk's `create` queue instead of deadlocking.
 */
export async function lockIdentities(
  tx: Sql,
  people: readonly { fullName: string; birthDate: string; nationalId?: string | null }[],
): Promise<void> {
  const stripes = [...new Set(people.flatMap(identityLockKeys).map(identityStripe))].sort((a, b) => a - b);
  if (stripes.length === 0) return;
  // unnest keeps the array's order and nothing sorts after it, so the locks are taken in that order.
  await tx.execute('SELECT count(pg_advisory_xact_lock(?::int, s)) FROM unnest(?::int[]) WITH ORDINALITY AS x(s, n)', [
    IDENTITY_LOCK_SPACE,
    `{${stripes.join(',')}}`,
  ]);
}
