import {
  assertEligible,
  assertOpenForEnrolment,
  classFullError,
  foldDiacritics,
  isDomainError,
  maskBirthDate,
  maskNationalId,
  maskPhone,
  nameBirthKey,
  parseInput,
  type RegistrationState,
  recordNotFoundError,
  recordRef,
  type SelfRegistrationInput,
  selfRegistrationInput,
  type ValidPersonInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction, session } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import type { PeopleService } from '../people/people.js';
import type { EnrolmentService } from './enrolment.js';
import { type ClassRow, loadClass, programName, vietnamToday } from './enrolment-sql.js';

/** What the portal is told: the same shape and the same states whatever the district has on file. */
export interface RegistrationReceipt {
  /** What the person quotes when they call the center: an enrolment's id, or a review's. */
  readonly reference: string;
  readonly classCode: string;
  readonly state: RegistrationState;
}

export type ReviewReason = 'identity_mismatch' | 'possible_duplicate';

/** A registration staff must settle, as the organiser's staff list it (personal data masked). */
export interface RegistrationReview {
  readonly id: string;
  readonly classId: string;
  readonly reason: ReviewReason;
  /** The record the typed national ID (or name and birth date) points at; staff compare the two. */
  readonly matchedPersonId: string | null;
  readonly fullName: string;
  readonly birthYear: string;
  readonly nationalId: string;
  readonly phone: string | null;
  readonly waitlist: boolean;
  readonly createdAt: string;
}

/** Who the typed details are, as far as the district's records tell. */
type Identity =
  | { readonly kind: 'known'; readonly personId: string }
  | { readonly kind: 'new' }
  | { readonly kind: 'review'; readonly reason: ReviewReason; readonly matchedPersonId: string };

// Staff see why a request arrived while the class was full.
const WAITLIST_NOTE = 'Đăng ký qua cổng thông tin khi lớp đã đủ chỗ; người đăng ký đồng ý chờ.';

/**
 * Self-registration through the portal, without an oracle (ADR 0014): a stranger typing someone's
 * national ID learns nothing about whether it is on file. Every well-formed request for an open
 * class gets a receipt of one shape. Details that match a record on national ID, name and birth
 * date ask for a seat on that record; an ID on file with other details, or a new ID whose name and
 * birth date match someone recorded, becomes a review for staff — answered exactly as a new
 * person's request is. Only the person's own full details can hear "already registered".
 */
