import {
  DomainError,
  type FieldError,
  invalidFieldError,
  type LocalizedText,
  parseInput,
  type UnitCloseInput,
  type UnitMergeInput,
  type UnitMoveInput,
  type UnitRenameInput,
  type UnitSplitInput,
  unitCloseInput,
  unitMergeInput,
  unitMoveInput,
  unitRenameInput,
  unitSplitInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import { pgArray } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

/**
 * Staff's changes of the unit tree: rename, move, close, merge, split. Each is one transaction that
 * locks the units it changes, checks the versions the form read, writes the change, the successor
 * links and the dated moves of what lay under the units that ended, and audits every unit touched.
 * Tree changes queue behind one advisory lock (as links do), so two moves at once cannot build a
 * loop between them that neither saw.
 */

interface Locked {
  id: string;
  code: string;
  name: string;
  level_code: string;
  kind: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: number;
}

const LOCK_COLUMNS = `id, code, name, level_code, kind, parent_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(valid_to, 'YYYY-MM-DD') AS valid_to, version`;

/** The lock every change of the tree or its links takes first. */
export async function lockTree(tx: Sql): Promise<void> {
  await tx.execute("SELECT pg_advisory_xact_lock(hashtext('unit_tree'))");
}

/** The units, locked in id order (no deadlock between two changes), each checked against the version read. */
async function lockUnits(
  tx: Sql,
  refs: readonly { id: string; version: number; field: string }[],
): Promise<Map<string, Locked>> {
  const rows = await tx.execute<Locked[]>(
    `SELECT ${LOCK_COLUMNS} FROM unit WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE`,
    [pgArray(refs.map((r) => r.id))],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ref of refs) {
    const row = byId.get(ref.id);
    if (!row) throw unitNotFound(ref.id, `${ref.field}id`);
    if (row.version !== ref.version) {
      throw new DomainError(
        'UNIT.STALE',
        {
          vi: `Đơn vị ${row.name} đã được người khác thay đổi sau khi bạn mở; hãy tải lại rồi làm lại.`,
          en: `The unit ${row.name} was changed by someone else after you opened it; reload and try again.`,
        },
        {
          fields: [{ field: `${ref.field}version`, message: { vi: 'Phiên bản đã cũ.', en: 'Stale version.' } }],
          details: { expected: ref.version, actual: row.version },
        },
      );
    }
  }
  return byId;
}

function unitNotFound(id: string, field: string): DomainError {
  return new DomainError(
    'UNIT.NOT_FOUND',
    { vi: `Không tìm thấy đơn vị ${id}.`, en: `Unit ${id} not found.` },
    { fields: [{ field, message: { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' } }] },
  );
}

function changeInvalid(field: string, message: LocalizedText, sentence: LocalizedText = message): DomainError {
  return new DomainError('UNIT.CHANGE_INVALID', sentence, { fields: [{ field, message }] });
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** A unit that ends on `lastDay` must still be valid that day and not have ended already. */
function assertLasts(unit: Locked, lastDay: string, field: string): void {
  if (unit.valid_to !== null) {
    throw changeInvalid(
      field,
      { vi: `Đã hết hiệu lực từ ${vnDate(unit.valid_to)}.`, en: `Already ended on ${vnDate(unit.valid_to)}.` },
      {
        vi: `${unit.name} đã hết hiệu lực từ ${vnDate(unit.valid_to)}.`,
        en: `${unit.name} already ended on ${vnDate(unit.valid_to)}.`,
      },
    );
  }
  if (unit.valid_from !== null && unit.valid_from > lastDay) {
    throw changeInvalid(
      field,
      {
        vi: `Chỉ có hiệu lực từ ${vnDate(unit.valid_from)}.`,
        en: `Only valid from ${vnDate(unit.valid_from)}.`,
      },
      {
        vi: `${unit.name} chỉ có hiệu lực từ ${vnDate(unit.valid_from)}, sau ngày kết thúc.`,
        en: `${unit.name} is only valid from ${vnDate(unit.valid_from)}, after the day it would end.`,
      },
    );
  }
}

/**
 * What keeps units from ending: classes they organise still to be held, and active accounts with a
 * role for them (who would keep a role in a unit that no longer exists). Units still valid under
 * one that closes on its own are counted too; a merger or split moves them instead.
 */
async function assertMayEnd(
  tx: Sql,
  units: readonly { unit: Locked; field: string }[],
  lastDay: string,
  countChildren: boolean,
): Promise<void> {
  const rows = await tx.execute<{ id: string; classes: number; roles: number; children: number }[]>(
    `SELECT u.id,
            (SELECT count(*) FROM training_class c
              WHERE c.organiser_unit_id = u.id AND c.status IN ('draft', 'open', 'running'))::int AS classes,
            (SELECT count(*) FROM user_role r JOIN app_user a ON a.id = r.user_id
              WHERE r.unit_id = u.id AND a.active)::int AS roles,
            (SELECT count(*) FROM unit c
              WHERE c.parent_id = u.id AND (c.valid_to IS NULL OR c.valid_to > ?::date))::int AS children
       FROM unit u WHERE u.id = ANY(?::uuid[])`,
    [lastDay, pgArray(units.map((u) => u.unit.id))],
  );
  const fields: FieldError[] = [];
  const reasons: { vi: string[]; en: string[] } = { vi: [], en: [] };
  for (const { unit, field } of units) {
    const row = rows.find((r) => r.id === unit.id);
    if (!row) continue;
    const vi: string[] = [];
    const en: string[] = [];
    if (row.classes > 0) {
      vi.push(`${row.classes} lớp chưa kết thúc`);
      en.push(`${row.classes} class(es) not yet finished`);
    }
    if (row.roles > 0) {
      vi.push(`${row.roles} tài khoản còn vai trò tại đơn vị`);
      en.push(`${row.roles} account(s) still holding a role for it`);
    }
    if (countChildren && row.children > 0) {
      vi.push(`${row.children} đơn vị trực thuộc còn hiệu lực`);
      en.push(`${row.children} unit(s) below it still valid`);
    }
    if (vi.length > 0) {
      fields.push({ field, message: { vi: `Còn ${vi.join(', ')}.`, en: `Still has ${en.join(', ')}.` } });
      reasons.vi.push(`${unit.name} còn ${vi.join(', ')}`);
      reasons.en.push(`${unit.name} still has ${en.join(', ')}`);
    }
  }
  if (fields.length > 0) {
    throw new DomainError(
      'UNIT.IN_USE',
      {
        vi: `Chưa thể kết thúc đơn vị: ${reasons.vi.join('; ')}. Hãy kết thúc hoặc chuyển các lớp, gỡ hoặc chuyển vai trò${countChildren ? ', chuyển hoặc kết thúc các đơn vị trực thuộc' : ''} trước.`,
        en: `The unit cannot end yet: ${reasons.en.join('; ')}. Finish or move the classes, remove or move the roles${countChildren ? ', move or close the units below it' : ''} first.`,
      },
      { fields },
    );
  }
}

/** A new unit's code must be free; said in the field that carried it. */
async function assertCodesFree(tx: Sql, codes: readonly { code: string; field: string }[]): Promise<void> {
  const taken = await tx.execute<{ code: string }[]>('SELECT code FROM unit WHERE code = ANY(?::text[])', [
    pgArray(codes.map((c) => `"${c.code.replace(/(["\\])/g, '\\$1')}"`)),
  ]);
  const first = codes.find((c) => taken.some((t) => t.code === c.code));
  if (first) throw codeTaken(first.code, first.field);
}

function codeTaken(code: string, field: string): DomainError {
  return new DomainError(
    'UNIT.CODE_TAKEN',
    { vi: `Mã đơn vị "${code}" đã được dùng.`, en: `The unit code "${code}" is already taken.` },
    { fields: [{ field, message: { vi: 'Mã đã được dùng.', en: 'Code already taken.' } }] },
  );
}

async function bump(tx: Sql, id: string, set: string, params: unknown[]): Promise<void> {
  await tx.execute(
    `UPDATE unit SET ${set}, version = version + 1, updated_at = now() WHERE id = ?`,
    [...params, id],
    'run',
  );
}

/** Moves units under a new parent from a date, each move kept so the tree at an earlier date stays as it was. */
async function moveUnder(tx: Sql, unitIds: readonly string[], parentId: string | null, effectiveOn: string) {
  if (unitIds.length === 0) return [];
  const moved = await tx.execute<{ id: string; from_parent_id: string | null }[]>(
    `WITH old AS (SELECT id, parent_id FROM unit WHERE id = ANY(?::uuid[]) FOR UPDATE),
          logged AS (
            INSERT INTO unit_move (id, unit_id, from_parent_id, to_parent_id, effective_on)
            SELECT gen_random_uuid(), old.id, old.parent_id, ?::uuid, ?::date FROM old
          )
     UPDATE unit u SET parent_id = ?::uuid, version = u.version + 1, updated_at = now()
       FROM old WHERE u.id = old.id
     RETURNING u.id, old.parent_id AS from_parent_id`,
    [pgArray([...unitIds]), parentId, effectiveOn, parentId],
  );
  return moved;
}

/** The units directly under these, still valid on `day`: they move with their unit when it ends. */
async function childrenValidOn(tx: Sql, parentIds: readonly string[], day: string) {
  return tx.execute<{ id: string; parent_id: string; name: string }[]>(
    `SELECT id, parent_id, name FROM unit
      WHERE parent_id = ANY(?::uuid[]) AND (valid_to IS NULL OR valid_to >= ?::date)
      ORDER BY name COLLATE "vi-x-icu", id`,
    [pgArray([...parentIds]), day],
  );
}

async function dayBefore(tx: Sql, day: string): Promise<string> {
  const [row] = await tx.execute<{ d: string }[]>("SELECT to_char(?::date - 1, 'YYYY-MM-DD') AS d", [day]);
  return row?.d as string;
}

async function insertUnit(
  tx: Sql,
  unit: { code: string; name: string; level: string; kind: string; parentId: string | null; validFrom: string },
  field: string,
): Promise<string> {
  try {
    const [row] = await tx.execute<{ id: string }[]>(
      `INSERT INTO unit (id, code, name, level_code, kind, parent_id, valid_from)
       VALUES (gen_random_uuid(), ?, ?, ?, ?, ?::uuid, ?::date) RETURNING id`,
      [unit.code, unit.name, unit.level, unit.kind, unit.parentId, unit.validFrom],
    );
    return row?.id as string;
  } catch (error) {
    if (isUniqueViolation(error, 'unit_code_unique')) throw codeTaken(unit.code, field);
    throw error;
  }
}

async function insertLinks(
  tx: Sql,
  kind: 'merge' | 'split',
  pairs: readonly (readonly [string, string])[],
  effectiveOn: string,
  decision: string | null,
) {
  return tx.execute<{ id: string; predecessor_id: string; successor_id: string }[]>(
    `INSERT INTO unit_link (id, predecessor_id, successor_id, kind, effective_on, decision)
     SELECT gen_random_uuid(), p, s, ?, ?::date, ? FROM unnest(?::uuid[], ?::uuid[]) AS x (p, s)
     RETURNING id, predecessor_id, successor_id`,
    [kind, effectiveOn, decision, pgArray(pairs.map(([p]) => p)), pgArray(pairs.map(([, s]) => s))],
  );
}

/** Whether `candidate` is `unitId` or lies below it in today's tree. */
async function isWithinTree(tx: Sql, candidate: string, unitId: string): Promise<boolean> {
  const [row] = await tx.execute<{ hit: boolean }[]>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id FROM unit WHERE id = ?
       UNION
       SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
     ) SELECT EXISTS (SELECT 1 FROM up WHERE id = ?) AS hit`,
    [candidate, unitId],
  );
  return row?.hit === true;
}

export class UnitTreeChanges {
  constructor(private readonly orm: Orm) {}

  /** A new name (and code, when given) in place; the audit trail keeps the old ones. */
  async rename(actor: Actor, input: UnitRenameInput): Promise<string> {
    const data = parseInput(unitRenameInput, input);
    return inTransaction(this.orm, async (tx) => {
      await lockTree(tx);
      const unit = (await lockUnits(tx, [{ id: data.id, version: data.version, field: '' }])).get(data.id) as Locked;
      const code = data.code ?? unit.code;
      if (code !== unit.code) await assertCodesFree(tx, [{ code, field: 'code' }]);
      await bump(tx, unit.id, 'name = ?, code = ?', [data.name, code]);
      await audit(tx, actor, {
        action: 'unit.rename',
        entity: 'unit',
        entityId: unit.id,
        before: { name: unit.name, code: unit.code },
        after: { name: data.name, code },
      });
      return unit.id;
    });
  }

  /** The unit moves under another parent from a date; the tree at an earlier date keeps it where it was. */
  async move(actor: Actor, input: UnitMoveInput): Promise<string> {
    const data = parseInput(unitMoveInput, input);
    return inTransaction(this.orm, async (tx) => {
      await lockTree(tx);
      const locked = await lockUnits(tx, [{ id: data.id, version: data.version, field: '' }]);
      const unit = locked.get(data.id) as Locked;
      if (unit.parent_id === data.parentId) {
        throw changeInvalid('parentId', { vi: 'Đơn vị đã ở đây.', en: 'The unit is already there.' });
      }
      if (data.parentId) {
        const [parent] = await tx.execute<Locked[]>(`SELECT ${LOCK_COLUMNS} FROM unit WHERE id = ? FOR SHARE`, [
          data.parentId,
        ]);
        if (!parent) throw unitNotFound(data.parentId, 'parentId');
        if (await isWithinTree(tx, parent.id, unit.id)) {
          throw changeInvalid(
            'parentId',
            {
              vi: 'Không thể đặt đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
              en: 'Not into itself or a unit below it.',
            },
            {
              vi: `Không thể chuyển ${unit.name} vào ${parent.name}: ${parent.name} là chính nó hoặc nằm dưới nó, cây đơn vị sẽ thành vòng.`,
              en: `${unit.name} cannot move under ${parent.name}: ${parent.name} is the unit itself or below it, so the tree would loop.`,
            },
          );
        }
        const validThen =
          (parent.valid_from === null || parent.valid_from <= data.effectiveOn) &&
          (parent.valid_to === null || parent.valid_to >= data.effectiveOn);
        if (!validThen) {
          throw changeInvalid('parentId', {
            vi: `${parent.name} không còn hiệu lực vào ngày ${vnDate(data.effectiveOn)}.`,
            en: `${parent.name} is not valid on ${vnDate(data.effectiveOn)}.`,
          });
        }
      }
      const [later] = await tx.execute<{ effective_on: string }[]>(
        `SELECT to_char(max(effective_on), 'YYYY-MM-DD') AS effective_on FROM unit_move
          WHERE unit_id = ? AND effective_on >= ?::date HAVING count(*) > 0`,
        [unit.id, data.effectiveOn],
      );
      if (later) {
        throw changeInvalid('effectiveOn', {
          vi: `Đơn vị đã được chuyển từ ngày ${vnDate(later.effective_on)}; ngày chuyển mới phải sau ngày đó.`,
          en: `The unit already moved on ${vnDate(later.effective_on)}; a new move must come after it.`,
        });
      }
      await moveUnder(tx, [unit.id], data.parentId, data.effectiveOn);
      await audit(tx, actor, {
        action: 'unit.move',
        entity: 'unit',
        entityId: unit.id,
        before: { parentId: unit.parent_id },
        after: { parentId: data.parentId, effectiveOn: data.effectiveOn },
      });
      return unit.id;
    });
  }

  /** The unit ends on `validTo` with no successor: nothing may still depend on it. */
  async close(actor: Actor, input: UnitCloseInput): Promise<string> {
    const data = parseInput(unitCloseInput, input);
    return inTransaction(this.orm, async (tx) => {
      await lockTree(tx);
      const unit = (await lockUnits(tx, [{ id: data.id, version: data.version, field: '' }])).get(data.id) as Locked;
      assertLasts(unit, data.validTo, 'validTo');
      await assertMayEnd(tx, [{ unit, field: 'id' }], data.validTo, true);
      await bump(tx, unit.id, 'valid_to = ?::date', [data.validTo]);
      await audit(tx, actor, {
        action: 'unit.close',
        entity: 'unit',
        entityId: unit.id,
        before: { validTo: null },
        after: { validTo: data.validTo },
      });
      return unit.id;
    });
  }

  /**
   * Two or more units become one new unit from `effectiveOn` (the 2025 reform: communes merge).
   * They end the day before; a merger link leads from each to the new unit; what lay under them
   * and is still valid then (their villages) moves under it on that date.
   */
  async merge(actor: Actor, input: UnitMergeInput): Promise<string> {
    const data = parseInput(unitMergeInput, input);
    return inTransaction(this.orm, async (tx) => {
      await lockTree(tx);
      const refs = data.units.map((u, i) => ({ ...u, field: `units.${i}.` }));
      const locked = await lockUnits(tx, refs);
      const units = refs.map((r) => ({ unit: locked.get(r.id) as Locked, field: `units.${r.field.split('.')[1]}` }));
      const lastDay = await dayBefore(tx, data.effectiveOn);
      for (const { unit, field } of units) assertLasts(unit, lastDay, `${field}.id`);
      const first = units[0]?.unit as Locked;
      const other = units.find(({ unit }) => unit.level_code !== first.level_code);
      if (other) {
        throw changeInvalid(`${other.field}.id`, {
          vi: 'Các đơn vị sáp nhập phải cùng cấp.',
          en: 'Merged units must be of one level.',
        });
      }
      await assertMayEnd(
        tx,
        units.map(({ unit, field }) => ({ unit, field: `${field}.id` })),
        lastDay,
        false,
      );
      const parentId = data.successor.parentId === undefined ? first.parent_id : data.successor.parentId;
      if (parentId) await this.assertParentValid(tx, parentId, data.effectiveOn, 'successor.parentId');
      await assertCodesFree(tx, [{ code: data.successor.code, field: 'successor.code' }]);
      const successorId = await insertUnit(
        tx,
        {
          code: data.successor.code,
          name: data.successor.name,
          level: first.level_code,
          kind: first.kind,
          parentId,
          validFrom: data.effectiveOn,
        },
        'successor.code',
      );
      const ids = units.map(({ unit }) => unit.id);
      await tx.execute(
        'UPDATE unit SET valid_to = ?::date, version = version + 1, updated_at = now() WHERE id = ANY(?::uuid[])',
        [lastDay, pgArray(ids)],
        'run',
      );
      const links = await insertLinks(
        tx,
        'merge',
        ids.map((id) => [id, successorId] as const),
        data.effectiveOn,
        data.decision ?? null,
      );
      const children = await childrenValidOn(tx, ids, data.effectiveOn);
      await moveUnder(
        tx,
        children.map((c) => c.id),
        successorId,
        data.effectiveOn,
      );
      await audit(
        tx,
        actor,
        {
          action: 'unit.create',
          entity: 'unit',
          entityId: successorId,
          after: { ...data.successor, parentId, level: first.level_code, validFrom: data.effectiveOn },
        },
        ...units.map(({ unit }) => ({
          action: 'unit.merge',
          entity: 'unit',
          entityId: unit.id,
          before: { validTo: null },
          after: { validTo: lastDay, successorId, decision: data.decision ?? null },
        })),
        ...links.map((l) => ({
          action: 'unit.link',
          entity: 'unit_link',
          entityId: l.id,
          after: { kind: 'merge', ...l },
        })),
        ...children.map((c) => ({
          action: 'unit.move',
          entity: 'unit',
          entityId: c.id,
          before: { parentId: c.parent_id },
          after: { parentId: successorId, effectiveOn: data.effectiveOn },
        })),
      );
      return successorId;
    });
  }

  /**
   * One unit becomes two or more new units from `effectiveOn`, beside it in the tree. It ends the
   * day before; a split link leads from it to each; each unit still valid under it then moves under
   * the new unit that names it, and none may be left out (it would stay under a unit that ended).
   */
  async split(actor: Actor, input: UnitSplitInput): Promise<string[]> {
    const data = parseInput(unitSplitInput, input);
    return inTransaction(this.orm, async (tx) => {
      await lockTree(tx);
      const unit = (await lockUnits(tx, [{ ...data.unit, field: 'unit.' }])).get(data.unit.id) as Locked;
      const lastDay = await dayBefore(tx, data.effectiveOn);
      assertLasts(unit, lastDay, 'unit.id');
      await assertMayEnd(tx, [{ unit, field: 'unit.id' }], lastDay, false);
      const children = await childrenValidOn(tx, [unit.id], data.effectiveOn);
      const childIds = new Set(children.map((c) => c.id));
      data.successors.forEach((s, i) => {
        const j = s.childIds.findIndex((id) => !childIds.has(id));
        if (j >= 0) {
          throw invalidFieldError(`successors.${i}.childIds.${j}`, {
            vi: `Không phải đơn vị trực thuộc còn hiệu lực của ${unit.name}.`,
            en: `Not a unit still valid below ${unit.name}.`,
          });
        }
      });
      const given = new Set(data.successors.flatMap((s) => s.childIds));
      const left = children.filter((c) => !given.has(c.id));
      if (left.length > 0) {
        throw changeInvalid(
          'successors',
          {
            vi: `Chưa giao cho đơn vị mới nào: ${left.map((c) => c.name).join(', ')}.`,
            en: `Not given to any new unit: ${left.map((c) => c.name).join(', ')}.`,
          },
          {
            vi: `Mỗi đơn vị trực thuộc ${unit.name} phải về một đơn vị mới; còn: ${left.map((c) => c.name).join(', ')}.`,
            en: `Each unit below ${unit.name} must go to one new unit; left: ${left.map((c) => c.name).join(', ')}.`,
          },
        );
      }
      await assertCodesFree(
        tx,
        data.successors.map((s, i) => ({ code: s.code, field: `successors.${i}.code` })),
      );
      const successorIds: string[] = [];
      for (const [i, s] of data.successors.entries()) {
        successorIds.push(
          await insertUnit(
            tx,
            {
              code: s.code,
              name: s.name,
              level: unit.level_code,
              kind: unit.kind,
              parentId: unit.parent_id,
              validFrom: data.effectiveOn,
            },
            `successors.${i}.code`,
          ),
        );
      }
      await bump(tx, unit.id, 'valid_to = ?::date', [lastDay]);
      const links = await insertLinks(
        tx,
        'split',
        successorIds.map((s) => [unit.id, s] as const),
        data.effectiveOn,
        data.decision ?? null,
      );
      for (const [i, s] of data.successors.entries()) {
        await moveUnder(tx, s.childIds, successorIds[i] as string, data.effectiveOn);
      }
      await audit(
        tx,
        actor,
        ...data.successors.map((s, i) => ({
          action: 'unit.create',
          entity: 'unit',
          entityId: successorIds[i] as string,
          after: {
            code: s.code,
            name: s.name,
            parentId: unit.parent_id,
            level: unit.level_code,
            validFrom: data.effectiveOn,
          },
        })),
        {
          action: 'unit.split',
          entity: 'unit',
          entityId: unit.id,
          before: { validTo: null },
          after: { validTo: lastDay, successorIds, decision: data.decision ?? null },
        },
        ...links.map((l) => ({
          action: 'unit.link',
          entity: 'unit_link',
          entityId: l.id,
          after: { kind: 'split', ...l },
        })),
        ...data.successors.flatMap((s, i) =>
          s.childIds.map((id) => ({
            action: 'unit.move',
            entity: 'unit',
            entityId: id,
            before: { parentId: unit.id },
            after: { parentId: successorIds[i], effectiveOn: data.effectiveOn },
          })),
        ),
      );
      return successorIds;
    });
  }

  private async assertParentValid(tx: Sql, parentId: string, day: string, field: string): Promise<void> {
    const [parent] = await tx.execute<Locked[]>(`SELECT ${LOCK_COLUMNS} FROM unit WHERE id = ? FOR SHARE`, [parentId]);
    if (!parent) throw unitNotFound(parentId, field);
    if ((parent.valid_from ?? '0000') > day || (parent.valid_to ?? '9999') < day) {
      throw changeInvalid(field, {
        vi: `${parent.name} không có hiệu lực vào ngày ${vnDate(day)}.`,
        en: `${parent.name} is not valid on ${vnDate(day)}.`,
      });
    }
  }
}
