import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertEligible,
  assertEnrolmentTransition,
  assertOpenForEnrolment,
  classNotOpenError,
  DomainError,
  type EducationLevel,
  type EnrolmentListInput,
  type EnrolmentRequestInput,
  type EnrolmentState,
  enrolmentActionInput,
  enrolmentListInput,
  enrolmentNotFoundError,
  enrolmentRejectionInput,
  enrolmentRequestInput,
  holdsSeat,
  invalidFieldError,
  type LocalizedText,
  type NominationInput,
  nominationInput,
  type Page,
  type PartyStatus,
  parseInput,
  recordNotFoundError,
  recordRef,
  scheduleClashError,
} from '@polcenter/domain';
import type { Actor } from '../actor';
import { type AuditEntry, audit } from '../audit';
import type { Orm } from '../orm';
import { decodeCursor, encodeCursor } from './cursor';
import {
  type ClassRow,
  type ClockOptions,
  ENROLMENT_SELECT,
  type EnrolmentRow,
  type EnrolmentView,
  inTransaction,
  loadClass,
  lockEnrolment,
  programName,
  readEnrolments,
  toEnrolmentView,
  uuidArray,
  vietnamToday,
} from './enrolment-sql';

export type { EnrolmentView } from './enrolment-sql';

/** How a request is decided: left for staff (default), or admitted at once while seats remain. */
export interface RequestOptions {
  /**
   * Approve at once if a seat is free, else waitlist — for classes that admit first come, first
   * served (a resolution study conference, the portal's self-registration when the center says so).
   */
  readonly autoAdmit?: boolean;
}

/** What a nomination did with each person: enrolled, already there, or refused and why. */
export interface NominationResult {
  readonly nominated: readonly EnrolmentView[];
  /** People who already had an active enrolment in the class: it is returned, not duplicated. */
  readonly existing: readonly EnrolmentView[];
  readonly refused: readonly {
    readonly personId: string;
    /** Index in `personIds`. */
    readonly index: number;
    readonly code: string;
    readonly message: LocalizedText;
    readonly details: Readonly<Record<string, unknown>>;
  }[];
}

export interface WithdrawalResult {
  readonly enrolment: EnrolmentView;
  /** The first on the waitlist, given the freed seat in the same transaction; null if none. */
  readonly promoted: EnrolmentView | null;
}

interface PersonRow {
  id: string;
  full_name: string;
  party_status: PartyStatus;
  education_level: EducationLevel | null;
}

/** Classes whose seats may still be given: a seat freed in a finished class goes to no one. */
const SEATING_STATUSES = ['open', 'running'];

/**
 * The enrolment lifecycle: nominate, request, approve, reject, withdraw (with waitlist promotion),
 * and the lists. Every rule concurrency could break is held by the database:
 * - capacity: a seat is a conditional `UPDATE … WHERE seats_taken < capacity` (and a CHECK);
 * - one active enrolment per person and class: the partial unique index `enrolment_one_active`;
 * - no schedule clash and no double request: the person's row is locked before the checks, so
 *   two requests for one person run one after the other and the second sees the first;
 * - waitlist promotion: under the class row's lock, first by (requested_at, queue_seq).
 */
export class EnrolmentService {
  private readonly today: () => string;

  constructor(
    private readonly orm: Orm,
    options: ClockOptions = {},
  ) {
    this.today = options.today ?? vietnamToday;
  }

  async get(enrolmentId: string): Promise<EnrolmentView> {
    const { id } = parseInput(recordRef, { id: enrolmentId });
    const [view] = await readEnrolments(this.orm.em.fork(), [id]);
    if (!view) throw enrolmentNotFoundError(id, 'id');
    return view;
  }

