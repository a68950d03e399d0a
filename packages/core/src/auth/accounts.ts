import { randomBytes } from 'node:crypto';
import {
  type AccountCreateInput,
  type AccountListInput,
  type AccountRolesInput,
  accountActiveInput,
  accountCreateInput,
  accountListInput,
  accountNotFoundError,
  accountRef,
  accountRolesInput,
  accountSessionRevokeInput,
  DomainError,
  lastAdminError,
  matchesSearch,
  parseInput,
  type Role,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import type { Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import type { ApiTokenView, AuthService } from './auth.js';
import { hashPassword } from './passwords.js';

/** A role as an administrator reads it: with the unit's name. */
export interface AccountRole {
  readonly role: Role;
  readonly unitId: string | null;
  readonly unitName: string | null;
}

/** A staff account as administrators see it: never its password or its hash. */
export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly personId: string | null;
  readonly active: boolean;
  /** Signed in with a temporary password that must be changed first. */
  readonly mustChangePassword: boolean;
  readonly roles: readonly AccountRole[];
  readonly createdAt: string;
  /** The last call made with one of its sign-ins (to the minute), or null when never. */
  readonly lastActiveAt: string | null;
}

/** An account made, or its password reset: the temporary password is shown this once. */
export interface AccountWithPassword {
  readonly account: AccountView;
  readonly temporaryPassword: string;
}

/** A sign-in session of an account, open now: when it began, was last used and ends. */
export interface AccountSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  active: boolean;
  must_change_password: boolean;
  created_at: Date | string;
  last_active_at: Date | string | null;
  roles: { role: Role; unitId: string | null; unitName: string | null }[];
}

const SELECT_ACCOUNT = `
  SELECT u.id, u.username, u.display_name, u.person_id, u.active, u.must_change_password, u.created_at,
         (SELECT max(t.last_used_at) FROM auth_token t WHERE t.user_id = u.id AND t.kind = 'session') AS last_active_at,
         (SELECT coalesce(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitName', n.name)
                                   ORDER BY r.role, n.name), '[]')
            FROM user_role r LEFT JOIN unit n ON n.id = r.unit_id WHERE r.user_id = u.id) AS roles
    FROM app_user u`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toView(row: AccountRow): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    active: row.active,
    mustChangePassword: row.must_change_password,
    roles: row.roles,
    createdAt: iso(row.created_at) as string,
    lastActiveAt: iso(row.last_active_at),
  };
}

/**
 * 16 letters and digits from an alphabet without look-alikes (no 0/o, 1/l/i): some 79 bits, easy to
 * read aloud or copy by hand to the person, who must replace it at their first sign-in.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}-${chars.slice(12).join('')}`;
}

/**
 * Staff accounts as administrators keep them. Disabling an account revokes every sign-in session
 * and API token it has, so each is refused at its next call (and stays refused if the account is
 * enabled again); an administrator can neither disable themselves nor leave no active administrator.
 */
