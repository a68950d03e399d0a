import type { EntityManager } from '@mikro-orm/postgresql';
import {
  codeTakenError,
  DEFAULT_GRADING_SCALE,
  DEFAULT_PROGRAMS,
  defaultProgramTopics,
  type LocalizedText,
  PERIODS_PER_DAY,
  type ProgramDefinition,
  type ProgramInput,
  type ProgramKind,
  type ProgramTopic,
  parseInput,
  programCodeRef,
  programInput,
  recordNotFoundError,
  recordRef,
  totalPeriods,
} from '@polcenter/domain';
import { type Actor, SYSTEM_ACTOR } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Orm } from '../orm.js';
import type { ProgramRules } from './entities.js';

/** A program with its rules and topics: plain data, never the entity. */
export interface ProgramView {
  readonly id: string;
  readonly code: string;
  readonly kind: ProgramKind;
  readonly name: LocalizedText;
  /** The unit whose center keeps it; null: a program for everyone (the defaults among them). */
  readonly ownerUnitId: string | null;
  readonly rules: ProgramRules;
  readonly topics: readonly ProgramTopic[];
  readonly totalPeriods: number;
  readonly version: number;
}

interface ProgramRow {
  id: string;
  code: string;
  kind: ProgramKind;
  name_vi: string;
  name_en: string;
  owner_unit_id: string | null;
  rules: ProgramRules;
  version: number;
  topics: { number: number; title_vi: string; title_en: string; periods: number }[] | null;
}

const PROGRAM = { vi: 'chương trình', en: 'program' };
const UNIT = { vi: 'đơn vị', en: 'unit' };

// Topics come along as one JSON array, so a list of programs is one query, not one per program.
const SELECT_PROGRAM = `
  SELECT p.id, p.code, p.kind, p.name_vi, p.name_en, p.owner_unit_id, p.rules, p.version,
         (SELECT json_agg(json_build_object('number', t.number, 'title_vi', t.title_vi, 'title_en', t.title_en,
                                            'periods', t.periods) ORDER BY t.number)
            FROM program_topic t WHERE t.program_id = p.id) AS topics
    FROM program p`;

function toView(row: ProgramRow): ProgramView {
  const topics = (row.topics ?? []).map((t) => ({
    number: t.number,
    title: { vi: t.title_vi, en: t.title_en },
    periods: t.periods,
  }));
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: { vi: row.name_vi, en: row.name_en },
    ownerUnitId: row.owner_unit_id,
    rules: row.rules,
    topics,
    totalPeriods: totalPeriods(topics),
    version: row.version,
  };
}

interface NewProgram {
  readonly code: string;
  readonly kind: ProgramKind;
  readonly name: LocalizedText;
  readonly ownerUnitId?: string | null;
  readonly rules: ProgramRules;
  readonly topics: readonly ProgramTopic[];
}

function rulesOf(definition: ProgramDefinition): ProgramRules {
  return {
    audience: definition.audience,
    days: definition.days,
    endsWith: definition.endsWith,
    eligibility: definition.eligibility,
    passRule: definition.passRule,
    certificateKind: definition.certificateKind,
    maxAbsenceRatio: definition.maxAbsenceRatio,
    gradingScale: definition.gradingScale,
  };
}