  /**
   * A person asks for a seat (or staff ask for them). Idempotent: while the person has an active
   * enrolment in the class, asking again returns it. With `autoAdmit` the request is approved at
   * once if a seat is free, else waitlisted; otherwise it waits for staff.
   */
  async request(actor: Actor, input: EnrolmentRequestInput, options: RequestOptions = {}): Promise<EnrolmentView> {
    const data = parseInput(enrolmentRequestInput, input);
    const today = this.today();
    const id = await inTransaction(this.orm, async (tx) => {
      const cls = await loadClass(tx, data.classId);
      const [person] = await lockPeople(tx, [data.personId], () => 'personId');
      if (!person) throw new Error('unreachable: lockPeople throws for a missing person');
      const [existing] = await activeEnrolments(tx, cls.id, [person.id]);
      if (existing) return existing.id;
      assertOpenForEnrolment(
        { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
        today,
      );
      const refusal = (await refusalsFor(tx, cls, [person])).get(person.id);
      if (refusal) throw refusal;
      const [created] = await insertEnrolments(tx, cls.id, [person.id], {
        origin: 'requested',
        unitId: null,
        note: data.note ?? null,
      });
      if (!created) {
        // Only a writer that skips the person lock (an import) can get here first: theirs stands.
        const [other] = await activeEnrolments(tx, cls.id, [person.id]);
        if (!other) throw new Error('enrolment conflict without an active enrolment');
        return other.id;
      }
      let state: EnrolmentState = 'requested';
      if (options.autoAdmit) {
        state = (await claimSeat(tx, cls.id)) ? 'approved' : 'waitlisted';
        await tx.execute(`UPDATE enrolment SET state = ?, decided_at = now() WHERE id = ?`, [state, created.id]);
      }
      await audit(tx, actor, {
        action: 'enrolment.request',
        entity: 'enrolment',
        entityId: created.id,
        before: null,
        after: { classId: cls.id, personId: person.id, state, autoAdmit: Boolean(options.autoAdmit) },
      });
      return created.id;
    });
    return this.get(id);
  }

  /**
   * A unit sends many of its people to a class at once (up to 1,000 per call). Unknown people are
   * bad input and nothing is written; people who may not attend (not eligible, already passed, a
   * schedule clash) are refused one by one with the reason, and the others are nominated.
   */
  async nominate(actor: Actor, input: NominationInput): Promise<NominationResult> {
    const data = parseInput(nominationInput, input);
    const today = this.today();
    const result = await inTransaction(this.orm, async (tx) => {
      const cls = await loadClass(tx, data.classId);
      const [unit] = await tx.execute('SELECT 1 FROM unit WHERE id = ?', [data.unitId]);
      if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, data.unitId, 'unitId');
      assertOpenForEnrolment(
        { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
        today,
      );
      const index = new Map(data.personIds.map((id, i) => [id, i]));
      const people = await lockPeople(tx, data.personIds, (id) => `personIds.${index.get(id)}`);
      const existing = await activeEnrolments(tx, cls.id, data.personIds);
      const already = new Set(existing.map((e) => e.person_id));
      const candidates = people.filter((p) => !already.has(p.id));
      const refusals = await refusalsFor(tx, cls, candidates);
      const accepted = data.personIds.filter((id) => !already.has(id) && !refusals.has(id));
      const created = await insertEnrolments(tx, cls.id, accepted, {
        origin: 'nominated',
        unitId: data.unitId,
        note: data.note ?? null,
      });
      await audit(
        tx,
        actor,
        ...created.map(
          (e): AuditEntry => ({
            action: 'enrolment.nominate',
            entity: 'enrolment',
            entityId: e.id,
            before: null,
            after: { classId: cls.id, personId: e.person_id, unitId: data.unitId, state: 'nominated' },
          }),
        ),
      );
      return {
        created: created.map((e) => e.id),
        existing: existing.map((e) => e.id),
        refused: [...refusals].map(([personId, error]) => ({
          personId,
          index: index.get(personId) ?? -1,
          code: error.code,
          message: error.text,
          details: error.details,
        })),
      };
    });
    const em = this.orm.em.fork();
    return {
      nominated: await readEnrolments(em, result.created),
      existing: await readEnrolments(em, result.existing),
      refused: result.refused.sort((a, b) => a.index - b.index),
    };
  }

  /**
   * Staff approve a nomination, request or waitlisted enrolment. A seat is claimed by a
   * conditional UPDATE; when none is left the enrolment is waitlisted instead — never approved
   * over capacity. Approving an approved enrolment returns it unchanged.
   */
  async approve(actor: Actor, enrolmentId: string): Promise<EnrolmentView> {
    const data = parseInput(enrolmentActionInput, { enrolmentId });
    const id = await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (e.state === 'approved') return e.id;
      assertEnrolmentTransition(e.state, 'approved');
      const [cls] = await tx.execute<{ status: ClassRow['status'] }[]>(
        'SELECT status FROM training_class WHERE id = ?',
        [e.class_id],
      );
      if (!cls || !SEATING_STATUSES.includes(cls.status)) throw classNotOpenError(cls?.status ?? 'draft');
      const to: EnrolmentState = (await claimSeat(tx, e.class_id)) ? 'approved' : 'waitlisted';
      if (to === e.state) return e.id;
      await setState(tx, e.id, to);
      await audit(tx, actor, {
        action: to === 'approved' ? 'enrolment.approve' : 'enrolment.waitlist',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: e.state },
        after: { state: to },
      });
      return e.id;
    });
    return this.get(id);
  }

  /**
   * Staff put a nomination or request on the waitlist without trying for a seat (e.g. while the
   * unit's quota is being settled). Its place in the queue is the time it was asked for.
   */
  async waitlist(actor: Actor, enrolmentId: string): Promise<EnrolmentView> {
    const data = parseInput(enrolmentActionInput, { enrolmentId });
    const id = await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (e.state === 'waitlisted') return e.id;
      assertEnrolmentTransition(e.state, 'waitlisted');
      await setState(tx, e.id, 'waitlisted');
      await audit(tx, actor, {
        action: 'enrolment.waitlist',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: e.state },
        after: { state: 'waitlisted' },
      });
      return e.id;
    });
    return this.get(id);
  }

  /**
   * Fills the free seats of a class from its waitlist, first come first served — after its
   * capacity was raised, say. Under the class row's lock, so it never races a withdrawal.
   */
  async promote(actor: Actor, classId: string): Promise<EnrolmentView[]> {
    const data = parseInput(recordRef, { id: classId });
    const promoted = await inTransaction(this.orm, async (tx) => {
      const [cls] = await tx.execute<{ status: string }[]>(
        'SELECT status FROM training_class WHERE id = ? FOR NO KEY UPDATE',
        [data.id],
      );
      if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', { vi: 'lớp', en: 'class' }, data.id, 'classId');
      if (!SEATING_STATUSES.includes(cls.status)) throw classNotOpenError(cls.status as ClassRow['status']);
      const ids: string[] = [];
      const waiting = await tx.execute<{ id: string }[]>(
        `SELECT id FROM enrolment WHERE class_id = ? AND state = 'waitlisted'
          ORDER BY requested_at, queue_seq FOR UPDATE SKIP LOCKED`,
        [data.id],
      );
      for (const next of waiting) {
        if (!(await claimSeat(tx, data.id))) break;
        await setState(tx, next.id, 'approved');
        ids.push(next.id);
      }
      await audit(
        tx,
        actor,
        ...ids.map((id) => ({
          action: 'enrolment.promote',
          entity: 'enrolment',
          entityId: id,
          before: { state: 'waitlisted' },
          after: { state: 'approved' },
        })),
      );
      return ids;
    });
    return readEnrolments(this.orm.em.fork(), promoted);
  }

  /** Staff refuse a nomination, request or waitlisted enrolment, always saying why. */
  async reject(actor: Actor, enrolmentId: string, reason: string): Promise<EnrolmentView> {
    const data = parseInput(enrolmentRejectionInput, { enrolmentId, reason });
    const id = await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      assertEnrolmentTransition(e.state, 'rejected');
      await setState(tx, e.id, 'rejected', data.reason);
      await audit(tx, actor, {
        action: 'enrolment.reject',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: e.state },
        after: { state: 'rejected', reason: data.reason },
      });
      return e.id;
    });
    return this.get(id);
  }

  /**
   * The person leaves the class (or is taken off the list). A seat they held goes, in the same
   * transaction, to the first on the waitlist in order of request — exactly once per freed seat,
   * as the class row stays locked until the commit.
   */
  async withdraw(actor: Actor, enrolmentId: string, reason?: string | null): Promise<WithdrawalResult> {
    const data = parseInput(enrolmentActionInput, { enrolmentId, reason });
    const ids = await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      assertEnrolmentTransition(e.state, 'withdrawn');
      await setState(tx, e.id, 'withdrawn', data.reason ?? null);
      const entries: AuditEntry[] = [
        {
          action: 'enrolment.withdraw',
          entity: 'enrolment',
          entityId: e.id,
          before: { state: e.state },
          after: { state: 'withdrawn', reason: data.reason ?? null },
        },
      ];
      let promoted: string | null = null;
      if (holdsSeat(e.state)) {
        // The class row's lock orders this against every seat claim and every other withdrawal.
        const [cls] = await tx.execute<{ status: string }[]>(
          'SELECT status FROM training_class WHERE id = ? FOR NO KEY UPDATE',
          [e.class_id],
        );
        const [next] = SEATING_STATUSES.includes(cls?.status ?? '')
          ? await tx.execute<{ id: string }[]>(
              `SELECT id FROM enrolment WHERE class_id = ? AND state = 'waitlisted'
                ORDER BY requested_at, queue_seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
              [e.class_id],
            )
          : [];
        if (next) {
          // The seat passes straight on: seats_taken does not change.
          promoted = next.id;
          await setState(tx, next.id, 'approved');
          entries.push({
            action: 'enrolment.promote',
            entity: 'enrolment',
            entityId: next.id,
            before: { state: 'waitlisted' },
            after: { state: 'approved', seatFreedBy: e.id },
          });
        } else {
          await tx.execute('UPDATE training_class SET seats_taken = seats_taken - 1 WHERE id = ?', [e.class_id]);
        }
      }
      await audit(tx, actor, ...entries);
      return { withdrawn: e.id, promoted };
    });
    const em = this.orm.em.fork();
    const [enrolment] = await readEnrolments(em, [ids.withdrawn]);
    const [promoted] = ids.promoted ? await readEnrolments(em, [ids.promoted]) : [];
    if (!enrolment) throw enrolmentNotFoundError(ids.withdrawn);
    return { enrolment, promoted: promoted ?? null };
  }

  /** A class's enrolments in order of request (the waitlist's order), a page at a time. */
  async listForClass(input: EnrolmentListInput): Promise<Page<EnrolmentView>> {
    const data = parseInput(enrolmentListInput, input);
    const params: unknown[] = [data.classId];
    let where = 'e.class_id = ?';
    if (data.states) {
      where += ` AND e.state IN (${data.states.map(() => '?').join(', ')})`;
      params.push(...data.states);
    }
    if (data.cursor) {
      const [at, seq] = decodeCursor(data.cursor, ['text', 'text']);
      if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at ?? '') || !/^\d{1,19}$/.test(seq ?? '')) {
        throw invalidFieldError('cursor', {
          vi: 'Con trỏ trang không hợp lệ; hãy tải lại từ trang đầu.',
          en: 'Not a valid page cursor; start again from the first page.',
        });
      }
      where += ' AND (e.requested_at, e.queue_seq) > (?::timestamptz, ?::bigint)';
      params.push(at, seq);
    }
    const em = this.orm.em.fork();
    const [cls] = await em.execute('SELECT 1 FROM training_class WHERE id = ?', [data.classId]);
    if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', { vi: 'lớp', en: 'class' }, data.classId, 'classId');
    const rows = await em.execute<EnrolmentRow[]>(
      `${ENROLMENT_SELECT} WHERE ${where} ORDER BY e.requested_at, e.queue_seq LIMIT ${data.limit + 1}`,
      params,
    );
    const page = rows.slice(0, data.limit);
    const last = page.at(-1);
    return {
      items: page.map(toEnrolmentView),
      nextCursor: rows.length > data.limit && last ? encodeCursor([last.requested_at, last.queue_seq]) : null,
    };
  }

  /** Every enrolment of a person, latest class first (a person has a handful, not thousands). */
  async listForPerson(personId: string): Promise<EnrolmentView[]> {
    const { id } = parseInput(recordRef, { id: personId });
    const em = this.orm.em.fork();
    const [person] = await em.execute('SELECT 1 FROM person WHERE id = ?', [id]);
    if (!person) throw recordNotFoundError('PERSON.NOT_FOUND', { vi: 'người', en: 'person' }, id, 'personId');
    const rows = await em.execute<EnrolmentRow[]>(
      `${ENROLMENT_SELECT} WHERE e.person_id = ? ORDER BY c.start_date DESC, e.requested_at DESC, e.queue_seq DESC`,
      [id],
    );
    return rows.map(toEnrolmentView);
  }
}

/**
 * Locks the people's rows (in id order, so two batches never deadlock) for the transaction: every
 * path that creates an enrolment takes this lock first, which makes the duplicate and clash checks
 * that follow hold under concurrency. PERSON.NOT_FOUND names the field of the first unknown id.
 */
export async function lockPeople(
  tx: EntityManager,
  ids: readonly string[],
  fieldOf: (id: string) => string,
): Promise<PersonRow[]> {
  const rows = await tx.execute<PersonRow[]>(
    `SELECT id, full_name, party_status, education_level FROM person
      WHERE id = ANY(?::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
    [uuidArray(ids)],
  );
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw recordNotFoundError('PERSON.NOT_FOUND', { vi: 'người', en: 'person' }, missing, fieldOf(missing));
  }
  return rows;
}

export async function activeEnrolments(
  tx: EntityManager,
  classId: string,
  personIds: readonly string[],
): Promise<{ id: string; person_id: string }[]> {
  return tx.execute(
    `SELECT id, person_id FROM enrolment
      WHERE class_id = ? AND person_id = ANY(?::uuid[]) AND state NOT IN ('withdrawn', 'rejected')`,
    [classId, uuidArray(personIds)],
  );
}

/**
 * Why each of these people may not enrol in the class, if they may not: the program's eligibility
 * (party status, education, prerequisite certificates, already passed) and sessions that overlap
 * a class they are already in. Three queries, whatever the number of people.
 */
export async function refusalsFor(
  tx: EntityManager,
  cls: ClassRow,
  people: readonly PersonRow[],
): Promise<Map<string, DomainError>> {
  const refusals = new Map<string, DomainError>();
  if (people.length === 0) return refusals;
  const ids = uuidArray(people.map((p) => p.id));
  const history = await tx.execute<{ person_id: string; code: string; passed: boolean; certified: boolean }[]>(
    `SELECT e.person_id, pr.code, e.state = 'passed' AS passed,
            EXISTS (SELECT 1 FROM certificate ce WHERE ce.enrolment_id = e.id AND ce.revoked_at IS NULL) AS certified
       FROM enrolment e JOIN training_class c ON c.id = e.class_id JOIN program pr ON pr.id = c.program_id
      WHERE e.person_id = ANY(?::uuid[]) AND e.state = 'passed'`,
    [ids],
  );
  const prerequisites = cls.rules.eligibility.prerequisites ?? [];
  const names: Record<string, LocalizedText> = {};
  if (prerequisites.length > 0) {
    const rows = await tx.execute<{ code: string; name_vi: string; name_en: string }[]>(
      'SELECT code, name_vi, name_en FROM program WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))',
      [JSON.stringify(prerequisites)],
    );
    for (const r of rows) names[r.code] = { vi: r.name_vi, en: r.name_en };
  }
  const program = { code: cls.program_code, name: programName(cls), eligibility: cls.rules.eligibility };
  for (const person of people) {
    const mine = history.filter((h) => h.person_id === person.id);
    try {
      assertEligible(
        program,
        {
          partyStatus: person.party_status,
          educationLevel: person.education_level,
          certificates: mine.filter((h) => h.certified).map((h) => h.code),
          passedPrograms: mine.filter((h) => h.passed).map((h) => h.code),
        },
        names,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.set(person.id, error);
    }
  }
  const clashes = await tx.execute<
    { person_id: string; class_code: string; date: string; start_time: string; end_time: string }[]
  >(
    `SELECT DISTINCT ON (e.person_id) e.person_id, oc.code AS class_code, os.date::text AS date,
            to_char(os.start_time, 'HH24:MI') AS start_time, to_char(os.end_time, 'HH24:MI') AS end_time
       FROM enrolment e
       JOIN training_class oc ON oc.id = e.class_id AND oc.status <> 'cancelled'
       JOIN class_session os ON os.class_id = e.class_id
       JOIN class_session ns ON ns.class_id = ? AND ns.date = os.date
                            AND ns.start_time < os.end_time AND os.start_time < ns.end_time
      WHERE e.person_id = ANY(?::uuid[]) AND e.class_id <> ? AND e.state NOT IN ('withdrawn', 'rejected')
      ORDER BY e.person_id, os.date, os.start_time`,
    [cls.id, ids, cls.id],
  );
  for (const clash of clashes) {
    if (refusals.has(clash.person_id)) continue;
    refusals.set(
      clash.person_id,
      scheduleClashError(clash.class_code, { date: clash.date, startTime: clash.start_time, endTime: clash.end_time }),
    );
  }
  return refusals;
}

/** New enrolments in the given order (which is their waitlist order); none for an active duplicate. */
export async function insertEnrolments(
  tx: EntityManager,
  classId: string,
  personIds: readonly string[],
  how: { origin: 'nominated' | 'requested'; unitId: string | null; note: string | null },
): Promise<{ id: string; person_id: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await tx.execute<{ id: string; person_id: string; n: string }[]>(
    `WITH input AS (SELECT person_id, n FROM unnest(?::uuid[]) WITH ORDINALITY AS x(person_id, n))
     INSERT INTO enrolment (id, class_id, person_id, state, origin, nominated_by_unit_id, note)
     SELECT gen_random_uuid(), ?, person_id, ?, ?, ?, ? FROM input ORDER BY n
     ON CONFLICT (class_id, person_id) WHERE state NOT IN ('withdrawn', 'rejected') DO NOTHING
     RETURNING id, person_id`,
    [uuidArray(personIds), classId, how.origin, how.origin, how.unitId, how.note],
  );
  const order = new Map(personIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.person_id) ?? 0) - (order.get(b.person_id) ?? 0));
}

