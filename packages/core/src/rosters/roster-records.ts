import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  idInput,
  invalidFieldError,
  type LocalizedText,
  parseInput,
  type RosterInput,
  type RosterListInput,
  type RosterUpdateInput,
  rosterInput,
  rosterListInput,
  rosterNotFoundError,
  rosterUpdateInput,
  staleRecordError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { assertUnit } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface RosterView {
  readonly id: string;
  readonly level: string;
  /** The level's name in the reference data (as an administrator last named it); null for a code not there. */
  readonly levelName: LocalizedText | null;
  readonly ownerUnitId: string;
  readonly ownerUnitName: string;
  readonly termStartYear: number;
  readonly termEndYear: number;
  readonly name: string | null;
  /** Pass back to `update` as `expectedVersion`: a correction made on an older version is ROSTER.STALE. */
  readonly version: number;
}

/** A roster's columns (`roster r`, `unit ou`), its level named as the reference data name it now (an admin may rename it). */
export const ROSTER_COLUMNS = `r.id, r.level, r.owner_unit_id, ou.name AS owner_unit_name, r.term_start_year, r.term_end_year, r.name, r.version,
  (SELECT rl.name_vi FROM reference_value rl WHERE rl.list = 'roster_level' AND rl.code = r.level) AS level_name_vi,
  (SELECT rl.name_en FROM reference_value rl WHERE rl.list = 'roster_level' AND rl.code = r.level) AS level_name_en`;

export interface RosterRow {
  id: string;
  level: string;
  owner_unit_id: string;
  owner_unit_name: string;
  term_start_year: number;
  term_end_year: number;
  name: string | null;
  version: number;
  level_name_vi: string | null;
  level_name_en: string | null;
}

export function rosterView(row: RosterRow): RosterView {
  return {
    id: row.id,
    level: row.level,
    levelName: row.level_name_vi && row.level_name_en ? { vi: row.level_name_vi, en: row.level_name_en } : null,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    termStartYear: row.term_start_year,
    termEndYear: row.term_end_year,
    name: row.name,
    version: row.version,
  };
}

const ROSTER = { vi: 'danh sách báo cáo viên', en: 'roster' };

/**
 * Roster levels are reference data an administrator may extend (ADR 0029): a roster's level must be
 * one of them, said with the levels there are by their names, rather than stored as a stray code.
 */
async function assertRosterLevel(tx: EntityManager, level: string): Promise<void> {
  const levels = await tx.execute<{ code: string; name_vi: string; name_en: string }[]>(
    "SELECT code, name_vi, name_en FROM reference_value WHERE list = 'roster_level' ORDER BY rank, code",
  );
  if (levels.some((l) => l.code === level)) return;
  const named = (lang: 'vi' | 'en') =>
    levels.map((l) => `${lang === 'vi' ? l.name_vi : l.name_en} (${l.code})`).join(', ');
  throw invalidFieldError('level', {
    vi: `Không có cấp báo cáo viên "${level}"; chỉ có: ${named('vi')}.`,
    en: `There is no roster level "${level}"; use one of: ${named('en')}.`,
  });
}

function termTakenError(startYear: number): DomainError {
  return new DomainError(
    'ROSTER.TERM_TAKEN',
    {
      vi: `Đơn vị đã có danh sách cấp này cho nhiệm kỳ bắt đầu năm ${startYear}.`,
      en: `The unit already has a roster of this level for the term starting ${startYear}.`,
    },
    { fields: [{ field: 'termStartYear', message: { vi: 'Đã có.', en: 'Already exists.' } }] },
  );
}

/** Rosters themselves: a level, an owning unit, a term. */
export class Rosters {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async create(actor: Actor, input: RosterInput): Promise<RosterView> {
    const data = parseInput(rosterInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.ownerUnitId, 'ownerUnitId');
      await assertRosterLevel(tx, data.level);
      const [row] = await tx
        .execute<{ id: string }[]>(
          `INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year, name)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?) RETURNING id`,
          [data.level, data.ownerUnitId, data.termStartYear, data.termEndYear, data.name ?? null],
        )
        .catch((error) => {
          if (isUniqueViolation(error, 'roster_unique')) throw termTakenError(data.termStartYear);
          throw error;
        });
      const rosterId = (row as { id: string }).id;
      await audit(tx, actor, { action: 'roster.create', entity: 'roster', entityId: rosterId, after: data });
      return rosterId;
    });
    return this.get(id);
  }

  /**
   * Corrects a roster's level, term or name, on the version the editor read (ROSTER.STALE when
   * someone saved a correction since). Its members are untouched: they come from its decisions.
   * Audited with the fields before and after.
   */
  async update(actor: Actor, input: RosterUpdateInput): Promise<RosterView> {
    const data = parseInput(rosterUpdateInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const before = await lockedRoster(tx, data.id);
      if (before.version !== data.expectedVersion) {
        throw staleRecordError('ROSTER.STALE', ROSTER, data.expectedVersion, before.version);
      }
      if (data.level !== before.level) await assertRosterLevel(tx, data.level);
      await tx
        .execute(
          `UPDATE roster SET level = ?, term_start_year = ?, term_end_year = ?, name = ?, version = version + 1
            WHERE id = ?`,
          [data.level, data.termStartYear, data.termEndYear, data.name ?? null, data.id],
          'run',
        )
        .catch((error) => {
          if (isUniqueViolation(error, 'roster_unique')) throw termTakenError(data.termStartYear);
          throw error;
        });
      const fields = (r: { level: string; termStartYear: number; termEndYear: number; name?: string | null }) => ({
        level: r.level,
        termStartYear: r.termStartYear,
        termEndYear: r.termEndYear,
        name: r.name ?? null,
      });
      await audit(tx, actor, {
        action: 'roster.update',
        entity: 'roster',
        entityId: data.id,
        before: fields(before),
        after: fields(data),
      });
    });
    return this.get(data.id);
  }

  async get(id: string): Promise<RosterView> {
    parseInput(idInput, id);
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<RosterRow[]>(
        `SELECT ${ROSTER_COLUMNS} FROM roster r JOIN unit ou ON ou.id = r.owner_unit_id WHERE r.id = ?`,
        [id],
      );
    if (!row) throw rosterNotFoundError(id);
    return rosterView(row);
  }

  async list(input: RosterListInput = {}): Promise<RosterView[]> {
    const q = parseInput(rosterListInput, input);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<RosterRow[]>(
        `SELECT ${ROSTER_COLUMNS} FROM roster r JOIN unit ou ON ou.id = r.owner_unit_id
          WHERE (?::uuid IS NULL OR r.owner_unit_id = ?) AND (?::text IS NULL OR r.level = ?)
          ORDER BY ou.name COLLATE "vi-x-icu", r.level, r.term_start_year`,
        [q.ownerUnitId ?? null, q.ownerUnitId ?? null, q.level ?? null, q.level ?? null],
      );
    return rows.map(rosterView);
  }
}

async function lockedRoster(tx: EntityManager, id: string) {
  const [row] = await tx.execute<
    { level: string; term_start_year: number; term_end_year: number; name: string | null; version: number }[]
  >('SELECT level, term_start_year, term_end_year, name, version FROM roster WHERE id = ? FOR UPDATE', [id]);
  if (!row) throw rosterNotFoundError(id);
  return {
    level: row.level,
    termStartYear: row.term_start_year,
    termEndYear: row.term_end_year,
    name: row.name,
    version: row.version,
  };
}
