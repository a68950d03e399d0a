import { CLASS_STATUS_NAMES, type ClassStatus } from './classes-terms.js';
import { DomainError } from './errors.js';

/**
 * The lists, names and rules of `class-edit.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `class-edit.ts` and build on these.
 */

/** The states in which a class is still planned or taught, so its facts may change. */
export const CLASS_EDITABLE_STATUSES = ['draft', 'open', 'running'] as const satisfies readonly ClassStatus[];

export function isClassEditable(status: ClassStatus): boolean {
  return (CLASS_EDITABLE_STATUSES as readonly ClassStatus[]).includes(status);
}

/** CLASS.NOT_EDITABLE for the class itself: a finished, closed or cancelled class is a record. */
export function classLockedError(status: ClassStatus): DomainError {
  const name = CLASS_STATUS_NAMES[status];
  return new DomainError(
    'CLASS.NOT_EDITABLE',
    {
      vi: `Lớp đang ở trạng thái "${name.vi}"; không thể sửa thông tin lớp.`,
      en: `The class is "${name.en}"; it can no longer be edited.`,
    },
    { details: { status } },
  );
}