/**
 * Takes one seat of the class, or reports that none is left. When none is, the class row is still
 * locked until the commit, so a withdrawal cannot free a seat unseen and leave this enrolment on
 * the waitlist beside an empty chair.
 */
async function claimSeat(tx: EntityManager, classId: string): Promise<boolean> {
  const take = () =>
    tx.execute(
      'UPDATE training_class SET seats_taken = seats_taken + 1 WHERE id = ? AND seats_taken < capacity RETURNING id',
      [classId],
    );
  if ((await take()).length > 0) return true;
  const [row] = await tx.execute<{ free: boolean }[]>(
    'SELECT seats_taken < capacity AS free FROM training_class WHERE id = ? FOR NO KEY UPDATE',
    [classId],
  );
  // A seat freed between the two statements: now that we hold the lock, taking it cannot race.
  return row?.free ? (await take()).length > 0 : false;
}

async function setState(tx: EntityManager, id: string, state: EnrolmentState, reason?: string | null): Promise<void> {
  await tx.execute(
    `UPDATE enrolment SET state = ?, decided_at = now(), updated_at = now(), version = version + 1
       ${reason === undefined ? '' : ', decision_reason = ?'}
     WHERE id = ?`,
    reason === undefined ? [state, id] : [state, reason, id],
  );
}
