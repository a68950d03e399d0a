import {
  DomainError,
  type LocalizedText,
  OPEN_REFERENCE_LISTS,
  parseInput,
  REFERENCE_LIST_NAMES,
  REFERENCE_LISTS,
  type ReferenceList,
  type ReferenceValue,
  type ReferenceValueInput,
  referenceValueInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';

/**
 * The reference data a fresh installation starts with (ADR 0029): unit levels in `unit_level`
 * (units point at it), the other lists in `reference_value`, all written by a migration and
 * edited here by administrators. A code never changes once made (records name it); names and
 * order do, each edit on the version read.
 */

interface Row {
  list: ReferenceList;
  code: string;
  rank: number;
  name_vi: string;
  name_en: string;
  version: number;
}

const SELECT_ALL = `
  SELECT 'unit_level' AS list, code, rank, name_vi, name_en, version FROM unit_level
  UNION ALL
  SELECT list, code, rank, name_vi, name_en, version FROM reference_value`;

const toValue = (r: Row): ReferenceValue => ({
  list: r.list,
  code: r.code,
  rank: r.rank,
  name: { vi: r.name_vi, en: r.name_en },
  version: r.version,
});

/** Where a list lives: unit levels have their own table, the rest share one, keyed by list. */
function table(list: ReferenceList): { from: string; key: string; params: unknown[] } {
  return list === 'unit_level'
    ? { from: 'unit_level', key: 'code = ?', params: [] }
    : { from: 'reference_value', key: 'list = ? AND code = ?', params: [list] };
}

export class ReferenceDataService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /** Every list, or one, each in its order (rank, then Vietnamese name). */
  async list(list?: ReferenceList): Promise<ReferenceValue[]> {
    const rows = await this.orm.em.fork().execute<Row[]>(
      `SELECT * FROM (${SELECT_ALL}) r ${list ? 'WHERE r.list = ?' : ''}
        ORDER BY array_position(?::text[], r.list::text), r.rank, r.name_vi COLLATE "vi-x-icu", r.code`,
      [...(list ? [list] : []), `{${REFERENCE_LISTS.join(',')}}`],
    );
    return rows.map(toValue);
  }

  /**
   * Saves one entry: with `version`, an edit of its names and rank made on that version; without,
   * a new entry of an open list (a fixed list's codes are the code's to know, so it takes none).
   */
  async save(actor: Actor, input: ReferenceValueInput): Promise<ReferenceValue> {
    const data = parseInput(referenceValueInput, input);
    const { from, key, params } = table(data.list);
    const listName = REFERENCE_LIST_NAMES[data.list];
    return inTransaction(this.orm, async (tx) => {
      if (data.version === undefined) {
        if (!OPEN_REFERENCE_LISTS.includes(data.list)) throw fixedList(listName);
        const [row] = await tx.execute<Row[]>(
          data.list === 'unit_level'
            ? `INSERT INTO unit_level (code, rank, name_vi, name_en) VALUES (?, ?, ?, ?)
               ON CONFLICT DO NOTHING RETURNING 'unit_level' AS list, code, rank, name_vi, name_en, version`
            : `INSERT INTO reference_value (list, code, rank, name_vi, name_en) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT DO NOTHING RETURNING list, code, rank, name_vi, name_en, version`,
          [...params, data.code, data.rank, data.nameVi, data.nameEn],
        );
        if (!row) throw codeTaken(listName, data.code);
        await audit(tx, actor, { action: 'reference.create', entity: data.list, entityId: null, after: toValue(row) });
        return toValue(row);
      }
      const before = await current(tx, data.list, data.code);
      if (before.version !== data.version) {
        throw new DomainError(
          'REFERENCE.STALE',
          {
            vi: `Mục "${before.name_vi}" (${listName.vi}) đã được người khác sửa sau khi bạn mở; hãy tải lại rồi sửa lại.`,
            en: `The entry "${before.name_en}" (${listName.en}) was changed by someone else after you opened it; reload and edit again.`,
          },
          {
            fields: [{ field: 'version', message: { vi: 'Phiên bản đã cũ.', en: 'Stale version.' } }],
            details: { expected: data.version, actual: before.version },
          },
        );
      }
      const [row] = await tx.execute<Row[]>(
        `UPDATE ${from} SET rank = ?, name_vi = ?, name_en = ?, version = version + 1
          WHERE ${key} RETURNING ${data.list === 'unit_level' ? "'unit_level' AS list" : 'list'}, code, rank, name_vi, name_en, version`,
        [data.rank, data.nameVi, data.nameEn, ...params, data.code],
      );
      const after = toValue(row as Row);
      await audit(tx, actor, {
        action: 'reference.update',
        entity: data.list,
        entityId: null,
        before: toValue(before),
        after,
      });
      return after;
    });
  }
}

/** The entry, locked for the edit; REFERENCE.NOT_FOUND naming the code when there is none. */
async function current(tx: Sql, list: ReferenceList, code: string): Promise<Row> {
  const { from, key, params } = table(list);
  const [row] = await tx.execute<Row[]>(
    `SELECT ${list === 'unit_level' ? "'unit_level' AS list" : 'list'}, code, rank, name_vi, name_en, version
       FROM ${from} WHERE ${key} FOR UPDATE`,
    [...params, code],
  );
  if (!row) {
    const name = REFERENCE_LIST_NAMES[list];
    throw new DomainError(
      'REFERENCE.NOT_FOUND',
      { vi: `${name.vi} không có mã "${code}".`, en: `${name.en} has no code "${code}".` },
      { fields: [{ field: 'code', message: { vi: 'Không có mã này.', en: 'No such code.' } }] },
    );
  }
  return row;
}

function fixedList(name: LocalizedText): DomainError {
  return new DomainError(
    'REFERENCE.FIXED_LIST',
    {
      vi: `Danh mục "${name.vi}" có mã cố định (phần mềm dựa vào chúng); chỉ sửa được tên và thứ tự.`,
      en: `The list "${name.en}" has fixed codes (the software relies on them); only names and order can change.`,
    },
    {
      fields: [
        { field: 'code', message: { vi: 'Không thêm mã mới vào danh mục này.', en: 'This list takes no new codes.' } },
      ],
    },
  );
}

function codeTaken(name: LocalizedText, code: string): DomainError {
  return new DomainError(
    'REFERENCE.CODE_TAKEN',
    { vi: `${name.vi} đã có mã "${code}".`, en: `${name.en} already has the code "${code}".` },
    { fields: [{ field: 'code', message: { vi: 'Mã đã được dùng.', en: 'Code already taken.' } }] },
  );
}
