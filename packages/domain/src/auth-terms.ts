import type { LocalizedText } from './i18n.js';

/**
 * The lists, names and rules of `auth.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `auth.ts` and build on these.
 */

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
