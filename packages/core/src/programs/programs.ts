import type { EntityManager } from '@mikro-orm/postgresql';
import {
  codeTakenError,
  DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
  DEFAULT_GRADING_SCALE,
  DEFAULT_PROGRAMS,
  defaultProgramTopics,
  type LocalizedText,
  PERIODS_PER_DAY,
  type ProgramAuditInput,
  type ProgramDefinition,
  type ProgramInput,
  type ProgramKind,
  type ProgramTopic,
  type ProgramUpdateInput,
  parseInput,
  programAuditInput,
  programCodeInUseError,
  programCodeRef,
  programInput,
  programUpdateInput,
  recordNotFoundError,
  recordRef,
  staleRecordError,
  topicsInUseError,
  totalPeriods,
  type ValidProgramInput,
} from '@polcenter/domain';
import { type Actor, SYSTEM_ACTOR } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Orm } from '../orm.js';
import type { ProgramRules } from './rules.js';

/** A program with its rules and topics: plain data, never the entity. */
export interface ProgramView {
  readonly id: string;
  readonly code: string;
  readonly kind: ProgramKind;
  readonly name: LocalizedText;
  /** The unit whose center keeps it; null: a program for everyone (the defaults among them). */
  readonly ownerUnitId: string | null;
  readonly rules: ProgramRules;
  readonly topics: readonly ProgramTopicView[];
  readonly totalPeriods: number;
  /** Classes of the program, whatever their status: once there is one, the code no longer changes. */
  readonly classCount: number;
  /** Pass back to `update` as `expectedVersion`: an edit made on an older version is PROGRAM.STALE. */
  readonly version: number;
}

/** A topic, and how many sessions of classes name it (those can be retitled, not removed). */
export interface ProgramTopicView extends ProgramTopic {
  readonly sessions: number;
}

/** One entry of a program's audit trail: who, when, what before and after (staff by display name). */
export interface ProgramAuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorLabel: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
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
  class_count: number;
  topics: { number: number; title_vi: string; title_en: string; periods: number; sessions: number }[] | null;
}

const PROGRAM = { vi: 'chương trình', en: 'program' };
const UNIT = { vi: 'đơn vị', en: 'unit' };

// Topics come along as one JSON array, so a list of programs is one query, not one per program;
// with each topic, how many sessions of the program's classes name it (counted once per program).
const SELECT_PROGRAM = `
  SELECT p.id, p.code, p.kind, p.name_vi, p.name_en, p.owner_unit_id, p.rules, p.version,
         (SELECT count(*)::int FROM training_class c WHERE c.program_id = p.id) AS class_count,
         (SELECT json_agg(json_build_object('number', t.number, 'title_vi', t.title_vi, 'title_en', t.title_en,
                                            'periods', t.periods, 'sessions', coalesce(u.sessions, 0)) ORDER BY t.number)
            FROM program_topic t
            LEFT JOIN (SELECT s.topic_number, count(*)::int AS sessions
                         FROM class_session s JOIN training_class c ON c.id = s.class_id
                        WHERE c.program_id = p.id AND s.topic_number IS NOT NULL
                        GROUP BY s.topic_number) u ON u.topic_number = t.number
           WHERE t.program_id = p.id) AS topics
    FROM program p`;

