import { invalidFieldError } from '@polcenter/domain';

/**
 * Keyset cursors: the sort key of the last row of a page, opaque to callers. Opaque so that the
 * sort can change without breaking clients that only pass back what they were given.
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

type CursorPart = 'text' | 'uuid' | 'date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: unknown, part: CursorPart): boolean {
  if (typeof value !== 'string') return false;
  return part === 'uuid' ? UUID.test(value) : part === 'date' ? /^\d{4}-\d{2}-\d{2}$/.test(value) : true;
}

/** The key inside a cursor, checked against the shape the list expects. */
export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Checked here, or a doctored cursor would reach SQL as a malformed uuid or date and fail there.
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => fits(v, shape[i] as CursorPart))) {
      return key as string[];
    }
  } catch {
    // reported below like any other malformed cursor
  }
  throw invalidFieldError('cursor', {
    vi: 'Con trỏ trang không hợp lệ; hãy tải lại từ trang đầu.',
    en: 'Not a valid page cursor; start again from the first page.',
  });
}

/** Escapes LIKE's wildcards so a typed `%` or `_` matches itself. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
