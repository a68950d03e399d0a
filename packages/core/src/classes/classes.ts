import {
  type AddSessionsInput,
  addSessionsInput,
  assertClassTransition,
  CLASS_STATUS_NAMES,
  type ClassCatalogInput,
  type ClassInput,
  type ClassListInput,
  type ClassMode,
  type ClassPatch,
  type ClassStatus,
  classCatalogInput,
  classInput,
  classListInput,
  classNotEditableError,
  classTransitionInput,
  classUpdateInput,
  codeTakenError,
  type DayPart,
  enrolmentWindowState,
  findClash,
  findSelfClash,
  finishEmptyError,
  invalidFieldError,
  type LocalizedText,
  type Page,
  parseInput,
  recordNotFoundError,
  recordRef,
  staleRecordError,
  timetableClashError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { encodeCursor } from '../kernel/cursor.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { Remembered } from '../kernel/remembered.js';
import { runStatement, session, transactional } from '../kernel/sql.js';
import type { Orm } from '../orm.js';

import { assertCatalogCodes, type CatalogEntry, catalogQuery } from './catalog.js';
import {
  type ClassListItem,
  type ClassListRow,
  type ClassScope,
  classListQuery,
  listCursor,
  toListItem,
} from './class-list.js';
import { applyClassEdit } from './class-update.js';
import { assertExists, CLASS, PROGRAM, UNIT } from './references.js';
import { insertSessions, TIMETABLE_FROZEN, withTimes } from './timetable.js';
export interface ClassSessionView {
  readonly id: string;
  readonly date: string;
  readonly part: DayPart | null;
  /** `HH:MM`; derived from the half-day when only that was given. */
  readonly startTime: string;
  readonly endTime: string;
  readonly topicNumber: number | null;
  readonly title: string | null;
  readonly periods: number;
  readonly lecturerId: string | null;
  readonly siteId: string | null;
  readonly siteName: string | null;
}

export interface ClassSiteView {
  readonly id: string;
  readonly name: string;
  readonly unitId: string | null;
}

/** A class for staff: everything but the trainees. */
export interface ClassView {
  readonly id: string;
  readonly code: string;
  readonly title: string | null;
  readonly program: { readonly id: string; readonly code: string; readonly name: LocalizedText };
  readonly organiser: { readonly id: string; readonly code: string; readonly name: string };
  readonly mode: ClassMode;
  readonly venue: string | null;
  readonly onlineLink: string | null;
  readonly sites: readonly ClassSiteView[];
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
  readonly seatsTaken: number;
  readonly seatsLeft: number;
  readonly enrolmentOpensOn: string | null;
  readonly enrolmentClosesOn: string | null;
  readonly status: ClassStatus;
  readonly statusName: LocalizedText;
  /** Pass back to `transition` as `expectedVersion` to refuse acting on a stale screen. */
  readonly version: number;
  /** The timetable, by date and time of day. */
  readonly sessions: readonly ClassSessionView[];
}

/** One step of a class's life, from the audit log: who moved it, when, from what to what. */
export interface ClassTransitionRecord {
  /** Null for the creation of the class. */
  readonly from: ClassStatus | null;
  readonly to: ClassStatus;
  /** ISO timestamp, UTC. */
  readonly at: string;
  readonly actor: { readonly id: string | null; readonly label: string };
}

interface ClassRow {
  id: string;
  code: string;
  title: string | null;
  program_id: string;
  program_code: string;
  program_name_vi: string;
  program_name_en: string;
  organiser_id: string;
  organiser_code: string;
  organiser_name: string;
  mode: ClassMode;
  venue: string | null;
  online_link: string | null;
  start_date: string;
  end_date: string;
  capacity: number;
  seats_taken: number;
  enrolment_opens_on: string | null;
  enrolment_closes_on: string | null;
  status: ClassStatus;
  version: number;
}

interface SessionRow {
  id: string;
  date: string;
  part: DayPart | null;
  start_time: string;
  end_time: string;
  topic_number: number | null;
  title: string | null;
  periods: number;
  lecturer_id: string | null;
  site_id: string | null;
  site_name: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

export class ClassService {
  /** A class's organiser and a session's class never change (nothing moves them): see Remembered. */
  private readonly organisers = new Remembered<string>();
  private readonly owners = new Remembered<{ classId: string; organiserUnitId: string }>();

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /**
   * A new class, in draft, with its sites and timetable. The program, the organiser unit, the sites'
   * units and the lecturers must exist; each missing one is refused naming its field.
   */
  async create(actor: Actor, input: ClassInput): Promise<ClassView> {
    const data = parseInput(classInput, input);
    let id: string;
    try {
      id = await transactional(this.orm, async (tx) => {
        const [program] = await tx.execute<{ id: string }[]>('SELECT id FROM program WHERE id = ?', [data.programId]);
        if (!program) throw recordNotFoundError('PROGRAM.NOT_FOUND', PROGRAM, data.programId, 'programId');
        await assertExists(tx, 'unit', data.organiserUnitId, 'UNIT.NOT_FOUND', UNIT, 'organiserUnitId');
        for (const [index, site] of data.sites.entries()) {
          if (site.unitId) await assertExists(tx, 'unit', site.unitId, 'UNIT.NOT_FOUND', UNIT, `sites.${index}.unitId`);
        }
        const [taken] = await tx.execute('SELECT 1 FROM training_class WHERE code = ?', [data.code]);
        if (taken) throw codeTakenError('CLASS.CODE_TAKEN', CLASS, data.code);
        const [row] = await tx.execute<{ id: string }[]>(
          `INSERT INTO training_class (id, code, program_id, organiser_unit_id, title, mode, venue, online_link, start_date,
                                       end_date, capacity, enrolment_opens_on, enrolment_closes_on)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [
            data.code,
            data.programId,
            data.organiserUnitId,
            data.title ?? null,
            data.mode,
            data.venue ?? null,
            data.onlineLink ?? null,
            data.startDate,
            data.endDate,
            data.capacity,
            data.enrolmentOpensOn ?? null,
            data.enrolmentClosesOn ?? null,
          ],
        );
        const classId = row?.id as string;
        if (data.sites.length > 0) {
          await tx.execute(
            `INSERT INTO class_site (id, class_id, name, unit_id) VALUES ${data.sites.map(() => '(gen_random_uuid(), ?, ?, ?)').join(', ')}`,
            data.sites.flatMap((site) => [classId, site.name, site.unitId ?? null]),
            'run',
          );
        }
        const sessions = await insertSessions(tx, classId, data.programId, (data.sessions ?? []).map(withTimes));
        await audit(tx, actor, {
          action: 'class.create',
          entity: 'class',
          entityId: classId,
          after: {
            code: data.code,
            programId: data.programId,
            organiserUnitId: data.organiserUnitId,
            status: 'draft',
            capacity: data.capacity,
            startDate: data.startDate,
            endDate: data.endDate,
            sessions,
          },
        });
        return classId;
      });
    } catch (error) {
      // Another clerk created the same code between our check and our insert.
      if (isUniqueViolation(error, 'training_class_code_unique'))
        throw codeTakenError('CLASS.CODE_TAKEN', CLASS, data.code);
      throw error;
    }
    return this.get(id);
  }

  /**
   * Moves a class along its status machine (draft → open → running → finished → closed, or
   * cancelled before finished). The row is locked, so of two concurrent moves the second sees the
   * first's result and is judged against it. `expectedVersion` refuses a move decided on a stale
   * screen (CLASS.STALE) even when it would still be legal. A class that seated nobody is finished
   * only with `confirmEmpty` (CLASS.FINISH_EMPTY otherwise): its results would be empty for good.
   */
  async transition(
    actor: Actor,
    classId: string,
    to: ClassStatus,
    expectedVersion?: number,
    options: { confirmEmpty?: boolean } = {},
  ): Promise<ClassView> {
    const data = parseInput(classTransitionInput, { classId, to, expectedVersion, ...options });
    await this.orm.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<{ status: ClassStatus; version: number; seats_taken: number }[]>(
        'SELECT status, version, seats_taken FROM training_class WHERE id = ? FOR UPDATE',
        [data.classId],
      );
      if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, data.classId, 'classId');
      if (data.expectedVersion !== undefined && data.expectedVersion !== row.version) {
        throw staleRecordError('CLASS.STALE', CLASS, data.expectedVersion, row.version);
      }
      assertClassTransition(row.status, data.to);
      // Judged under the lock: a seat taken meanwhile is counted.
      if (data.to === 'finished' && row.seats_taken === 0 && !data.confirmEmpty) throw finishEmptyError();
      await tx.execute(
        'UPDATE training_class SET status = ?, version = version + 1, updated_at = now() WHERE id = ?',
        [data.to, data.classId],
        'run',
      );
      await audit(tx, actor, {
        action: 'class.transition',
        entity: 'class',
        entityId: data.classId,
        before: { status: row.status, version: row.version },
        after: { status: data.to, version: row.version + 1 },
      });
    });
    return this.get(data.classId);
  }

  /**
   * Changes what may change of a planned or running class (title, dates, venue, online link, sites,
   * capacity, enrolment window), made on `expectedVersion` (CLASS.STALE otherwise). The class as the
   * edit leaves it must keep every rule of a new class and its timetable's dates; the capacity may
   * not drop below the seats taken (CLASS.CAPACITY_BELOW_TAKEN, naming the count). Audited with the
   * changed fields before and after.
   */
  async update(actor: Actor, classId: string, input: ClassPatch, expectedVersion: number): Promise<ClassView> {
    const {
      classId: id,
      expectedVersion: version,
      ...patch
    } = parseInput(classUpdateInput, {
      ...input,
      classId,
      expectedVersion,
    });
    try {
      await transactional(this.orm, (tx) => applyClassEdit(tx, actor, id, patch, version));
    } catch (error) {
      // Another clerk gave a class the same code between our check and our update.
      if (patch.code && isUniqueViolation(error, 'training_class_code_unique'))
        throw codeTakenError('CLASS.CODE_TAKEN', CLASS, patch.code);
      throw error;
    }
    return this.get(id);
  }

  /**
   * The staff's list: the classes of `scope`, filtered, newest start first (code in Vietnamese
   * order on the same day), a page at a time. One query.
   */
  async list(scope: ClassScope, input: ClassListInput = {}): Promise<Page<ClassListItem>> {
    const filter = parseInput(classListInput, input);
    if (!('all' in scope) && scope.unitIds.length === 0) return { items: [], nextCursor: null };
    const query = classListQuery(scope, filter);
    const rows = await session(this.orm).execute<ClassListRow[]>(query.sql, query.params);
    const items = rows.slice(0, filter.limit).map(toListItem);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > filter.limit && last ? listCursor(last) : null };
  }

  /**
   * Who moved the class through its states and when, oldest first, its creation included. Staff
   * accounts are named by their display name (rows written before ADR 0009 carried the username
   * in the label too): usernames are for those who manage accounts.
   */
  async history(classId: string): Promise<ClassTransitionRecord[]> {
    const ref = parseInput(recordRef, { id: classId });
    const em = this.orm.em.fork();
    await assertExists(em, 'training_class', ref.id, 'CLASS.NOT_FOUND', CLASS, 'classId');
    const rows = await em.execute<
      { from: ClassStatus | null; to: ClassStatus; at: string; actor_id: string | null; actor_label: string }[]
    >(
      `SELECT a.before->>'status' AS "from", a.after->>'status' AS "to", a.actor_id,
              coalesce(u.display_name, a.actor_label) AS actor_label,
              to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.entity = 'class' AND a.entity_id = ? AND a.action IN ('class.create', 'class.transition')
        ORDER BY a.id`,
      [ref.id],
    );
    return rows.map((r) => ({ from: r.from, to: r.to, at: r.at, actor: { id: r.actor_id, label: r.actor_label } }));
  }

  /**
   * Adds sessions to the timetable. They must fall within the class's dates (INPUT.INVALID naming
   * the session) and overlap neither one another nor the sessions already there (TIMETABLE.CLASH).
   * The class row is locked, so two clerks adding the same morning cannot both succeed.
   */
  async addSessions(actor: Actor, classId: string, sessions: AddSessionsInput['sessions']): Promise<ClassView> {
    const ref = parseInput(recordRef, { id: classId });
    const data = parseInput(addSessionsInput, { sessions });
    await this.orm.em.fork().transactional(async (tx) => {
      const [cls] = await tx.execute<
        { status: ClassStatus; start_date: string; end_date: string; program_id: string }[]
      >('SELECT status, start_date::text, end_date::text, program_id FROM training_class WHERE id = ? FOR UPDATE', [
        ref.id,
      ]);
      if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, ref.id, 'classId');
      if (TIMETABLE_FROZEN.includes(cls.status))
        throw classNotEditableError(cls.status, CLASS_STATUS_NAMES[cls.status]);
      const added = data.sessions.map(withTimes);
      added.forEach((session, index) => {
        if (session.date < cls.start_date || session.date > cls.end_date) {
          throw invalidFieldError(`sessions.${index}.date`, {
            vi: 'Buổi học nằm ngoài thời gian của lớp.',
            en: 'The session falls outside the dates of the class.',
          });
        }
      });
      const self = findSelfClash(added);
      if (self) throw timetableClashError(self.first, self.second);
      const existing = await tx.execute<{ date: string; startTime: string; endTime: string }[]>(
        `SELECT date::text AS date, to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime"
           FROM class_session WHERE class_id = ?`,
        [ref.id],
      );
      const clash = findClash(added, existing);
      if (clash) throw timetableClashError(clash.first, clash.second);
      const count = await insertSessions(tx, ref.id, cls.program_id, added);
      await audit(tx, actor, {
        action: 'class.add_sessions',
        entity: 'class',
        entityId: ref.id,
        after: { sessions: count, dates: added.map((s) => s.date) },
      });
    });
    return this.get(ref.id);
  }

  /** A class with its sites and its timetable ordered by date and time of day. */
  /** The organising unit of a class, for access checks. */
  async organiserOf(classId: string): Promise<string> {
    return this.organisers.get(classId, async () => {
      const [row] = await this.orm.em
        .fork()
        .execute<{ organiser_unit_id: string }[]>('SELECT organiser_unit_id FROM training_class WHERE id = ?', [
          classId,
        ]);
      if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, classId, 'classId');
      return row.organiser_unit_id;
    });
  }

  /** The class a session belongs to and its organiser, for access checks on the session. */
  async sessionOwner(sessionId: string): Promise<{ classId: string; organiserUnitId: string }> {
    return this.owners.get(sessionId, async () => {
      const [row] = await this.orm.em
        .fork()
        .execute<{ class_id: string; organiser_unit_id: string }[]>(
          'SELECT s.class_id, c.organiser_unit_id FROM class_session s JOIN training_class c ON c.id = s.class_id WHERE s.id = ?',
          [sessionId],
        );
      if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', { vi: 'buổi học', en: 'session' }, sessionId, 'sessionId');
      return { classId: row.class_id, organiserUnitId: row.organiser_unit_id };
    });
  }

  async get(classId: string): Promise<ClassView> {
    const ref = parseInput(recordRef, { id: classId });
    const em = session(this.orm);
    const [row] = await em.execute<ClassRow[]>(
      `SELECT c.id, c.code, c.title, p.id AS program_id, p.code AS program_code, p.name_vi AS program_name_vi,
              p.name_en AS program_name_en, u.id AS organiser_id, u.code AS organiser_code, u.name AS organiser_name,
              c.mode, c.venue, c.online_link, c.start_date::text AS start_date, c.end_date::text AS end_date, c.capacity,
              c.seats_taken, c.enrolment_opens_on::text AS enrolment_opens_on,
              c.enrolment_closes_on::text AS enrolment_closes_on, c.status, c.version
         FROM training_class c JOIN program p ON p.id = c.program_id JOIN unit u ON u.id = c.organiser_unit_id
        WHERE c.id = ?`,
      [ref.id],
    );
    if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, ref.id, 'classId');
    const sites = await em.execute<{ id: string; name: string; unit_id: string | null }[]>(
      'SELECT id, name, unit_id FROM class_site WHERE class_id = ? ORDER BY name COLLATE "vi-x-icu", id',
      [ref.id],
    );
    const sessions = await em.execute<SessionRow[]>(
      `SELECT s.id, s.date::text AS date, s.part, to_char(s.start_time, 'HH24:MI') AS start_time,
              to_char(s.end_time, 'HH24:MI') AS end_time, s.topic_number, s.title, s.periods, s.lecturer_id, s.site_id,
              cs.name AS site_name
         FROM class_session s LEFT JOIN class_site cs ON cs.id = s.site_id
        WHERE s.class_id = ?
        ORDER BY s.date, s.start_time, s.id`,
      [ref.id],
    );
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      program: {
        id: row.program_id,
        code: row.program_code,
        name: { vi: row.program_name_vi, en: row.program_name_en },
      },
      organiser: { id: row.organiser_id, code: row.organiser_code, name: row.organiser_name },
      mode: row.mode,
      venue: row.venue,
      onlineLink: row.online_link,
      sites: sites.map((s) => ({ id: s.id, name: s.name, unitId: s.unit_id })),
      startDate: row.start_date,
      endDate: row.end_date,
      capacity: row.capacity,
      seatsTaken: row.seats_taken,
      seatsLeft: row.capacity - row.seats_taken,
      enrolmentOpensOn: row.enrolment_opens_on,
      enrolmentClosesOn: row.enrolment_closes_on,
      status: row.status,
      statusName: CLASS_STATUS_NAMES[row.status],
      version: row.version,
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.date,
        part: s.part,
        startTime: s.start_time,
        endTime: s.end_time,
        topicNumber: s.topic_number,
        title: s.title,
        periods: s.periods,
        lecturerId: s.lecturer_id,
        siteId: s.site_id,
        siteName: s.site_name,
      })),
    };
  }

  /**
   * The public catalog: classes open for enrolment, by start date, a page at a time, optionally
   * of one program, organised by a unit or the units below it, running within a date range. It
   * carries no personal data (no lecturers, no trainees) and no online links.
   */
  async catalog(input: ClassCatalogInput = {}): Promise<Page<CatalogEntry>> {
    const filter = parseInput(classCatalogInput, input);
    const query = catalogQuery(filter);
    // The portal's busiest read: one prepared statement on a pooled connection, without an
    // EntityManager and knex around it, whose garbage per call grew the server's heap under load.
    const rows = await runStatement<CatalogRow[]>(this.orm, query.sql, query.params);
    if (rows.length === 0 && !filter.cursor) await assertCatalogCodes(this.orm.em.fork(), filter);
    const now = today();
    const page = rows.slice(0, filter.limit).map(
      (r): CatalogEntry => ({
        id: r.id,
        code: r.code,
        title: r.title,
        program: { code: r.program_code, name: { vi: r.program_name_vi, en: r.program_name_en } },
        organiser: { code: r.organiser_code, name: r.organiser_name },
        mode: r.mode,
        venue: r.venue,
        sites: r.sites,
        startDate: r.start_date,
        endDate: r.end_date,
        capacity: r.capacity,
        seatsLeft: r.seats_left,
        enrolmentOpensOn: r.enrolment_opens_on,
        enrolmentClosesOn: r.enrolment_closes_on,
        enrolment: enrolmentWindowState(
          { status: 'open', enrolmentOpensOn: r.enrolment_opens_on, enrolmentClosesOn: r.enrolment_closes_on },
          now,
        ),
        sessionCount: r.session_count,
        periods: r.periods,
      }),
    );
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: rows.length > filter.limit && last ? encodeCursor([last.startDate, last.code, last.id]) : null,
    };
  }
}

type CatalogRow = Omit<
  ClassRow,
  'program_id' | 'organiser_id' | 'online_link' | 'seats_taken' | 'status' | 'version'
> & {
  seats_left: number;
  sites: string[];
  session_count: number;
  periods: number;
};
