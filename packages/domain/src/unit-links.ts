import { z } from 'zod';
import { isoDate } from './dates.js';
import { bilingual } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';
import { UNIT_LINK_KINDS } from './unit-links-terms.js';

const ids = z.array(z.uuid()).min(1).max(50);

/** One change of the map: these units (predecessors) are carried on by those (successors). */
export const unitLinkInput = z
  .object({
    kind: z.enum(UNIT_LINK_KINDS),
    predecessorIds: ids,
    successorIds: ids,
    effectiveOn: isoDate,
    /** The decision or resolution behind it, e.g. `Nghị quyết 1683/NQ-UBTVQH15`. */
    decision: text(200).nullish(),
  })
  .strict()
  .superRefine((link, ctx) => {
    const issue = (path: string, text: LocalizedText) =>
      ctx.addIssue({ code: 'custom', path: [path], message: bilingual(text) });
    const from = link.predecessorIds.length;
    const to = link.successorIds.length;
    // A merger may have one predecessor here when its partners lie outside our tree
    // (Đồng Thắng joined xã Bạch Thông with communes of another district).
    if (link.kind === 'merge' && to !== 1) {
      issue('successorIds', { vi: 'Sáp nhập tạo ra đúng một đơn vị.', en: 'A merger has exactly one successor.' });
    }
    if (link.kind === 'split' && (from !== 1 || to < 2)) {
      issue(from !== 1 ? 'predecessorIds' : 'successorIds', {
        vi: 'Chia tách là một đơn vị thành hai đơn vị trở lên.',
        en: 'A split turns one unit into two or more.',
      });
    }
    if (link.kind === 'rename' && (from !== 1 || to !== 1)) {
      issue(from !== 1 ? 'predecessorIds' : 'successorIds', {
        vi: 'Đổi tên là một đơn vị sang một đơn vị.',
        en: 'A rename links one unit to one unit.',
      });
    }
    const both = link.predecessorIds.filter((id) => link.successorIds.includes(id));
    if (both.length > 0 || new Set(link.predecessorIds).size !== from || new Set(link.successorIds).size !== to) {
      issue('successorIds', {
        vi: 'Mỗi đơn vị chỉ xuất hiện một lần, và không kế tục chính nó.',
        en: 'Each unit appears once, and no unit succeeds itself.',
      });
    }
  });
export type UnitLinkInput = z.input<typeof unitLinkInput>;

export const successorsInput = z
  .object({
    unitIds: z.array(z.uuid()).min(1).max(1000),
    /** The date of the map to roll up to; today when absent. */
    at: isoDate.optional(),
  })
  .strict();
export type SuccessorsInput = z.input<typeof successorsInput>;
