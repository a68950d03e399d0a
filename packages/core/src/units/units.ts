import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  codeNotFoundError,
  DomainError,
  type LocalizedText,
  notOneOfError,
  parseInput,
  recordRef,
  type SuccessorsInput,
  successorsInput,
  type UnitCloseInput,
  type UnitInput,
  type UnitKind,
  type UnitLinkInput,
  type UnitLinkKind,
  type UnitListInput,
  type UnitMergeInput,
  type UnitMoveInput,
  type UnitRenameInput,
  type UnitSplitInput,
  unitInput,
  unitLinkInput,
  unitListInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Orm } from '../orm.js';
import { UnitLevelSchema, UnitSchema } from './entities.js';
import { lockTree, UnitTreeChanges } from './tree-changes.js';

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
  /** Changes name the version they were made on (`UNIT.STALE` otherwise). */
  readonly version: number;
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
  version: number;
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
    version: row.version,
  };
}

/**
 * Where each unit sat on a date: its parent then, which is the parent it moved away from after
 * that date, or its parent today when it has not moved since (`unit_move` keeps every dated move).
 */
const PLACED_AT = `placed AS (
  SELECT u.id, CASE WHEN m.unit_id IS NULL THEN u.parent_id ELSE m.from_parent_id END AS parent_id
    FROM unit u
    LEFT JOIN LATERAL (
      SELECT unit_id, from_parent_id FROM unit_move
       WHERE unit_id = u.id AND effective_on > ?::date ORDER BY effective_on, created_at LIMIT 1
    ) m ON true
)`;

const UNIT_COLUMNS = `u.id, u.code, u.name, u.level_code, l.name_vi, l.name_en, u.kind, u.parent_id,
  to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to, u.version`;

const UNIT: LocalizedText = { vi: 'đơn vị', en: 'unit' };
const UNIT_LEVEL: LocalizedText = { vi: 'cấp đơn vị', en: 'unit level' };

const today = () => new Date().toISOString().slice(0, 10);

export class UnitService {
  private readonly changes: UnitTreeChanges;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {
    this.changes = new UnitTreeChanges(orm);
  }

  /**
   * Units valid on a date (today by default), optionally only those below a unit, in tree order
   * (level rank, then Vietnamese alphabetical order). One query, whatever the depth.
   */
  async list(input: UnitListInput = {}): Promise<UnitView[]> {
    const { at = today(), under, underCode, level } = parseInput(unitListInput, input);
    const em = this.orm.em.fork();
    const root = under ?? underCode;
    // The tree of that date: each unit under the parent it had then, not the one it has now.
    const rows = await em.getConnection().execute<UnitRow[]>(
      `WITH RECURSIVE ${PLACED_AT}
       ${
         root
           ? `, scope AS (
           SELECT id FROM placed WHERE parent_id = (SELECT id FROM unit WHERE ${under ? 'id' : 'code'} = ?)
           UNION
           SELECT p.id FROM placed p JOIN scope s ON p.parent_id = s.id
         )`
           : ''
       }
       SELECT ${UNIT_COLUMNS.replace('u.parent_id', 'p.parent_id')}
         FROM unit u JOIN unit_level l ON l.code = u.level_code JOIN placed p ON p.id = u.id
        WHERE (u.valid_from IS NULL OR u.valid_from <= ?::date)
          AND (u.valid_to IS NULL OR u.valid_to >= ?::date)
          ${root ? 'AND u.id IN (SELECT id FROM scope)' : ''}
          ${level ? 'AND u.level_code = ?' : ''}
        ORDER BY l.rank, u.name COLLATE "vi-x-icu", u.code`,
      [at, ...(root ? [root] : []), at, at, ...(level ? [level] : [])],
    );
    // Nothing listed may be a typo in what was asked for: say so rather than show an empty list.
    if (rows.length === 0 && root) {
      const [hit] = await em.getConnection().execute(`SELECT 1 FROM unit WHERE ${under ? 'id' : 'code'} = ?`, [root]);
      if (!hit) throw codeNotFoundError('UNIT.NOT_FOUND', UNIT, root, under ? 'under' : 'underCode');
    }
    if (rows.length === 0 && level) {
      const levels = await em.getConnection().execute<{ code: string }[]>('SELECT code FROM unit_level ORDER BY rank');
      if (!levels.some((l) => l.code === level)) {
        throw notOneOfError(
          'level',
          UNIT_LEVEL,
          level,
          levels.map((l) => l.code),
        );
      }
    }
    return rows.map(toView);
  }