/** Inserts a program and its topics; null when its code is already taken (nothing written then). */
async function insertProgram(tx: EntityManager, program: NewProgram, id?: string): Promise<string | null> {
  const [row] = await tx.execute<{ id: string }[]>(
    `INSERT INTO program (id, code, kind, name_vi, name_en, owner_unit_id, rules)
     VALUES (COALESCE(?::uuid, gen_random_uuid()), ?, ?, ?, ?, ?, ?::jsonb)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [
      id ?? null,
      program.code,
      program.kind,
      program.name.vi,
      program.name.en,
      program.ownerUnitId ?? null,
      JSON.stringify(program.rules),
    ],
  );
  if (!row) return null;
  const values = program.topics.flatMap((t) => [row.id, t.number, t.title.vi, t.title.en, t.periods]);
  await tx.execute(
    `INSERT INTO program_topic (program_id, number, title_vi, title_en, periods) VALUES ${program.topics.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    values,
    'run',
  );
  return row.id;
}

/**
 * Puts the six default programs of DOMAIN.md in place, in the caller's transaction; programs whose
 * code exists are left as staff edited them. `idFor` lets the demo seed choose stable ids.
 */
export async function seedDefaultPrograms(
  tx: EntityManager,
  actor: Actor,
  idFor?: (code: string) => string,
): Promise<number> {
  let created = 0;
  for (const definition of DEFAULT_PROGRAMS) {
    const program: NewProgram = {
      code: definition.code,
      kind: definition.kind,
      name: definition.name,
      rules: rulesOf(definition),
      topics: defaultProgramTopics(definition),
    };
    const id = await insertProgram(tx, program, idFor?.(definition.code));
    if (!id) continue;
    created++;
    await audit(tx, actor, {
      action: 'program.create',
      entity: 'program',
      entityId: id,
      after: { code: program.code },
    });
  }
  return created;
}

export class ProgramService {
  constructor(private readonly orm: Orm) {}

  /** The six default programs, added where missing. Safe to call on every start. */
  async seedDefaults(actor: Actor = SYSTEM_ACTOR): Promise<{ created: number }> {
    const created = await this.orm.em.fork().transactional(async (tx) => {
      // Two starts at once would otherwise both insert topics for the program only one of them created.
      await tx.execute('SELECT pg_advisory_xact_lock(hashtext(?))', ['program:defaults']);
      return seedDefaultPrograms(tx, actor);
    });
    return { created };
  }

  async create(actor: Actor, input: ProgramInput): Promise<ProgramView> {
    const data = parseInput(programInput, input);
    const periods = totalPeriods(data.topics);
    const days = Math.max(1, Math.ceil(periods / PERIODS_PER_DAY));
    const program: NewProgram = {
      code: data.code,
      kind: data.kind,
      name: data.name,
      ownerUnitId: data.ownerUnitId ?? null,
      topics: data.topics,
      rules: {
        audience: data.audience ?? { vi: 'Chưa xác định', en: 'Not specified' },
        days: { min: days, max: days },
        endsWith: data.endsWith,
        eligibility: data.eligibility,
        passRule: data.passRule,
        certificateKind: data.certificateKind,
        maxAbsenceRatio: data.maxAbsenceRatio,
        gradingScale: data.gradingScale ?? DEFAULT_GRADING_SCALE,
      },
    };
    const id = await this.orm.em.fork().transactional(async (tx) => {
      if (data.ownerUnitId) {
        const [unit] = await tx.execute('SELECT 1 FROM unit WHERE id = ?', [data.ownerUnitId]);
        if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', UNIT, data.ownerUnitId, 'ownerUnitId');
      }
      const prerequisites = data.eligibility.prerequisites ?? [];
      if (prerequisites.length > 0) {
        const found = await tx.execute<{ code: string }[]>(
          `SELECT code FROM program WHERE code IN (${prerequisites.map(() => '?').join(', ')})`,
          prerequisites,
        );
        const known = new Set(found.map((f) => f.code));
        const index = prerequisites.findIndex((code) => !known.has(code));
        if (index >= 0) {
          throw recordNotFoundError(
            'PROGRAM.NOT_FOUND',
            PROGRAM,
            prerequisites[index] as string,
            `eligibility.prerequisites.${index}`,
          );
        }
      }
      const created = await insertProgram(tx, program);
      if (!created) throw codeTakenError('PROGRAM.CODE_TAKEN', PROGRAM, data.code);
      await audit(tx, actor, {
        action: 'program.create',
        entity: 'program',
        entityId: created,
        after: program,
      });
      return created;
    });
    return this.get(id);
  }

  /** Every program, in Vietnamese alphabetical order of name, topics included. One query. */
  async list(): Promise<ProgramView[]> {
    const rows = await this.orm.em
      .fork()
      .execute<ProgramRow[]>(`${SELECT_PROGRAM} ORDER BY p.name_vi COLLATE "vi-x-icu", p.code`);
    return rows.map(toView);
  }

  async get(id: string): Promise<ProgramView> {
    const ref = parseInput(recordRef, { id });
    const [row] = await this.orm.em.fork().execute<ProgramRow[]>(`${SELECT_PROGRAM} WHERE p.id = ?`, [ref.id]);
    if (!row) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, ref.id);
    return toView(row);
  }

  /** By its code (`NTĐ`, `SC`…), as typed: the code is upper-cased the way `create` stores it. */
  async getByCode(code: string): Promise<ProgramView> {
    const ref = parseInput(programCodeRef, { code });
    const [row] = await this.orm.em.fork().execute<ProgramRow[]>(`${SELECT_PROGRAM} WHERE p.code = ?`, [ref.code]);
    if (!row) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, ref.code, 'code');
    return toView(row);
  }
}
