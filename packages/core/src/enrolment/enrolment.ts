import {
  assertEnrolmentTransition,
  assertOpenForEnrolment,
  classNotOpenError,
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
  parseInput,
  recordNotFoundError,
  recordRef,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { type AuditEntry, audit } from '../kernel/audit.js';
import { decodeCursor, encodeCursor } from '../kernel/cursor.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { enrolmentChecks } from './checks.js';
import {
  type ClassRow,
  type ClockOptions,
  ENROLMENT_SELECT,
  type EnrolmentRow,
  type EnrolmentView,
  loadClass,
  loadClassLockingPeople,
  lockEnrolment,
  lockPeople,
  type PersonRow,
  readEnrolments,
  toEnrolmentView,
  vietnamToday,
} from './enrolment-sql.js';
import { claimSeat, insertNominations, insertRequest, setState } from './writes.js';

export type { EnrolmentView } from './enrolment-sql.js';

/** How a request is decided: left for staff (default), or admitted at once while seats remain. */
export interface RequestOptions {
  /**
   * Approve at once if a seat is free, else waitlist — for classes that admit first come, first
   * served (a resolution study conference, the portal's self-registration when the center says so).
   */
  readonly autoAdmit?: boolean;
  /**
   * The caller's access check, made on the rows the request reads anyway (the class and the
   * person, locked), inside its transaction: the API's scope check costs no read of its own, and
   * what it throws leaves nothing written.
   */
  readonly authorise?: (owners: RequestOwners) => void;
}

/** Whose business a request is: the person's unit and the class's organiser. */
export interface RequestOwners {
  readonly personUnitId: string | null;
  readonly organiserUnitId: string;
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

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
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
    return inTransaction(this.orm, async (tx) => {
      const { cls, people } = await loadClassLockingPeople(tx, data.classId, [data.personId], () => 'personId');
      const person = people[0] as PersonRow;
      options.authorise?.({ personUnitId: person.unit_id, organiserUnitId: cls.organiser_unit_id });
      const checks = await enrolmentChecks(tx, cls, people);
      const existing = checks.existing.get(person.id);
      if (existing) return toEnrolmentView(existing);
      assertOpenForEnrolment(
        { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
        today,
      );
      const refusal = checks.refusals.get(person.id);
      if (refusal) throw refusal;
      const created = await insertRequest(tx, actor, cls, person, {
        autoAdmit: Boolean(options.autoAdmit),
        note: data.note ?? null,
      });
      return toEnrolmentView(created);
    });
  }

  /**
   * A unit sends many of its people to a class at once (up to 1,000 per call). Unknown people are
   * bad input and nothing is written; people who may not attend (not eligible, already passed, a
   * schedule clash) are refused one by one with the reason, and the others are nominated.
   */
  async nominate(actor: Actor, input: NominationInput): Promise<NominationResult> {
    const data = parseInput(nominationInput, input);
    const today = this.today();
    return inTransaction(this.orm, async (tx) => {
      const cls = await loadClass(tx, data.classId);
      const [unit] = await tx.execute('SELECT 1 FROM unit WHERE id = ?', [data.unitId]);
      if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, data.unitId, 'unitId');
      assertOpenForEnrolment(
        { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
        today,
      );
      const index = new Map(data.personIds.map((id, i) => [id, i]));
      const people = await lockPeople(tx, data.personIds, (id) => `personIds.${index.get(id)}`);
      const checks = await enrolmentChecks(tx, cls, people);
      const refused = [...checks.refusals].filter(([personId]) => !checks.existing.has(personId));
      const accepted = people.filter((p) => !checks.existing.has(p.id) && !checks.refusals.has(p.id));
      accepted.sort((x, y) => (index.get(x.id) ?? 0) - (index.get(y.id) ?? 0));
      const created = await insertNominations(tx, cls, accepted, { unitId: data.unitId, note: data.note ?? null });
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
      const inOrder = (rows: Iterable<EnrolmentRow>) =>
        [...rows].sort((x, y) => (index.get(x.person_id) ?? 0) - (index.get(y.person_id) ?? 0)).map(toEnrolmentView);
      return {
        nominated: inOrder(created),
        existing: inOrder(checks.existing.values()),
        refused: refused
          .map(([personId, error]) => ({
            personId,
            index: index.get(personId) ?? -1,
            code: error.code,
            message: error.text,
            details: error.details,
          }))
          .sort((x, y) => x.index - y.index),
      };
    });
  }

  /**
   * Staff approve a nomination, request or waitlisted enrolment. A seat is claimed by a
   * conditional UPDATE; when none is left the enrolment is waitlisted instead — never approved
   * over capacity. Approving an approved enrolment returns it unchanged.
   */
  async approve(actor: Actor, enrolmentId: string): Promise<EnrolmentView> {
    const data = parseInput(enrolmentActionInput, { enrolmentId });
    return inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (e.state === 'approved') return viewOf(tx, e.id);
      assertEnrolmentTransition(e.state, 'approved');
      const [cls] = await tx.execute<{ status: ClassRow['status'] }[]>(
        'SELECT status FROM training_class WHERE id = ?',
        [e.class_id],
      );
      if (!cls || !SEATING_STATUSES.includes(cls.status)) throw classNotOpenError(cls?.status ?? 'draft');
      const to: EnrolmentState = (await claimSeat(tx, e.class_id)) ? 'approved' : 'waitlisted';
      if (to === e.state) return viewOf(tx, e.id);
      await setState(tx, e.id, to);
      await audit(tx, actor, {
        action: to === 'approved' ? 'enrolment.approve' : 'enrolment.waitlist',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: e.state },
        after: { state: to },
      });
      return viewOf(tx, e.id);
    });
  }

  /**
   * Staff put a nomination or request on the waitlist without trying for a seat (e.g. while the
   * unit's quota is being settled). Its place in the queue is the time it was asked for.
   */
  async waitlist(actor: Actor, enrolmentId: string): Promise<EnrolmentView> {
    const data = parseInput(enrolmentActionInput, { enrolmentId });
    return inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (e.state === 'waitlisted') return viewOf(tx, e.id);
      assertEnrolmentTransition(e.state, 'waitlisted');
      await setState(tx, e.id, 'waitlisted');
      await audit(tx, actor, {
        action: 'enrolment.waitlist',
        entity: 'enrolment',
        entityId: e.id,
        before: { state: e.state },
        after: { state: 'waitlisted' },
      });
      return viewOf(tx, e.id);
    });
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
    return inTransaction(this.orm, async (tx) => {
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
      return viewOf(tx, e.id);
    });
  }

  /**
   * The person leaves the class (or is taken off the list). A seat they held goes, in the same
   * transaction, to the first on the waitlist in order of request — exactly once per freed seat,
   * as the class row stays locked until the commit.
   */
  async withdraw(actor: Actor, enrolmentId: string, reason?: string | null): Promise<WithdrawalResult> {
    const data = parseInput(enrolmentActionInput, { enrolmentId, reason });
    return inTransaction(this.orm, async (tx) => {
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
      return { enrolment: await viewOf(tx, e.id), promoted: promoted ? await viewOf(tx, promoted) : null };
    });
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

/** The enrolment as it stands in this transaction: what a change returns, without a second connection. */
async function viewOf(tx: Sql, id: string): Promise<EnrolmentView> {
  const [view] = await readEnrolments(tx, [id]);
  if (!view) throw enrolmentNotFoundError(id);
  return view;
}
