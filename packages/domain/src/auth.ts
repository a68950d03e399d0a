import { z } from 'zod';
import { ROLES } from './auth-terms.js';
import { bilingual } from './errors.js';
import { text } from './text.js';

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