  async get(id: string): Promise<UnitView> {
    const { id: unitId } = parseInput(recordRef, { id });
    const [row] = await this.orm.em
      .fork()
      .execute<UnitRow[]>(
        `SELECT ${UNIT_COLUMNS} FROM unit u JOIN unit_level l ON l.code = u.level_code WHERE u.id = ?`,
        [unitId],
      );
    if (!row) throw notFound(unitId);
    return toView(row);
  }

  /** The unit's own audit trail, newest first: created, renamed, moved, closed, merged, split. */
  async history(id: string): Promise<UnitHistoryEntry[]> {
    const { id: unitId } = parseInput(recordRef, { id });
    await this.get(unitId);
    const rows = await this.orm.em
      .fork()
      .execute<{ at: string; actor_label: string; action: string; before: unknown; after: unknown }[]>(
        `SELECT to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, a.actor_label, a.action, a.before, a.after
         FROM audit_log a WHERE a.entity = 'unit' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 200`,
        [unitId],
      );
    return rows.map((r) => ({ at: r.at, actor: r.actor_label, action: r.action, before: r.before, after: r.after }));
  }

  rename(actor: Actor, input: UnitRenameInput): Promise<UnitView> {
    return this.changes.rename(actor, input).then((id) => this.get(id));
  }

  move(actor: Actor, input: UnitMoveInput): Promise<UnitView> {
    return this.changes.move(actor, input).then((id) => this.get(id));
  }

  close(actor: Actor, input: UnitCloseInput): Promise<UnitView> {
    return this.changes.close(actor, input).then((id) => this.get(id));
  }

  /** N units → one new unit (returned); see `UnitTreeChanges.merge`. */
  merge(actor: Actor, input: UnitMergeInput): Promise<UnitView> {
    return this.changes.merge(actor, input).then((id) => this.get(id));
  }

  /** One unit → new units (returned, in the input's order); see `UnitTreeChanges.split`. */
  async split(actor: Actor, input: UnitSplitInput): Promise<UnitView[]> {
    const ids = await this.changes.split(actor, input);
    return Promise.all(ids.map((id) => this.get(id)));
  }

