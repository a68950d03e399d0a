import { z } from 'zod';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';

/**
 * Who may do what. A role is held *for a unit*: a coordinator of commune A sees commune A and what
 * lies below it, nothing of commune B. Admins hold their role for no unit (everything).
 */
export const ROLES = ['admin', 'center_staff', 'propaganda_staff', 'unit_coordinator', 'lecturer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, LocalizedText> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  center_staff: { vi: 'Cán bộ Trung tâm Chính trị', en: 'Political center staff' },
  propaganda_staff: { vi: 'Cán bộ Ban Tuyên giáo', en: 'Propaganda department staff' },
  unit_coordinator: { vi: 'Cán bộ đơn vị', en: 'Unit coordinator' },
  lecturer: { vi: 'Giảng viên, báo cáo viên', en: 'Lecturer / rapporteur' },
};

/** A role held by a user, for a unit and everything under it (null: the whole system). */
export interface RoleGrant {
  readonly role: Role;
  readonly unitId: string | null;
}

export const username = text(60, { min: 3 })
  .toLowerCase()
  .regex(/^[a-z0-9._-]+$/, {
    message: bilingual({
      vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số và . _ -',
      en: 'A username holds only lower-case letters, digits and . _ -',
    }),
  });

/** Long enough to resist guessing; no composition rules (they make passwords worse, not better). */
export const password = text(200, { min: 10, trim: false });

export const signInInput = z
  .object({ username: text(60).toLowerCase(), password: text(200, { trim: false }) })
  .strict();
export type SignInInput = z.input<typeof signInInput>;

export const userInput = z
  .object({
    username,
    displayName: text(120),
    password,
    roles: z
      .array(z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable().default(null) }).strict())
      .min(1)
      .max(20),
    personId: z.uuid().nullish(),
  })
  .strict();
export type UserInput = z.input<typeof userInput>;

/** One's own password change: the current password proves it is them, not a session left open. */
export const changePasswordInput = z
  .object({ currentPassword: text(200, { trim: false }), newPassword: password })
  .strict()
  .refine((value) => value.currentPassword !== value.newPassword, {
    path: ['newPassword'],
    message: bilingual({
      vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
      en: 'The new password must differ from the current one.',
    }),
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