export class RegistrationService {
  private readonly today: () => string;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    private readonly people: PeopleService,
    private readonly enrolment: EnrolmentService,
    options: { today?: () => string } = {},
  ) {
    this.today = options.today ?? vietnamToday;
  }

  async register(actor: Actor, input: SelfRegistrationInput): Promise<RegistrationReceipt> {
    const data = parseInput(selfRegistrationInput, input);
    // Everything about the class is public; it is checked first, so a request that cannot succeed
    // writes nothing, and its answer is the same for anyone.
    const em = session(this.orm);
    const cls = await loadClass(em, data.classId);
    assertOpenForEnrolment(
      { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
      this.today(),
    );
    const [unit] = await em.execute('SELECT 1 FROM unit WHERE id = ?', [data.person.unitId]);
    if (!unit) {
      throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, data.person.unitId, 'person.unitId');
    }
    const full = cls.seats_taken >= cls.capacity;
    const state: RegistrationState = full ? 'waitlisted' : 'requested';
    const receipt = (reference: string, answer: RegistrationState = state): RegistrationReceipt => ({
      reference,
      classCode: cls.code,
      state: answer,
    });
    const refuseIfFull = () => {
      if (full && !data.waitlist) throw classFullError(cls.capacity);
    };
    const note = full ? WAITLIST_NOTE : null;

    let identity = await this.identify(data.person);
    if (identity.kind === 'known') {
      const [existing] = await em.execute<{ id: string }[]>(
        `SELECT id FROM enrolment WHERE class_id = ? AND person_id = ? AND state NOT IN ('withdrawn', 'rejected')`,
        [cls.id, identity.personId],
      );
      if (existing) return receipt(existing.id, 'already_registered');
      refuseIfFull();
      // The person proved who they are: the rules read their record (eligibility, clashes).
      const enrolment = await this.enrolment.request(actor, { classId: cls.id, personId: identity.personId, note });
      return receipt(enrolment.id);
    }
    refuseIfFull();
    // Anyone else is judged on what they typed alone, so no answer can tell a review from a new person.
    assertEligibleAsTyped(cls, data.person);
    if (identity.kind === 'new') {
      try {
        const person = await this.people.create(actor, data.person);
        const enrolment = await this.enrolment.request(actor, { classId: cls.id, personId: person.id, note });
        return receipt(enrolment.id);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'PERSON.DUPLICATE') throw error;
        const matchedPersonId = String(error.details.existingId);
        // The same ID recorded meanwhile by a concurrent request: whoever it is, start again.
        if (error.details.reason === 'national_id') return this.register(actor, input);
        identity = { kind: 'review', reason: 'possible_duplicate', matchedPersonId };
      }
    }
    const review = await this.openReview(actor, cls.id, data.person, identity, data.waitlist);
    return receipt(review.id, review.created ? state : 'already_registered');
  }

  /** The registrations of a class that wait for staff to settle who they are, oldest first. */
  async reviews(classId: string): Promise<RegistrationReview[]> {
    const { id } = parseInput(recordRef, { id: classId });
    const em = this.orm.em.fork();
    await loadClass(em, id);
    const rows = await em.execute<
      {
        id: string;
        class_id: string;
        reason: ReviewReason;
        matched_person_id: string | null;
        submitted: ValidPersonInput;
        waitlist: boolean;
        created_at: Date;
      }[]
    >(
      `SELECT id, class_id, reason, matched_person_id, submitted, waitlist, created_at
         FROM registration_review WHERE class_id = ? AND resolved_at IS NULL ORDER BY created_at, id`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      classId: row.class_id,
      reason: row.reason,
      matchedPersonId: row.matched_person_id,
      fullName: row.submitted.fullName,
      birthYear: maskBirthDate(row.submitted.birthDate),
      nationalId: maskNationalId(row.submitted.nationalId ?? ''),
      phone: row.submitted.phone ? maskPhone(row.submitted.phone) : null,
      waitlist: row.waitlist,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  private async identify(person: ValidPersonInput): Promise<Identity> {
    const [known] = await session(this.orm).execute<{ id: string; search_name: string; birth_date: string | null }[]>(
      "SELECT id, search_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM person WHERE national_id = ?",
      [person.nationalId],
    );
    if (!known) return { kind: 'new' };
    const same = known.search_name === foldDiacritics(person.fullName) && known.birth_date === person.birthDate;
    return same
      ? { kind: 'known', personId: known.id }
      : { kind: 'review', reason: 'identity_mismatch', matchedPersonId: known.id };
  }

  /** Records a review, or finds the open one these same details made before. */
  private async openReview(
    actor: Actor,
    classId: string,
    person: ValidPersonInput,
    identity: Extract<Identity, { kind: 'review' }>,
    waitlist: boolean,
  ): Promise<{ id: string; created: boolean }> {
    const key = nameBirthKey(person.fullName, person.birthDate);
    return inTransaction(this.orm, async (tx) => {
      const [created] = await tx.execute<{ id: string }[]>(
        `INSERT INTO registration_review (id, class_id, reason, matched_person_id, national_id, name_birth_key, submitted, waitlist)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?::jsonb, ?)
         ON CONFLICT (class_id, national_id, name_birth_key) WHERE resolved_at IS NULL DO NOTHING
         RETURNING id`,
        [classId, identity.reason, identity.matchedPersonId, person.nationalId, key, JSON.stringify(person), waitlist],
      );
      if (created) {
        await audit(tx, actor, {
          action: 'registration.review',
          entity: 'registration_review',
          entityId: created.id,
          after: { classId, reason: identity.reason, matchedPersonId: identity.matchedPersonId },
        });
        return { id: created.id, created: true };
      }
      const [open] = await tx.execute<{ id: string }[]>(
        `SELECT id FROM registration_review
          WHERE class_id = ? AND national_id = ? AND name_birth_key = ? AND resolved_at IS NULL`,
        [classId, person.nationalId, key],
      );
      if (!open) throw new Error('the open review vanished between two statements');
      return { id: open.id, created: false };
    });
  }
}

/**
 * The program's eligibility against the typed party status and education, for someone who has not
 * proved to be a recorded person: as a newcomer, they hold no certificates and passed nothing.
 */
function assertEligibleAsTyped(cls: ClassRow, person: ValidPersonInput): void {
  assertEligible(
    { code: cls.program_code, name: programName(cls), eligibility: cls.rules.eligibility },
    {
      partyStatus: person.partyStatus,
      educationLevel: person.educationLevel ?? null,
      certificates: [],
      passedPrograms: [],
    },
  );
}
