import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  DomainError,
  type LocalizedText,
  parseInput,
  type UnitInput,
  type UnitKind,
  type UnitListInput,
  unitInput,
  unitListInput,
} from '@polcenter/domain';
import { UnitLevelSchema, UnitSchema } from '../entities';
import type { Orm } from '../orm';

/** What leaves the library about a unit: plain data, never the entity. */
export interface UnitView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly levelName: LocalizedText;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  level_code: string;
  name_vi: string;
  name_en: string;
  kind: UnitKind;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

function toView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level_code,
    levelName: { vi: row.name_vi, en: row.name_en },
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

const today = () => new Date().toISOString().slice(0, 10);

export class UnitService {
  constructor(private readonly orm: Orm) {}

  /**
   * Units valid on a date (today by default), optionally only those below a unit, in tree order
   * (level rank, then Vietnamese alphabetical order). One query, whatever the depth.
   */
  async list(input: UnitListInput = {}): Promise<UnitView[]> {
    const { at = today(), under, underCode, level } = parseInput(unitListInput, input);
    const em = this.orm.em.fork();
    const root = under ?? underCode;
    const scope = root
      ? `WITH RECURSIVE scope AS (
           SELECT id FROM unit WHERE parent_id = (SELECT id FROM unit WHERE ${under ? 'id' : 'code'} = ?)
           UNION ALL
           SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
         )`
      : '';
    const rows = await em.getConnection().execute<UnitRow[]>(
      `${scope}
       SELECT u.id, u.code, u.name, u.level_code, l.name_vi, l.name_en, u.kind, u.parent_id,
              to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM unit u JOIN unit_level l ON l.code = u.level_code
        WHERE (u.valid_from IS NULL OR u.valid_from <= ?::date)
          AND (u.valid_to IS NULL OR u.valid_to >= ?::date)
          ${root ? 'AND u.id IN (SELECT id FROM scope)' : ''}
          ${level ? 'AND u.level_code = ?' : ''}
        ORDER BY l.rank, u.name COLLATE "vi-x-icu", u.code`,
      [...(root ? [root] : []), at, at, ...(level ? [level] : [])],
    );
    return rows.map(toView);
  }

  async get(id: string): Promise<UnitView> {
    const em = this.orm.em.fork();
    const unit = await em.findOne(UnitSchema, { id }, { populate: ['level'] });
    if (!unit) throw notFound(id);
    const level = unit.level.getEntity();
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: level.code,
      levelName: { vi: level.nameVi, en: level.nameEn },
      kind: unit.kind,
      parentId: (unit.parent?.unwrap() as { id: string } | undefined)?.id ?? null,
      validFrom: unit.validFrom ?? null,
      validTo: unit.validTo ?? null,
    };
  }

  /** The unit with this code (codes are unique across time), or null. */
  async findByCode(code: string): Promise<UnitView | null> {
    const unit = await this.orm.em.fork().findOne(UnitSchema, { code }, { fields: ['id'] });
    return unit ? this.get(unit.id) : null;
  }

  async create(input: UnitInput): Promise<UnitView> {
    const data = parseInput(unitInput, input);
    const em = this.orm.em.fork();
    const id = await em.transactional(async (tx) => {
      const level = await tx.findOne(UnitLevelSchema, { code: data.level });
      if (!level) {
        throw new DomainError(
          'UNIT.PARENT_INVALID',
          { vi: `Không có cấp đơn vị "${data.level}".`, en: `There is no unit level "${data.level}".` },
          { fields: [{ field: 'level', message: { vi: 'Cấp không tồn tại.', en: 'Unknown level.' } }] },
        );
      }
      if (data.parentId) {
        // Share-lock the parent: a concurrent change cannot remove it from under the new child.
        const parent = await tx.findOne(UnitSchema, { id: data.parentId }, { lockMode: LockMode.PESSIMISTIC_READ });
        if (!parent) throw notFound(data.parentId, 'parentId');
      }
      const unit = tx.create(UnitSchema, {
        code: data.code,
        name: data.name,
        level,
        kind: data.kind,
        parent: data.parentId ?? null,
        validFrom: data.validFrom ?? null,
        validTo: data.validTo ?? null,
      });
      try {
        await tx.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new DomainError(
            'UNIT.CODE_TAKEN',
            { vi: `Mã đơn vị "${data.code}" đã được dùng.`, en: `The unit code "${data.code}" is already taken.` },
            { fields: [{ field: 'code', message: { vi: 'Mã đã được dùng.', en: 'Code already taken.' } }] },
          );
        }
        throw error;
      }
      return unit.id;
    });
    return this.get(id);
  }
}

function notFound(id: string, field = 'id'): DomainError {
  return new DomainError(
    'UNIT.NOT_FOUND',
    { vi: `Không tìm thấy đơn vị ${id}.`, en: `Unit ${id} not found.` },
    { fields: [{ field, message: { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' } }] },
  );
}