function toView(row: ProgramRow): ProgramView {
  const topics = (row.topics ?? []).map((t) => ({
    number: t.number,
    title: { vi: t.title_vi, en: t.title_en },
    periods: t.periods,
    sessions: t.sessions,
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
    classCount: row.class_count,
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

/** The rules of one of DOMAIN.md's default programs, as a program keeps them. */
export function programDefinitionRules(definition: ProgramDefinition): ProgramRules {
  return {
    audience: definition.audience,
    days: definition.days,
    endsWith: definition.endsWith,
    eligibility: definition.eligibility,
    passRule: definition.passRule,
    certificateKind: definition.certificateKind,
    maxAbsenceRatio: definition.maxAbsenceRatio,
    gradingScale: definition.gradingScale,
    certificateNumberTemplate: DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
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
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
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
      rules: programDefinitionRules(definition),
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

/** The rules a program keeps, from what create or update was given (defaults filled in). */
function rulesOfInput(data: Omit<ValidProgramInput, 'ownerUnitId'>): ProgramRules {
  const days = Math.max(1, Math.ceil(totalPeriods(data.topics) / PERIODS_PER_DAY));
  return {
    audience: data.audience ?? { vi: 'Chưa xác định', en: 'Not specified' },
    days: data.days ?? { min: days, max: days },
    endsWith: data.endsWith,
    eligibility: data.eligibility,
    passRule: data.passRule,
    certificateKind: data.certificateKind,
    certificateNumberTemplate: data.certificateNumberTemplate,
    maxAbsenceRatio: data.maxAbsenceRatio,
    gradingScale: data.gradingScale ?? DEFAULT_GRADING_SCALE,
  };
}

/** Every prerequisite is a program's code; PROGRAM.NOT_FOUND naming the first that is not. */
async function checkPrerequisites(tx: EntityManager, prerequisites: readonly string[]): Promise<void> {
  if (prerequisites.length === 0) return;
  const found = await tx.execute<{ code: string }[]>(
    `SELECT code FROM program WHERE code IN (${prerequisites.map(() => '?').join(', ')})`,
    [...prerequisites],
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

/** What the audit trail keeps of a program's rules. */
function auditedProgram(program: {
  readonly code: string;
  readonly kind: ProgramKind;
  readonly name: LocalizedText;
  readonly rules: ProgramRules;
  readonly topics: readonly ProgramTopic[];
}) {
  return {
    code: program.code,
    kind: program.kind,
    name: program.name,
    rules: program.rules,
    topics: program.topics.map((t) => ({ number: t.number, title: t.title, periods: t.periods })),
  };
}

export class ProgramService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
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
    const program: NewProgram = {
      code: data.code,
      kind: data.kind,
      name: data.name,
      ownerUnitId: data.ownerUnitId ?? null,
      topics: data.topics,
      rules: rulesOfInput(data),
    };
    const id = await this.orm.em.fork().transactional(async (tx) => {
      if (data.ownerUnitId) {
        const [unit] = await tx.execute('SELECT 1 FROM unit WHERE id = ?', [data.ownerUnitId]);
        if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', UNIT, data.ownerUnitId, 'ownerUnitId');
      }
      await checkPrerequisites(tx, data.eligibility.prerequisites ?? []);
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

  /**
   * New rules for a program, whole (what is left out takes its default, as at create), made on
   * the version the editor read (PROGRAM.STALE otherwise). They apply to classes opened from now
   * on: a class keeps the rules it opened with, and a draft class, not yet open, takes the new
   * ones. Topics keep their numbers, which sessions name: a topic may be retitled or given other
   * periods, new numbers added, and a number no session names removed; removing one that
   * sessions name is PROGRAM.TOPIC_IN_USE. The code, which class codes and other programs'
   * prerequisites carry, changes only while it has neither (PROGRAM.CODE_IN_USE). The owner
   * never changes. Audited with the rules before and after.
   */
  async update(actor: Actor, input: ProgramUpdateInput): Promise<ProgramView> {
    const data = parseInput(programUpdateInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [locked] = await tx.execute<{ version: number }[]>('SELECT version FROM program WHERE id = ? FOR UPDATE', [
        data.id,
      ]);
      if (!locked) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, data.id);
      if (locked.version !== data.expectedVersion) {
        throw staleRecordError('PROGRAM.STALE', PROGRAM, data.expectedVersion, locked.version);
      }
      const [row] = await tx.execute<ProgramRow[]>(`${SELECT_PROGRAM} WHERE p.id = ?`, [data.id]);
      const before = toView(row as ProgramRow);
      if (data.code !== before.code) {
        const requiredBy = await tx.execute<{ code: string }[]>(
          `SELECT code FROM program WHERE rules->'eligibility'->'prerequisites' @> jsonb_build_array(?::text) ORDER BY code`,
          [before.code],
        );
        if (before.classCount > 0 || requiredBy.length > 0) {
          throw programCodeInUseError(
            before.code,
            before.classCount,
            requiredBy.map((r) => r.code),
          );
        }
        const [taken] = await tx.execute('SELECT 1 FROM program WHERE code = ?', [data.code]);
        if (taken) throw codeTakenError('PROGRAM.CODE_TAKEN', PROGRAM, data.code);
      }
      await checkPrerequisites(tx, data.eligibility.prerequisites ?? []);
      const kept = new Set(data.topics.map((t) => t.number));
      const removedInUse = before.topics
        .filter((t) => !kept.has(t.number) && t.sessions > 0)
        .map((t) => ({ number: t.number, sessions: t.sessions }));
      if (removedInUse.length > 0) throw topicsInUseError(removedInUse);

      const rules = rulesOfInput(data);
      await tx.execute(
        `UPDATE program SET code = ?, kind = ?, name_vi = ?, name_en = ?, rules = ?::jsonb,
                            version = version + 1, updated_at = now()
          WHERE id = ?`,
        [data.code, data.kind, data.name.vi, data.name.en, JSON.stringify(rules), data.id],
        'run',
      );
      await tx.execute('DELETE FROM program_topic WHERE program_id = ? AND NOT (number = ANY(?::int[]))', [
        data.id,
        `{${[...kept].join(',')}}`,
      ]);
      await tx.execute(
        `INSERT INTO program_topic (program_id, number, title_vi, title_en, periods)
         SELECT ?, t.number, t.title_vi, t.title_en, t.periods
           FROM jsonb_to_recordset(?::jsonb) AS t(number int, title_vi text, title_en text, periods int)
         ON CONFLICT (program_id, number) DO UPDATE
           SET title_vi = excluded.title_vi, title_en = excluded.title_en, periods = excluded.periods`,
        [
          data.id,
          JSON.stringify(
            data.topics.map((t) => ({
              number: t.number,
              title_vi: t.title.vi,
              title_en: t.title.en,
              periods: t.periods,
            })),
          ),
        ],
        'run',
      );
      // Not yet open, a draft has nothing decided by the old rules: it follows the program.
      const drafts = await tx.execute<{ id: string }[]>(
        `UPDATE training_class SET rules = ?::jsonb, updated_at = now()
          WHERE program_id = ? AND status = 'draft' RETURNING id`,
        [JSON.stringify(rules), data.id],
      );
      await audit(tx, actor, {
        action: 'program.update',
        entity: 'program',
        entityId: data.id,
        before: auditedProgram(before),
        after: {
          ...auditedProgram({ code: data.code, kind: data.kind, name: data.name, rules, topics: data.topics }),
          draftClassesFollowing: drafts.length,
        },
      });
    });
    return this.get(data.id);
  }

  /** Who created and edited the program's rules, and how, newest first (staff by display name). */
  async history(input: ProgramAuditInput): Promise<{ items: ProgramAuditEntry[]; nextBefore: number | null }> {
    const data = parseInput(programAuditInput, input);
    const em = this.orm.em.fork();
    const [program] = await em.execute('SELECT 1 FROM program WHERE id = ?', [data.programId]);
    if (!program) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, data.programId, 'programId');
    const rows = await em.execute<
      { id: string; at: string; actor_label: string; action: string; before: unknown; after: unknown }[]
    >(
      `SELECT a.id, a.at, coalesce(u.display_name, a.actor_label) AS actor_label, a.action, a.before, a.after
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.entity = 'program' AND a.entity_id = ? ${data.before ? 'AND a.id < ?' : ''}
        ORDER BY a.id DESC LIMIT ${data.limit + 1}`,
      [data.programId, ...(data.before ? [data.before] : [])],
    );
    const items = rows.slice(0, data.limit).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorLabel: r.actor_label,
      action: r.action,
      before: r.before,
      after: r.after,
    }));
    return { items, nextBefore: rows.length > data.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** The unit whose center keeps the program (null: everyone's); PROGRAM.NOT_FOUND when none. */
  async ownerOf(programId: string): Promise<string | null> {
    const ref = parseInput(recordRef, { id: programId });
    const [row] = await this.orm.em
      .fork()
      .execute<{ owner_unit_id: string | null }[]>('SELECT owner_unit_id FROM program WHERE id = ?', [ref.id]);
    if (!row) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, ref.id);
    return row.owner_unit_id;
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
