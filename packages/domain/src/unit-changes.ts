import { z } from 'zod';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { text } from './text.js';
import { unitCode } from './units.js';

/**
 * Changes staff make to the unit tree (the 2025 reform: the district level closes, communes merge).
 * Each names the version of every unit it changes, as read: a change made on a stale screen is
 * refused rather than undoing someone else's. Dates are when the change takes effect; a unit that
 * ends stops being valid the day before its successors begin.
 */

/** A unit as the form read it. */
const unitAt = z.object({ id: z.uuid(), version: versionNumber }).strict();

const decision = text(200).nullish();

/** A new name (and, rarely, a new code) for a unit, in place: the audit trail keeps the old one. */
export const unitRenameInput = z
  .object({ id: z.uuid(), version: versionNumber, name: text(200), code: unitCode.optional() })
  .strict();
export type UnitRenameInput = z.input<typeof unitRenameInput>;

/** The unit moves under another parent (or to the top, with `null`) from `effectiveOn`. */
export const unitMoveInput = z
  .object({ id: z.uuid(), version: versionNumber, parentId: z.uuid().nullable(), effectiveOn: isoDate })
  .strict();
export type UnitMoveInput = z.input<typeof unitMoveInput>;

/** The unit is valid up to and including `validTo`, and ends with no successor. */
export const unitCloseInput = z.object({ id: z.uuid(), version: versionNumber, validTo: isoDate }).strict();
export type UnitCloseInput = z.input<typeof unitCloseInput>;

/** A unit made by a merger or a split: its code and name; its level and place come from its predecessors. */
const newUnit = z.object({ code: unitCode, name: text(200) }).strict();

const MERGE: LocalizedText = {
  vi: 'Sáp nhập cần từ hai đơn vị trở lên, mỗi đơn vị một lần.',
  en: 'A merger takes two or more units, each once.',
};

/**
 * Two or more units become one new unit from `effectiveOn`: they end the day before, merger links
 * lead from each to it, and what lay under them (villages) moves under it on that date. The new
 * unit sits where the first of them sits (`parentId` to place it elsewhere).
 */
export const unitMergeInput = z
  .object({
    units: z
      .array(unitAt)
      .min(2, { message: bilingual(MERGE) })
      .max(50),
    successor: newUnit.extend({ parentId: z.uuid().nullish() }).strict(),
    effectiveOn: isoDate,
    decision,
  })
  .strict()
  .refine((merge) => new Set(merge.units.map((u) => u.id)).size === merge.units.length, {
    path: ['units'],
    message: bilingual(MERGE),
  });
export type UnitMergeInput = z.input<typeof unitMergeInput>;

/**
 * One unit becomes two or more new units from `effectiveOn`: it ends the day before, split links
 * lead from it to each, and each of what lay under it (villages) moves under the successor that
 * names it — every one of them must be named by exactly one.
 */
export const unitSplitInput = z
  .object({
    unit: unitAt,
    successors: z
      .array(newUnit.extend({ childIds: z.array(z.uuid()).max(500).default([]) }).strict())
      .min(2, {
        message: bilingual({
          vi: 'Chia tách tạo ra từ hai đơn vị trở lên.',
          en: 'A split makes two or more units.',
        }),
      })
      .max(20),
    effectiveOn: isoDate,
    decision,
  })
  .strict()
  .superRefine((split, ctx) => {
    const seen = new Set<string>();
    split.successors.forEach((s, i) => {
      s.childIds.forEach((id, j) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['successors', i, 'childIds', j],
            message: bilingual({
              vi: 'Đơn vị trực thuộc này đã được giao cho một đơn vị mới khác.',
              en: 'This unit is already given to another new unit.',
            }),
          });
        }
        seen.add(id);
      });
    });
    const codes = split.successors.map((s) => s.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['successors', i, 'code'],
          message: bilingual({ vi: 'Mã trùng với một đơn vị mới khác.', en: 'Same code as another new unit.' }),
        });
      }
    });
  });
export type UnitSplitInput = z.input<typeof unitSplitInput>;
