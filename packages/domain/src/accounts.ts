import { z } from 'zod';
import { username } from './auth.js';
import { ROLES } from './auth-terms.js';
import { bilingual, DomainError } from './errors.js';
import { text } from './text.js';

/**
 * Staff accounts as administrators keep them: made with a temporary password the person must
 * change at their first sign-in, roles held per unit, disabled (every sign-in and API token of the
 * account refused at its next call) and enabled again, a forgotten password replaced by a new
 * temporary one.
 */

const grant = z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable().default(null) }).strict();

/** Every role the account holds, replacing what it held: at least one, admins for no unit. */
export const roleGrants = z
  .array(grant)
  .min(1)
  .max(20)
  .superRefine((grants, ctx) => {
    grants.forEach((g, index) => {
      if ((g.role === 'admin') !== (g.unitId === null)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'unitId'],
          message: bilingual(
            g.role === 'admin'
              ? { vi: 'Quản trị hệ thống không gắn với đơn vị.', en: 'An administrator holds the role for no unit.' }
              : { vi: 'Vai trò này phải gắn với một đơn vị.', en: 'This role is held for a unit.' },
          ),
        });
      }
    });
    const seen = new Set<string>();
    grants.forEach((g, index) => {
      const key = `${g.role}|${g.unitId ?? ''}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'role'],
          message: bilingual({ vi: 'Vai trò này đã có ở trên.', en: 'This role is listed twice.' }),
        });
      }
      seen.add(key);
    });
  });

/** A new account: the server makes its temporary password and shows it once. */
export const accountCreateInput = z
  .object({ username, displayName: text(120), roles: roleGrants, personId: z.uuid().nullish() })
  .strict();
export type AccountCreateInput = z.input<typeof accountCreateInput>;

export const accountRef = z.object({ userId: z.uuid() }).strict();

export const accountRolesInput = z.object({ userId: z.uuid(), roles: roleGrants }).strict();
export type AccountRolesInput = z.input<typeof accountRolesInput>;

export const accountActiveInput = z.object({ userId: z.uuid(), active: z.boolean() }).strict();

export const accountSessionRevokeInput = z.object({ userId: z.uuid(), tokenId: z.uuid() }).strict();

/** Finding accounts by username or display name, diacritics optional. */
export const accountListInput = z
  .object({ query: text(120, { min: 0 }).default('') })
  .strict()
  .default({ query: '' });
export type AccountListInput = z.input<typeof accountListInput>;

export const accountNotFoundError = (): DomainError =>
  new DomainError(
    'USER.NOT_FOUND',
    { vi: 'Không có tài khoản này.', en: 'No such account.' },
    { fields: [{ field: 'userId', message: { vi: 'Không có.', en: 'Not found.' } }] },
  );

/**
 * An administrator cannot lock themselves out, nor leave the system without an active
 * administrator: nobody could then enable anyone again.
 */
export const lastAdminError = (): DomainError =>
  new DomainError('USER.LAST_ADMIN', {
    vi: 'Không thể khoá hoặc bỏ quyền quản trị của chính mình hay của quản trị viên cuối cùng.',
    en: 'You cannot disable or remove the administrator role from yourself or from the last administrator.',
  });

export const passwordChangeRequiredError = (): DomainError =>
  new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED', {
    vi: 'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi làm việc khác.',
    en: 'You are using a temporary password: change it before doing anything else.',
  });