export class AccountService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    private readonly auth: AuthService,
  ) {}

  /** Every account, by username; `query` finds words of the username or display name, accents optional. */
  async list(input: AccountListInput = {}): Promise<AccountView[]> {
    const { query } = parseInput(accountListInput, input);
    const rows = await this.orm.em.fork().execute<AccountRow[]>(`${SELECT_ACCOUNT} ORDER BY u.username`);
    const all = rows.map(toView);
    return query
      ? all.filter((a) => matchesSearch(`${a.username.replace(/[._-]/g, ' ')} ${a.displayName}`, query))
      : all;
  }

  async get(userId: string): Promise<AccountView> {
    const ref = parseInput(accountRef, { userId });
    return readAccount(this.orm.em.fork(), ref.userId);
  }

  /** A new account with its roles and a temporary password it must change at its first sign-in. */
  async create(actor: Actor, input: AccountCreateInput): Promise<AccountWithPassword> {
    const data = parseInput(accountCreateInput, input);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const account = await this.orm.em.fork().transactional(async (tx) => {
      let userId: string;
      try {
        const [row] = await tx.execute<{ id: string }[]>(
          `INSERT INTO app_user (id, username, display_name, password_hash, person_id, must_change_password)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, true) RETURNING id`,
          [data.username, data.displayName, passwordHash, data.personId ?? null],
        );
        userId = row?.id as string;
      } catch (error) {
        if (isUniqueViolation(error, 'app_user_username_unique')) throw usernameTaken(data.username);
        if ((error as { code?: string }).code === '23503') throw personNotFound();
        throw error;
      }
      await writeRoles(tx, userId, data.roles);
      const created = await readAccount(tx, userId);
      await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: userId, after: auditImage(created) });
      return created;
    });
    return { account, temporaryPassword: password };
  }

  /** Replaces every role the account holds; its next call already runs with the new ones. */
  async setRoles(actor: Actor, input: AccountRolesInput): Promise<AccountView> {
    const data = parseInput(accountRolesInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      const before = await lockAccount(tx, data.userId);
      const keepsAdmin = data.roles.some((g) => g.role === 'admin');
      if (isAdminAccount(before) && !keepsAdmin) await assertAnotherAdmin(tx, actor, before);
      await tx.execute('DELETE FROM user_role WHERE user_id = ?', [data.userId], 'run');
      await writeRoles(tx, data.userId, data.roles);
      const after = await readAccount(tx, data.userId);
      await audit(tx, actor, {
        action: 'user.roles',
        entity: 'user',
        entityId: data.userId,
        before: { roles: before.roles },
        after: { roles: after.roles },
      });
      return after;
    });
  }

  /**
   * Disables or enables an account. Disabling revokes all its sign-in sessions and API tokens at
   * once (the token check also refuses any token of a disabled account, in the same statement).
   */
  async setActive(actor: Actor, userId: string, active: boolean): Promise<AccountView> {
    const data = parseInput(accountActiveInput, { userId, active });
    return this.orm.em.fork().transactional(async (tx) => {
      const before = await lockAccount(tx, data.userId);
      if (before.active === data.active) return before;
      let revoked = 0;
      if (!data.active) {
        if (isAdminAccount(before) || before.id === actor.id) await assertAnotherAdmin(tx, actor, before);
        revoked = await revokeAll(tx, data.userId, ['session', 'api']);
      }
      await tx.execute(
        'UPDATE app_user SET active = ?, updated_at = now() WHERE id = ?',
        [data.active, data.userId],
        'run',
      );
      const after = await readAccount(tx, data.userId);
      await audit(tx, actor, {
        action: data.active ? 'user.enable' : 'user.disable',
        entity: 'user',
        entityId: data.userId,
        before: { active: before.active },
        after: { active: after.active, ...(data.active ? {} : { tokensRevoked: revoked }) },
      });
      return after;
    });
  }

  /**
   * A new temporary password for someone who lost theirs: their sign-in sessions end (whoever holds
   * one may hold the old password too), API tokens stay, and the next sign-in must change it.
   */
  async resetPassword(actor: Actor, userId: string): Promise<AccountWithPassword> {
    const ref = parseInput(accountRef, { userId });
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const account = await this.orm.em.fork().transactional(async (tx) => {
      await lockAccount(tx, ref.userId);
      await tx.execute(
        'UPDATE app_user SET password_hash = ?, must_change_password = true, updated_at = now() WHERE id = ?',
        [passwordHash, ref.userId],
        'run',
      );
      const revoked = await revokeAll(tx, ref.userId, ['session']);
      await audit(tx, actor, {
        action: 'user.password_reset',
        entity: 'user',
        entityId: ref.userId,
        after: { sessionsRevoked: revoked },
      });
      return readAccount(tx, ref.userId);
    });
    return { account, temporaryPassword: password };
  }

  /** The account's sign-in sessions open now, newest first. */
  async sessions(userId: string): Promise<AccountSession[]> {
    const ref = parseInput(accountRef, { userId });
    const em = this.orm.em.fork();
    await readAccount(em, ref.userId);
    const rows = await em.execute<
      { id: string; created_at: Date | string; last_used_at: Date | string | null; expires_at: Date | string }[]
    >(
      `SELECT id, created_at, last_used_at, expires_at FROM auth_token
        WHERE user_id = ? AND kind = 'session' AND revoked_at IS NULL AND expires_at > now()
          AND coalesce(last_used_at, created_at) > now() - make_interval(mins => ?)
        ORDER BY created_at DESC, id`,
      [ref.userId, this.auth.idleMinutes],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: iso(r.created_at) as string,
      lastUsedAt: iso(r.last_used_at),
      expiresAt: iso(r.expires_at) as string,
    }));
  }

  /** The account's API tokens (active and recently ended), without secrets. */
  tokens(userId: string): Promise<ApiTokenView[]> {
    const ref = parseInput(accountRef, { userId });
    return this.auth.listApiTokens({ userId: ref.userId });
  }

  /** Ends one sign-in session or API token of the account now; refused at its next call. */
  async revoke(actor: Actor, userId: string, tokenId: string): Promise<void> {
    const data = parseInput(accountSessionRevokeInput, { userId, tokenId });
    await this.orm.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<{ kind: string; revoked_at: Date | null }[]>(
        'SELECT kind, revoked_at FROM auth_token WHERE id = ? AND user_id = ? FOR UPDATE',
        [data.tokenId, data.userId],
      );
      if (!row) {
        throw new DomainError(
          'AUTH.TOKEN_NOT_FOUND',
          { vi: 'Không có phiên hay mã API này.', en: 'No such session or API token.' },
          { fields: [{ field: 'tokenId', message: { vi: 'Không có.', en: 'Not found.' } }] },
        );
      }
      if (row.revoked_at) return;
      await tx.execute('UPDATE auth_token SET revoked_at = now() WHERE id = ?', [data.tokenId], 'run');
      await audit(tx, actor, {
        action: row.kind === 'session' ? 'session.revoke' : 'token.revoke',
        entity: 'auth_token',
        entityId: data.tokenId,
        after: { userId: data.userId },
      });
    });
  }
}

