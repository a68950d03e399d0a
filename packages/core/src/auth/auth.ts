import { createHash, randomBytes } from 'node:crypto';
import {
  type ApiTokenInput,
  apiTokenInput,
  type ChangePasswordInput,
  changePasswordInput,
  DomainError,
  FULL_SCOPE,
  formatTokenScope,
  parseInput,
  type Role,
  type RoleGrant,
  type SignInInput,
  signInInput,
  type TokenArea,
  type TokenScope,
  tokenScopeWithin,
  type UserInput,
  userInput,
  widerScopeError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { runStatement } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { ADMIN_REACH, type UnitReach, UnitTreeCache } from './reach.js';

/** Who is calling, once their token checked out. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly personId: string | null;
  readonly roles: readonly RoleGrant[];
  /**
   * Signed in with a temporary password an administrator gave (a new account, a reset): the API
   * allows nothing but `auth.me`, `auth.changePassword` and `auth.signOut` until it is changed.
   */
  readonly mustChangePassword?: boolean;
  /** The token the call came with (absent when the principal was made without one, as in tests). */
  readonly token?: TokenInUse;
}

/** What the caller's bearer token allows and how long it lasts: never its secret. */
export interface TokenInUse {
  readonly id: string;
  readonly kind: 'session' | 'api';
  readonly scope: TokenScope;
  readonly expiresAt: string;
}

/** An API token as listed: label, scope, lifetime and use — never the secret or its hash. */
export interface ApiTokenView {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly label: string;
  readonly scope: TokenScope;
  /** The scope as `tokenScope` reads it (`read`, `enrolment,classes`…). */
  readonly scopeText: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly status: 'active' | 'expired' | 'revoked';
}

export interface CreatedApiToken extends ApiTokenView {
  /** The bearer token: shown this once, stored only as a hash. */
  readonly token: string;
}

export interface SignedIn {
  /** The bearer token: shown once, stored only as a hash. */
  readonly token: string;
  readonly expiresAt: string;
  readonly principal: Principal;
}

export interface AuthOptions {
  /** How long a sign-in lasts at most, however busy (default 12 hours: a working day). */
  readonly sessionHours?: number;
  /** A sign-in unused this long ends (default 30 minutes); API tokens have no idle limit. */
  readonly sessionIdleMinutes?: number;
}

/** Why a known token no longer signs anyone in: told to the person, so they know what happened. */
export type SessionEnd = 'idle' | 'expired' | 'revoked';

/**
 * A token's check: who it signs in and the units their roles reach, or why it no longer does (null
 * when it is no token of ours).
 */
export type TokenCheck =
  | { readonly principal: Principal; readonly reach: UnitReach }
  | { readonly ended: SessionEnd }
  | null;

