import { z } from 'zod';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { pageFields } from './paging.js';

/**
 * Two records of one person become one: the survivor keeps its fields (taking from the other only
 * what it lacks), everything that named the other record names the survivor, and the other record
 * is gone. Both versions are the ones staff looked at, so a record edited meanwhile is not merged
 * blind.
 */
export const personMergeInput = z
  .object({
    survivorId: z.uuid(),
    survivorVersion: versionNumber,
    mergedId: z.uuid(),
    mergedVersion: versionNumber,
  })
  .strict()
  .refine((m) => m.survivorId !== m.mergedId, {
    path: ['mergedId'],
    message: bilingual({ vi: 'Phải chọn hai người khác nhau.', en: 'Pick two different records.' }),
  });
export type PersonMergeInput = z.input<typeof personMergeInput>;

/** Groups of records that are probably one person, within the caller's units. */
export const duplicateGroupsInput = z
  .object({ ...pageFields })
  .strict()
  .default({ limit: 20 });
export type DuplicateGroupsInput = z.input<typeof duplicateGroupsInput>;

/** What a merge would break, named so staff can settle it first (withdraw one enrolment…). */
export type MergeConflict =
  | { readonly kind: 'enrolment'; readonly classCode: string }
  | { readonly kind: 'teaching'; readonly classCode: string; readonly date: string }
  | { readonly kind: 'contest'; readonly contestName: string }
  | { readonly kind: 'roster_decision'; readonly decisionNumber: string };

function conflictText(conflict: MergeConflict): LocalizedText {
  switch (conflict.kind) {
    case 'enrolment':
      return {
        vi: `cả hai đang ghi danh vào lớp ${conflict.classCode}`,
        en: `both are enrolled in class ${conflict.classCode}`,
      };
    case 'teaching':
      return {
        vi: `cả hai được phân công dạy cùng một buổi của lớp ${conflict.classCode} (${conflict.date})`,
        en: `both teach the same session of class ${conflict.classCode} (${conflict.date})`,
      };
    case 'contest':
      return {
        vi: `cả hai cùng dự thi hoặc chấm thi "${conflict.contestName}"`,
        en: `both take part in or judge "${conflict.contestName}"`,
      };
    case 'roster_decision':
      return {
        vi: `cả hai có tên trong quyết định ${conflict.decisionNumber}`,
        en: `both are named in decision ${conflict.decisionNumber}`,
      };
  }
}

/** PERSON.MERGE_CONFLICT: the merge would leave the survivor where one person cannot be twice. */
export function mergeConflictError(conflicts: readonly MergeConflict[]): DomainError {
  const parts = conflicts.map(conflictText);
  return new DomainError(
    'PERSON.MERGE_CONFLICT',
    {
      vi: `Không thể gộp: ${parts.map((p) => p.vi).join('; ')}. Hãy xử lý trước (ví dụ rút một ghi danh) rồi gộp lại.`,
      en: `Cannot merge: ${parts.map((p) => p.en).join('; ')}. Settle it first (for example withdraw one enrolment), then merge.`,
    },
    { details: { conflicts } },
  );
}