const isAdminAccount = (account: AccountView) => account.roles.some((r) => r.role === 'admin');

/** What the audit log keeps of an account. */
const auditImage = (account: AccountView) => ({
  username: account.username,
  displayName: account.displayName,
  personId: account.personId,
  roles: account.roles,
});

async function readAccount(em: Sql, userId: string): Promise<AccountView> {
  const [row] = await em.execute<AccountRow[]>(`${SELECT_ACCOUNT} WHERE u.id = ?`, [userId]);
  if (!row) throw accountNotFoundError();
  return toView(row);
}

/**
 * The account's row locked for the transaction, with every administrator's, in id order: two
 * administrators changing accounts queue (never deadlock), and the last-admin check that follows
 * (a later statement, so it reads what the other committed) cannot be passed by both.
 */
async function lockAccount(tx: Sql, userId: string): Promise<AccountView> {
  const rows = await tx.execute<{ id: string }[]>(
    `SELECT u.id FROM app_user u
      WHERE u.id = ? OR EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'admin')
      ORDER BY u.id FOR UPDATE`,
    [userId],
  );
  if (!rows.some((r) => r.id === userId)) throw accountNotFoundError();
  return readAccount(tx, userId);
}

/**
 * Refuses to take away the last way in: the account is the actor's own, or no other active
 * administrator would remain (every administrator's row is locked by `lockAccount` already).
 */
async function assertAnotherAdmin(tx: Sql, actor: Actor, account: AccountView): Promise<void> {
  if (account.id === actor.id) throw lastAdminError();
  const others = await tx.execute<{ id: string }[]>(
    `SELECT u.id FROM app_user u
      WHERE u.active AND u.id <> ? AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'admin')`,
    [account.id],
  );
  if (others.length === 0) throw lastAdminError();
}

async function revokeAll(tx: Sql, userId: string, kinds: readonly ('session' | 'api')[]): Promise<number> {
  const rows = await tx.execute<{ id: string }[]>(
    `UPDATE auth_token SET revoked_at = now()
      WHERE user_id = ? AND kind = ANY(?::text[]) AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
    [userId, `{${kinds.join(',')}}`],
  );
  return rows.length;
}

async function writeRoles(
  tx: Sql,
  userId: string,
  roles: readonly { role: Role; unitId: string | null }[],
): Promise<void> {
  const units = [...new Set(roles.map((g) => g.unitId).filter((id): id is string => id !== null))];
  if (units.length > 0) {
    const found = await tx.execute<{ id: string }[]>('SELECT id FROM unit WHERE id = ANY(?::uuid[])', [
      `{${units.join(',')}}`,
    ]);
    const known = new Set(found.map((r) => r.id));
    const index = roles.findIndex((g) => g.unitId !== null && !known.has(g.unitId));
    if (index >= 0) {
      throw new DomainError(
        'UNIT.NOT_FOUND',
        { vi: 'Vai trò phải gắn với một đơn vị có thật.', en: 'Each role needs an existing unit.' },
        { fields: [{ field: `roles.${index}.unitId`, message: { vi: 'Không có đơn vị này.', en: 'No such unit.' } }] },
      );
    }
  }
  for (const grant of roles) {
    await tx.execute(
      'INSERT INTO user_role (id, user_id, role, unit_id) VALUES (gen_random_uuid(), ?, ?, ?)',
      [userId, grant.role, grant.unitId],
      'run',
    );
  }
}

function usernameTaken(username: string): DomainError {
  return new DomainError(
    'USER.USERNAME_TAKEN',
    { vi: `Tên đăng nhập "${username}" đã có người dùng.`, en: `The username "${username}" is taken.` },
    { fields: [{ field: 'username', message: { vi: 'Đã có người dùng.', en: 'Already taken.' } }] },
  );
}

function personNotFound(): DomainError {
  return new DomainError(
    'PERSON.NOT_FOUND',
    { vi: 'Không có người này trong danh sách cá nhân.', en: 'No such person on file.' },
    { fields: [{ field: 'personId', message: { vi: 'Không có.', en: 'Not found.' } }] },
  );
}