export const SESSION_ENDED_TEXT: Record<SessionEnd, (idleMinutes: number) => { vi: string; en: string }> = {
  idle: (minutes) => ({
    vi: `Phiên làm việc đã kết thúc vì không hoạt động quá ${minutes} phút. Vui lòng đăng nhập lại.`,
    en: `Your session ended after ${minutes} minutes without activity. Please sign in again.`,
  }),
  expired: () => ({
    vi: 'Phiên làm việc đã hết thời hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has reached its time limit. Please sign in again.',
  }),
  revoked: () => ({
    vi: 'Phiên làm việc đã kết thúc (đăng xuất, hoặc mật khẩu vừa được đổi). Vui lòng đăng nhập lại.',
    en: 'Your session was ended (signed out, or the password was changed). Please sign in again.',
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

const INVALID_CREDENTIALS = () =>
  new DomainError('AUTH.INVALID_CREDENTIALS', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

export class AuthService {
  /** The unit tree this process keeps, checked against the database's stamp at every call (ADR 0035). */
  private readonly tree: UnitTreeCache;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    private readonly options: AuthOptions = {},
  ) {
    this.tree = new UnitTreeCache(orm);
  }

  /** A staff account with its roles, in one transaction (the CLI creates the first admin this way). */
  async createUser(actor: Actor, input: UserInput): Promise<Principal> {
    const data = parseInput(userInput, input);
    const passwordHash = await hashPassword(data.password);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      try {
        const [user] = await tx.execute<{ id: string }[]>(
          'INSERT INTO app_user (id, username, display_name, password_hash, person_id) VALUES (gen_random_uuid(), ?, ?, ?, ?) RETURNING id',
          [data.username, data.displayName, passwordHash, data.personId ?? null],
        );
        const userId = user?.id as string;
        for (const grant of data.roles) {
          await tx.execute('INSERT INTO user_role (id, user_id, role, unit_id) VALUES (gen_random_uuid(), ?, ?, ?)', [
            userId,
            grant.role,
            grant.role === 'admin' ? null : grant.unitId,
          ]);
        }
        await audit(tx, actor, {
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          after: { username: data.username, displayName: data.displayName, roles: data.roles },
        });
        return userId;
      } catch (error) {
        if (isUniqueViolation(error, 'app_user_username_unique')) {
          throw new DomainError(
            'USER.USERNAME_TAKEN',
            {
              vi: `Tên đăng nhập "${data.username}" đã có người dùng.`,
              en: `The username "${data.username}" is taken.`,
            },
            { fields: [{ field: 'username', message: { vi: 'Đã có người dùng.', en: 'Already taken.' } }] },
          );
        }
        if ((error as { code?: string }).code === '23503' || (error as { code?: string }).code === '23514') {
          throw new DomainError(
            'INPUT.INVALID',
            { vi: 'Vai trò phải gắn với một đơn vị có thật.', en: 'Each role needs an existing unit.' },
            { fields: [{ field: 'roles', message: { vi: 'Đơn vị không hợp lệ.', en: 'Invalid unit.' } }] },
          );
        }
        throw error;
      }
    });
    return this.principal(id);
  }

  async signIn(input: SignInInput): Promise<SignedIn> {
    const data = parseInput(signInInput, input);
    const em = this.orm.em.fork();
    const [user] = await em.execute<{ id: string; password_hash: string; active: boolean }[]>(
      'SELECT id, password_hash, active FROM app_user WHERE username = ?',
      [data.username],
    );
    // Verify even when there is no such user: the answer takes as long either way.
    const ok = await verifyPassword(data.password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw INVALID_CREDENTIALS();
    const hours = this.options.sessionHours ?? 12;
    const token = newToken('pcs');
    const [row] = await em.execute<{ id: string; expires_at: string | Date }[]>(
      `INSERT INTO auth_token (id, user_id, kind, token_hash, expires_at)
       VALUES (gen_random_uuid(), ?, 'session', ?, now() + make_interval(hours => ?)) RETURNING id, expires_at`,
      [user.id, sha256(token), hours],
    );
    const expiresAt = new Date(row?.expires_at as string).toISOString();
    return {
      token,
      expiresAt,
      principal: {
        ...(await this.principal(user.id)),
        token: { id: row?.id as string, kind: 'session', scope: FULL_SCOPE, expiresAt },
      },
    };
  }

  /**
   * An API token for another app, acting as the given user within `scope` until it expires. When
   * it is made with another token (`madeWith`), it can be no wider than that one and cannot outlive
   * it: a token can never extend its own reach or its own life by making another.
   */
  async createApiToken(
    actor: Actor,
    userId: string,
    input: ApiTokenInput,
    madeWith?: TokenInUse,
  ): Promise<CreatedApiToken> {
    const data = parseInput(apiTokenInput, input);
    const own = madeWith?.scope ?? FULL_SCOPE;
    if (!tokenScopeWithin(data.scope, own)) throw widerScopeError(data.scope, own);
    const token = newToken('pca');
    const id = await this.orm.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO auth_token (id, user_id, kind, label, token_hash, read_only, areas, expires_at)
         VALUES (gen_random_uuid(), ?, 'api', ?, ?, ?, ?::text[],
                 least(now() + make_interval(days => ?), coalesce(?::timestamptz, 'infinity')))
         RETURNING id`,
        [
          userId,
          data.label,
          sha256(token),
          data.scope.readOnly,
          data.scope.areas ? `{${data.scope.areas.join(',')}}` : null,
          data.expiresInDays,
          madeWith?.kind === 'api' ? madeWith.expiresAt : null,
        ],
      );
      const tokenId = row?.id as string;
      await audit(tx, actor, {
        action: 'token.create',
        entity: 'auth_token',
        entityId: tokenId,
        after: { userId, label: data.label, scope: formatTokenScope(data.scope), days: data.expiresInDays },
      });
      return tokenId;
    });
    const [view] = await this.listApiTokens({ tokenId: id });
    return { ...(view as ApiTokenView), token };
  }

  /**
   * API tokens, newest first: one user's (`userId`), or everyone's when no user is named (admins).
   * Revoked and expired ones stay on the list, with their status, for 90 days after they ended.
   */
  async listApiTokens(filter: { userId?: string; tokenId?: string } = {}): Promise<ApiTokenView[]> {
    const rows = await this.orm.em.fork().execute<
      {
        id: string;
        user_id: string;
        username: string;
        label: string | null;
        read_only: boolean;
        areas: string[] | null;
        created_at: Date | string;
        expires_at: Date | string;
        last_used_at: Date | string | null;
        revoked_at: Date | string | null;
        expired: boolean;
      }[]
    >(
      `SELECT t.id, t.user_id, u.username, t.label, t.read_only, t.areas, t.created_at, t.expires_at,
              t.last_used_at, t.revoked_at, t.expires_at <= now() AS expired
         FROM auth_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.kind = 'api' AND (?::uuid IS NULL OR t.user_id = ?::uuid)
          AND (?::uuid IS NULL AND least(coalesce(t.revoked_at, 'infinity'), t.expires_at) > now() - interval '90 days'
               OR t.id = ?::uuid)
        ORDER BY t.created_at DESC, t.id`,
      [filter.userId ?? null, filter.userId ?? null, filter.tokenId ?? null, filter.tokenId ?? null],
    );
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
    return rows.map((r) => {
      const scope: TokenScope = { readOnly: r.read_only, areas: (r.areas as TokenArea[] | null) ?? null };
      return {
        id: r.id,
        userId: r.user_id,
        username: r.username,
        label: r.label ?? '',
        scope,
        scopeText: formatTokenScope(scope),
        createdAt: iso(r.created_at) as string,
        expiresAt: iso(r.expires_at) as string,
        lastUsedAt: iso(r.last_used_at),
        revokedAt: iso(r.revoked_at),
        status: r.revoked_at ? 'revoked' : r.expired ? 'expired' : 'active',
      };
    });
  }

  /**
   * Ends an API token now. `ownerId` limits it to that user's tokens (a non-admin revoking their
   * own): another user's token is then AUTH.TOKEN_NOT_FOUND, as if it did not exist.
   */
  async revokeApiToken(actor: Actor, tokenId: string, ownerId?: string): Promise<ApiTokenView> {
    const found =
      UUID.test(tokenId) &&
      (await this.orm.em.fork().transactional(async (tx) => {
        const [row] = await tx.execute<{ id: string; revoked_at: Date | null }[]>(
          `SELECT id, revoked_at FROM auth_token
          WHERE kind = 'api' AND id = ?::uuid AND (?::uuid IS NULL OR user_id = ?::uuid) FOR UPDATE`,
          [tokenId, ownerId ?? null, ownerId ?? null],
        );
        if (!row) return false;
        if (!row.revoked_at) {
          await tx.execute('UPDATE auth_token SET revoked_at = now() WHERE id = ?', [tokenId], 'run');
          await audit(tx, actor, { action: 'token.revoke', entity: 'auth_token', entityId: tokenId });
        }
        return true;
      }));
    const [view] = found ? await this.listApiTokens({ tokenId }) : [];
    if (!view) {
      throw new DomainError(
        'AUTH.TOKEN_NOT_FOUND',
        { vi: 'Không có mã API này.', en: 'No such API token.' },
        { fields: [{ field: 'id', message: { vi: 'Không có.', en: 'Not found.' } }] },
      );
    }
    return view;
  }

  /** The principal behind a bearer token, or null when it is unknown, expired, idle or revoked. */
  async authenticate(token: string | undefined | null): Promise<Principal | null> {
    const check = await this.check(token);
    return check && 'principal' in check ? check.principal : null;
  }

  /** Minutes of inactivity that end a sign-in. */
  get idleMinutes(): number {
    return this.options.sessionIdleMinutes ?? 30;
  }

  /**
   * Who a token signs in, or why a token of ours no longer does: revoked (signed out, password
   * changed, account disabled), past its absolute expiry, or — a sign-in session only — unused for
   * longer than the idle limit. One statement, so one round trip: the token, the account, its roles,
   * the unit tree's stamp, and the record of use, written at most once a minute, so the idle limit
   * is exact to the minute. The units the roles reach (`reach`, for every access check of the call)
   * are then worked out in memory from the tree this process keeps, read again first when the stamp
   * says it changed (ADR 0035). Nothing about the caller is kept between calls: a disabled account,
   * a revoked token or a changed role tells at the next one.
   */
  async check(token: string | undefined | null): Promise<TokenCheck> {
    if (!token || token.length > 200) return null;
    const [row] = await runStatement<
      {
        user_id: string;
        id: string;
        kind: 'session' | 'api';
        read_only: boolean;
        areas: string[] | null;
        expires_at: Date | string;
        username: string;
        display_name: string;
        person_id: string | null;
        must_change_password: boolean;
        ended: SessionEnd | null;
        grants: RoleGrant[];
        tree_stamp: string | null;
      }[]
    >(
      this.orm,
      `WITH token AS (
           SELECT t.id, t.user_id, t.kind, t.read_only, t.areas, t.expires_at,
                  u.username, u.display_name, u.person_id, u.must_change_password,
                  (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale,
                  CASE WHEN t.revoked_at IS NOT NULL OR NOT u.active THEN 'revoked'
                       WHEN t.expires_at <= now() THEN 'expired'
                       WHEN t.kind = 'session'
                        AND coalesce(t.last_used_at, t.created_at) <= now() - make_interval(mins => ?) THEN 'idle'
                  END AS ended
             FROM auth_token t JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = ?
         ),
         -- Recording every use would turn each read into a write; once a minute is enough to see activity.
         used AS (
           UPDATE auth_token SET last_used_at = now()
            WHERE id = (SELECT id FROM token WHERE ended IS NULL AND stale) RETURNING id
         )
       SELECT token.id, token.user_id, token.kind, token.read_only, token.areas, token.expires_at,
              token.username, token.display_name, token.person_id, token.must_change_password, token.ended,
              (SELECT coalesce(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)), '[]')
                 FROM user_role r WHERE r.user_id = token.user_id AND token.ended IS NULL) AS grants,
              (SELECT stamp FROM unit_tree_stamp) AS tree_stamp,
              (SELECT count(*) FROM used) AS used
         FROM token`,
      [this.idleMinutes, sha256(token)],
    );
    if (!row) return null;
    if (row.ended) return { ended: row.ended };
    const admin = row.grants.some((g) => g.role === 'admin');
    const reach = admin ? ADMIN_REACH : (await this.tree.at(row.tree_stamp)).reachOf(row.grants);
    return {
      principal: {
        userId: row.user_id,
        username: row.username,
        displayName: row.display_name,
        personId: row.person_id,
        roles: row.grants,
        mustChangePassword: row.must_change_password,
        token: {
          id: row.id,
          kind: row.kind,
          scope: { readOnly: row.read_only, areas: (row.areas as TokenArea[] | null) ?? null },
          expiresAt: new Date(row.expires_at).toISOString(),
        },
      },
      reach,
    };
  }

  /**
   * Changes one's own password, the current one required; every other sign-in session of the user
   * ends (a stolen session does not outlive the change), API tokens stay. `keepSessionId` is the
   * session the change was made from.
   */
  async changePassword(
    actor: Actor,
    userId: string,
    input: ChangePasswordInput,
    keepSessionId?: string,
  ): Promise<void> {
    const data = parseInput(changePasswordInput, input);
    const em = this.orm.em.fork();
    const [user] = await em.execute<{ password_hash: string }[]>('SELECT password_hash FROM app_user WHERE id = ?', [
      userId,
    ]);
    if (!user || !(await verifyPassword(data.currentPassword, user.password_hash))) {
      throw new DomainError(
        'AUTH.WRONG_PASSWORD',
        { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
        { fields: [{ field: 'currentPassword', message: { vi: 'Không đúng.', en: 'Wrong password.' } }] },
      );
    }
    const passwordHash = await hashPassword(data.newPassword);
    await em.transactional(async (tx) => {
      await tx.execute(
        'UPDATE app_user SET password_hash = ?, must_change_password = false, updated_at = now() WHERE id = ?',
        [passwordHash, userId],
        'run',
      );
      await tx.execute(
        `UPDATE auth_token SET revoked_at = now()
          WHERE user_id = ? AND kind = 'session' AND revoked_at IS NULL AND id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`,
        [userId, keepSessionId ?? null],
        'run',
      );
      await audit(tx, actor, { action: 'user.password', entity: 'user', entityId: userId });
    });
  }

  async signOut(token: string): Promise<void> {
    await this.orm.em
      .fork()
      .execute(
        'UPDATE auth_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL',
        [sha256(token)],
        'run',
      );
  }

  async userIdOf(username: string): Promise<string | null> {
    const [row] = await this.orm.em
      .fork()
      .execute<{ id: string }[]>('SELECT id FROM app_user WHERE username = ?', [username.trim().toLowerCase()]);
    return row?.id ?? null;
  }

  async principal(userId: string): Promise<Principal> {
    const em = this.orm.em.fork();
    const rows = await em.execute<
      {
        id: string;
        username: string;
        display_name: string;
        person_id: string | null;
        must_change_password: boolean;
        role: Role | null;
        unit_id: string | null;
      }[]
    >(
      `SELECT u.id, u.username, u.display_name, u.person_id, u.must_change_password, r.role, r.unit_id
         FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id WHERE u.id = ?`,
      [userId],
    );
    const first = rows[0];
    if (!first) throw new DomainError('AUTH.REQUIRED', { vi: 'Cần đăng nhập.', en: 'Sign-in required.' });
    return {
      userId: first.id,
      username: first.username,
      displayName: first.display_name,
      personId: first.person_id,
      mustChangePassword: first.must_change_password,
      roles: rows.filter((r) => r.role).map((r) => ({ role: r.role as Role, unitId: r.unit_id })),
    };
  }

  /**
   * The units a principal's roles reach (the token check gives it with the principal; this is for a
   * principal made without one, as tests and scripts make them): the tree's stamp in one query,
   * the rest in memory.
   */
  async reachOf(principal: Principal): Promise<UnitReach> {
    const grants = principal.roles;
    if (grants.some((g) => g.role === 'admin')) return ADMIN_REACH;
    return (await this.tree.current()).reachOf(grants);
  }

  /** Whether the principal holds one of `roles` for this unit or a unit above it (admins may everything). */
  async canAccessUnit(principal: Principal, unitId: string, roles?: readonly Role[]): Promise<boolean> {
    return (await this.reachOf(principal)).reaches(unitId, roles);
  }

  /** Whether the principal holds one of `roles` for every one of these units (or a unit above each). */
  async canAccessUnits(principal: Principal, unitIds: readonly string[], roles?: readonly Role[]): Promise<boolean> {
    return (await this.reachOf(principal)).reachesAll(unitIds, roles);
  }

  /**
   * Whether the unit lies on the principal's line: one they may act on (as `canAccessUnit`), or a
   * unit above one of theirs. A commune's staff read the district's conferences and contests,
   * which their rapporteurs attend and enter, but act on them only from the district.
   */
  async canSeeUnit(principal: Principal, unitId: string, roles?: readonly Role[]): Promise<boolean> {
    return (await this.reachOf(principal)).sees(unitId, roles);
  }
}
