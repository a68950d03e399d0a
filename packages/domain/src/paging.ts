import { z } from 'zod';
import { text } from './text.js';

/**
 * Lists that can grow without bound (people, the public class catalog) are read a page at a
 * time with an opaque cursor: keyset paging stays fast on the thousandth page and does not skip
 * or repeat rows when others are inserted meanwhile, which offsets would.
 */

export const DEFAULT_PAGE_SIZE = 20;
/** A widget on a foreign page must not be able to ask for the whole table at once. */
export const MAX_PAGE_SIZE = 100;

export const pageFields = {
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor: text(500).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}
