import type { EntityManager } from '@mikro-orm/postgresql';
import { type LocalizedText, recordNotFoundError } from '@polcenter/domain';

/** How the class services name a record in an error, and the existence check that uses it. */
export const CLASS = { vi: 'lớp', en: 'class' };
export const PROGRAM = { vi: 'chương trình', en: 'program' };
export const UNIT = { vi: 'đơn vị', en: 'unit' };
export const PERSON = { vi: 'người', en: 'person' };

export async function assertExists(
  em: EntityManager,
  table: 'unit' | 'person' | 'training_class',
  id: string,
  code: 'UNIT.NOT_FOUND' | 'PERSON.NOT_FOUND' | 'CLASS.NOT_FOUND',
  what: LocalizedText,
  field: string,
): Promise<void> {
  const [row] = await em.execute(`SELECT 1 FROM ${table} WHERE id = ?`, [id]);
  if (!row) throw recordNotFoundError(code, what, id, field);
}