  /** Whether a unit is `ancestorId` itself or lies anywhere below it. One query up the tree. */
  async isWithin(unitId: string, ancestorId: string): Promise<boolean> {
    const rows = await this.orm.em.fork().execute<{ hit: boolean }[]>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM unit WHERE id = ?
         UNION ALL
         SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
       ) SELECT EXISTS (SELECT 1 FROM up WHERE id = ?) AS hit`,
      [unitId, ancestorId],
    );
    return rows[0]?.hit === true;
  }

  /** The unit with this code (codes are unique across time), or null. */
  async findByCode(code: string): Promise<UnitView | null> {
    const unit = await this.orm.em.fork().findOne(UnitSchema, { code }, { fields: ['id'] });
    return unit ? this.get(unit.id) : null;
  }

  async create(actor: Actor, input: UnitInput): Promise<UnitView> {
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
      await audit(tx, actor, { action: 'unit.create', entity: 'unit', entityId: unit.id, after: data });
      return unit.id;
    });
    return this.get(id);
  }

  /**
   * Records a change of the map: the predecessors are carried on by the successors from
   * `effectiveOn` (a merger, a split, a rename, a partial transfer). Validity dates of the units
   * are theirs to set; links only say where history went. Audited, one row per link.
   */
  async linkUnits(actor: Actor, input: UnitLinkInput): Promise<UnitLinkView[]> {
    const data = parseInput(unitLinkInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      // Linkers queue (behind every change of the tree), so two opposite links recorded at once cannot
      // slip past the cycle check together.
      await lockTree(tx);
      const ids = [...data.predecessorIds, ...data.successorIds];
      const found = new Set(
        (
          await tx.execute<{ id: string }[]>(
            `SELECT id FROM unit WHERE id IN (${ids.map(() => '?').join(', ')}) FOR SHARE`,
            ids,
          )
        ).map((u) => u.id),
      );
      for (const [list, name] of [
        [data.predecessorIds, 'predecessorIds'],
        [data.successorIds, 'successorIds'],
      ] as const) {
        const index = list.findIndex((id) => !found.has(id));
        if (index >= 0) throw notFound(list[index] as string, `${name}.${index}`);
      }
      const pairs = data.predecessorIds.flatMap((p) => data.successorIds.map((s) => [p, s] as const));
      const existing = await tx.execute<{ predecessor_id: string; successor_id: string }[]>(
        `SELECT predecessor_id, successor_id FROM unit_link WHERE (predecessor_id, successor_id) IN (${pairs.map(() => '(?::uuid, ?::uuid)').join(', ')})`,
        pairs.flat(),
      );
      if (existing.length > 0) {
        throw new DomainError(
          'UNIT.LINK_EXISTS',
          { vi: 'Hai đơn vị này đã được liên kết.', en: 'These units are already linked.' },
          { details: { predecessorId: existing[0]?.predecessor_id, successorId: existing[0]?.successor_id } },
        );
      }
      // A unit cannot be carried on by something that itself descends from it: the roll-up would loop.
      const [loop] = await tx.execute<{ id: string }[]>(
        `WITH RECURSIVE reach(id) AS (
           SELECT id FROM unit WHERE id IN (${data.successorIds.map(() => '?').join(', ')})
           UNION
           SELECT l.successor_id FROM unit_link l JOIN reach r ON l.predecessor_id = r.id
         )
         SELECT id FROM reach WHERE id IN (${data.predecessorIds.map(() => '?').join(', ')}) LIMIT 1`,
        [...data.successorIds, ...data.predecessorIds],
      );
      if (loop) {
        throw new DomainError(
          'UNIT.LINK_INVALID',
          {
            vi: 'Liên kết tạo thành vòng: đơn vị kế tục đã là hậu thân của đơn vị tiền thân.',
            en: 'The link would make a loop: a successor already descends from a predecessor.',
          },
          { fields: [{ field: 'successorIds', message: { vi: 'Tạo thành vòng.', en: 'Makes a loop.' } }] },
        );
      }
      const rows = await tx.execute<UnitLinkRow[]>(
        `INSERT INTO unit_link (id, predecessor_id, successor_id, kind, effective_on, decision)
         VALUES ${pairs.map(() => '(gen_random_uuid(), ?, ?, ?, ?::date, ?)').join(', ')}
         RETURNING ${LINK_COLUMNS}`,
        pairs.flatMap(([p, s]) => [p, s, data.kind, data.effectiveOn, data.decision ?? null]),
      );
      const links = rows.map(toLinkView);
      await audit(
        tx,
        actor,
        ...links.map((link) => ({ action: 'unit.link', entity: 'unit_link', entityId: link.id, after: link })),
      );
      return links;
    });
  }

  /** The links into and out of a unit, oldest first. */
  async links(unitId: string): Promise<UnitLinkView[]> {
    const { id } = parseInput(recordRef, { id: unitId });
    const rows = await this.orm.em
      .fork()
      .execute<UnitLinkRow[]>(
        `SELECT ${LINK_COLUMNS} FROM unit_link WHERE predecessor_id = ? OR successor_id = ? ORDER BY effective_on, id`,
        [id, id],
      );
    return rows.map(toLinkView);
  }

  /** The units that carry `unitId` on at a date (today by default); the unit itself while it lasts. */
  async successorsOf(unitId: string, at?: string): Promise<UnitView[]> {
    const [entry] = await this.rollUp({ unitIds: [unitId], ...(at ? { at } : {}) });
    return entry?.successors ?? [];
  }

  /**
   * For each historical unit, the units that carry it on at a date, following merger, split and
   * rename links in force by then, however many there were (Yên Nhuận → Yên Phong in 2020 → xã
   * Yên Phong in 2025). A unit that ended with no successor maps to nothing. One recursive query,
   * for reports that roll a 2022 breakdown up to the map of 2026.
   */
  async rollUp(input: SuccessorsInput): Promise<{ unitId: string; successors: UnitView[] }[]> {
    const { unitIds, at = today() } = parseInput(successorsInput, input);
    const em = this.orm.em.fork();
    const rows = await em.execute<(UnitRow & { origin: string })[]>(
      `WITH RECURSIVE walk(origin, id) AS (
         SELECT u.id, u.id FROM unit u WHERE u.id IN (${unitIds.map(() => '?').join(', ')})
         UNION
         SELECT w.origin, l.successor_id
           FROM walk w JOIN unit_link l ON l.predecessor_id = w.id AND l.effective_on <= ?::date
       )
       SELECT w.origin, u.id, u.code, u.name, u.level_code, lv.name_vi, lv.name_en, u.kind, u.parent_id,
              to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to, u.version
         FROM walk w JOIN unit u ON u.id = w.id JOIN unit_level lv ON lv.code = u.level_code
        -- A unit handed on whole is no longer its own heir; one that gave away a part goes on.
        WHERE NOT EXISTS (SELECT 1 FROM unit_link n
                           WHERE n.predecessor_id = w.id AND n.effective_on <= ?::date AND n.kind <> 'transfer')
          AND (u.valid_from IS NULL OR u.valid_from <= ?::date)
          AND (u.valid_to IS NULL OR u.valid_to >= ?::date)
        ORDER BY w.origin, lv.rank, u.name COLLATE "vi-x-icu", u.code`,
      [...unitIds, at, at, at, at],
    );
    const origins = new Set(
      (
        await em.execute<{ id: string }[]>(
          `SELECT id FROM unit WHERE id IN (${unitIds.map(() => '?').join(', ')})`,
          unitIds,
        )
      ).map((u) => u.id),
    );
    const missing = unitIds.findIndex((id) => !origins.has(id));
    if (missing >= 0) throw notFound(unitIds[missing] as string, `unitIds.${missing}`);
    return unitIds.map((unitId) => ({
      unitId,
      successors: rows.filter((r) => r.origin === unitId).map(toView),
    }));
  }
}

/** One change in a unit's audit trail. */
export interface UnitHistoryEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One link between two units: where a unit's people and history went when the map changed. */
export interface UnitLinkView {
  readonly id: string;
  readonly kind: UnitLinkKind;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly effectiveOn: string;
  readonly decision: string | null;
}

interface UnitLinkRow {
  id: string;
  kind: UnitLinkKind;
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  decision: string | null;
}

const LINK_COLUMNS = 'id, kind, predecessor_id, successor_id, effective_on::text AS effective_on, decision';

function toLinkView(row: UnitLinkRow): UnitLinkView {
  return {
    id: row.id,
    kind: row.kind,
    predecessorId: row.predecessor_id,
    successorId: row.successor_id,
    effectiveOn: row.effective_on,
    decision: row.decision,
  };
}

function notFound(id: string, field = 'id'): DomainError {
  return new DomainError(
    'UNIT.NOT_FOUND',
    { vi: `Không tìm thấy đơn vị ${id}.`, en: `Unit ${id} not found.` },
    { fields: [{ field, message: { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' } }] },
  );
}
